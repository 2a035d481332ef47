"""Spans of several years (十四五时期, 五年来, 这五年): how they are read, labelled and handed to clauses."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.period_clauses import clause_period
from knowledge.extract.periods import Period, find_periods, parse_label

REPORT_DAY = date(2026, 1, 20)  # a report given early in 2026 looks back on 2025

SPANS = [
    # (text, default year, published, labels found)
    ("“十四五”时期,全省新增就业逐年增加", 2025, REPORT_DAY, ["2021-2025"]),
    ("十三五期间,全县财政收入稳步增长", 2020, None, ["2016-2020"]),
    ("十三五时期回顾", 2025, None, ["2016-2020"]),  # a plan long over is still its own five years
    ("“十四五”以来,我市新开工项目不断", 2023, None, ["2021-2023"]),  # since a plan began: up to the year
    ("过去五年,我们办成了许多大事", 2025, REPORT_DAY, ["2021-2025"]),
    ("三年来,全区工业投资保持增长", 2019, None, ["2017-2019"]),
    ("这五年,经济总量持续扩大", None, REPORT_DAY, ["2021-2025"]),  # no year: the one a report reviews
    ("近两年,外贸明显回暖", 2024, None, ["2023-2024"]),
    # a plan still running is a goal, not an outcome; a plan's name is no period
    ("“十四五”时期,全省力争建成一批重大项目", 2022, None, []),
    ("基本完成“十四五”规划目标", 2025, None, []),
    # a span compared against is the base, not the period of the figure
    ("比“十三五”时期增加一倍", 2025, None, []),
    # 五年级, 五年前: no span
    ("全县小学五年级学生", 2025, None, []),
    ("这五年前的数据", 2025, None, []),
]


@pytest.mark.parametrize(("text", "year", "published", "labels"), SPANS)
def test_spans_of_years(text: str, year: int | None, published: date | None, labels: list[str]) -> None:
    spans = [m.period for m in find_periods(text, published=published, default_year=year)
             if m.period.kind == "span"]
    assert [p.label for p in spans] == labels


def test_span_label_round_trips() -> None:
    span = parse_label("2016-2020")
    assert (span.kind, span.first, span.year) == ("span", 2016, 2020)
    assert span.label == "2016-2020"
    assert span.describe() == "2016-2020年"
    # the newest figure of a metric is its last year's own, not the average over the years before
    assert parse_label("2019").sort_key < span.sort_key < parse_label("2020M01").sort_key


def test_a_span_leaves_single_years_alone() -> None:
    """Bare and stated years are read as before next to a span."""
    found = find_periods("五年来,2025年全市生产总值增长", published=REPORT_DAY, default_year=2025)
    assert [m.period.label for m in found] == ["2021-2025", "2025"]


SPAN = Period("span", 2025, 1, 12, first=2021)

CLAUSES = [
    # a change over the span is dated by the span
    ("年均增长4.7%", "2021-2025"),
    ("新增高速公路通车里程900公里", "2021-2025"),
    ("研发投入占比提高1.2个百分点", "2021-2025"),
    # a level is the one the span ends at, also when a change follows it in the clause
    ("电力装机总量超过1.7亿千瓦", "2025"),
    ("地区生产总值突破2万亿元、年均增长4.7%", "2025"),
]


@pytest.mark.parametrize(("clause", "label"), CLAUSES)
def test_clause_in_a_span(clause: str, label: str) -> None:
    assert clause_period(clause, [], 0, len(clause), SPAN).label == label


def test_clause_naming_its_own_span() -> None:
    text = "过去五年,全市年均增长6%"
    periods = find_periods(text, published=REPORT_DAY, default_year=2025)
    assert clause_period(text, periods, 5, len(text), SPAN).label == "2021-2025"


@pytest.mark.parametrize(("text", "figure", "label"), [
    # a figure read alone at its number (a 增长N倍 or a 分别 list) is dated by the words of its own clause
    ("研发经费年均增长9%,技术合同成交额增长5.2倍", "5.2", "2021-2025"),
    ("研发经费年均增长9%,电力装机总量超过1.7亿千瓦", "1.7", "2025"),
], ids=["change", "level"])
def test_a_figure_read_alone_in_a_span_takes_its_clauses_words(text: str, figure: str, label: str) -> None:
    at = text.index(figure)
    assert clause_period(text, [], at, at + 1, SPAN).label == label


YEAR = Period("year", 2024, 1, 12)


@pytest.mark.parametrize(("text", "clause", "label"), [
    # the next clause opening with 比年初 measures this balance: a stock at the year's end
    ("各项存款余额6100亿元,比年初增加700亿元", "各项存款余额6100亿元", "asof:2024-12-31"),
    # a next clause naming a balance of its own first says nothing of this flow
    ("税收收入合计512.3亿元、增长6.1%,全市存款余额6100亿元、比年初增加700亿元", "税收收入合计512.3亿元、增长6.1%",
     "2024"),
], ids=["own-balance", "another-quantity"])
def test_a_balance_against_the_years_start_is_a_stock(text: str, clause: str, label: str) -> None:
    assert clause_period(text, [], 0, len(clause), YEAR).label == label


@pytest.mark.parametrize(("text", "label"), [
    ("今年首6个月,口岸日均通关2万人次", "2024H1"),  # the first six months are the first half
    ("前5个月,全省出口增长3%", "2024M01-M05"),
    ("2023年前两个月,工业增长4%", "2023M01-M02"),
    ("前9个月,全市投资增长2%", "2024Q1-Q3"),
], ids=["first-six", "first-five", "first-two", "first-nine"])
def test_the_first_months_of_a_year_are_a_period(text: str, label: str) -> None:
    assert [m.period.label for m in find_periods(text, published=date(2024, 7, 1))] == [label]


def test_months_in_a_row_are_no_period() -> None:
    assert find_periods("出口增速连续4个月加快", published=date(2024, 7, 1)) == []


def test_a_list_figure_in_a_flow_clause_after_a_year_end_is_the_years() -> None:
    text = "年末全县户籍人口52万人;新增市场主体、新登记企业分别为1.2万户、0.5万户"
    periods = find_periods(text, published=None, default_year=2024)
    at = text.index("1.2")
    assert clause_period(text, periods, at, at + 1, YEAR).label == "2024"


@pytest.mark.parametrize(("text", "labels"), [
    ("去年同期,全市生产总值增长4%", ["2023"]),  # opening its clause: the clause's period
    ("比去年同期增长5%", []),  # a base
    ("上年同期增长5%", []),  # a base without 比
], ids=["opening", "after-bi", "bare"])
def test_the_same_period_a_year_before_is_a_base_unless_it_opens_the_clause(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, published=date(2024, 8, 1))] == labels


def test_a_plans_time_still_to_come_sets_goals() -> None:
    # a plan given as its first year begins: its figures are targets for its last year
    found = find_periods("“十五五”时期,全市地区生产总值年均增长5%", published=date(2026, 2, 5))
    assert [m.period.label for m in found] == ["target:2030"]


@pytest.mark.parametrize(("text", "labels"), [
    ("2023年全年,全市生产总值增长5%", ["2023"]),  # a stated year's 全年 is that year, one period
    ("去年全年,全市生产总值增长5%", ["2023"]),
    ("全年粮食产量达到50亿斤", ["2024"]),  # a bare 全年 is the year being read
    ("今年来,全市出口增长5%", ["2024M01-M09"]),  # 今年来 is 今年以来
], ids=["stated-year", "last-year", "bare", "since-the-year-began"])
def test_the_whole_of_a_year(text: str, labels: list[str]) -> None:
    found = find_periods(text, published=date(2024, 9, 20), default_year=2024)
    assert [m.period.label for m in found] == labels


@pytest.mark.parametrize(("text", "labels"), [
    ("全市生产总值3700亿元,是2015年的1.8倍", []),  # a multiple of that year's
    ("全县粮食产量相当于2010年的两倍", []),
    ("全市税收为上年同期的95%", []),  # a share of that year's
    ("2023年的生产总值为3700亿元", ["2023"]),  # the year's own figure
], ids=["multiple", "multiple-in-words", "share", "own-figure"])
def test_a_year_a_figure_is_a_multiple_of_is_a_base(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, published=date(2024, 2, 1))] == labels


@pytest.mark.parametrize(("text", "labels"), [
    ("三季度末,全市存款余额5000亿元", ["asof:2024-09-30"]),  # the stock on the quarter's last day
    ("上半年末,全市贷款余额4000亿元", ["asof:2024-06-30"]),
    ("截至一季度末,全市市场主体50万户", ["asof:2024-03-31"]),
    ("三季度,全市生产总值增长5%", ["2024Q3"]),  # the quarter itself
], ids=["quarter-end", "half-end", "as-of-quarter-end", "quarter"])
def test_the_end_of_a_quarter_or_half_is_a_day(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, published=date(2024, 10, 20))] == labels


@pytest.mark.parametrize(("text", "labels"), [
    ("截至2023年9月30日,全市存款余额5000亿元", ["asof:2023-09-30"]),  # the day, not the year's end
    ("2020年11月1日零时,全县常住人口58.2万人", ["asof:2020-11-01"]),  # a census day
    ("截至6月30日,全市贷款余额4000亿元", ["asof:2024-06-30"]),  # the year of the publication
    ("10月18日,记者从市统计局获悉", []),  # a bare day dates the report, not its figures
    ("2023年2月30日,全市存款余额5000亿元", ["2023"]),  # no such day: the year alone
], ids=["as-of-day", "census-day", "as-of-day-no-year", "report-day", "no-such-day"])
def test_a_stated_day_is_the_day_a_stock_stands_at(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, published=date(2024, 10, 20))] == labels


@pytest.mark.parametrize(("text", "labels"), [
    ("二〇二三年,全县生产总值增长5%", ["2023"]),  # a year written in words
    ("二零二一年上半年,全市出口增长3%", ["2021H1"]),
], ids=["ling-circle", "ling-character"])
def test_a_year_written_in_words_is_a_year(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, published=None)] == labels


@pytest.mark.parametrize("text", ["某县制定2023年工作要点,新增企业12家", "印发2024年度实施方案,建成站点8个"])
def test_a_year_in_a_documents_name_is_no_period(text: str) -> None:
    assert find_periods(text, published=date(2024, 3, 1)) == []


def test_a_year_before_other_words_is_still_a_period() -> None:
    assert [m.period.label for m in find_periods("2023年工作成效显著", published=None)] == ["2023"]
