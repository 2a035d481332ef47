"""Figures that restate the fact just read instead of naming a metric of their own: the same value in another
unit (26438千公顷(39657万亩)), its change over the period (比年初增加440.5亿元), the exact value after a
threshold (跨越4000亿元,达到4064.9亿元) and the level after a growth rate (增长12%至98亿元); a figure given
with its earlier value (比重从39.8%提高到65.1%); and the same figure stated twice in an article (one fact)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from knowledge.extract.clauses import FILL
from knowledge.extract.periods import Period
from knowledge.extract.vocab import alternation, word_classes

if TYPE_CHECKING:
    from knowledge.extract.fact import ExtractedFact

CHANGE_HEAD = "增量"  # the change of a metric over its period: 存款余额增量
# A figure restated in brackets in another unit: 26438千公顷(39657万亩), 70429元(折合10209美元)
_ALTERNATE = re.compile(r"\s*[((](?:折合|约合|合|折)?")
# The change of a stock: (比年初)增加440.5亿元; the base itself is blanked by the span tagger
# A sum converted into another currency after a comma: 按年均汇率折算为12200美元, 折合1.8万美元
_CONVERTED = re.compile(r"(?:按[\u4e00-\u9fff]{0,8}?)?(?:折合|折算为|折算成|折算|约合)")
# (、比年初增加: 、 may join the two like a comma); 新增 is the change only after a base (比上年新增), alone it may
# count the new ones (新增企业15家) rather than the net change
_INCREMENT = re.compile(r"、?(?:比|较)?(?:增加了?|净增加?)")
_NEW_INCREMENT = re.compile(r"、?(?:比|较)?新增加?")
_BASED = re.compile(r"(?:比|较|与)[^,;。、]{0,12}?新增")
_BASE_YEAR = re.compile(r"((?:19|20)\d\d)年")
_NOT_A_LEVEL = (None, "%", "‰", "个百分点")
_CROSSING = re.compile(rf"(?:{alternation('threshold_verbs')})$")
_CROSSED = re.compile(rf"[\u4e00-\u9fff]{{0,3}}(?:{alternation('threshold_nouns')})")
_LINK = re.compile(alternation("value_links"))
_LEVEL_LINK = re.compile(alternation("value_links", "level_links"))
_PERMILLE_CHANGE = re.compile(rf"(?P<dir>{alternation('growth_up', 'growth_down')})(?P<num>\d+(?:\.\d+)?)个千分点")
_DOWN = frozenset(word_classes()["growth_down"])
THRESHOLD = "超过"  # the qualifier of a threshold crossed
MILESTONE = "台阶"  # the mark of a milestone figure (迈上5000亿元台阶) until an exact value takes it over
_EXACTED = ("超过", "突破")
# 从39.8%提高到65.1%, 由上年的17.8%下降至17.2%: an earlier value, a verb of change and the later value in the same
# unit (the later is looked at, not consumed)
_FROM_TO = re.compile(
    r"(?:从|由)(?P<mid>(?:[^\d,;。]|(?:19|20)\d\d年){0,8}?)(?<![\d.])(?P<a>\d+(?:\.\d+)?)(?P<approx>余|多)?"
    rf"(?P<unit>%|‰|[万亿千]?[\u4e00-\u9fff]{{1,3}}?)"
    rf"(?:{alternation('growth_up', 'growth_down')}|{alternation('shift_verbs')})(?:到|至)"
    rf"(?:(?:{alternation('shift_now')})的)?"
    r"(?=(?P<b>\d+(?:\.\d+)?)(?:余|多)?(?P=unit))"
)
_YEAR_BEFORE = ("上年", "去年", "上一年")
_HOUSEHOLDS = frozenset(word_classes()["household_counters"])
_PERSONS = frozenset(word_classes()["person_counters"])
_PEOPLE_COUNT = word_classes()["people_count"][0]
# (the later value as written, the earlier value as written, the earlier value's period, its qualifiers)
Shift = tuple[str, str, Period, list[str]]


def crossed(clause: str, m: re.Match[str], start: int) -> bool:
    """迈上5000亿元台阶, 跨越4000亿元: is the figure `m` a threshold crossed? (`start`: where its words begin)"""
    return bool(_CROSSED.match(clause, m.end()) or _CROSSING.search(clause[start : m.start()].replace(FILL, "").strip())
                or m.group("pre") in ("突破", "超过", "超", "逾"))


def as_bound(fact: ExtractedFact) -> ExtractedFact:
    """A milestone no exact value took over (迈上5000亿元台阶 and nothing after): the figure is the value, as a
    bound (超过), like a threshold crossed (突破90亿元)."""
    if MILESTONE in fact.qualifiers:
        # a bound whatever verb passed it (突破5000亿元大关 too): the gates treat it as one (超过)
        fact.qualifiers = list(dict.fromkeys(THRESHOLD if q == MILESTONE else q for q in fact.qualifiers))
    return fact


def without_passed_bounds(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """`facts` less the thresholds (突破7000亿元大关, 超过800万人) whose exact value the article gives elsewhere
    (7021.5亿元, of the same place, metric and period): the bound only says less than the value does."""
    exact = [f for f in facts if f.value is not None and not set(_EXACTED) & set(f.qualifiers)]
    return [f for f in facts if not (f.value is not None and set(_EXACTED) & set(f.qualifiers) and any(
        e.region.code == f.region.code and e.metric == f.metric and e.period == f.period
        and base_unit(e.unit) == base_unit(f.unit) and e.value is not None
        and _scaled(e.value, e.unit) >= _scaled(f.value, f.unit) for e in exact))]


def milestone_after(clause: str, m: re.Match[str]) -> bool:
    """迈上5000亿元台阶: a threshold noun right after the figure."""
    return _CROSSED.match(clause, m.end()) is not None


def threshold_run(clause: str, figures: list[re.Match[str]], i: int) -> bool:
    """连跨6000亿元、7000亿元两大台阶: a run of figures joined by 、 that ends in a threshold noun."""
    lo = hi = i
    while lo > 0 and clause[figures[lo - 1].end() : figures[lo].start()] == "、":
        lo -= 1
    while hi + 1 < len(figures) and clause[figures[hi].end() : figures[hi + 1].start()] == "、":
        hi += 1
    return hi > lo and _CROSSED.match(clause, figures[hi].end()) is not None


def exact_value(between: str, m: re.Match[str], last: ExtractedFact) -> bool:
    """跨越4000亿元,达到4064.9亿元: a bare link verb and a larger value in the threshold's unit after a threshold
    fact; `last` then takes this value (and loses its 超过)."""
    value = _decimal(m.group("num"))
    if value is None or last.value is None or not any(q in last.qualifiers for q in _EXACTED):
        return False
    words = between.replace(FILL, "").strip()
    linked = _LINK.fullmatch(words) or (not words and m.group("pre") in ("达到", "达"))  # the verb may open `m`
    if not linked or base_unit(m.group("unit")) != base_unit(last.unit):
        return False
    return _scaled(value, m.group("unit")) >= _scaled(last.value, last.unit)


def level_after_growth(between: str, pre: str | None, unit: str | None, last: ExtractedFact) -> bool:
    """提高1.2个百分点,达到50.3%; 增长12%至98亿元: a bare link verb and a level after a growth-only fact; `last`
    then takes the level. A change in points is a rate's, so its level is in %."""
    if last.value is not None or (last.growth is None and last.growth_pp is None) or unit in (None, "个百分点"):
        return False
    words = between.replace(FILL, "").strip()
    if not (_LEVEL_LINK.fullmatch(words) or (not words and pre in ("达到", "达"))):
        return False
    return unit == "%" if last.growth_pp is not None else unit not in ("%", "‰")


