"""Threshold questions: which places pass 过/超过/不足 N, or how many, stated or counted over the base."""

from __future__ import annotations

import pytest

from knowledge.qa.threshold import threshold_in
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: four counties of 聊城 in one year, and a province-wide stated count.
COUNTIES = """聊城县域经济年报
发布日期:2024-02-10
2023年,莘县实现地区生产总值333.3亿元,同比增长4.4%。
2023年,冠县实现地区生产总值280.5亿元,同比增长5.0%。
2023年,临清市实现地区生产总值410.2亿元,同比增长3.8%。
2023年,东阿县实现地区生产总值190.1亿元,同比增长6.1%。
2023年,莘县夏收小麦总产量95.2万吨,冠县夏收小麦总产量61.3万吨,临清市夏收小麦总产量83.4万吨。
"""
STATED = """全省县域经济观察
发布日期:2024-03-01
2023年,山东全省地区生产总值过千亿元的县(市、区)有18个,过600亿元的有41个。
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("threshold"), {"counties.txt": COUNTIES, "stated.txt": STATED})


@pytest.mark.parametrize("text, above, amount", [
    ("过千亿", True, 10**11), ("超过300亿元", True, 3 * 10**10), ("不足15亿元", False, 15 * 10**8),
    ("增速超过5%", True, 5), ("500亿元以上", True, 5 * 10**10), ("突破两千亿", True, 2 * 10**11),
    ("在千亿以上", True, 10**11),
], ids=["magnitude-word", "digits", "below", "percent", "after", "chinese-digits", "magnitude-after"])
def test_thresholds_are_read_in_base_units(text: str, above: bool, amount: int) -> None:
    found = threshold_in(text)
    assert found is not None and found.above is above and found.amount == amount


def test_a_figure_asked_by_its_bound_sets_no_threshold() -> None:
    assert threshold_in("工业增加值突破多少亿") is None


def test_which_counties_pass_a_threshold_are_counted_over_the_base(kb: KnowledgeBase) -> None:
    answer = kb.ask("聊城有哪些县GDP过300亿?").answer
    text = body(answer.text)
    assert answer.found and "在资料覆盖的4个聊城市下辖县(市、区)中" in text and "2023年" in text
    assert "有2个" in text and "临清市(410.2亿元)" in text and "莘县(333.3亿元)" in text
    assert "冠县" not in text and "东阿县" not in text
    assert "地区生产总值 333.3" not in text  # a list of places, not one place's GDP


def test_below_and_growth_thresholds(kb: KnowledgeBase) -> None:
    below = body(kb.ask("聊城GDP不足300亿的县有哪些").answer.text)
    assert "东阿县(190.1亿元)" in below and "冠县(280.5亿元)" in below and "临清市" not in below
    growth = body(kb.ask("2023年聊城哪些县GDP增速超过5%").answer.text)
    assert "有1个" in growth and "东阿县" in growth and "冠县" not in growth  # 5.0 is not over 5


def test_a_bound_without_a_unit_is_a_rate_or_nothing(kb: KnowledgeBase) -> None:
    assert "东阿县" in body(kb.ask("2023年聊城哪些县GDP增速超过5?").answer.text)
    answer = kb.ask("聊城有哪些县GDP过300?").answer  # 300 of what: never compared with 元
    assert "临清市(410.2亿元)" not in answer.text
    assert not answer.found  # no list is given for a bound the base cannot compare with


def test_a_stated_count_of_the_same_threshold_answers(kb: KnowledgeBase) -> None:
    answer = kb.ask("山东GDP过600亿元的县有几个?").answer
    assert answer.found and "41个" in body(answer.text)
    assert "18个" in body(kb.ask("全省地区生产总值过千亿元的县有多少个?").answer.text)


def test_a_stated_count_of_another_threshold_never_answers(kb: KnowledgeBase) -> None:
    answer = kb.ask("山东GDP过2000亿的县有几个?").answer
    assert not answer.found
    assert "18个" not in answer.text and "41个" not in answer.text


def test_a_threshold_in_another_unit_counts_the_nearest_stored_metric(kb: KnowledgeBase) -> None:
    text = body(kb.ask("聊城哪些县夏收小麦产量超过80万吨?").answer.text)
    assert "有2个" in text and "莘县(95.2万吨)" in text and "临清市(83.4万吨)" in text and "冠县" not in text


LISTS = """泰安县域简报
发布日期:2024-02-10
2023年,全市GDP超过500亿元的县市分别是肥城市、新泰市和宁阳县。2023年,全市GDP在300-500亿元的县区分别是东平县、岱岳区和泰山区。
"""


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("threshold_lists"), {"lists.txt": LISTS})


def test_a_stated_list_of_the_same_threshold_answers_lists_and_counts(listed: KnowledgeBase) -> None:
    text = body(listed.ask("泰安GDP超过500亿元的县有哪些?").answer.text)
    assert "肥城市" in text and "宁阳县" in text and "东平县" not in text
    assert "共3个" in body(listed.ask("泰安有几个GDP超过500亿元的县?").answer.text)


def test_a_band_or_another_bound_never_answers_a_threshold(listed: KnowledgeBase) -> None:
    answer = listed.ask("泰安GDP超过300亿元的县有哪些?").answer
    assert not answer.found and "东平县" not in answer.text and "肥城市" not in answer.text
