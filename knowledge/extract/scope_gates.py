"""Gates on whose figure a fact is and what it was measured against (knowledge/extract/gates.py applies them with
the gates on its name). Each is one general reason a figure read from a sentence is not the region's own level:

- a sub-unit: a proper name with the head of a town, a zone or a park (某某镇一般公共预算收入, 某地经济开发区
  实现地区生产总值…) names a unit inside the region; the figure is that unit's, not the region's.
- a place for a name: a metric that is a place's name or lists one (甲、乙、丙4个千亿县 read as 丙: 4个) is
  a list's size, not an indicator of the region.
- a yardstick: a share of another place's average (达到全省平均水平的95%) measures the region against it.
- two statements run together: a list item before the metric holding a rank (产量全国第一、某产品占比60%)
  shows the name crossed from one statement into the next.
- a base year: a growth rate measured from a stated year other than the one before the period (比2019年增长
  12.5% in a 2021 report) is a change over several years, not the period's growth; the rate is dropped, and
  a fact that was only that rate with it.
- a firm's figure: a name with a business's measure (某某化学营业收入), the name marking no industry or kind
  of unit, is one company's, not the region's.
- a policy's articles: a count in 条 named by or followed by 政策, 措施… counts a policy's articles.
- a list's figure: an amount under the name of a list of places (百强县GDP总量, 入围门槛) is the list's.
- a plan: a figure after a plan word at the head of its clause (全市计划实施项目200个, 今年力争增长7%) is a
  goal; with no target year dating it, it would be stored as an outcome.
- a year still young: no year's outcome is reported in its first half; a figure of the year a text was
  published in, by June, is that year's goal (target), unless 预计 makes it an estimate.
- a census: figures cited from a population census stand at its standard moment (asof:2020-11-01).
- a growth restated: a growth rate given in a clause of its own for an indicator whose value the sentence gave
  for the same region and period (某市GDP2770亿元,…;GDP同比增长8.8%) is that value's growth, not a second fact.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metrics import canonical_metric, metrics
from knowledge.extract.periods import Period
from knowledge.extract.vocab import ANAPHOR_MARKS, word_classes


@lru_cache(maxsize=1)
def _gates_toml() -> dict[str, Any]:
    return tomllib.loads(resources.files("knowledge.data").joinpath("gates.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def gate_words() -> dict[str, frozenset[str]]:
    """The gates' word classes (knowledge/data/gates.toml)."""
    return {name: frozenset(words) for name, words in _gates_toml().items() if isinstance(words, list)}


@lru_cache(maxsize=1)
def _census() -> tuple[re.Pattern[str], dict[str, date]]:
    days = {name: date.fromisoformat(day) for name, day in _gates_toml()["census_days"].items()}
    names = "|".join(map(re.escape, sorted(days, key=len, reverse=True)))
    return re.compile(rf"(?<![与比较同])(?:{names})"), days


@lru_cache(maxsize=64)  # asked for every fact
def _longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted(gate_words()[name], key=len, reverse=True))


@lru_cache(maxsize=64)
def _alternation(name: str) -> str:
    return "|".join(map(re.escape, _longest_first(name)))


def _is_open(fact: ExtractedFact) -> bool:
    return fact.metric not in metrics()


# a proper name (no scope word 全/本/我/该/各 first, no 城/乡/村 of 城镇, 乡镇, 村镇 before the head) and a head
_NAMED_UNIT = r"(?:(?![全本我该各城乡村])[\u4e00-\u9fff]){2,5}?(?:{heads})"


@lru_cache(maxsize=1)
def _sub_unit_metric() -> re.Pattern[str]:
    return re.compile(_NAMED_UNIT.replace("{heads}", _alternation("sub_unit_heads")) + "(?P<rest>.+)")


@lru_cache(maxsize=1)
def _sub_unit_opening() -> re.Pattern[str]:
    heads = _alternation("sub_unit_heads")
    return re.compile(rf"\s*(?:其中|另外|此外)?(?:(?![全本我该各])[\u4e00-\u9fff]){{2,8}}?(?:{heads})"
                      rf"(?:{_alternation('sub_unit_verbs')})")


def _opened_by_a_sub_unit(fact: ExtractedFact, sentence: str) -> bool:
    """Does the fact's clause, or one before it in the sentence with no mention of the fact's region between,
    open with a sub-unit doing something (某某产业园已入驻企业45家,总投资50亿元)?"""
    figure = _figure_text(fact)
    clauses = [c.group() for c in _CLAUSE.finditer(sentence)]
    at = next((i for i, c in enumerate(clauses) if figure and figure in c), None)
    if at is None:
        return False
    for clause in reversed(clauses[: at + 1]):
        if _sub_unit_opening().match(clause):
            return True
        if fact.region_surface and fact.region_surface in clause:
            return False
    return False


