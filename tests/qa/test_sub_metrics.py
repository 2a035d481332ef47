"""A metric and its kinds: a bare 产量 is not 玉米产量, and 玉米产量 is not a bare 产量."""

from __future__ import annotations

import pytest

from knowledge.qa.metric_match import best_metric, sub_metrics
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

ARTICLE = """县域农业简报
发布日期:2023-10-20
2023年,莘县玉米产量48.2万吨,同比增长2.1%。
2023年,东阿县蔬菜产量12.5万吨。
"""
# A bare 产量 is not stored from prose (knowledge/extract/gates.py); best_metric is tested with it below.


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("sub_metrics"), {"farm.txt": ARTICLE})


def test_sub_metrics_are_the_words_after_a_modifier() -> None:
    assert sub_metrics(["玉米产量", "夏粮产量", "产量占比"], "产量") == ["玉米产量", "夏粮产量"]
    assert sub_metrics(["产量", "玉米产量"], "产量") == []  # the bare name is stored: it answers


def test_a_bare_name_held_in_the_words_is_not_the_narrower_metric_asked() -> None:
    assert best_metric(["产量"], "东阿县玉米产量多少", "玉米产量", None, exact=False) is None


def test_a_bare_metric_asks_back_instead_of_answering_a_kind_of_it(kb: KnowledgeBase) -> None:
    answer = kb.ask("莘县产量是多少?").answer
    assert not answer.found and answer.intent == "clarify"
    assert "48.2" not in answer.text and "玉米产量" in answer.text
    assert answer.suggestions == ["莘县玉米产量是多少?"]


def test_a_kind_of_a_metric_is_not_answered_by_another_kind(kb: KnowledgeBase) -> None:
    answer = kb.ask("东阿县玉米产量多少?").answer
    assert not answer.found and "12.5" not in body(answer.text)
    assert "没有东阿县的玉米产量数据" in answer.text


def test_a_yes_to_the_one_option_asks_it(kb: KnowledgeBase) -> None:
    state = kb.ask("莘县产量是多少?").state
    answer = kb.ask("是的", state).answer
    assert answer.found and "48.2万吨" in body(answer.text)
