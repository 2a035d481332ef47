"""A follow-up's period is completed from the conversation's (上半年呢? after 2022年 is 2022年上半年; 那2023年呢?
after 2022年上半年 is 2023年上半年), and a count of another period's list is said after the line that says so."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the figures are made up.
ARTICLE = ("临沂经济简报\n发布日期:2023-08-10\n2023年上半年,临沂市地区生产总值2890.5亿元,增长5.1%。\n"
           "2022年,临沂市地区生产总值5778.6亿元,增长4.3%。2022年上半年,临沂市地区生产总值2720.1亿元,增长3.8%。\n"
           "2021年,兰陵县、沂水县、费县3个县一般公共预算收入过20亿元。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("follow_up_periods"), {"linyi.txt": ARTICLE})


@pytest.mark.parametrize("first, then, shown, not_shown", [
    ("临沂2022年GDP是多少?", "上半年呢?", "2022年上半年 地区生产总值 2720.1亿元", "2890.5"),
    ("临沂2022年上半年GDP是多少?", "那2023年呢?", "2023年上半年 地区生产总值 2890.5亿元", "资料中没有"),
], ids=["span-takes-the-year", "year-keeps-the-span"])
def test_a_follow_up_period_is_completed_from_the_conversation(kb: KnowledgeBase, first: str, then: str,
                                                                 shown: str, not_shown: str) -> None:
    state = kb.ask(first).state
    answer = kb.ask(then, state).answer
    assert answer.found and shown in body(answer.text) and not_shown not in body(answer.text)


def test_a_fresh_yearless_span_is_the_newest(kb: KnowledgeBase) -> None:
    answer = kb.ask("临沂上半年GDP是多少?").answer
    assert answer.found and body(answer.text).startswith("临沂市 2023年上半年 地区生产总值 2890.5亿元")


def test_the_count_of_another_periods_list_comes_after_saying_so(kb: KnowledgeBase) -> None:
    answer = kb.ask("2023年临沂一般公共预算收入过20亿元的县有几个?").answer
    first, second = body(answer.text).splitlines()[:2]
    assert not answer.found and first.startswith("资料中没有2023年") and second.startswith("2021年共3个")
    same = kb.ask("2021年临沂一般公共预算收入过20亿元的县有几个?").answer
    assert same.found and body(same.text).startswith("共3个")
