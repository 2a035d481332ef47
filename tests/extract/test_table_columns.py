"""What header cells mean: kind, unit and date of a column (each header written for the test)."""

from __future__ import annotations

import pytest

from knowledge.extract.table_columns import caption_unit, column_of, label_unit, split_unit, unit_line, year_of


@pytest.mark.parametrize(("header", "kind", "unit"), [
    ("绝 对 数 (亿元)", "value", "亿元"), ("比上年增长 (%)", "growth", "%"), ("同比增长(下降)(%)", "growth", "%"),
    ("比重(%)", "share", "%"), ("年末数(人)", "value", "人"), ("单位面积产量(公斤/公顷)", "measure", "公斤/公顷"),
    ("指 标", "label", None), ("排名", "ignored", None), ("地区生产总值(亿元)", "measure", "亿元"),
    ("2022年(亿元)", "value", "亿元"), ("上年同期", "value", None),
], ids=["value", "growth", "growth-down", "share", "year-end", "measure", "label", "rank", "catalogue", "year",
        "year-before"])
def test_header_meaning(header, kind, unit):
    column = column_of(header)
    assert column is not None and (column.kind, column.unit) == (kind, unit)


def test_unknown_header_has_no_meaning():
    assert column_of("甲栏") is None


def test_dated_headers_say_their_year():
    assert (column_of("2022年").year, column_of("2022年末").year_end, column_of("上年同期").back) == (2022, True, 1)
    assert column_of("本期").year is None and column_of("本期").back == 0



def test_a_row_label_gives_its_year_and_its_unit():
    assert (year_of("2021年"), year_of("2021年末"), year_of("工业")) == (2021, None, None)
    assert label_unit("常住人口(万人)") == ("常住人口", "万人")
    assert label_unit("城镇化率(按常住人口)") == ("城镇化率(按常住人口)", None)


def test_units_of_a_unit_line_and_of_a_caption():
    assert (unit_line("单位:万元、%"), unit_line("单位:公斤/公顷"), unit_line("单价")) == ("万元", "公斤/公顷", None)
    assert (caption_unit("2023年主要指标(单位:亿元)"), caption_unit("2023年主要指标")) == ("亿元", None)


@pytest.mark.parametrize(("cell", "split"), [
    ("6105.1亿元", ("6105.1", "亿元")), ("12个", ("12", "个")), ("3位", ("3位", None)), ("5.1%", ("5.1%", None)),
    ("2023年", ("2023年", None)),
], ids=["yuan", "count", "rank", "percent", "year"])
def test_a_cell_may_carry_its_unit_but_not_a_rank(cell: str, split: tuple[str, str | None]) -> None:
    assert split_unit(cell) == split


@pytest.mark.parametrize(("header", "year", "months", "back", "last_month"), [
    ("2023年1-9月", 2023, (1, 9), 0, False), ("2023年增长(%)", 2023, None, 0, False), ("同期", None, None, 1, False),
    ("本月", None, None, 0, True),
], ids=["year-and-span", "year-and-growth", "same-time-last-year", "this-month"])
def test_a_header_dates_its_column(header: str, year: int | None, months: tuple[int, int] | None, back: int,
                                   last_month: bool) -> None:
    column = column_of(header)
    assert column is not None
    assert (column.year, column.months, column.back, column.last_month) == (year, months, back, last_month)
