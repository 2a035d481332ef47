"""Metric names made from a table's caption and row labels (captions and labels written for the test)."""

from __future__ import annotations

import pytest

from knowledge.extract.table_columns import Table
from knowledge.extract.table_names import compose_measure, row_measure, row_metric, topic


@pytest.mark.parametrize(("caption_rest", "expected"), [
    ("全市生产总值及增长速度", "生产总值"), ("末户籍人口数", "户籍人口"),
    ("居民消费价格指数(上年=100)", "居民消费价格指数"), ("-地区生产总值", "地区生产总值"),
], ids=["noise", "count", "index-keeps-its-count", "span-left"])
def test_topic(caption_rest, expected):
    assert topic(caption_rest) == expected


@pytest.mark.parametrize(("label", "caption_topic", "expected"), [
    ("其中:建筑业", "生产总值", "建筑业增加值"), ("食品烟酒", "居民消费价格指数", "食品烟酒价格指数"),
    ("居民消费价格总指数", "居民消费价格指数", "居民消费价格总指数"), ("60岁以上", "户籍人口", "60岁以上户籍人口"),
], ids=["industry", "price-category", "all-items-index", "modifier"])
def test_row_metric(label, caption_topic, expected):
    assert row_metric(label, caption_topic) == expected


def test_a_measure_column_names_a_row_of_things_only_under_a_label_header_or_in_the_catalogue():
    with_header = Table("", None, [], [], label="产品名称")
    without = Table("", None, [], [])
    assert row_measure(with_header, "#花 生", "产量") == "花生产量"
    assert row_measure(with_header, "水果产量", "产量") == "水果产量"
    assert row_measure(without, "粮食", "产量") == "粮食产量"  # a catalogue metric
    assert row_measure(without, "花生", "产量") is None


def test_compose_measure_puts_the_caption_subject_before_the_column():
    assert compose_measure("秋粮产量", "播种面积") == "秋粮播种面积"
    assert compose_measure("地区生产总值", "增速") == "增速"
