"""Follow-ups that name only what kind of figure they want (金额呢? after a count) keep the thing asked about, and
那X呢? after a place's rank in a ranking asks X's rank in that same ranking, before any other rank X has."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the figures are made up.
ARTICLES = {
    "zhaoshang.txt": "莘县招商简报\n发布日期:2023-08-05\n2023年1-7月,莘县新签约项目23个,签约金额64.8亿元。\n",
    "pingyi.txt": "聊城各县综合考核排名\n发布日期:2023-07-20\n2023年上半年各县(市、区)综合考核排名:第一名:莘县;"
                  "第二名:阳谷县;第三名:高唐县。\n阳谷县的电缆产量位居全省第一位。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("follow_up_slots"), ARTICLES)


def test_an_amount_asked_after_a_count_is_the_money_figure_beside_it(kb: KnowledgeBase) -> None:
    count = kb.ask("莘县2023年1-7月新签约项目多少个?")
    assert count.answer.found and "23个" in body(count.answer.text)
    answer = kb.ask("金额呢?", count.state).answer
    assert answer.found and "64.8亿元" in body(answer.text) and "23个" not in body(answer.text)


def test_another_place_after_a_rank_in_a_ranking_is_ranked_in_the_same_ranking(kb: KnowledgeBase) -> None:
    first = kb.ask("莘县综合考核排第几?")
    assert first.answer.found and "第1名" in body(first.answer.text)
    answer = kb.ask("那阳谷县呢?", first.state).answer
    said = body(answer.text)
    assert answer.found and "阳谷县在《" in said and "第2名" in said and "电缆" not in said
