"""The word classes of rank claims (knowledge/data/rankings.toml) and the pattern pieces built from them."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    return tomllib.loads(resources.files("knowledge.data").joinpath("rankings.toml").read_text("utf-8"))


def alt(items: list[str]) -> str:
    return "|".join(map(re.escape, sorted(set(items), key=len, reverse=True)))


def scope_levels() -> dict[str, str]:
    return {w: level for level, listed in words()["scopes"].items() for w in listed}


# 居 starts 居民, 列 starts 列入: a one-character verb must not begin a longer word
VERB = rf"(?:{alt(words()['rank_verbs'])})(?![民住委家然入车为出])"
SCOPE = rf"(?:{alt(list(scope_levels()))})"
NUM = r"\d{1,3}|[一二三四五六七八九十百]{1,4}"
# 紧跟A和B, 仅低于A、B: the places compared with are neither the subject nor what is ranked
COMPARISON = re.compile(rf"(?:{alt(words()['comparisons'])})")
# 倒数第二 counts from the end: its number is no position (the count of units is not known for the year)
COUNTED_FROM_END = re.compile(rf"(?:{alt(words()['counted_from_end'])})第?$")
