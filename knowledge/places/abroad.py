"""Places the gazetteer does not hold: countries, world regions and cities abroad (美国, 欧盟, 东京), and the
other place names jieba knows (长三角, 中关村). A question about one of them is outside the base.

Data: knowledge/data/abroad.json, built by scripts/build_abroad.py from the Unicode CLDR (via babel).
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from importlib.resources import files

from knowledge.places.gazetteer import Gazetteer
from knowledge.text.segment import place_words, token_bounds, tokens_at


@lru_cache(maxsize=1)
def abroad_names() -> frozenset[str]:
    data = json.loads(files("knowledge").joinpath("data", "abroad.json").read_text(encoding="utf-8"))
    return frozenset([*data["countries"], *data["cities"]])


@lru_cache(maxsize=1)
def place_kinds() -> frozenset[str]:
    """城市, 山区, 农村: kinds of place that jieba tags as place names (knowledge/data/place_kinds.toml)."""
    raw = tomllib.loads(files("knowledge").joinpath("data", "place_kinds.toml").read_text(encoding="utf-8"))
    return frozenset(raw["kinds"])


def outside_place(text: str, gazetteer: Gazetteer, vocabulary: str = "") -> str | None:
    """The first place named in `text` that the gazetteer does not hold, if any.

    A name counts only as a whole word of the text (里加 is no city inside 里加工), and never when it is a
    gazetteer form (exactly: a typo reading could take 东京 for 北京) or part of a word the base itself uses
    (`vocabulary`: its metric names, ranking titles and scopes, one text), so that 城镇 in 城镇居民收入 or
    东南 in a scope such as 渝东南 is not read as a place.
    """
    if not re.search(r"[\u4e00-\u9fff]{2}", text):
        return None
    tokens = tokens_at(text)
    bounds = token_bounds(text, tokens)
    jieba_places = place_words()
    # 哪个城市: a kind of place, no place
    found = [(at, token) for at, token in tokens if token in jieba_places and token not in place_kinds()]
    for name in abroad_names():
        start = text.find(name)
        if start != -1 and start in bounds and start + len(name) in bounds:
            found.append((start, name))
    for _, name in sorted(found, key=lambda pair: (pair[0], -len(pair[1]))):
        if not gazetteer.sharing(name) and name not in vocabulary:  # exact forms: 东京 is no typo of 北京
            return name
    return None
