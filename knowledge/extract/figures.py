"""Figures out of sentences: region, metric, value, unit, growth, period and qualifiers.

The extractor reads a document sentence by sentence, keeping the context a reader keeps: the last
region named (for 该市/全市), the year being talked about (for a bare 上半年), and the metric just
mentioned (for an elliptical 增加值 after 规上工业总产值).
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.extract.activities import Activity, activity_in, of_activity
from knowledge.extract.clauses import FILL, drop_regions, mask_spans, other_level
from knowledge.extract.cnvalues import arabic_values, plain_numbers, rates_first
from knowledge.extract.compared import bracketed_places, compared_places
from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import MASK, mask_companies
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.figure_phrase import (
    NOUN_AFTER,
    metric_phrase,
    owned_act,
    qualifiers_in,
    rate_bound,
    take_value,
)
from knowledge.extract.figure_roles import counts_listed, is_attributive, is_count, is_index_value
from knowledge.extract.forms import Listed, PeriodAt
from knowledge.extract.growth_lists import give_rates, growth_runs, parts_start
from knowledge.extract.growths import (
    AVERAGING,
    GROWTH_RE,
    attach_growth,
    decimal_of,
    is_averaged,
    names_a_span,
    nominal_spans,
    set_growth,
)
from knowledge.extract.lists import read_lists
from knowledge.extract.metric_ellipsis import complete_metric, with_head, with_shared_act
from knowledge.extract.metricphrase import (
    PARK,
    counted_noun,
    ends_with_place,
    metric_name,
    names_other_places,
    strip_words,
)
from knowledge.extract.metrics import UNITS, metrics
from knowledge.extract.nounphrase import noun_phrase_in
from knowledge.extract.owners import clause_topic, completed_metric
from knowledge.extract.peers import foreign_part, parts_of, peer_breaks, peer_figure, whole_before
from knowledge.extract.period_clauses import (
    as_targets,
    carried_period,
    clause_period,
    clause_span,
    is_recent,
    running_year,
)
from knowledge.extract.periods import UNDATED, Period, PeriodMention, find_periods
from knowledge.extract.points import points_after
from knowledge.extract.ratios import rejoin_ratios
from knowledge.extract.restated import (
    CHANGE_HEAD,
    MILESTONE,
    THRESHOLD,
    as_bound,
    base_unit,
    crossed,
    earlier_facts,
    exact_value,
    level_after_growth,
    milestone_after,
    permille_change,
    repeats,
    restated,
    restated_from,
    threshold_run,
    two_periods,
    without_passed_bounds,
)
from knowledge.extract.span_growth import growth_after_level, span_growths, span_of_average
from knowledge.extract.topics import topic_fits, topic_metric
from knowledge.extract.vocab import alternation, word_classes
from knowledge.places.gazetteer import Region
from knowledge.text.document import Document

_UNIT_RE = "|".join(re.escape(u) for u in sorted({*UNITS, *word_classes()["extra_units"]}, key=len, reverse=True))
FIGURE_RE = re.compile(
    rf"(?P<pre>约|近|超过|超|突破|达到|达|逾)?(?P<num>(?:(?<![\d.])-)?\d+(?:\.\d+)?)(?P<approx>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_RE}))?(?P<post>左右|以上|以内)?"
)
_CLAUSE_SPLIT = re.compile(r"[,;]|:(?!\s*\d)")  # 地区生产总值:5516.8亿元 is one clause
# A firm introduced by name without a legal suffix: 作为传统高能耗企业,鲁中耐材每条…
_PERSONAL = re.compile(r"作为[\u4e00-\u9fff]{0,12}(?:企业|公司|厂)")
_SINGLE_PROJECT = re.compile(r"该项目|项目(?:主要|建成|全部|一期|二期|现场|位于|占地|总投资)")
_SKIP_SUBJECT = re.compile(
    r"项目主要|该项目|项目总投资|项目一期|项目全部|该公司|公司|企业总投资|建成后|投产后|投产达效"
)
_DIGIT = re.compile(r"\d")
_QUOTES = re.compile(r"[“”‘’\"]")
_SET_FRAME = re.compile(rf"[\u4e00-\u9fff“”]{{1,12}}中[{FILL}\s]*")
_PARTS_OR_TOTAL = re.compile(rf"\s*(?:其中|{alternation('attached_heads')})")
_JOINED_LIST = re.compile(r"入选[\u4e00-\u9fff]{0,4}$")
_COUNT_UNITS = frozenset(word_classes()["count_units"])
_ACTION_UNITS = frozenset(word_classes()["action_units"])
_COUNTS_AND_ACTIONS = _COUNT_UNITS | _ACTION_UNITS
_WITHIN = re.compile(r"(?:在|从)?([\u4e00-\u9fff]{2,12})中")
_PLAN_AVERAGING = tuple(word_classes()["plan_averaging"])
_PLAN_SHARE = re.compile(rf"(?:完成|达到|达|占|为)?(?:年度|全年|本年|年)?(?:{alternation('plan_words')})的")


def extract_facts(doc: Document, ctx: ArticleContext) -> list[ExtractedFact]:
    """All figure facts of a document, in reading order."""
    facts: list[ExtractedFact] = []
    year = ctx.focus_year
    carried: Period | None = None
    for sentence in rejoin_ratios(doc.sentences):
        # 六百六十三家 is read as 663家, 实现4.6%的增长 as 增长4.6%
        text = rates_first(plain_numbers(arabic_values(mask_companies(sentence.text))))
        if sentence.is_heading:
            ctx.note_heading(text)
            continue
        if sentence.paragraph != ctx.paragraph:
            carried = None
        ctx.start_paragraph(sentence.paragraph)
        periods = as_targets(text, find_periods(text, published=doc.published, default_year=year,
                                                relative_year=ctx.relative_year))
        fallback = span_of_average(text, len(periods), carried, ctx.span) or carried or ctx.span \
            or ctx.focus_period or _default(doc.published)
        made = _sentence_facts(text, sentence.position, periods, ctx, fallback, facts[-1:])
        made += compared_places(text, ctx, facts + made)  # 增速高于全国(2.5%)、全省(3.6%)
        made += [_listed_fact(i, sentence.position)  # 广东(13.6万亿元)、江苏(12.8万亿元)
                 for i in bracketed_places(text, ctx, _period_at(text, periods, fallback))]
        for fact in made:
            if not repeats(fact, facts):  # a figure restated later in the article is one fact
                facts.append(fact)
        handed = carried_period(text, periods)
        if handed and (made or is_recent(handed.period, ctx.focus_year)):
            carried = handed.period  # a period carries through its paragraph; a history date does not
        year = running_year(text, periods, year, ctx.focus_year)
        ctx.advance(text)
    return without_passed_bounds(facts)  # 突破7000亿元大关 when the article gives 7021.5亿元 too


def _default(published: date | None) -> Period:
    return Period("asof", published.year, asof=published) if published else UNDATED


def _sentence_facts(
    text: str, position: int, periods: list[PeriodMention], ctx: ArticleContext, fallback: Period,
    before: list[ExtractedFact],
) -> list[ExtractedFact]:
    out: list[ExtractedFact] = []
    subject = ctx.subject_at(text, 0)
    # ratios, 分别 lists and 增长N倍 first (lists.py); their spans come back blanked
    listed, text = read_lists(text, ctx, subject, _period_at(text, periods, fallback))
    out.extend(_listed_fact(i, position) for i in listed)
    runs = growth_runs(text)  # ,同比分别增长3.1%和5.6%: the rates of the levels before, given once all are read
    for start, end in [(r.start, r.end) for r in runs] + nominal_spans(text):
        text = text[:start] + FILL * (end - start) + text[end:]  # 名义增长6.8%,…实际增长7.0%: the comparable rate
    text = peer_breaks(text, ctx)  # 甲市…4900亿元、乙市增长5%: 乙市 opens a clause of its own
    read_before: list[tuple[int, int]] = []  # (a clause's start, the facts read before it)
    previous_metric: str | None = None
    frame: str | None = None
    owner: str | None = None  # the things the sentence counted, whose bare measures follow (owners.py)
    topic: str | None = None  # 从GDP总量来看: the metric of the sums that follow (topics.py)
    activity: Activity | None = None  # 粮食生产再获丰收: whose the bare measures of that act are (activities.py)
    offset = 0
    refused = False  # the last clause's figures were all refused as a park's
    for clause in _CLAUSE_SPLIT.split(text):
        start = offset
        offset += len(clause) + 1
        read_before.append((start, len(out)))
        if not _DIGIT.search(text, start):
            break  # no figure or growth rate is left to read: the subjects and frames of the rest go unused
        local = ctx.subject_at(text, start, clause=clause)
        wholes = out or whole_before(text, position, before)
        if local is not None and foreign_part(text[: start + len(clause)], local, wholes, ctx.gazetteer):
            continue  # 全市利用外资12亿美元,其中香港地区8亿美元: a breakdown of the whole by another place
        if local is not None:
            subject = local
        if subject is None or (local is None and (
            _SKIP_SUBJECT.search(text[: start + len(clause)]) or MASK in text[:3] or _PERSONAL.search(text[:start])
        )):
            continue  # a sentence about a company, a project or one firm's numbers, not about the region
        if not _DIGIT.search(clause):
            here = [surface for _at, _region, surface in ctx.places(text, (start, start + len(clause)))]
            activity = activity_in(drop_regions(mask_spans(clause), here)) or activity
            if (within := _WITHIN.fullmatch(clause.strip())) and metric_name(within.group(1)) in metrics():
                frame = within.group(1)  # 第三产业增加值中,金融业…: the quantity the parts that follow are of
            topic = topic_metric(clause) or topic  # 从GDP总量来看,…: the metric of the sums that follow
            continue  # neither a figure nor a growth rate without a digit
        if refused and _PARTS_OR_TOTAL.match(clause):
            continue  # …产业园入驻企业45家,总投资50亿元 / ,其中…: the parts or the sum of what was refused
        period = clause_period(text, periods, start, start + len(clause), fallback)
        surfaces = [surface for _at, _region, surface in ctx.places(text, (start, start + len(clause)))]
        masked = mask_spans(clause)
        words = drop_regions(masked, surfaces)
        activity = activity_in(words) or activity
        # 这五年,…: the years looked back on
        span = clause_span(text, periods, start, start + len(clause), fallback, period)
        words, shifts = two_periods(words, clause[len(clause) - len(words) :], period, span)  # 从39.8%提高到65.1%
        made = _clause_facts(words, clause[len(clause) - len(words) :], subject, period, previous_metric,
                             (frame, owner, topic, activity), position, out)
        prior = out or parts_of(text, position, before, ctx)  # …。其中,甲县增长8%: the whole's figure before
        if not made and local is not None and (peer := peer_figure(words, local, prior, period, position)):
            made = [peer]  # 甲市生产总值4900亿元,乙市4800亿元: the figure before's metric, of another place
        owner = clause_topic(words, owner)
        made = earlier_facts(made, shifts) + made  # the earlier value first, as written
        made += span_growths(words, made, span)  # 突破3万亿元、年均增长4.7%: the span's growth beside its level
        if not made and out and (change := permille_change(words, out[-1])):
            made = [change]  # 出生率7.12‰,比上年下降0.66个千分点: the rate's change in per-mille points
        made = [f for f in made if not names_other_places(f.metric_surface, surfaces)
                and not (_bracketed(f, clause) and ends_with_place(f.metric_surface, surfaces))]
        refused = not made and FIGURE_RE.search(words) is not None and PARK.search(words) is not None
        if not made and out and (points := points_after(clause, out[-1])):
            out.append(points)  # 拉动全市工业产值增长2.6个百分点: of the fact before, which the next
            continue  # clause may still continue (…,占全省比重)
        if made:
            previous_metric = made[-1].metric_surface
            out.extend(made)
    for run in runs:
        read = next((n for at, n in read_before if at >= run.start), len(out))
        parts = parts_start(text, run)
        first = next((n for at, n in read_before if at >= parts), read) if parts is not None else len(listed)
        give_rates(run, out[max(first, len(listed)) : read])
    return [as_bound(f) for f in out]  # 迈上5000亿元台阶 with no exact value after it: the value, as a bound


def _period_at(text: str, periods: list[PeriodMention], fallback: Period) -> PeriodAt:
    """The period of the clause at an offset of `text`, for the structured forms."""
    return lambda at: clause_period(text, periods, at, at + 1, fallback)


def _listed_fact(i: Listed, position: int) -> ExtractedFact:
    return ExtractedFact(i.region, i.region_surface, i.metric, i.metric_surface, i.value, i.value_text, i.unit,
                         i.growth, i.growth_pp, i.period, i.qualifiers, position)


def _bracketed(fact: ExtractedFact, clause: str) -> bool:
    """Is the fact's value given in brackets in the clause: 增速高于全国(2.5%)?"""
    return fact.value_text is not None and any(f"{b}{fact.value_text}" in clause for b in "((")