def is_a_sub_unit(fact: ExtractedFact, sentence: str) -> bool:
    """The figure of a town, a zone or a park inside the region: its name opens the metric (某镇一般公共预算收入),
    stands between the region's name and the metric (某地经济开发区实现地区生产总值), or opens the clause, or
    one before it, with a verb (某某产业园已入驻企业45家,总投资50亿元)."""
    if (m := _sub_unit_metric().fullmatch(fact.metric)) and canonical_metric(m.group("rest")) in metrics():
        return True
    if _opened_by_a_sub_unit(fact, sentence):
        return True
    surface = fact.region_surface
    if not surface or surface[0] in ANAPHOR_MARKS or not fact.metric_surface:
        return False
    return _named_between().match(f"{surface}\0{fact.metric_surface}\0{sentence}") is not None


@lru_cache(maxsize=1)
def _named_between() -> re.Pattern[str]:
    """The region's name, a sub-unit's name and the metric, in this order, in a sentence. One pattern for
    all facts: name and metric head the text searched (name, NUL, metric, NUL, sentence) and are matched by
    backreference; a pattern made for each fact was compiled again nearly every time (`re` caches 512)."""
    heads = _alternation("sub_unit_heads")
    return re.compile(rf"(?P<name>[^\0]*)\0(?P<metric>[^\0]*)\0.*?(?P=name)(?:(?![城乡村,;。])[\u4e00-\u9fff]){{0,4}}?"
                      rf"(?:{heads})(?:实现|完成|的)?(?P=metric)", re.DOTALL)


def names_a_place(fact: ExtractedFact, place_words: Collection[str]) -> bool:
    """A metric that is a place's name, or a list ending with one (新增甲、乙2个千亿县 read as 乙 or as 新增甲、
    乙): the places of a list read as the thing counted (新建、改扩建中学 names no place, though 新建 was a
    county's name)."""
    return any(name.split("、")[-1].removesuffix("等") in place_words for name in (fact.metric, fact.metric_surface))


def is_a_yardstick_share(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric naming another place's average (人均收入达到平均水平的95%): a comparison, not a level;
    a count of the places above or below it is a figure of its own."""
    if (fact.unit or "").lstrip("万亿") in gate_words()["counters"]:
        return False  # 增幅高于全省平均水平的市6个: a count of the places that pass the yardstick
    return _is_open(fact) and any(word in fact.metric for word in gate_words()["yardsticks"])


def runs_statements_together(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric listing items, one before the last holding a rank (产量全国第一、某产品占比)."""
    if not _is_open(fact) or "、" not in fact.metric:
        return False
    return any(word in item for item in fact.metric.split("、")[:-1] for word in gate_words()["rank_words"])


_BASE_YEAR_GROWTH = re.compile(
    r"(?:(?:比|较)(?P<a>(?:19|20)\d\d)年(?:末|底|同期)?|与(?P<b>(?:19|20)\d\d)年(?:末|底|同期)?相比[,,]?)"
    r"(?:同比)?(?:增长|下降|提高|增加|减少|上升|回落|上涨)了?(?P<rate>\d+(?:\.\d+)?)%")


def growth_from_another_year(fact: ExtractedFact, sentence: str) -> bool:
    """Is the fact's growth rate stated against a year other than the one before its period (for a span of
    years, the one before its first year)?"""
    if fact.growth is None or fact.period.year is None:
        return False
    base = (fact.period.first or fact.period.year) - 1 if fact.period.kind == "span" else fact.period.year - 1
    return any(Decimal(m.group("rate")) == abs(fact.growth) and int(m.group("a") or m.group("b")) != base
               for m in _BASE_YEAR_GROWTH.finditer(sentence))


def without_base_year_growth(facts: list[ExtractedFact], texts: dict[int, str]) -> list[ExtractedFact]:
    """Facts whose growth was measured from another year lose that rate; those that were only the rate go."""
    out = []
    for fact in facts:
        if growth_from_another_year(fact, texts.get(fact.sentence, "")):
            if fact.value is None:
                continue
            fact.growth = None
        out.append(fact)
    return out


def fold_restated_growth(facts: list[ExtractedFact], prose: Collection[int]) -> list[ExtractedFact]:
    """A growth rate alone, read from a sentence, for an indicator whose value the same sentence gave for the
    same region and period joins that value and is no fact of its own, when the value has no rate yet or this
    one (a level's average rate over years and the year's own rate are two facts); `prose` holds the ids of
    the facts read from sentences."""
    valued: dict[tuple[int, str, str, str], ExtractedFact] = {}
    for fact in facts:
        if fact.value is not None and id(fact) in prose:
            valued.setdefault((fact.sentence, fact.region.code, fact.metric, fact.period.label), fact)
    out = []
    for fact in facts:
        level = valued.get((fact.sentence, fact.region.code, fact.metric, fact.period.label))
        if fact.value is None and fact.growth is not None and id(fact) in prose and level is not None \
                and level.growth_pp is None and level.growth in (None, fact.growth):
            level.growth = fact.growth
            continue
        out.append(fact)
    return out


_CLAUSE = re.compile(r"[^,;。,;:]+")
_HEAD_YEAR = re.compile(r"^(?:(?:19|20)\d\d年)?")
_PLAN_HEAD = 6  # 今年全市, 2022年全市: the time and the subject; a longer head (…完成年度计划) puts the word mid-clause


def _figure_text(fact: ExtractedFact) -> str | None:
    if fact.value_text is not None:
        return f"{fact.value_text}{fact.unit or ''}"
    return f"{fact.growth.copy_abs()}%" if fact.growth is not None else None


@lru_cache(maxsize=1)
def _plans() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation('plan_words')})(?=[^\d]{{0,8}}?(?:{_alternation('plan_acts')}))")


