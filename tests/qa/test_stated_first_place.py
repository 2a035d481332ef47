"""哪个省份GDP增速最高: a first place the articles state outright (领跑全国) answers it, before a ranking of the few
places whose figures the base holds; never for another period, nor for the lowest."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the figures are made up. 湖北's own growth is not stated, only that it leads.
ARTICLE = ("前三季度经济观察\n发布日期:2021-10-25\n2021年前三季度,海南省地区生产总值增长12.1%,"
           "新疆维吾尔自治区地区生产总值增长8.1%。湖北省地区生产总值增速领跑全国。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("stated_first"), {"q3.txt": ARTICLE})


@pytest.mark.parametrize("question", ["2021年前三季度哪个省份GDP增速最高?", "哪个省份GDP增速最高?"],
                         ids=["period-asked", "no-period"])
def test_a_stated_first_place_answers_which_is_highest(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    said = body(answer.text)
    assert answer.found and "湖北省" in said and "2021年前三季度" in said and "领跑全国" in said
    assert "海南省" not in said  # the covered places' own order would name 海南 first


def test_the_lowest_is_still_ranked_from_the_figures(kb: KnowledgeBase) -> None:
    answer = kb.ask("哪个省份GDP增速最低?").answer
    assert answer.found and "最低的是新疆维吾尔自治区" in body(answer.text) and "湖北" not in body(answer.text)


def test_a_stated_first_place_of_another_period_answers_nothing(kb: KnowledgeBase) -> None:
    answer = kb.ask("2020年前三季度哪个省份GDP增速最高?").answer
    assert not answer.found and "湖北" not in body(answer.text)
