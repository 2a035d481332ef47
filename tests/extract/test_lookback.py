"""A work report's look-back on several years (这五年, 十四五时期): the levels the span started from and ended
at, and the average growth over it (knowledge/extract/span_growth.py, restated.two_periods)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.periods import Period, find_periods
from knowledge.extract.restated import two_periods
from tests.extract.kit import facts_of, row

REPORT_DAY = date(2026, 1, 29)  # given early in 2026, the report looks back on 2021-2025
TITLE = "2026年甘肃省政府工作报告"
LOOK_BACK = "一、回顾2025年和“十四五”\n这五年,我们坚持稳中求进,经济实力明显增强。"

SPAN_GROWTHS = [
    ("地区生产总值突破1.3万亿元、年均增长5.6%。",
     ["甘肃省 | 地区生产总值 | 2025 | 1.3 | -", "甘肃省 | 地区生产总值 | 2021-2025 | - | 5.6"]),
    ("一般公共预算收入达到1100亿元,年均增长6.2%。",
     ["甘肃省 | 一般公共预算收入 | 2025 | 1100 | -", "甘肃省 | 一般公共预算收入 | 2021-2025 | - | 6.2"]),
    ("社会消费品零售总额4800亿元左右、年均增长4.1%。",
     ["甘肃省 | 社会消费品零售总额 | 2025 | 4800 | -", "甘肃省 | 社会消费品零售总额 | 2021-2025 | - | 4.1"]),
]


@pytest.mark.parametrize(("sentence", "rows"), SPAN_GROWTHS, ids=["comma-less", "after-a-comma", "approximate"])
def test_an_average_growth_beside_a_span_end_level_is_the_spans_growth(gazetteer, sentence: str,
                                                                       rows: list[str]) -> None:
    facts = facts_of(gazetteer, TITLE, LOOK_BACK + sentence, REPORT_DAY)
    assert [row(f) for f in facts] == rows


def test_an_average_growth_after_a_years_level_is_no_growth_of_that_year(gazetteer) -> None:
    body = "2024年,全省地区生产总值达到1.2万亿元,年均增长5.1%。"
    facts = facts_of(gazetteer, "甘肃省经济运行情况", body, date(2025, 1, 20))
    assert [row(f) for f in facts] == ["甘肃省 | 地区生产总值 | 2024 | 1.2 | -"]


def test_the_value_a_span_started_from_is_the_year_before_its_first(gazetteer) -> None:
    body = LOOK_BACK + "制造业投资占全部投资比重从21.3%提高到33.8%。"
    facts = facts_of(gazetteer, TITLE, body, REPORT_DAY)
    assert [row(f) for f in facts] == ["甘肃省 | 制造业投资占比 | 2020 | 21.3 | -",
                                       "甘肃省 | 制造业投资占比 | 2025 | 33.8 | -"]


def test_an_earlier_value_with_words_of_its_own_is_not_dated_by_the_span() -> None:
    span = Period("span", 2025, 1, 12, first=2021)
    later = Period("year", 2025, 1, 12)
    clause = "城镇化率从建市之初的21.3%提高到33.8%"
    assert two_periods(clause, clause, later, span)[1] == []
    clause = "城镇化率从21.3%提高到33.8%"
    assert two_periods(clause, clause, later, span)[1] == [("33.8", "21.3", Period("year", 2020, 1, 12), [])]
    assert two_periods(clause, clause, later)[1] == []  # no span looked back on: no period for the earlier


def test_the_whole_societys_research_spending_is_research_spending(gazetteer) -> None:
    facts = facts_of(gazetteer, TITLE, LOOK_BACK + "全社会研发投入年均增长9.8%。", REPORT_DAY)
    assert [row(f) for f in facts] == ["甘肃省 | 研发经费投入 | 2021-2025 | - | 9.8"]


@pytest.mark.parametrize("body", ["2025年,全县地区生产总值突破百亿元大关,达到128亿元、增长6.5%。",
                                  "2025年,全县地区生产总值突破100亿元,达到128亿元,增长6.5%。"],
                         ids=["in-words", "in-digits"])
def test_an_exact_value_after_a_threshold_keeps_its_growth(gazetteer, body: str) -> None:
    facts = facts_of(gazetteer, "2025年兴文县政府工作报告", body, date(2026, 1, 10))
    assert [row(f) for f in facts] == ["兴文县 | 地区生产总值 | 2025 | 128 | 6.5"]


@pytest.mark.parametrize(("text", "year", "published", "labels"), [
    ("到“十三五”末,全市城镇化率达到60%", 2022, None, ["2020"]),
    ("十四五期末,全县人口", None, REPORT_DAY, ["2025"]),
    ("到“十五五”末,全省数字经济规模", None, REPORT_DAY, ["target:2030"]),
], ids=["past", "just-ended", "to-come"])
def test_the_end_of_a_plans_time_is_its_last_year(text: str, year: int | None, published: date | None,
                                                  labels: list[str]) -> None:
    """A level when the plan is past; a goal while it is still to come."""
    assert [m.period.label for m in find_periods(text, published=published, default_year=year)] == labels


def test_a_goal_for_the_end_of_a_plan_to_come_is_no_level_of_the_year_reviewed(gazetteer) -> None:
    body = "(2026年1月20日在甘肃省人代会上)\n到“十五五”末,全省数字经济规模突破1万亿元。"
    facts = facts_of(gazetteer, "甘肃省政府工作报告", body)
    assert [row(f) for f in facts] == ["甘肃省 | 数字经济规模 | target:2030 | 1 | -"]


def test_a_yearly_average_after_a_year_stated_in_passing_is_the_spans(gazetteer) -> None:
    body = LOOK_BACK + "文旅持续升温,2025年接待游客超过3亿人次。社会消费品零售总额年均增长4.5%。"
    facts = facts_of(gazetteer, TITLE, body, REPORT_DAY)
    assert [row(f) for f in facts] == ["甘肃省 | 接待游客 | 2025 | 3 | -",
                                       "甘肃省 | 社会消费品零售总额 | 2021-2025 | - | 4.5"]
