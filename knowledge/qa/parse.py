"""Questions in everyday Chinese → an intent and slots (regions, metric, period, rank, company, topic).

The caller keeps the conversation: `parse_question` takes the previous `Conversation` and returns the
query, so 那冠县呢? keeps the metric and changes the region. Nothing is kept globally here.

The work is split by responsibility: `query` holds the parsed question's types, `slots` finds the metric,
period, company and topic, `classify` settles the intent, `follow_up` fills a follow-up from the
conversation and keeps what an answer settled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from knowledge.places.abroad import abroad_names, outside_place
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.classify import (
    OUT_WORDS,
    OVERVIEW_WORDS,
    YES_NO_RE,
    classify,
    is_comparison,
    place_level,
    position,
    rank_words,
    top_n,
)
from knowledge.qa.follow_up import (
    asks_only_a_place,
    chosen,
    continue_from,
    is_follow_up,
    next_place_in_ranking,
    remember,
)
from knowledge.qa.index import Index
from knowledge.qa.intents import Intent
from knowledge.qa.places import find_regions
from knowledge.qa.query import Conversation, PeriodWanted, Query, wanted_from_label
from knowledge.qa.slots import (
    find_company,
    find_metric,
    find_period,
    find_topic,
    residual_words,
    topic_tokens,
    without_places,
)
from knowledge.text.normalize import detect_script, mainland_wording, to_simplified

__all__ = [
    "OVERVIEW_WORDS", "YES_NO_RE", "Conversation", "PeriodWanted", "Query", "clean_question", "parse_question",
    "place_level", "remember", "topic_tokens", "wanted_from_label",
]

MAX_QUESTION_CHARS = 300
_INTRODUCE = re.compile(r"介绍|概况|简介")
_GROWTH_RE = re.compile(r"增长|增速|增幅|涨了|同比|提高了")
_SHARE_RE = re.compile(
    r"占(?!地)[^,。??]{0,10}?的?(?:多少|比重|比例|份额|几成|百分之几|多大)|占比|比重"
)
_MONEY_ASK_RE = re.compile(r"金额|多少钱|投资额|总投资|资金")
_COUNT_ASK_RE = re.compile(r"多少(?:个|家|项|户|人|名|座|所|条)|几(?:个|家|项|户|名|座|所|条)")
_FIGURE_ASK = re.compile(r"多少|几[个家项成]|是多少")
_SHARE_SCOPE_RE = re.compile(r"占(?:全省|全市|全国|全县|全区)")


def clean_question(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip()
    text = re.sub(r"<[^>]{0,200}>", " ", text)  # HTML tags are noise in a question
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return text[:MAX_QUESTION_CHARS]


def parse_question(text: str, *, gazetteer: Gazetteer, index: Index, state: Conversation | None = None,
                   today: date | None = None) -> Query:
    """Understand one question, using `state` for follow-ups."""
    raw = clean_question(text)
    if state is not None and state.choices and (picked := chosen(raw, state.choices)) is not None:
        return parse_question(picked, gazetteer=gazetteer, index=index, state=None, today=today)
    script = detect_script(raw)
    # 首三季, 按年: a question in Hong Kong or Taiwan wording is read as the articles' reading view reads them
    simple = mainland_wording(to_simplified(raw) if script == "hant" else raw).lower()
    q = Query(raw, simple, script)
    q.wants_share = bool(_SHARE_RE.search(simple))
    q.wants_kind = "count" if _COUNT_ASK_RE.search(simple) else "money" if _MONEY_ASK_RE.search(simple) else None
    placed = _SHARE_SCOPE_RE.sub("", simple)  # 占全省/占全国 names what a share is of, not the place asked about
    read_as_places: list[str] = []  # yunnan, 临青, 兵团: read as a place, never as part of the metric
    q.regions = find_regions(placed, gazetteer, index, ambiguous=q.ambiguous, assumed=q.assumed,
                             read_as_places=read_as_places)
    # 美国, 东京, 长三角: a place the gazetteer does not hold is outside the base, never a follow-up
    outside = outside_place(placed, gazetteer, index.vocabulary) if not q.regions else None
    if len(q.regions) == 1 and is_comparison(simple):  # 临清和东京哪个GDP高: the other side is outside the base
        outside = outside_place(without_places(placed, q.regions), gazetteer, index.vocabulary)
    # 长三角 or 黄河 that the articles talk about may be a topic of the base; a country abroad is never one
    q.elsewhere = None if outside and outside not in abroad_names() and index.sentences_with(outside) else outside
    unplaced = simple
    for surface in read_as_places:
        unplaced = unplaced.replace(surface, "")
    q.residual = residual_words(unplaced, q.regions)
    # 占GDP比重: what comes after 占 is the whole; the metric asked is the part before it (none in a follow-up)
    part = unplaced.split("占", 1)[0] if q.wants_share and "占" in unplaced and "占比" not in unplaced else unplaced
    if part != unplaced and len(asked_part := residual_words(part, q.regions)) >= 2:
        q.residual = asked_part  # 夏粮产量占全国比重: the words of the part name the metric, not 占…比重
    # a question mixing scripts (一產增加值 among Simplified) is not converted above: metric words are
    named = [form for r in q.regions for form in (r.name, r.short, *r.aliases) if len(form) >= 2]
    q.metric, q.metric_score = find_metric(to_simplified(part), index, exclude=named)
    if q.metric is None and part != simple and q.regions:  # 阳城二产占GDP比重: the share is looked up by its part
        q.metric, q.metric_score = find_metric(to_simplified(unplaced), index, exclude=named)
    q.period = find_period(simple, today=today or date.today())
    q.company = find_company(simple, index)
    q.entries = [name for name in index.entry_names if name in simple]
    # 单项冠军企业 names a metric, not the first place of a ranking; 人口自然增长率 is a rate, not a growth asked
    ranked = rank_words(simple, q.metric)
    q.wants_growth = bool(_GROWTH_RE.search(ranked))
    q.position = position(ranked)
    q.top = top_n(ranked)
    q.intent = Intent.CLARIFY if q.ambiguous else classify(q)
    # 北京…呢 never borrows 临清's figure; 介绍一下淄博 is a question of its own, whatever came before
    continuable = not outside and not OUT_WORDS.search(simple) and not _INTRODUCE.search(simple)
    if state is not None and continuable and q.intent in ("out_of_scope", "figure", "overview") \
            and is_follow_up(q, simple):
        q = continue_from(q, state, gazetteer, index)
    elif state is not None and q.intent == "rank_position" and not q.regions and state.region_codes \
            and len(simple) <= 20:  # 增速在全省排第几? after a figure: the rank of that place's metric
        metric, score = (q.metric, q.metric_score) if q.metric else (state.metric, 100.0)
        q = replace(q, regions=[gazetteer.get(c) for c in state.region_codes], metric=metric, metric_score=score,
                    period=q.period or state.period)
    elif state is not None and (placed_in := next_place_in_ranking(q, state, gazetteer)) is not None:
        q = placed_in
    elif state is not None and q.intent == "ranking_list" and q.position is not None \
            and (len(q.residual) <= 3 or asks_only_a_place(simple)):
        q.ranking_title = state.ranking_title  # 第二名呢? continues the ranking just shown
    if q.intent == "out_of_scope" and _names_stored_metrics(q, index):
        q.intent = Intent.FIGURE  # 莘县收入是多少: a word several of the place's metrics share, to ask back
    if q.intent == "overview" and len(q.regions) == 1 and not q.metric and len(q.residual) >= 2 \
            and _FIGURE_ASK.search(simple) and not OVERVIEW_WORDS.search(simple):
        q.intent = Intent.FIGURE  # 临清有多少个企业: a figure asked, to be said missing, not the place's overview
    if q.intent == "out_of_scope" and not q.elsewhere and not OUT_WORDS.search(simple):
        q.topic = find_topic(without_places(simple, q.regions), index)
        if q.topic:
            q.intent = Intent.TOPIC
        elif len(q.regions) == 1 and len(q.residual) >= 2 and (q.wants_growth or _FIGURE_ASK.search(simple)):
            q.intent = Intent.FIGURE  # 济宁存款增速: a figure the base does not have, said as such
    return q


def _names_stored_metrics(q: Query, index: Index) -> bool:
    """The residual is part of at least two of the one place's stored metric names."""
    if len(q.regions) != 1 or q.metric is not None or len(q.residual) < 2:
        return False
    names = {index.facts[i].metric for i in index.by_region.get(q.regions[0].code, [])}
    return sum(q.residual in m for m in names) >= 2