def _clause_facts(
    clause: str, raw: str, subject: tuple[Region, str], period: Period, previous_metric: str | None,
    wholes: tuple[str | None, str | None, str | None, Activity | None], position: int,
    earlier: list[ExtractedFact],
) -> list[ExtractedFact]:
    """The facts of one clause; `clause` has its spans blanked, `raw` is the same characters as written, and
    `wholes` are the quantity a clause before named as the whole of the parts that follow (frame), the
    things it counted, whose bare measures follow (owner), the sentence's topic metric (topic), and the activity
    it opened with, whose bare measures follow too (activity)."""
    region, surface = subject
    frame, owner, topic, activity = wholes
    made: list[ExtractedFact] = []
    cursor = last_end = 0
    counted = False
    figures = [m for m in FIGURE_RE.finditer(clause) if m.group("unit") or is_index_value(clause, raw, m)]
    growths = [(g.start(), g.end()) for g in GROWTH_RE.finditer(clause)] if figures else []
    for i, m in enumerate(figures):
        # 占比达70%的淄博: a figure qualifying the subject place itself is that place's figure
        own = clause.startswith(f"的{surface}", m.end())
        if threshold_run(clause, figures, i):
            continue  # 连跨6000亿元、7000亿元两大台阶: thresholds passed on the way, not the value
        if (is_attributive(clause, m) and not own) or any(a <= m.start() < b for a, b in growths) \
                or m.group("unit") == "个百分点":
            continue  # the number inside a growth rate is not a figure of its own
        if is_count(m) and _SET_FRAME.fullmatch(clause, m.end()):
            continue  # 35个大类行业中,有22个…: the size of the set the next clause picks from, not a figure of its own
        head = clause[: m.start()]
        if _JOINED_LIST.search(head) or _SINGLE_PROJECT.search(head):
            continue  # the size of a list it joined, or a single project's details
        if m.group("unit") == "%" and _PLAN_SHARE.fullmatch(clause[cursor : m.start()].replace(FILL, "").strip()):
            continue  # …300.2亿元,完成年度预算的95.1%: the progress of the figure before against a plan, named by
            # no metric (…完成投资占年度计划的64.6% names its own)
        last = made[-1] if made else (earlier[-1] if earlier else None)
        if last is not None and (also := restated(clause[cursor : m.start()], raw[cursor : m.start()], m, last,
                                                   bool(made) and cursor == last_end, earlier + made)):
            made.append(also)  # 26438千公顷(39657万亩), 比年初增加440.5亿元: the same figure or its change
            cursor = last_end = m.end()
            continue
        if last is not None and level_after_growth(clause[cursor : m.start()], m.group("pre"), m.group("unit"), last):
            take_value(last, m)  # 提高1.2个百分点,达到50.3%: the level the growth led to
            cursor = last_end = m.end()
            continue
        if last is not None and exact_value(clause[cursor : m.start()], m, last):
            # 跨越4000亿元,达到4064.9亿元: the exact value replaces the threshold
            take_value(last, m)
            last.qualifiers = [q for q in last.qualifiers if q not in ("超过", "突破", MILESTONE)]
            if last.growth is None:
                attach_growth(last, clause[m.end() :])  # …,达到128亿元、增长6.5%: the exact value's growth
            cursor = last_end = m.end()
            continue
        threshold = crossed(clause, m, cursor)
        milestone = milestone_after(clause, m)
        stripped = strip_words(clause[cursor : m.start()])
        if not stripped and i + 1 < len(figures) and not counts_listed(clause, m):
            continue  # "29个省级重点项目完成投资占年度计划的64.6%": the count only qualifies what follows
        if counted and is_count(m):
            stripped = ""  # 4个工作组、12个推进组: the words between two counts name the first one
        before = clause[cursor : m.start()]
        phrase, qualifiers = metric_phrase(before, clause[m.end() :], m, stripped)
        phrase = other_level(phrase, previous_metric)
        if threshold and not {"超过", "突破", "近", "约"} & set(qualifiers):
            qualifiers.append(THRESHOLD)
        if milestone:
            qualifiers.append(MILESTONE)  # a bound at the sentence's end unless an exact value takes it over
        # (5名“两院”院士、8个…: the thing counted may be written in quote marks)
        counted = is_count(m) and _QUOTES.sub("", clause[m.end() :]).startswith(phrase) and bool(phrase)
        listed = bool(made) and clause[cursor : m.start()].lstrip(FILL + " ").startswith("、")
        cursor = m.end()
        metric_surface = of_activity(completed_metric(phrase, owner, previous_metric), activity)
        metric_surface, acted = owned_act(metric_surface, phrase, owner, before, m)  # 120个重点项目,开工115个
        if topic and topic_fits(clause[: m.start()], metric_surface, m.group("unit")):
            metric_surface = topic  # 从GDP总量来看,青岛以4620.3亿元总量: the metric the sentence opened with
        if metric_surface is None:
            continue
        if listed:
            metric_surface = with_shared_act(metric_surface, made[-1].metric_surface)  # 新建甲1个、乙2个
        if m.group("unit") not in _COUNTS_AND_ACTIONS:
            same = [f.metric_surface for f in earlier + made if base_unit(f.unit) == base_unit(m.group("unit"))]
            metric_surface = with_head(metric_surface, same[-1] if same else frame)
        value = decimal_of(m.group("num"))
        # "省智能工厂、数字化车间均达到17个": one value shared by several metrics.
        is_shared = "均" in clause[: m.start()] and "、" in metric_surface
        shared = metric_surface.split("、") if is_shared else [metric_surface]
        for name in shared:
            metric = metric_name(name, unit=m.group("unit")) or (name if acted else None)
            if metric is None:
                # 推动294类证照对外共享服务: a predicate before the value, the thing counted after it
                after = NOUN_AFTER.match(clause, m.end())
                name = counted_noun(after.group(1)) if after else ""
                metric = noun_phrase_in(name) if len(name) >= 2 else None
            if metric is None:
                continue
            fact = ExtractedFact(
                region, surface, metric, name, value,
                m.group("num"), m.group("unit") or None, None, None, period, list(qualifiers), position,
            )
            attach_growth(fact, clause[m.end() :])
            made.append(fact)
            last_end = m.end()
        previous_metric = metric_surface
    if made:
        return made
    growth = GROWTH_RE.search(clause)
    if growth is None:
        return []
    averaged = is_averaged(clause, growth)
    before = clause[: growth.start()]
    for word in AVERAGING if averaged else ():
        before = before.rstrip(FILL + " ").removesuffix(word)  # 年均增长4.7% over 2021-2025: the span's growth
    phrase = strip_words(before.replace("同比", ""))
    # over a plan's years to come (十五五时期…年均增长5.5%) a yearly average is the plan's goal
    planned = period.kind == "target" and clause[: growth.start()].rstrip(FILL + " ").endswith(_PLAN_AVERAGING)
    if phrase and averaged and period.kind != "span" and not planned:
        return []  # 规上工业增加值两年平均增长6.1% in a year's clause: an average over years is no growth of the year
    # "…完成140.08亿元,增长4%": the growth belongs to the figure before (to the level, not to its change)
    level = next((f for f in reversed(earlier) if not f.metric.endswith(CHANGE_HEAD)), None) if earlier else None
    if level is not None and level.region.code != region.code:
        level = None  # 甲市生产总值4900亿元,乙市增长5%: 乙市's rate, not the growth of 甲市's level (peers.py)
    if not phrase and averaged and level is not None and (period.kind == "span" or level.growth is None):
        return growth_after_level(level, growth, period)  # …突破3万亿元,年均增长4.7%
    # 800亿斤,近四年年均增长5.2%: an average over a span of years the clause names is no growth of the level's year
    if not phrase and level is not None and level.growth is None and level.growth_pp is None \
            and not (averaged and names_a_span(raw[: growth.start()], level.period.year)) \
            and all(f.metric.startswith(level.metric) for f in earlier[earlier.index(level) :]):
        if growth.group("unit") == "个百分点" and level.unit not in ("%", "‰"):
            return []  # 500亿元,占全省的10.9%,提高0.2个百分点: points change a rate or share, never a sum
        set_growth(level, growth)
        if (first := restated_from(level, earlier)) is not None:
            first.growth, first.growth_pp = level.growth, level.growth_pp  # 5123.4千公顷(7685.1万亩),…,增长0.8%
        return []
    metric_surface = completed_metric(phrase, owner, previous_metric)
    metric = metric_name(metric_surface) if metric_surface else None
    if metric_surface is None or metric is None:
        return []
    out = []
    while True:
        fact = ExtractedFact(region, surface, metric, metric_surface,
                             None, None, None, None, None, period,
                             qualifiers_in(clause[: growth.start()]) + rate_bound(clause, growth.end()), position)
        set_growth(fact, growth)
        out.append(fact)
        if (led := FIGURE_RE.search(clause, growth.end())) and level_after_growth(
                clause[growth.end() : led.start()], led.group("pre"), led.group("unit"), fact):
            take_value(fact, led)
            return out  # 增长12%至98亿元: the level the growth led to
        # 甲投资增长61.2%、乙投资增长26.7%: growth rates listed, each after its own metric
        start = growth.end() + 1
        if clause[growth.end() : start] != "、" or (growth := GROWTH_RE.search(clause, start)) is None:
            return out
        metric_surface = complete_metric(strip_words(clause[start : growth.start()]), None)
        if metric_surface is None or (metric := metric_name(metric_surface)) is None:
            return out
