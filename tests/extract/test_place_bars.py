"""Places named as members of a class set by a bar (knowledge/extract/place_bars.py). Every sentence is written
for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row_with_unit

PUBLISHED = date(2024, 3, 1)
T = "2023年江西省经济运行"


@pytest.mark.parametrize(("body", "expected"), [
    ("2023年,新增九江、上饶2个过3000亿元城市。",
     ["九江市 | 地区生产总值 | 2023 | 3000亿元 | -", "上饶市 | 地区生产总值 | 2023 | 3000亿元 | -"]),
    ("2023年,丰城、樟树成为两个千亿县。",
     ["丰城市 | 地区生产总值 | 2023 | 1000亿元 | -", "樟树市 | 地区生产总值 | 2023 | 1000亿元 | -"]),
    ("2023年,九江、赣州两市地区生产总值均超过3000亿元。",
     ["九江市 | 地区生产总值 | 2023 | 3000亿元 | -", "赣州市 | 地区生产总值 | 2023 | 3000亿元 | -"]),
    ("2023年,赣州、吉安两市一般公共预算收入均突破200亿元。",
     ["赣州市 | 一般公共预算收入 | 2023 | 200亿元 | -", "吉安市 | 一般公共预算收入 | 2023 | 200亿元 | -"]),
], ids=["class-of-cities", "class-of-counties", "shared-bar", "shared-bar-other-metric"])
def test_each_place_named_over_a_bar_is_over_it(gazetteer, body, expected) -> None:
    facts = facts_of(gazetteer, T, body, PUBLISHED)
    assert [row_with_unit(f) for f in facts] == expected
    assert all(f.qualifier == "超过" for f in facts)


@pytest.mark.parametrize("body", [
    "2023年,九江、赣州等5个城市培育千亿产业集群。",  # a bar of an industry, and a list cut short by 等
    "2023年,九江、赣州3个过3000亿元城市。",  # the count disagrees with the places named
    "2023年,全省新增2个过3000亿元城市。",  # no place named
    "2023年,九江、赣州培育2个千亿市场。",  # 市场: a market, no class of cities
], ids=["industry", "count-disagrees", "no-place", "market"])
def test_no_place_is_put_over_a_bar_it_is_not_named_with(gazetteer, body) -> None:
    assert [f for f in facts_of(gazetteer, T, body, PUBLISHED) if f.metric == "地区生产总值"] == []


def test_a_bar_reached_over_a_span_of_years_stands_at_its_end(gazetteer) -> None:
    body = "过去五年,全省经济总量持续扩大,新增九江、上饶2个过3000亿元城市。"
    rows = [row_with_unit(f) for f in facts_of(gazetteer, "2024年江西省政府工作报告", body, PUBLISHED)]
    assert "九江市 | 地区生产总值 | 2023 | 3000亿元 | -" in rows
