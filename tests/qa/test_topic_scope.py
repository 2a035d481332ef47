"""Topic answers keep to the place and the year asked: another place's or year's sentences never stand in."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one industry word, in two counties and two years.
ARTICLES = {
    "a.txt": "冠县新材料产业观察\n发布日期:2023-05-10\n2023年,冠县石墨烯产业链加快延伸,新落地项目6个。\n",
    "b.txt": "莘县工业快讯\n发布日期:2021-04-02\n2021年,莘县石墨烯产业园开工建设,计划总投资12亿元。\n"
             "2021年,莘县实现地区生产总值300.1亿元。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("topic_scope"), ARTICLES)


def test_a_topic_without_place_or_year_finds_every_mention(kb: KnowledgeBase) -> None:
    answer = kb.ask("石墨烯产业在哪里?").answer
    assert answer.found and "冠县" in answer.text and "莘县" in answer.text


def test_a_topic_keeps_to_the_place_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("冠县的石墨烯产业有什么进展?").answer
    assert answer.found and "冠县" in answer.text and "莘县" not in answer.text


def test_a_topic_keeps_to_the_year_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("2021年石墨烯产业有什么进展?").answer
    assert answer.found and "莘县" in answer.text and "冠县" not in answer.text


def test_a_topic_of_another_place_or_year_is_refused(kb: KnowledgeBase) -> None:
    answer = kb.ask("2019年石墨烯产业有什么进展?").answer
    assert not answer.found and "2019年" in body(answer.text) and "莘县" not in answer.text


def test_the_place_asked_is_no_topic_word(kb: KnowledgeBase) -> None:
    answer = kb.ask("冠县2023年存款增速多少?").answer
    assert not answer.found and answer.intent == "figure"
    assert "冠县的存款数据" in answer.text and "石墨烯" not in answer.text


def test_a_topics_own_figures_come_first_among_a_sentences_figures(tmp_path_factory: pytest.TempPathFactory) -> None:
    # written for the test: one sentence lists four figures, the last one about the topic asked
    kb = base_from(tmp_path_factory.mktemp("topic_order"), {"c.txt": (
        "阳谷产业观察\n发布日期:2023-06-01\n目前,阳谷县电缆年产值320亿元,铜材年加工能力80万吨,"
        "生物医药企业21家,光纤预制棒年产能1500吨。\n")})
    answer = kb.ask("光纤预制棒产业在哪里?").answer
    lines = [line for line in body(answer.text).splitlines() if line.startswith("· ")]
    assert answer.found and "光纤预制棒" in lines[0] and "1500吨" in lines[0]
