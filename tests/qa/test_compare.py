"""Comparisons: the period asked, each place's stored name for the metric, related units scaled."""

from __future__ import annotations

import pytest

from knowledge.qa.compare import in_base_unit
from knowledge.qa.index import FactRecord
from knowledge.qa.lookup import without_compare_talk
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: two provinces, one in 万亿元 and one in 亿元, and each names its harvest its own way.
ARTICLES = {
    "a.txt": "两省经济简报\n发布日期:2022-11-02\n2022年前三季度,浙江省地区生产总值5.6万亿元。"
             "2022年前三季度,安徽省地区生产总值33520亿元。\n",
    "b.txt": "两省半年简报\n发布日期:2022-07-20\n2022年上半年,浙江省地区生产总值同比增长2.5%。"
             "2022年上半年,安徽省地区生产总值同比增长2.9%。\n",
    "c.txt": "夏粮简报\n发布日期:2022-07-25\n2022年,浙江省夏粮总产量95.3万吨。2022年,安徽省夏粮总产量1700.4万吨。\n",
    "d.txt": "两省外贸简报\n发布日期:2023-01-20\n2022年,浙江省进出口总额4.68万亿元,增长13.1%。"
             "2022年,安徽省进出口总额1150.2亿美元,增长2.0%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("compare"), ARTICLES)


def test_the_period_asked_and_scaled_units(kb: KnowledgeBase) -> None:
    text = body(kb.ask("浙江和安徽2022年前三季度GDP谁高?").answer.text)
    assert "5.6万亿元" in text and "33520亿元" in text and "2022年前三季度" in text
    assert "浙江省更高" in text
    assert "2.5%" not in text  # the half-year's growth is another period


def test_the_half_year_compares_growth(kb: KnowledgeBase) -> None:
    text = body(kb.ask("浙江和安徽2022年上半年GDP增速谁高?").answer.text)
    assert "安徽省更高" in text and "2022年上半年" in text


@pytest.mark.parametrize("question", ["浙江和安徽2022年上半年GDP谁高?", "浙江和安徽2022年上半年哪个GDP多?"],
                         ids=["which-higher", "which-more"])
def test_growth_rates_never_answer_which_figure_is_higher(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    text = body(answer.text)
    assert not answer.found and "更高" not in text.replace("哪个更高", "") and "只有增速" in text


def test_which_grew_faster_compares_growth(kb: KnowledgeBase) -> None:
    answer = kb.ask("浙江和安徽2022年上半年GDP哪个快?").answer
    assert answer.found and "安徽省更高" in body(answer.text)


def test_each_place_name_for_the_metric(kb: KnowledgeBase) -> None:
    answer = kb.ask("2022年浙江和安徽的夏粮产量谁高?").answer
    assert answer.found and "安徽省更高" in body(answer.text)


def test_a_missing_period_is_not_compared(kb: KnowledgeBase) -> None:
    answer = kb.ask("浙江和安徽2021年GDP谁高?").answer
    assert not answer.found and "2021年" in answer.text


def _fact(value: str, unit: str) -> FactRecord:
    return FactRecord(1, "330000", "地区生产总值", "GDP", float(value), value, unit, None, None, "2022", None, 1, 1)


@pytest.mark.parametrize("value, unit, scaled", [("5.6", "万亿元", ("56000.0", "亿元")), ("3", "万吨", ("30000", "吨")),
                                                  ("12", "个", ("12", "个"))])
def test_units_scale_to_one_base(value: str, unit: str, scaled: tuple[str, str]) -> None:
    got = in_base_unit(_fact(value, unit))
    assert got is not None and (got[0].normalize(), got[1]) == (type(got[0])(scaled[0]).normalize(), scaled[1])



@pytest.mark.parametrize("residual, words", [("和哪个夏粮产量高", "夏粮产量"), ("与谁GDP更高", "GDP"),
                                             ("和GDP谁高", "GDP")], ids=["which-between", "whose", "who"])
def test_the_asking_words_of_a_comparison_are_no_part_of_its_metric(residual: str, words: str) -> None:
    assert without_compare_talk(residual) == words


@pytest.mark.parametrize("question", ["安徽2022年夏粮总产量是浙江的几倍?", "安徽的夏粮总产量是浙江的多少倍"],
                         ids=["how-many-times", "how-many-times-duo-shao"])
def test_a_is_how_many_times_b_shows_both_values_and_the_ratio(kb: KnowledgeBase, question: str) -> None:
    text = body(kb.ask(question).answer.text)
    assert "1700.4万吨" in text and "95.3万吨" in text and "安徽省是浙江省的17.84倍" in text


@pytest.mark.parametrize("question", ["浙江和安徽2022年夏粮总产量差多少?", "浙江和安徽夏粮总产量相差多少"],
                         ids=["cha-duo-shao", "xiang-cha"])
def test_how_far_apart_two_places_are_shows_both_values_and_the_difference(kb: KnowledgeBase, question: str) -> None:
    text = body(kb.ask(question).answer.text)
    assert "1700.4万吨" in text and "95.3万吨" in text and "差额:1700.4 − 95.3 = 1605.1万吨" in text


def test_figures_in_units_that_do_not_convert_are_said_not_comparable_not_missing(kb: KnowledgeBase) -> None:
    # 元 and 美元 do not convert: both figures are there, so "only growth rates" would be false
    text = kb.ask("浙江和安徽2022年进出口总额谁高?").answer.text
    assert "不能直接比较" in text and "只有增速" not in text and "4.68万亿元" in text and "1150.2亿美元" in text
