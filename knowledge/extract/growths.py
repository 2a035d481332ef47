"""Growth rates beside a figure: 同比增长5.2%, 下降3个百分点, 两年平均增长 (an average over years)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from knowledge.extract.clauses import FILL
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.periods import find_periods
from knowledge.extract.vocab import alternation, word_classes

GROWTH_RE = re.compile(
    rf"(?P<yoy>同比)?(?P<dir>{alternation('growth_up', 'growth_down')})(?:{alternation('growth_links')}){{0,2}}"
    r"(?P<num>-?\d+(?:\.\d+)?)(?P<unit>%|个百分点)(?![—–~～至到-]\d+(?:\.\d+)?%)"  # 增长5%—6%: no one rate
)
DOWN = frozenset(word_classes()["growth_down"])

_COMMA = re.compile(r"[,;]")
AVERAGING = tuple(word_classes()["averaging"])
NOMINAL = tuple(word_classes()["nominal"])


def attach_growth(fact: ExtractedFact, after: str) -> None:
    head = _COMMA.split(after, maxsplit=1)[0]
    if (m := GROWTH_RE.search(head)) and not is_averaged(head, m) and not is_nominal(head, m):
        set_growth(fact, m)


def names_a_span(text: str, year: int | None) -> bool:
    """近四年, 过去五年: does `text` name a span of years of its own?"""
    return any(m.period.kind == "span" for m in find_periods(text, published=None, default_year=year))


def is_averaged(text: str, growth: re.Match[str]) -> bool:
    """两年平均增长, 年均增长: is the growth rate an average over several years?"""
    return text[: growth.start()].replace(FILL, "").rstrip().endswith(AVERAGING)


def is_nominal(text: str, growth: re.Match[str]) -> bool:
    """名义增长8.1%: is the growth rate one at current prices (not the comparable-price growth)?"""
    return text[: growth.start()].replace(FILL, "").rstrip().endswith(NOMINAL)


def set_growth(fact: ExtractedFact, m: re.Match[str]) -> None:
    number = decimal_of(m.group("num"))
    if number is None:
        return
    if m.group("dir") in DOWN:
        number = -number
    if m.group("unit") == "个百分点":
        fact.growth_pp = number
    else:
        fact.growth = number


def decimal_of(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
