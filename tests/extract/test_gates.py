"""The gates that refuse facts the extractor cannot read reliably (knowledge/extract/gates.py). Every article
here is short and written for the test; rows read "region | metric | period | value | growth"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row

UNDATED = [
    # no year anywhere, no publication date: the figure is of no known period
    ("莱阳市概况", "全市总面积1730平方公里,地区生产总值420亿元。", None, []),
    # an old founding year dates nothing either
    ("莱阳市概况", "1987年撤县设市。全年地区生产总值420亿元。", None, []),
    # the same text with a publication date is read
    ("莱阳市概况", "全市总面积1730平方公里。", date(2021, 3, 2), ["莱阳市 | 总面积 | asof:2021-03-02 | 1730 | -"]),
    # and with the year in the title it is that year's
    ("莱阳市2020年经济概况", "全年地区生产总值420亿元。", None, ["莱阳市 | 地区生产总值 | 2020 | 420 | -"]),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), UNDATED, ids=str)
def test_a_figure_with_no_year_is_refused(gazetteer, title, body, published, expected):
    assert [row(f) for f in facts_of(gazetteer, title, body, published)] == expected
