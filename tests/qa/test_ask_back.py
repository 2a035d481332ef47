"""Shared place names in questions: settled by the base when it can be, else asked back, then settled."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: two 鼓楼区 with data, one 朝阳区 with data.
ARTICLES = {
    "nanjing.txt": ("南京市鼓楼区经济简报\n发布日期:2024-01-20\n"
                    "2023年,南京市鼓楼区实现地区生产总值2301.5亿元,增长5.1%。\n"),
    "fuzhou.txt": ("福州市鼓楼区经济简报\n发布日期:2024-01-22\n"
                   "2023年,福州市鼓楼区实现地区生产总值1502.7亿元,增长4.6%。\n"),
    "beijing.txt": ("北京市朝阳区经济简报\n发布日期:2024-01-25\n"
                    "2023年,北京市朝阳区实现地区生产总值8302.1亿元,增长5.3%。\n"),
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("askback")
    return base_from(folder, ARTICLES)



def test_a_shared_name_with_several_places_in_the_base_is_asked_back(kb: KnowledgeBase) -> None:
    asked = kb.ask("鼓楼区2023年GDP是多少?")
    answer = asked.answer
    assert answer.intent == "clarify" and not answer.found
    assert "南京市鼓楼区" in answer.text and "福州市鼓楼区" in answer.text and "你指的是" in answer.text
    assert "2301.5" not in answer.text and "1502.7" not in answer.text  # nothing guessed
    assert set(answer.suggestions) == {"南京市鼓楼区2023年GDP是多少?", "福州市鼓楼区2023年GDP是多少?"}


@pytest.mark.parametrize("reply, value", [("南京的", "2301.5亿元"), ("福州市鼓楼区", "1502.7亿元")],
                         ids=["city", "full-name"])
def test_a_follow_up_settles_the_choice(kb: KnowledgeBase, reply: str, value: str) -> None:
    asked = kb.ask("鼓楼区2023年GDP是多少?")
    settled = kb.ask(reply, asked.state).answer
    assert settled.found and value in body(settled.text)


def test_a_choice_by_its_number(kb: KnowledgeBase) -> None:
    asked = kb.ask("鼓楼区2023年GDP是多少?")
    first = asked.answer.suggestions[0]
    settled = kb.ask("第一个", asked.state).answer
    assert settled.found and first.startswith(("南京", "福州"))
    assert ("2301.5" if first.startswith("南京") else "1502.7") in body(settled.text)


def test_a_button_question_settles_it_too(kb: KnowledgeBase) -> None:
    answer = kb.ask("福州市鼓楼区2023年GDP是多少?").answer
    assert answer.found and "1502.7亿元" in body(answer.text) and "2301.5" not in body(answer.text)


def test_one_place_in_the_base_is_used_and_the_answer_says_so(kb: KnowledgeBase) -> None:
    answer = kb.ask("朝阳区2023年GDP是多少?").answer
    text = body(answer.text)
    assert answer.found and "8302.1亿元" in text and "按北京市朝阳区理解" in text


def test_a_known_place_without_data_is_said_so_with_what_is_covered_nearby(kb: KnowledgeBase) -> None:
    answer = kb.ask("南京市玄武区2023年GDP是多少?").answer
    assert not answer.found and "资料里还没有南京市玄武区的数据" in answer.text
    assert "南京市鼓楼区" in answer.text  # covered nearby
    assert "2301.5" not in answer.text


def test_an_ambiguous_metric_is_asked_back(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Written for the test: one county with two kinds of 收入.
    kb = base_from(tmp_path_factory.mktemp("which"), {"a.txt": (
        "莘县经济简报\n发布日期:2023-02-01\n2022年,莘县一般公共预算收入12.3亿元;居民人均可支配收入21560元。\n")})
    asked = kb.ask("莘县2022年收入是多少?")
    assert asked.answer.intent == "clarify" and not asked.answer.found
    assert "一般公共预算收入" in asked.answer.text and "居民人均可支配收入" in asked.answer.text
    assert "12.3" not in asked.answer.text  # no figure before the choice
    chosen = kb.ask("第二个", asked.state).answer
    assert chosen.found and "21560元" in chosen.text
