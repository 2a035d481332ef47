"""Answering as a registry: each `Intent` maps to one function `(lookup, query) -> Answer`.

Three kinds of question read as another intent and are answered first: counts of a list's entries by place
(哪个省的百强县最多), places over or under a bound (山东有哪些县GDP过千亿), and counts of a stated list
(湖北有几个千亿县).
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.answer import Answer
from knowledge.qa.company import company
from knowledge.qa.compare import comparison
from knowledge.qa.computed import computed_ranking
from knowledge.qa.fallback import clarify, help_answer, out_of_scope
from knowledge.qa.figure import counted_list, figure
from knowledge.qa.group_count import group_count
from knowledge.qa.index import Index
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup
from knowledge.qa.overview import overview, topic
from knowledge.qa.parse import Query
from knowledge.qa.ranked import membership, rank_position, ranking_list
from knowledge.qa.threshold import is_threshold_question, threshold_answer, too_few

AnswerFn = Callable[[Lookup, Query], Answer]
# 哪个省的百强县最多 names no metric and no place: it reads as a topic or a list
_GROUP_INTENTS = (Intent.OUT_OF_SCOPE, Intent.TOPIC, Intent.COMPUTED_RANKING, Intent.RANKING_LIST)
# 山东有哪些县GDP过千亿 reads as a figure, a list or a computed ranking
_THRESHOLD_INTENTS = (Intent.FIGURE, Intent.RANKING_LIST, Intent.COMPUTED_RANKING, Intent.OUT_OF_SCOPE, Intent.TOPIC)
# 湖北有几个千亿县 reads as an overview of 湖北: a count of a stated list answers it
_COUNTED_INTENTS = (Intent.OVERVIEW, Intent.OUT_OF_SCOPE, Intent.TOPIC, Intent.RANKING_LIST, Intent.FIGURE)
ANSWERERS: dict[Intent, AnswerFn] = {
    Intent.FIGURE: figure,
    Intent.RANKING_LIST: ranking_list,
    Intent.RANK_POSITION: rank_position,
    Intent.MEMBERSHIP: membership,
    Intent.COMPARISON: comparison,
    Intent.COMPUTED_RANKING: computed_ranking,
    Intent.OVERVIEW: overview,
    Intent.COMPANY: company,
    Intent.TOPIC: topic,
    Intent.HELP: help_answer,
    Intent.CLARIFY: clarify,
    Intent.OUT_OF_SCOPE: out_of_scope,
}


class Answerer:
    """Turns a parsed `Query` into an `Answer` using one immutable `Index`."""

    def __init__(self, index: Index, gazetteer: Gazetteer) -> None:
        self.lookup = Lookup(index, gazetteer)

    @property
    def index(self) -> Index:
        return self.lookup.index

    def answer(self, q: Query) -> Answer:
        if q.intent in _GROUP_INTENTS and (grouped := group_count(self.lookup, q)) is not None:
            return self._noted(q, grouped)
        if q.intent in _THRESHOLD_INTENTS and is_threshold_question(q):
            # 过千亿的县 16个 never answers 过2000亿, nor a place's GDP a question about places over a bound
            return self._noted(q, threshold_answer(self.lookup, q) or too_few(q))
        if q.intent in _COUNTED_INTENTS and (counted := counted_list(self.lookup, q)) is not None:
            return self._noted(q, counted)
        return self._noted(q, ANSWERERS[q.intent](self.lookup, q))

    @staticmethod
    def _noted(q: Query, answer: Answer) -> Answer:
        if q.assumed:
            answer.text = ";".join(q.assumed) + "\n" + answer.text
        return answer
