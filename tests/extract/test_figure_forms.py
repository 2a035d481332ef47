"""Example clauses for figure forms of knowledge/extract/figures.py beyond the plain `metric value` clause:
label-and-colon lines and changes stated as amounts (比上年增加N)."""

from __future__ import annotations

import pytest

from tests.extract.test_clauses import facts_of, row

LABEL_LINES = [
    ("济宁市2023年统计公报", "经济运行稳中向好。\n\n地区生产总值:5516.8亿元,比上年增长5.8%。",
     ["济宁市 | 地区生产总值 | 2023 | 5516.8 | 5.8"]),
    ("淄博市2022年统计公报", "2022年,全市主要指标如下。\n\n一般公共预算收入:460.2亿元,增长3.5%。",
     ["淄博市 | 一般公共预算收入 | 2022 | 460.2 | 3.5"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), LABEL_LINES)
def test_label_and_colon_lines(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected
