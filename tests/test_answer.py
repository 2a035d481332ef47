"""The answer engine against the seeds' golden question set (tests/gold/questions.json), scored strictly."""

from __future__ import annotations

import pytest

from bench.answer_scoring import ask_all, score, seed_questions
from knowledge.qa.answer import Answer
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from knowledge.text.corpus import BUNDLED_DIR

GOLD = seed_questions()
BY_ID = {q["id"]: q for q in GOLD}
# The honest strict score now (HEAD 129/152 = 84.9%; 123/152 with work in progress), not the 97% target: a floor
# against regressions, to be raised as answers improve.
ACCURACY_FLOOR = 0.90


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("kb")
    base = KnowledgeBase(make_engine(f"sqlite:///{folder / 'kb.db'}"), BUNDLED_DIR)
    base.start()
    return base


def ask(kb: KnowledgeBase):
    def one(question: str, state: Conversation | None) -> tuple[Answer, Conversation]:
        asked = kb.ask(question, state)
        return asked.answer, asked.state
    return one


def test_golden_questions_strict_accuracy(kb, capsys):
    result = score(GOLD, ask_all(GOLD, ask(kb)))
    with capsys.disabled():
        print(f"\ngolden questions (strict): {result.accuracy:.1%} right ({result.right + result.refused}/"
              f"{result.total}); answerable {result.right}/{result.answerable}, "
              f"unanswerable refused {result.refused}/{result.unanswerable}")
        for qid, why in result.misses.items():
            print(f"  {qid}: {BY_ID[qid]['q']} -> {'; '.join(why)}")
    assert result.accuracy >= ACCURACY_FLOOR
    assert result.refused == result.unanswerable, "every question the base cannot answer must be refused"


def test_every_answerable_seed_question_checks_region_period_and_value():
    """Help and two where-questions (a place, no figure) are the only exceptions, named here."""
    value_keys = {"values", "growth", "rank", "names", "not_comparable"}
    unchecked = [q["id"] for q in GOLD if q["found"] and q["expect"].get("intent") != "help"
                 and not ({"region", "period"} <= set(q["expect"]) and value_keys & set(q["expect"]))]
    assert unchecked == ["topic-ejiao", "topic-cosmoplat"]


@pytest.mark.parametrize("question", ["北京GDP是多少", "那上海呢?", "明天临清天气怎么样"],
                         ids=["beijing", "shanghai-follow-up", "weather"])
def test_a_follow_up_never_borrows_a_figure_from_another_region(kb, question):
    state = kb.ask("临清上半年生产总值是多少?").state
    answer = kb.ask(question, state).answer
    assert not answer.found and "140.08" not in answer.text
