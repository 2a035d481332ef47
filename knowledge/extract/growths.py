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
_CHANGE = rf"(?:{alternation('growth_up', 'growth_down')})"
_NOMINAL = re.compile(rf"(?:{alternation('nominal')}){_CHANGE}-?\d+(?:\.\d+)?%")
_COMPARABLE = re.compile(rf"[^。]*?(?:{alternation('comparable')})[^。\d]{{0,12}}?{_CHANGE}")


def attach_growth(fact: ExtractedFact, after: str) -> None:
    head = _COMMA.split(after, maxsplit=1)[0]
    if (m := GROWTH_RE.search(head)) and not is_averaged(head, m):
        set_growth(fact, m)


def names_a_span(text: str, year: int | None) -> bool:
    """近四年, 过去五年: does `text` name a span of years of its own?"""
    return any(m.period.kind == "span" for m in find_periods(text, published=None, default_year=year))


def is_averaged(text: str, growth: re.Match[str]) -> bool:
    """两年平均增长, 年均增长: is the growth rate an average over several years?"""
    return text[: growth.start()].replace(FILL, "").rstrip().endswith(AVERAGING)


def nominal_spans(text: str) -> list[tuple[int, int]]:
    """名义增长6.8%,按可比价格计算增长7.0%: the spans of the rates at current prices that a comparable-price rate
    (实际增长, 按可比价格计算…增长) follows in the sentence. Statistics give a level's growth at comparable prices; a
    nominal rate alone is still the one given."""
    out = []
    for m in _NOMINAL.finditer(text):
        if _COMPARABLE.match(text, m.end()):
            out.append(m.span())
    return out


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