def permille_change(clause: str, last: ExtractedFact) -> ExtractedFact | None:
    """比上年下降0.66个千分点 in the clause after a rate in ‰: the rate's change, a fact of its own named
    〈rate〉下降幅度 or 〈rate〉提高幅度 (growth_pp is for percentage points only)."""
    m = _PERMILLE_CHANGE.fullmatch(clause.replace(FILL, "").strip().rstrip("。"))
    if m is None or last.unit != "‰" or (value := _decimal(m.group("num"))) is None:
        return None
    way = "下降" if m.group("dir") in _DOWN else "提高"
    metric = f"{last.metric}{way}幅度"
    return replace(last, metric=metric, metric_surface=metric, value=value, value_text=m.group("num"),
                   unit="个千分点", growth=None, growth_pp=None, qualifiers=[])


def _other_currency(unit: str | None, other: str | None) -> bool:
    """元 and 美元, 亿元 and 亿美元: two units of money, in two currencies."""
    return bool(unit and other and unit.endswith("元") and other.endswith("元")
                and unit.lstrip("万亿千") != other.lstrip("万亿千"))


def _scaled(value: Decimal, unit: str | None) -> Decimal:
    scale = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千": Decimal(10) ** 3}
    unit = unit or ""
    if unit.startswith("万亿"):
        return value * Decimal(10) ** 12
    return value * scale.get(unit[:1], Decimal(1)) if unit[1:] and unit[:1] in scale else value


