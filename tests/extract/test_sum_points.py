"""A change in percentage points changes a rate or a share, never a sum (figures.py). Every sentence is written for
the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row_with_unit

PUBLISHED = date(2024, 3, 1)


@pytest.mark.parametrize(("body", "expected"), [
    ("2023年,全市地区生产总值2900亿元,占全省的9.1%,比上年提高0.3个百分点。",
     "绵阳市 | 地区生产总值 | 2023 | 2900亿元 | -"),
    ("2023年,全市一般公共预算收入180亿元,占全省的3.6%,比上年下降0.2个百分点。",
     "绵阳市 | 一般公共预算收入 | 2023 | 180亿元 | -"),
    ("2023年,全市常住人口城镇化率55.2%,比上年提高1.1个百分点。",
     "绵阳市 | 城镇化率 | 2023 | 55.2% | 1.1pp"),
], ids=["share-of-product", "share-of-revenue", "a-rate-keeps-its-points"])
def test_points_after_an_unread_share_are_not_the_sums_change(gazetteer, body, expected) -> None:
    rows = [row_with_unit(f) for f in facts_of(gazetteer, "2023年绵阳市经济运行情况", body, PUBLISHED)]
    assert rows[0] == expected
