"""Example tables for header and label forms (knowledge/extract/table_layout.py, table_columns.py, tables.py):
a header whose bar opens an empty label cell, units in the row labels, and value columns headed by a span of
months. Every table is written for the test; a row is "region | metric | period | value unit | growth"."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row_with_unit

HEADERS = [
    # | | 绝对额(万元) | …: the header opens with a bar and an empty label cell, the rows with no bar
    ("沂水县2023年经济运行情况",
     "全县经济平稳。\n2023年沂水县生产总值\n| | 绝对额(万元) | 同比增长(%) |\n地区生产总值 | 4566167 | 6.2 |\n"
     "第一产业 | 708127 | 4.4 |\n房地产业 | 229699 | -2.5 |",
     ["沂水县 | 地区生产总值 | 2023 | 4566167万元 | 6.2", "沂水县 | 第一产业增加值 | 2023 | 708127万元 | 4.4",
      "沂水县 | 房地产业增加值 | 2023 | 229699万元 | -2.5"]),
    # the unit in a row label's brackets is the row's own
    ("沂水县2023年经济运行情况",
     "主要指标如下。\n表1 主要指标\n| 指标 | 绝对值 | 增长% |\n| 地区生产总值(亿元) | 510.2 | 5.3 |\n"
     "| 城镇居民人均可支配收入(元) | 43000 | 5.4 |",
     ["沂水县 | 地区生产总值 | 2023 | 510.2亿元 | 5.3", "沂水县 | 城镇居民人均可支配收入 | 2023 | 43000元 | 5.4"]),
]

MONTHS = [
    # a value column headed by a span of months from January holds the caption's period when it is that span
    ("沂水县2023年上半年经济运行情况",
     "上半年主要指标如下。\n2023年上半年沂水县主要指标\n| 指标 | 1-6月 | 同比增长(%) |\n"
     "| 规模以上工业增加值(亿元) | -- | 6.3 |\n| 社会消费品零售总额(亿元) | 110.5 | 7.4 |",
     ["沂水县 | 规上工业增加值 | 2023H1 | - | 6.3", "沂水县 | 社会消费品零售总额 | 2023H1 | 110.5亿元 | 7.4"]),
    # a caption naming only the year takes the months from the header
    ("沂水县2023年经济运行情况",
     "主要指标如下。\n2023年沂水县主要指标\n| 指标 | 1-9月 | 同比增长(%) |\n"
     "| 社会消费品零售总额(亿元) | 170.5 | 7.1 |\n| 进出口总额(亿元) | 28.2 | -3.2 |",
     ["沂水县 | 社会消费品零售总额 | 2023M01-M09 | 170.5亿元 | 7.1",
      "沂水县 | 进出口总额 | 2023M01-M09 | 28.2亿元 | -3.2"]),
    # a caption and a header that disagree on the period: nothing is sure
    ("沂水县2023年上半年经济运行情况",
     "主要指标如下。\n2023年上半年沂水县主要指标\n| 指标 | 1-9月 | 同比增长(%) |\n"
     "| 社会消费品零售总额(亿元) | 170.5 | 7.1 |\n| 进出口总额(亿元) | 28.2 | -3.2 |",
     []),
]


@pytest.mark.parametrize(("title", "body", "expected"), HEADERS + MONTHS,
                         ids=[f"header-{i}" for i in range(len(HEADERS))] + [f"months-{i}" for i in range(len(MONTHS))])
def test_table_headers_and_labels(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert sorted(row_with_unit(f) for f in facts_of(gazetteer, title, body)) == sorted(expected)


@pytest.mark.parametrize(("header", "kind"), [
    ("增长速度(%)", "growth"), ("同比增速(%)", "growth"), ("较上年增长(%)", "growth"), ("比上年同期增减(%)", "growth"),
    ("累计同比(%)", "growth"), ("增减幅度(%)", "growth"), ("绝对量", "value"), ("本年累计数", "value"),
    ("本年完成", "value"), ("完成值", "value"), ("当年数", "value"), ("同期", "value"), ("去年同期数", "value"),
    ("2023年增长(%)", "growth"), ("2023年1-9月", "value"), ("比上年增减(亿元)", "ignored"), ("全市位次", "ignored"),
    ("县(市、区)", "label"), ("本月", "value"),
])
def test_common_headers_are_known(header: str, kind: str) -> None:
    from knowledge.extract.table_columns import column_of

    column = column_of(header)
    assert column is not None and column.kind == kind