def restated(between: str, written: str, m: re.Match[str], last: ExtractedFact, adjacent: bool,
             chain: list[ExtractedFact]) -> ExtractedFact | None:
    """The figure `m` when it restates `last`: in brackets right after it (`adjacent`), in another unit; or its
    change since the last period, a flow over the year of a stock read at its end. `between` is the clause
    from the last figure to `m` with its spans blanked, `written` the same characters as written."""
    unit = m.group("unit") or None
    value = _decimal(m.group("num"))
    if value is None or last.value is None or unit in _NOT_A_LEVEL:
        return None
    if adjacent and _ALTERNATE.fullmatch(between):
        return replace(last, value=value, value_text=m.group("num"), unit=unit, qualifiers=list(last.qualifiers))
    if adjacent and not between.strip(FILL + " ") and base_unit(last.unit) in _HOUSEHOLDS \
            and base_unit(unit) in _PERSONS and not last.metric.endswith(_PEOPLE_COUNT):
        # 搬迁2100户8300人: the households, then the people in them (…人数)
        return replace(last, metric=last.metric + _PEOPLE_COUNT, metric_surface=last.metric_surface + _PEOPLE_COUNT,
                       value=value, value_text=m.group("num"), unit=unit, growth=None, growth_pp=None,
                       qualifiers=list(last.qualifiers))
    words = between.replace(FILL, "").strip()
    if _CONVERTED.fullmatch(words) and _other_currency(last.unit, unit):
        # …80999元,按年均汇率折算为12200美元: the same sum in another currency (its growth is the first's)
        return replace(last, value=value, value_text=m.group("num"), unit=unit, growth=None, growth_pp=None,
                       qualifiers=list(last.qualifiers))
    units = {base_unit(f.unit) for f in chain if f.metric == last.metric}
    increment = _INCREMENT.fullmatch(words) or (_NEW_INCREMENT.fullmatch(words) and _BASED.search(written))
    if not increment or last.metric.endswith(CHANGE_HEAD) or base_unit(unit) not in units:
        return None
    if "同比" in written or "环比" in written:
        return None  # 同比增加11天: a comparison with the same months a year before, read like a growth rate
    period = last.period
    if (base := _BASE_YEAR.search(written)) and period.year and int(base.group(1)) != period.year - 1:
        return None  # 较2015年增加: a change over several years, not the period's own
    if period.kind == "asof" and period.asof and (period.asof.month, period.asof.day) == (12, 31):
        period = Period("year", period.year)
    return replace(last, metric=last.metric + CHANGE_HEAD, metric_surface=last.metric_surface + CHANGE_HEAD,
                   value=value, value_text=m.group("num"), unit=unit, growth=None, growth_pp=None, period=period,
                   qualifiers=[])


