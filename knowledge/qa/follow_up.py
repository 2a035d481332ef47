"""Follow-ups: what a short question (那冠县呢? 去年呢? 第二个) takes from the conversation, and what is kept after an
answer. Nothing is kept globally here: the caller stores the `Conversation` per chat.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extract.metrics import canonical_metric
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.answer import Answer
from knowledge.qa.classify import OVERVIEW_WORDS, place_level
from knowledge.qa.index import Index
from knowledge.qa.intents import Intent
from knowledge.qa.metric_match import combined_metric
from knowledge.qa.query import Conversation, PeriodWanted, Query, wanted_from_label
from knowledge.text.numbers import cn_int

_FOLLOW_RE = re.compile(r"^(?:那|那么|这个|换成|改成|再看看?|看看)?(.{0,24}?)(?:呢|的呢|怎么样呢|如何呢)?[??]*$")
_YEAR_BACK_RE = re.compile(r"(?<![比较])(?:去年|上年|前年)(?!同期)")  # 比上年增长 is growth, not last year
_YEARS_BACK = {"去年": 1, "上年": 1, "前年": 2}
_KIND_WORDS = re.compile(r"金额|多少钱|投资额|总投资|资金|多少|个数|数量|几[个家项]")


def chosen(text: str, choices: tuple[tuple[str, str], ...]) -> str | None:
    """南京的 / 南京市鼓楼区 / 第二个 after an ask-back: the question of the choice it names."""
    if len(choices) == 1 and re.fullmatch(r"(?:是|是的|对|对的|嗯|好|好的|要|yes|ok)[的呢吧啊。!!\s]*", text.lower()):
        return choices[0][1]  # 你指的是玉米产量吗? 是
    said = re.sub(r"[的呢吧啊??。!!\s]|^(?:是|我说的是|指的是)", "", text)
    if m := re.fullmatch(r"第?([一二三四五1-5])个?", said):
        number = cn_int(m.group(1))
        return choices[number - 1][1] if number is not None and 0 < number <= len(choices) else None
    hits = [question for full, question in choices if len(said) >= 2 and said in full]
    return hits[0] if len(hits) == 1 else None


def shift_from(state: PeriodWanted, text: str, asked: PeriodWanted | None) -> PeriodWanted | None:
    """去年呢? after 2022年上半年 means 2021年上半年: a relative year counts from the conversation's period."""
    m = _YEAR_BACK_RE.search(text)
    if m is None or state.year is None or re.search(r"(?:19|20)\d\d", text):
        return None
    year = state.year - _YEARS_BACK[m.group(0)]
    span_asked = asked is not None and asked.start is not None and (asked.start, asked.end) != (1, 12)
    if asked is not None and span_asked:  # 去年上半年呢: the span asked, in the year before the conversation's
        label = asked.label and re.sub(r"^\d{4}", str(year), asked.label)
        return PeriodWanted(year, asked.start, asked.end, label)
    label = re.sub(r"^\d{4}", str(year), state.label) if state.label else None
    return PeriodWanted(year, state.start, state.end, label)


_SPAN_WORDS = re.compile(r"上半年|下半年|季度|[一二三四五六七八九十\d]+月|全年")


def _in_conversation_year(asked: PeriodWanted | None, state: PeriodWanted, text: str) -> PeriodWanted | None:
    """上半年呢? after 2022年 means 2022年上半年; 那2023年呢? after 2022年上半年 means 2023年上半年: what the
    follow-up leaves out of the period comes from the conversation's."""
    if asked is None or asked.latest or state.latest or state.year is None:
        return None
    if asked.year is None and asked.start is not None:
        return PeriodWanted(state.year, asked.start, asked.end, None)
    bare_year = asked.label is not None and re.fullmatch(r"\d{4}", asked.label) and not _SPAN_WORDS.search(text)
    span = state.start is not None and (state.start, state.end) != (1, 12)
    if bare_year and span and state.label and re.match(r"\d{4}", state.label):
        return PeriodWanted(asked.year, state.start, state.end, re.sub(r"^\d{4}", str(asked.year), state.label))
    return None


def is_follow_up(q: Query, simple: str) -> bool:
    """Short, and either marked (那…/…呢) or naming only one of region / metric / growth."""
    if len(simple) > 20 or not _FOLLOW_RE.match(simple):
        return False
    marked = simple.startswith(("那", "那么", "换成", "再看")) or simple.rstrip("?").endswith("呢")
    vocab_metric = q.metric is not None and q.metric_score >= 100
    # 三产占比多少? names a share (or growth) of no place: the place is the conversation's
    partial = (bool(q.regions) and not q.metric) or (vocab_metric and not q.regions) or (
        (q.wants_growth or q.wants_share) and not q.regions)
    return marked or partial


