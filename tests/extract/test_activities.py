"""A bare measure of the activity a sentence opens with (knowledge/extract/activities.py). Sentences written for
the test."""

from __future__ import annotations

import pytest

from knowledge.extract.activities import activity_in, of_activity
from tests.extract.kit import facts_of, row_with_unit

CASES = [
    ("潍坊市2021年农业", "2021年全市粮食生产再获丰收,总产量达到450.2万吨,增长1.2%。",
     ["潍坊市 | 粮食产量 | 2021 | 450.2万吨 | 1.2"]),
    ("临沂市2023年消费", "1至6月,汽车类消费需求回暖,实现零售额55.2亿元,增长12.5%。",
     ["临沂市 | 汽车类零售额 | 2023M01-M06 | 55.2亿元 | 12.5"]),
    ("菏泽市2020年农业", "2020年,全市蔬菜生产稳定,总产量820万吨。",
     ["菏泽市 | 蔬菜产量 | 2020 | 820万吨 | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), CASES)
def test_a_bare_measure_is_the_activitys_thing(gazetteer, title, body, expected):
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected


def test_only_the_activitys_own_measures_take_its_thing():
    activity = activity_in("粮食生产再获丰收")
    assert activity is not None and activity[0] == "粮食"
    assert of_activity("总产量", activity) == "粮食总产量"
    assert of_activity("零售额", activity) == "零售额"  # a measure of another act
    assert of_activity("规上工业增加值", activity) == "规上工业增加值"


def test_a_clause_opening_otherwise_names_no_activity():
    assert activity_in("全年实现地区生产总值5000亿元") is None
    assert activity_in("企业生产经营稳定") is None  # a bare kind says not which things
