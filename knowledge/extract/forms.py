"""Shared pieces of the structured figure forms (ratios.py, lists.py): the figure record, the word lists of
knowledge/data/lists.toml, and how names in a list share their heads (第一、二、三产业增加值)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import MASK
from knowledge.extract.metrics import canonical_metric, clean_phrase, metric_in_phrase
from knowledge.extract.nounphrase import noun_phrase_in
from knowledge.extract.periods import Period
from knowledge.places.gazetteer import Region

PeriodAt = Callable[[int], Period]
Subject = tuple[Region, str]
NUM = r"\d+(?:\.\d+)?"
CLAUSE_MARK = re.compile(r"[,;。:!?]")


@dataclass(slots=True)
class Listed:
    """One figure read from a structured form; `at` is the value's offset in the sentence."""

    at: int
    region: Region
    region_surface: str
    metric: str
    metric_surface: str
    value: Decimal | None
    value_text: str | None
    unit: str | None
    period: Period
    growth: Decimal | None = None
    growth_pp: Decimal | None = None
    qualifiers: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    return tomllib.loads(resources.files("knowledge.data").joinpath("lists.toml").read_text("utf-8"))


def alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


_D = data()
_MEASURE_END = tuple(_D["list"]["measure_ends"])
_INDUSTRY = frozenset(_D["list"]["industry_heads"])
_HEADS = sorted(_D["list"]["heads"], key=len, reverse=True)
_ORDINALS = "".join(_D["list"]["ordinals"])


def decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in CLAUSE_MARK.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def subject_of(text: str, ctx: ArticleContext, at: int,
             subject: Subject | None) -> Subject | None:
    """The region the clause at `at` talks about: the last one named in a clause up to it, as read in order."""
    start = 0
    for mark in (*CLAUSE_MARK.finditer(text, 0, at), None):
        end = mark.start() if mark else (m.start() if (m := CLAUSE_MARK.search(text, at)) else len(text))
        subject = ctx.subject_at(text, start, clause=text[start:end]) or subject
        start = end + 1
    return subject


def surfaces(text: str, ctx: ArticleContext) -> dict[str, Region]:
    """The places a sentence names, by surface; a unit written right after the unit above it (某市某区) is also
    named by the two together, so that a list opened by the pair is the inner unit's, not the outer one's."""
    placed = ctx.places(text, (0, len(text)))
    found = {s: r for _at, r, s in placed}
    for (at, outer, first), (next_at, inner, second) in pairwise(placed):
        if next_at == at + len(first) and outer in ctx.gazetteer.chain(inner)[1:]:
            found[first + second] = inner
    return found


def sector(name: str) -> str:
    sectors: dict[str, str] = _D["list"]["sectors"]
    return sectors.get(name, name)


def heads_of(name: str) -> tuple[str, list[str]]:
    """'高新技术产业增加值' → ('高新技术', ['产业', '增加值']): the heads a list's last name may share."""
    heads: list[str] = []
    peeled = True
    while peeled:
        peeled = False
        for head in _HEADS:
            if name.endswith(head) and len(name) > len(head):
                name, peeled = name[: -len(head)], True
                heads.insert(0, head)
                break
    return name, heads


def join(name: str, tail: str) -> str:
    """'城镇居民' + '居民人均可支配收入' → '城镇居民人均可支配收入': the overlap is written once."""
    for k in range(min(len(name), len(tail)), 0, -1):
        if name.endswith(tail[:k]):
            return name + tail[k:]
    return name + tail


def distribute(items: list[str]) -> list[str]:
    """Give every name the heads the last one carries (第一、二、三产业增加值 → 第一产业增加值…)."""
    if re.fullmatch(rf"第?[{_ORDINALS}]", items[0]) and all(i[:1] in _ORDINALS for i in items[1:]):
        items = ["第" + i.removeprefix("第") for i in items]
    items = [sector(i) for i in items]
    shared = heads_of(items[-1])[1]
    owner, owned = heads_of(items[0])
    if not shared and owned and all(i.endswith(_MEASURE_END) and not i.startswith(owner) for i in items[1:]):
        return [items[0]] + [owner + i for i in items[1:]]  # 民营经济户数、从业人员 → 民营经济从业人员
    # 规上工业营业收入、利润总额: a catalogue name the first one's opening words make of the others
    items = [items[0]] + [_catalogue_prefixed(items[0], i) for i in items[1:]]
    out = []
    for item in items[:-1]:
        own = heads_of(item)[1]
        if not shared or canonical_metric(item) or metric_in_phrase(item) or item.endswith(_MEASURE_END) \
                or (own and own[-1] not in _INDUSTRY):
            out.append(item)  # already a whole metric name: 制造业投资、高技术产业投资
            continue
        overlap = next((k for k in range(min(len(own), len(shared)), 0, -1) if own[-k:] == shared[:k]), 0)
        rest = shared[overlap:]
        while item.endswith("业") and rest and rest[0] in _INDUSTRY:
            rest = rest[1:]  # 电子信息工业 is an industry already: it takes 增加值, not 制造业增加值
        out.append(join(item, "".join(rest)))
    out.append(items[-1])
    return out


def _catalogue_prefixed(first: str, item: str) -> str:
    if canonical_metric(item):
        return item
    for cut in range(len(first) - 1, 1, -1):
        if canonical_metric(first[:cut] + item):
            return first[:cut] + item
    return item


def metric_of(name: str) -> str | None:
    name = clean_phrase(name)
    if len(name) < 2 or MASK in name:
        return None
    return canonical_metric(name) or metric_in_phrase(name) or noun_phrase_in(name)
