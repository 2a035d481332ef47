"""The growth a passage looking back on several years gives beside a level (这五年…地区生产总值突破2万亿元、年均
增长4.7%): the level is of the span's last year, the average growth is the span's own, a fact of its own."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from knowledge.extract.clauses import FILL
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.growths import DOWN, decimal_of
from knowledge.extract.periods import Period
from knowledge.extract.vocab import alternation

# right after the level's figure (and its 左右/以上/余): 、年均增长4.7%, 、年均增速达到5%
_AVERAGED_AFTER = re.compile(
    rf"(?:余|多)?(?:左右|以上)?[{FILL} ]*、?[{FILL} ]*(?:{alternation('averaging')})"
    rf"(?P<dir>{alternation('growth_up', 'growth_down')})(?:{alternation('growth_links')}){{0,2}}"
    r"(?P<num>\d+(?:\.\d+)?)%(?![—–~～至到-]\d)"
)


_AVERAGED = re.compile(rf"(?:{alternation('plan_averaging')})(?:{alternation('growth_up', 'growth_down')})")


def span_of_average(text: str, named: int, carried: Period | None, span: Period | None) -> Period | None:
    """这五年…。…,2025年接待游客超3亿人次。某指标年均增长4.5%。: a sentence naming no period of its own
    (`named` periods) that gives a yearly average, in a passage looking back on a span of years, is about the
    span, not the span's last year handed on from the sentence before; None when it is not such a sentence."""
    if named or span is None or carried is None or carried.kind != "year" or carried.year != span.year:
        return None
    return span if _AVERAGED.search(text) else None


def span_growths(words: str, made: list[ExtractedFact], span: Period | None) -> list[ExtractedFact]:
    """For each level of `made` read as the end year of `span` and followed in `words` by an average growth,
    that growth as a fact of the span (the level itself keeps no growth)."""
    if span is None or span.kind != "span":
        return []
    out: list[ExtractedFact] = []
    for fact in made:
        if fact.value_text is None or fact.growth is not None or fact.period.year != span.year \
                or fact.period.kind != "year":
            continue
        written = fact.value_text + (fact.unit or "")
        at = words.find(written)
        m = _AVERAGED_AFTER.match(words, at + len(written)) if at >= 0 else None
        if m is not None and (rate := decimal_of(m.group("num"))) is not None:
            out.append(averaged_growth(fact, -rate if m.group("dir") in DOWN else rate, span))
    return out


def growth_after_level(level: ExtractedFact | None, growth: re.Match[str], period: Period) -> list[ExtractedFact]:
    """An average growth in a clause of its own after a level (…突破3万亿元,年均增长4.7%): over the years looked
    back on, the growth of the level's metric; in a year's clause it is no growth of that level, nor of the year."""
    rate = decimal_of(growth.group("num")) if period.kind == "span" and level is not None else None
    if level is None or rate is None:
        return []
    return [averaged_growth(level, -rate if growth.group("dir") in DOWN else rate, period)]


def averaged_growth(level: ExtractedFact, rate: Decimal, span: Period) -> ExtractedFact:
    """The span's average growth of the metric `level` measures, as a fact with no value."""
    return replace(level, value=None, value_text=None, unit=None, growth=rate, growth_pp=None, period=span,
                   qualifiers=[])
