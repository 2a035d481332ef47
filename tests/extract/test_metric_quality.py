"""The quality checks on an open metric name (knowledge/extract/metric_quality.py): a name the grammar left as
a fragment or a clause is not stored. Every clause is written for the test."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row

TITLE = "湖南省2021年经济运行情况"

REFUSED = [
    # the magnitude of a figure taken for a word: 5千亿俱乐部成员 is no 亿俱乐部成员
    "全省迈入5千亿俱乐部成员达到3位。",
    "全省跨入3千亿梯队成员共有5位。",
    # items that say what was done, not what is counted
    "全市企业上云、政府购买服务企业1200家。",
]


@pytest.mark.parametrize("body", REFUSED, ids=[f"refused-{i}" for i in range(len(REFUSED))])
def test_an_open_name_left_as_a_fragment_or_a_clause_is_not_stored(gazetteer, body):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == []


KEPT = [
    # a magnitude that opens a kind's name (千亿级) is a word of it, not a cut figure
    ("全市千亿级产业集群达到3个。", ["湖南省 | 千亿级产业集群 | 2021 | 3 | -"]),
    # an act that opens a list is the one its items share
    ("全年新增省级技术中心、工程研究中心18个。", ["湖南省 | 新增省级技术中心、工程研究中心 | 2021 | 18 | -"]),
    ("全年粮食、油料播种面积合计4200万亩。", ["湖南省 | 粮食、油料播种面积 | 2021 | 4200 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_an_open_name_of_things_is_kept(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected
