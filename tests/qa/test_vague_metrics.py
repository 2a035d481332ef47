"""A metric named loosely (居民收入) means the stored names that hold each of its words in order: the one such
name is answered, several are asked back about, never guessed; a question that asks for a place's overview
(介绍一下淄博) is a question of its own, whatever the conversation asked before."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the figures are made up.
ARTICLES = {
    "jilin.txt": "吉林经济简报\n发布日期:2024-01-25\n2023年,吉林省地区生产总值13531.2亿元,增长6.3%;"
                 "一般公共预算收入1100.5亿元,增长8.4%;居民人均可支配收入增长5.7%。\n",
    "dezhou.txt": "德州经济简报\n发布日期:2024-01-25\n2023年,德州市地区生产总值3683.7亿元,增长6.1%;"
                  "城镇居民人均可支配收入41260元,增长4.9%;农村居民人均可支配收入22180元,增长7.2%。\n",
    "zibo.txt": "淄博经济简报\n发布日期:2024-01-26\n2023年,淄博市地区生产总值4561.8亿元,增长5.2%。"
                "全省5个“高质量发展进步县”是桓台县、沂源县、高青县、嘉祥县、东阿县。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("vague_metrics"), ARTICLES)


@pytest.mark.parametrize("first, then", [
    ("吉林2023年GDP是多少?", "居民收入呢?"), (None, "吉林居民收入增长多少?"),
], ids=["follow-up", "question"])
def test_the_one_name_holding_the_words_is_answered(kb: KnowledgeBase, first: str | None, then: str) -> None:
    state = kb.ask(first).state if first else None
    answer = kb.ask(then, state).answer
    said = body(answer.text)
    assert answer.found and "居民人均可支配收入" in said and "5.7%" in said and "1100.5" not in said


@pytest.mark.parametrize("first, then", [
    ("德州2023年GDP是多少?", "居民收入呢?"), (None, "德州居民收入是多少?"),
], ids=["follow-up", "question"])
def test_several_names_holding_the_words_are_asked_back(kb: KnowledgeBase, first: str | None, then: str) -> None:
    state = kb.ask(first).state if first else None
    answer = kb.ask(then, state).answer
    assert not answer.found and answer.intent == "clarify"
    assert answer.choices == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert "41260" not in answer.text and "22180" not in answer.text
    settled = kb.ask("第二个", kb.ask(then, state).state).answer
    assert settled.found and "22180元" in body(settled.text)


@pytest.mark.parametrize("fresh", ["介绍一下淄博", "淄博怎么样?"], ids=["introduce", "how-is"])
def test_an_overview_question_after_a_list_question_is_answered_as_asked(kb: KnowledgeBase, fresh: str) -> None:
    listed = kb.ask("东阿县入选了什么?")
    assert listed.answer.found and "高质量发展进步县" in body(listed.answer.text)
    answer = kb.ask(fresh, listed.state).answer
    assert answer.found and answer.intent == "overview" and "4561.8" in body(answer.text)


def test_a_place_alone_after_a_list_question_keeps_asking_about_lists(kb: KnowledgeBase) -> None:
    listed = kb.ask("东阿县入选了什么?")
    answer = kb.ask("那桓台县呢?", listed.state).answer
    assert answer.found and "桓台县入选" in body(answer.text)


def test_the_one_name_holding_the_words_is_asked_about_when_not_their_written_out_form(kb: KnowledgeBase) -> None:
    asked = kb.ask("德州城镇收入多少?")
    assert not asked.answer.found and asked.answer.choices == ["城镇居民人均可支配收入"]
    assert "41260" not in asked.answer.text
    settled = kb.ask("是", asked.state).answer
    assert settled.found and "41260元" in body(settled.text)