def continue_from(q: Query, state: Conversation, gazetteer: Gazetteer, index: Index) -> Query:
    """Fill what the follow-up leaves out from the previous question."""
    if state.intent is None:
        return q
    if state.intent == Intent.COMPANY and state.company and not q.regions and not q.company:
        q.company, q.intent = state.company, Intent.COMPANY
        return q
    q.ranking_title = state.ranking_title
    regions = q.regions or [gazetteer.get(c) for c in state.region_codes]
    # 居民收入呢? names a metric the base does not know: answering the previous metric would be wrong
    # 金额呢? after a count: the money figure of the same thing, not a metric named 金额
    kind_only = q.wants_kind is not None and len(_KIND_WORDS.sub("", q.residual)) < 2
    names_other = q.metric is None and not (q.wants_growth or q.wants_share or kind_only) and len(q.residual) >= 2
    # a word that is not itself a vocabulary metric may finish the previous one (增加值 after 规上工业总产值)
    loose = names_other or (q.metric is not None and q.metric_score < 100 and len(q.residual) >= 2)
    joined = combined_metric(q.residual, state.metric, index.metric_names) if loose and state.metric else None
    if joined:  # 人均呢? after GDP: 人均地区生产总值
        names_other, q.metric, q.metric_score = False, joined, 100.0
    metric = q.metric or (None if names_other else state.metric)
    shifted = shift_from(state.period, q.simplified, q.period) if state.period else None
    period = shifted or (_in_conversation_year(q.period, state.period, q.simplified) if state.period else None) \
        or q.period or state.period
    score = q.metric_score if q.metric else 100.0  # an inherited metric is one the last answer settled
    q = replace(q, regions=regions, metric=metric, metric_score=score, period=period)
    if names_other and regions and state.intent in ("figure", "comparison", "overview"):
        q.intent = Intent.FIGURE  # answered as "no such figure", with what the base does know
    elif state.intent in ("figure", "comparison", "overview", "computed_ranking") and q.metric:
        q.intent = Intent.COMPARISON if len(regions) >= 2 and state.intent == Intent.COMPARISON else Intent.FIGURE
    elif state.intent in ("rank_position", "ranking_list", "membership", "overview") and q.regions \
            and not (q.intent == Intent.OVERVIEW and OVERVIEW_WORDS.search(q.simplified)):
        q.intent = state.intent  # 那淄博呢? after 东阿县入选了什么; 淄博怎么样? asks about 淄博 itself
    return q


def remember(q: Query, answer: Answer, previous: Conversation | None) -> Conversation:
    """The state to keep after answering `q`: its slots, with what the answer settled."""
    if q.intent in (Intent.HELP, Intent.OUT_OF_SCOPE):
        return previous or Conversation()
    period = wanted_from_label(answer.period_label) if answer.period_label else q.period
    choices = tuple(zip(answer.choices, answer.suggestions, strict=False)) if answer.choices else ()
    computed = q.intent == Intent.COMPUTED_RANKING
    # the answer settles the metric a fuzzy question meant; but a figure stored under a qualified name of the
    # catalogue metric asked (有效高新技术企业 answering 高新技术企业: the head, last, is the one asked) is one
    # kind of it, and 那X呢? asks X for what was asked, which X may have under the plain name. A name that goes
    # on after the metric asked (…收入过百亿元的县) is another thing, and is kept.
    kind_of_asked = q.metric is not None and q.metric_score >= 100 and canonical_metric(q.metric) == q.metric \
        and answer.metric is not None and answer.metric.endswith(q.metric)
    metric = q.metric if kind_of_asked else answer.metric or q.metric
    return Conversation(q.intent, tuple(r.code for r in q.regions), metric, period,
                        answer.ranking_title or q.ranking_title, choices, q.company,
                        level=(q.level or place_level(q.simplified)) if computed else None,
                        growth=computed and q.wants_growth)


_PLACE_IN_RANKING = re.compile(r"^(?:那|那么)?(?:(?:倒数)?第\s*[一二三四五六七八九十\d]{1,3}\s*名?|最后一名|垫底|末位|"
                               r"排第一|第一名|冠军|榜首)(?:是|是谁|是哪个|是哪里|是哪一个|呢|的呢)*[??]*$")


def asks_only_a_place(text: str) -> bool:
    """第二名呢? 最后一名是谁? 倒数第一: a question of a position alone, to be read in the ranking just shown."""
    return bool(_PLACE_IN_RANKING.match(text))


def next_place_in_ranking(q: Query, state: Conversation, gazetteer: Gazetteer) -> Query | None:
    """第二名呢? / 最后一名是谁? after a ranking computed over the base: the same ranking, at that place."""
    if state.intent != Intent.COMPUTED_RANKING or state.ranking_title or q.position is None or q.regions \
            or not asks_only_a_place(q.simplified):
        return None
    return replace(q, intent=Intent.COMPUTED_RANKING, regions=[gazetteer.get(c) for c in state.region_codes],
                   metric=state.metric, metric_score=100.0, period=state.period, level=state.level,
                   wants_growth=state.growth)
