"""Growth rates listed in a clause of their own after the levels they are of (养殖产量6.2万吨,产值2.8亿元,同比分别
增长3.1%和5.6%): the n rates go, in order, to the n levels read just before them in the sentence, or to none.

The clause grammar reads levels clause by clause; a rate in a later clause goes to the level before it. A list of
rates after 分别 names no metric: left to the clause grammar, its first rate would go to the last level alone.
The 分别 lists that name their things (甲、乙分别增长…) and the rates after a 分别 list of levels (lists.py) are read
before this, and their spans are blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.growths import DOWN, decimal_of
from knowledge.extract.vocab import alternation

_VERB = rf"(?:{alternation('growth_up', 'growth_down')})"
_LINKS = rf"(?:{alternation('growth_links')}){{0,2}}"
_ITEM = rf"(?P<verb>{_VERB})?{_LINKS}(?P<num>\d+(?:\.\d+)?)(?P<unit>%|个百分点|个)?"
_ITEM_RE = re.compile(_ITEM)
# 分别增长3.1%和5.6%, 分别同比增长…, 分别下降0.5个、1.2个百分点: after the spans blanked, nothing but the rates
_RUN = re.compile(
    rf"(?:同比)?分别(?:同比|比上年|较上年)?(?P<verb>{_VERB}){_LINKS}"
    rf"(?P<items>\d+(?:\.\d+)?(?:%|个百分点|个)?(?:[、和及与]{_VERB}?{_LINKS}\d+(?:\.\d+)?(?:%|个百分点|个)?)+)"
)
_CLAUSE = re.compile(r"[^,;。]+")


@dataclass(frozen=True, slots=True)
class GrowthRun:
    start: int  # the clause's offsets in the sentence
    end: int
    rates: tuple[tuple[Decimal, str], ...]  # each rate signed, and its unit (% or 个百分点)


def growth_runs(text: str) -> list[GrowthRun]:
    """The clauses of `text` that are nothing but a 分别 list of growth rates."""
    if "分别" not in text:
        return []
    out: list[GrowthRun] = []
    for clause in _CLAUSE.finditer(text):
        words = mask_spans(clause.group(0)).replace(FILL, "").strip()
        m = _RUN.fullmatch(words)
        if m is None:
            continue
        rates = _rates(m)
        if rates:
            out.append(GrowthRun(clause.start(), clause.end(), rates))
    return out


def _rates(m: re.Match[str]) -> tuple[tuple[Decimal, str], ...]:
    items = re.split("[、和及与]", m.group("items"))
    parsed = [_ITEM_RE.fullmatch(item) for item in items]
    if any(p is None for p in parsed):
        return ()
    units: list[str] = []
    following = ""
    for p in reversed(parsed):
        assert p is not None
        unit = p.group("unit") or following
        if unit == "个" and following == "个百分点":
            unit = following  # 0.5个、1.2个百分点
        units.insert(0, unit)
        following = unit
    if any(u not in ("%", "个百分点") for u in units):
        return ()
    rates = []
    for p, unit in zip(parsed, units, strict=True):
        assert p is not None
        number = decimal_of(p.group("num"))
        if number is None:
            return ()
        down = (p.group("verb") or m.group("verb")) in DOWN
        rates.append((-number if down else number, unit))
    return tuple(rates)


def parts_start(text: str, run: GrowthRun) -> int | None:
    """Where the parts the run may be of begin: the last clause before it opening with 其中 (…3000亿元,其中第二产业
    1200亿元、第三产业1600亿元,分别增长…: the rates are the parts', not the whole's)."""
    at = text.rfind("其中", 0, run.start)
    return at if at >= 0 and (at == 0 or text[at - 1] in ",;") else None


def give_rates(run: GrowthRun, levels: list[ExtractedFact]) -> None:
    """Give the run's rates to the levels read before it (`levels`: the sentence's facts so far, or those after
    its 其中), when the levels without a growth at their end are exactly as many as the rates; otherwise to none
    (which is which is not known)."""
    n = len(run.rates)
    bare: list[ExtractedFact] = []
    for fact in reversed(levels):
        if fact.value is None or fact.growth is not None or fact.growth_pp is not None:
            break
        bare.insert(0, fact)
    if len(bare) != n:
        return
    for fact, (_rate, unit) in zip(bare, run.rates, strict=True):
        if (unit == "%") == (fact.unit == "%"):
            return  # a rate's change is in points, an amount's in per cent
    for fact, (rate, unit) in zip(bare, run.rates, strict=True):
        if unit == "%":
            fact.growth = rate
        else:
            fact.growth_pp = rate