def is_a_plan(fact: ExtractedFact, sentence: str) -> bool:
    """A figure after a plan word at the head of its clause (全市计划实施项目200个, 今年力争增长7%) that no
    target year dates: a goal stored as if it were an outcome."""
    figure = _figure_text(fact)
    if fact.period.kind == "target" or figure is None:
        return False
    plans = _plans()
    if plans.match(fact.metric_surface):
        return True  # 全市计划实施项目200个,总投资1500亿元: the plan's words carried to the next figure
    for clause in _CLAUSE.finditer(sentence):
        at = clause.group().find(figure)
        if at < 0:
            continue
        plan = plans.search(clause.group()[:at])
        if plan is None or "预计" in clause.group()[: plan.start()]:
            return False  # 预计全年将达到…: an estimate of the outcome, kept with its qualifier
        return len(_HEAD_YEAR.sub("", clause.group()[: plan.start()])) <= _PLAN_HEAD
    return False


def is_a_lists_figure(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An amount under a name of a list of places (百强县GDP总量, 入围门槛): the list's figure; a count of the
    region's members in it is the region's."""
    unit = (fact.unit or "").lstrip("万亿")
    return fact.value is not None and unit not in gate_words()["counters"] \
        and any(word in fact.metric for word in gate_words()["list_words"])


def is_a_policy_count(fact: ExtractedFact, sentence: str) -> bool:
    """A count in 条 of a policy's articles (稳就业20条、支持民企10条等政策措施; 出台措施20条)."""
    if (fact.unit or "") != "条" or fact.value_text is None:
        return False
    words = _alternation("policy_words")
    if re.search(words, fact.metric):
        return True
    at = sentence.find(f"{fact.value_text}条")
    if at < 0:
        return False
    tail = re.split(r"[,;。,;]", sentence[at + len(fact.value_text) + 1 :], maxsplit=1)[0]
    return re.match(rf"(?:[、和及与][^,;。]*?)?等?[\u4e00-\u9fff]{{0,4}}?(?:{words})", tail) is not None


def is_a_firm_figure(fact: ExtractedFact, sentence: str = "") -> bool:
    """An open metric of a name and a business's measure (某某化学营业收入), the name marking no industry,
    kind of unit or total: one firm's figure, not the region's. A name the sentence writes right after the
    region or 全市 (全市旅游营业收入, 某县光伏营收) is the region's trade, whatever its words."""
    if not _is_open(fact):
        return False
    measure = next((m for m in _longest_first("firm_measures") if fact.metric.endswith(m)), None)
    if measure is None:
        return False
    name = fact.metric.removesuffix(measure)
    if _named_for_a_place(fact, name, sentence):
        return True  # 某地啤酒营业收入, 某地铜业营收: a firm named by a place's short name and one word
    if len(name) < 2 or any(mark in name for mark in gate_words()["sector_marks"]):
        return False
    at = sentence.find(name)
    owners = (fact.region_surface, *word_classes()["anaphora"])
    return not (at > 0 and sentence[:at].endswith(tuple(o for o in owners if o)))


def _named_for_a_place(fact: ExtractedFact, name: str, sentence: str) -> bool:
    """A two-character word right after a place's short name (no 市, 省 or 县 written), that word no industry of
    the standard vocabulary (gates.toml industry_words), is a firm's name (某地啤酒, 某地铜业); a region's trade is
    written with its industry (某地旅游营业收入) or after the place's full name or 全市."""
    surface = fact.region_surface
    if len(name) != 2 or not surface or surface == fact.region.name or surface[0] in ANAPHOR_MARKS:
        return False
    return name not in gate_words()["industry_words"] and f"{surface}{name}" in sentence


_BASE = r"(?:比|较|由|从|与)(?:(?P<year>(?:19|20)\d\d)年|(?P<rel>上年|去年))(?:末|底|同期)?的"
_BASE_FIGURE = re.compile(_BASE + r"(?P<x>\d+(?:\.\d+)?)")
_TO_FIGURE = re.compile(_BASE + r"\d+(?:\.\d+)?[^,;。,;\d]{0,8}?(?:到|至)(?P<y>\d+(?:\.\d+)?)")


def without_base_figures(facts: list[ExtractedFact], texts: dict[int, str],
                         prose: Collection[int]) -> list[ExtractedFact]:
    """Facts read from sentences less the figures a change is measured from, kept only when dated by their own
    year (较2015年的300亿元增长40%: 300 is no figure of the report's year; 由上年的380亿元增至420亿元: 380 is the
    year before's), and less the figures a change led to when the base's year was taken for theirs (从2015年的
    300亿元增加到420亿元: 420 is no figure of 2015)."""
    years: dict[int, set[int]] = {}
    for fact in facts:
        if fact.period.year is not None:
            years.setdefault(fact.sentence, set()).add(fact.period.year)
    out = []
    for fact in facts:
        sentence = texts.get(fact.sentence, "")
        if id(fact) in prose and fact.value_text is not None and fact.period.year is not None \
                and _measured_from(fact, sentence, years.get(fact.sentence, set())):
            continue
        out.append(fact)
    return out


def _written_at(value: str, sentence: str) -> set[int]:
    """Where `value` is written as a whole number (no digit or point right before or after it), read left to
    right as `re.finditer` would: what `(?<![\\d.])value(?![\\d.])` finds, without compiling a pattern for each
    value (they fill `re`'s cache of 512 and push out the patterns the other gates use)."""
    if not value:
        return {m.start() for m in re.finditer(r"(?<![\d.])(?![\d.])", sentence)}
    found: set[int] = set()
    start = 0
    while (at := sentence.find(value, start)) != -1:
        end = at + len(value)
        if not (at and _digit_or_point(sentence[at - 1])) and not (end < len(sentence)
                                                                    and _digit_or_point(sentence[end])):
            found.add(at)
            start = end
        else:
            start = at + 1
    return found


def _digit_or_point(char: str) -> bool:
    return char == "." or char.isdecimal()  # \d is any character of Unicode's category Nd, as isdecimal


def _measured_from(fact: ExtractedFact, sentence: str, years: set[int]) -> bool:
    """Is the fact's figure, wherever the sentence writes it, one a change is measured from or led to?"""
    year = fact.period.year
    if year is None:
        return False
    written = _written_at(fact.value_text or "", sentence)
    bases = {m.start("x"): m for m in _BASE_FIGURE.finditer(sentence) if m.group("x") == fact.value_text}
    if bases and written <= set(bases):
        # 较2015年的300亿元: kept only as 2015's; 上年的380亿元: only as the year before another figure's
        return all(int(m.group("year")) != year if m.group("year") else year + 1 not in years for m in bases.values())
    results = {m.start("y"): m for m in _TO_FIGURE.finditer(sentence) if m.group("y") == fact.value_text}
    return bool(results) and written <= set(results) and all(
        m.group("year") is not None and int(m.group("year")) == year for m in results.values())


_FIRST_HALF = 6  # a text of the year's first half: its own year is still young, no year's outcome is known yet


def as_of_publication(facts: list[ExtractedFact], published: date | None) -> list[ExtractedFact]:
    """No year's outcome is reported in its first half: a figure of the year a text was published in, when
    published by June (今年,全市新开工项目120个 in a January report), is that year's goal, unless 预计 makes
    it an estimate. (Later in the year a harvest or a year-end report may state the year's figures.)"""
    if published is None or published.month > _FIRST_HALF:
        return facts
    for fact in facts:
        if fact.period.kind == "year" and fact.period.year == published.year and "预计" not in fact.qualifiers:
            fact.period = Period("target", published.year)
    return facts


def on_census_day(facts: list[ExtractedFact], texts: dict[int, str], prose: Collection[int]) -> list[ExtractedFact]:
    """Figures read from a sentence citing a population census (第七次全国人口普查…常住人口) stand at the
    census's standard moment (asof:2020-11-01), not at the year the text names or was published in; a census
    after 与/比/较 is the base of a comparison."""
    pattern, days = _census()
    for fact in facts:
        if id(fact) in prose and fact.period.kind != "target" \
                and (m := pattern.search(texts.get(fact.sentence, ""))) is not None:
            day = days[m.group()]
            fact.period = Period("asof", day.year, asof=day)
    return facts