def restated_from(fact: ExtractedFact, earlier: list[ExtractedFact]) -> ExtractedFact | None:
    """The figure `fact` restates in another unit (5123.4千公顷(7685.1万亩) → the 千公顷 one): the fact right before it
    in `earlier`, of the same place, metric and period, in a unit of another dimension, with no growth of its own."""
    at = next((i for i, f in enumerate(earlier) if f is fact), None)
    if not at or fact.value is None:
        return None
    first = earlier[at - 1]
    if (first.region.code, first.metric, first.period) != (fact.region.code, fact.metric, fact.period) \
            or first.value is None or first.growth is not None or first.growth_pp is not None \
            or base_unit(first.unit) == base_unit(fact.unit):
        return None
    return first


def repeats(fact: ExtractedFact, earlier: list[ExtractedFact]) -> bool:
    """The same figure stated twice (a heading echoed, a summary restated) is one fact; a growth rate given
    only the second time joins the first."""
    key = (fact.region.code, fact.metric, fact.period, fact.value)
    for e in earlier:
        if (e.region.code, e.metric, e.period, e.value) != key:
            continue
        if e.growth == fact.growth or (fact.value is not None and (e.growth is None or fact.growth is None)):
            if e.growth is None:
                e.growth = fact.growth
            return True
    return False


def two_periods(clause: str, written: str, period: Period, span: Period | None = None) -> tuple[str, list[Shift]]:
    """比重从39.8%提高到65.1%: the clause with the earlier value and the verb blanked (offsets kept), so that it
    reads the later value as the clause period's; and the earlier values whose own period the text names
    (由上年的17.8%, 从2020年的…), which are facts of that period. An earlier value with no period is dropped,
    unless the clause looks back on a `span` of years (这五年,…从26.7%提高到52.1%): then it is the level the
    span started from, of the year before its first. `written` is the clause as written (its period words are
    blanked in `clause`)."""
    shifts: list[Shift] = []
    for m in _FROM_TO.finditer(clause):
        clause = clause[: m.start()] + FILL * (m.end() - m.start()) + clause[m.end() :]
        earlier = _earlier_period(written[m.start("mid") : m.end("mid")], period)
        if earlier is None and span is not None and span.first is not None and not m.group("mid").strip(FILL):
            earlier = Period("year", span.first - 1, 1, 12)
        if earlier is not None:
            shifts.append((m.group("b"), m.group("a"), earlier, ["余"] if m.group("approx") else []))
    return clause, shifts


def earlier_facts(made: list[ExtractedFact], shifts: list[Shift]) -> list[ExtractedFact]:
    """The earlier values of `shifts`, each a copy of the fact read from its later value."""
    out: list[ExtractedFact] = []
    for later, earlier, period, qualifiers in shifts:
        fact = next((f for f in made if f.value_text == later), None)
        if fact is not None and (value := _decimal(earlier)) is not None:
            out.append(replace(fact, value=value, value_text=earlier, growth=None, growth_pp=None, period=period,
                               qualifiers=qualifiers))
    return out


def _earlier_period(mid: str, later: Period) -> Period | None:
    if year := _BASE_YEAR.search(mid):
        return Period("year", int(year.group(1)), 1, 12)
    if any(w in mid for w in _YEAR_BEFORE) and later.kind == "year" and later.year:
        return Period("year", later.year - 1, 1, 12)
    return None


def base_unit(unit: str | None) -> str:
    """亿元 and 万元 are one dimension, 千公顷 and 公顷 another: the unit without its multiplier."""
    return (unit or "").lstrip("万亿千")


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
