"""Example clauses for a sentence's topic (knowledge/extract/topics.py): 从〈metric〉来看 names the metric of the
sums that follow when their own words name none."""

from __future__ import annotations

import pytest

from knowledge.extract.topics import topic_metric
from tests.extract.kit import facts_of, row_with_unit

T = "德州市各县2014年经济发展情况"
TOPICS = [
    # the sum after the topic names no metric of its own: it is the topic's
    ("2014年,从GDP总量看,只有禹城市超过300亿元,领先其他县域。", ["禹城市 | 地区生产总值 | 2014 | 300亿元 | -"]),
    ("从GDP总量来看,2014年乐陵市以215.6亿元总量位居第二。", ["乐陵市 | 地区生产总值 | 2014 | 215.6亿元 | -"]),
    # a sum that names its own metric keeps it
    ("从GDP总量来看,2014年乐陵市一般公共预算收入12.3亿元。", ["乐陵市 | 一般公共预算收入 | 2014 | 12.3亿元 | -"]),
    # without the topic, a bare sum is nobody's metric
    ("2014年,只有禹城市超过300亿元,领先其他县域。", []),
    # a count is no sum: the topic does not name it
    ("从GDP总量来看,2014年共有3个县市超过200亿元。", []),
    # a 分别 list of sums naming no metric pairs its places with the topic's (lists.py)
    ("从GDP总量来看,2014年乐陵、禹城则分别以215.6亿元和300.2亿元位列前两位。",
     ["乐陵市 | 地区生产总值 | 2014 | 215.6亿元 | -", "禹城市 | 地区生产总值 | 2014 | 300.2亿元 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), TOPICS,
                         ids=["bare-sum", "sum-with-yi", "own-metric", "no-topic", "count", "list"])
def test_a_topic_names_the_sums_that_name_no_metric(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("从GDP总量来看", "地区生产总值"),
    ("而从前三季度经济总量上看", "地区生产总值"),  # the period is no part of the topic
    ("从增速来看", None),  # a rate: figures in % name their own
    ("从各城市的位次变化来看", None),  # no catalogue metric
], ids=str)
def test_topic_clauses(clause: str, expected: str | None) -> None:
    assert topic_metric(clause) == expected
