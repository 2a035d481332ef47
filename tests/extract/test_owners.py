"""Bare measures that take the things a sentence counted as their owner (knowledge/extract/owners.py).

Rows read "region | metric | period | value | growth"; every clause is written for the test.
"""

from __future__ import annotations

import pytest

from knowledge.extract.owners import clause_topic, completed_metric, is_bare_measure, owner_words
from tests.extract.kit import facts_of, row

TITLE = "威海市2017年国民经济和社会发展统计公报"

OWNED = [
    # the things counted first, then rates of acts and of an amount acted on, each in a clause of its own
    ("全市今年安排150个市级重点产业项目,已开工132个,开工率88%,投资完成率61.2%。",
     ["威海市 | 市级重点产业项目 | 2017 | 150 | -", "威海市 | 市级重点产业项目开工率 | 2017 | 88 | -",
      "威海市 | 市级重点产业项目投资完成率 | 2017 | 61.2 | -"]),
    # the count names its things before an act (开工96个): the things, not the act, own what follows
    ("全市省级重点项目开工96个,开复工率80.5%。", ["威海市 | 省级重点项目开复工率 | 2017 | 80.5 | -"]),
    # a verb before the things is no part of them (the count itself is named 招商项目)
    ("全市签约招商项目40个,履约率85%。",
     ["威海市 | 招商项目 | 2017 | 40 | -", "威海市 | 招商项目履约率 | 2017 | 85 | -"]),
]

NOT_OWNED = [
    # a catalogue indicator and an act with the thing it was done to are whole names of their own
    ("全市重点项目100个,城镇化率65%,新增贷款20亿元。",
     ["威海市 | 重点项目 | 2017 | 100 | -", "威海市 | 城镇化率 | 2017 | 65 | -",
      "威海市 | 新增贷款 | 2017 | 20 | -"]),
    # a figure named otherwise comes between: the rate after it is not the projects'
    ("全市重点项目100个,地区生产总值500亿元,开工率90%。",
     ["威海市 | 重点项目 | 2017 | 100 | -", "威海市 | 地区生产总值 | 2017 | 500 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), OWNED + NOT_OWNED,
                         ids=[f"owned-{i}" for i in range(len(OWNED))] + [f"own-{i}" for i in range(len(NOT_OWNED))])
def test_a_bare_measure_takes_the_things_counted_before_it(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


@pytest.mark.parametrize(("phrase", "bare"), [
    ("开复工率", True), ("投资完成率", True), ("新开工面积", True), ("销售产值", True),
    ("人均消费支出", False), ("贷款余额", False), ("工业产值", False), ("新增贷款", False), ("城镇化率", False),
], ids=str)
def test_a_bare_measure_is_a_head_after_acts(phrase, bare):
    assert is_bare_measure(phrase) is bare


@pytest.mark.parametrize(("counted", "owner"), [
    ("省级重点项目", "省级重点项目"), ("省级重点项目开工", "省级重点项目"), ("省级重点项目全部开工", "省级重点项目"),
    ("确定省级重点项目", "省级重点项目"), ("项目", None), ("开复工", None),
], ids=str)
def test_the_owner_is_the_things_a_count_names(counted, owner):
    assert owner_words(counted) == owner


def test_the_topic_lasts_through_acts_and_ends_at_a_named_figure():
    topic = clause_topic("120个市级重点项目", None)
    assert topic == "市级重点项目"
    assert clause_topic("已开工100个、开工率83%", topic) == topic
    assert clause_topic("地区生产总值500亿元", topic) is None


def test_an_owner_is_not_glued_where_the_catalogue_would_read_another_indicator():
    # 高新技术企业 is an indicator (a count of firms): 高新技术企业 + 开工率 is still a rate, but 产值 alone is
    # no bare measure, and a catalogue name completed by the chain keeps its completion
    assert completed_metric("开工率", "高新技术企业", None) == "高新技术企业开工率"
    assert completed_metric("产值", "高新技术企业", None) is None
    assert completed_metric("增加值", "规上工业企业", "规模以上工业企业") == "规模以上工业增加值"
