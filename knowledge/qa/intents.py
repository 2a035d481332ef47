"""The intents a question can have; each one has exactly one answering function in `registry`."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    FIGURE = "figure"
    RANKING_LIST = "ranking_list"
    RANK_POSITION = "rank_position"
    MEMBERSHIP = "membership"
    COMPARISON = "comparison"
    COMPUTED_RANKING = "computed_ranking"
    OVERVIEW = "overview"
    COMPANY = "company"
    TOPIC = "topic"
    HELP = "help"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"
