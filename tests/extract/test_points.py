"""Example clauses for figures in percentage points that qualify the fact before them
(knowledge/extract/points.py): a part's pull on a whole's growth."""

from __future__ import annotations

import pytest

from knowledge.extract.metricphrase import is_metric_name
from tests.extract.kit import facts_of, row_with_unit

T = "潍坊市2021年经济运行情况"
PULLS = [
    # the part's pull is a figure of the part, named after it and the whole it pulls
    ("全年潍坊市高端装备产业完成产值812.5亿元、增长11.2%,拉动全市工业产值增长2.6个百分点。",
     ["潍坊市 | 高端装备产业产值 | 2021 | 812.5亿元 | 11.2",
      "潍坊市 | 高端装备产业拉动工业产值增长 | 2021 | 2.6个百分点 | -"]),
    ("全年潍坊市新投产企业实现产值35.1亿元,同比增长64.0%,拉动工业产值增长1.35个百分点。",
     ["潍坊市 | 新投产企业产值 | 2021 | 35.1亿元 | 64.0",
      "潍坊市 | 新投产企业拉动工业产值增长 | 2021 | 1.35个百分点 | -"]),
    # the clause after the pull still continues the part (its share is the part's, not the pull's)
    ("全年潍坊市高端装备产业完成产值812.5亿元、增长11.2%,拉动全市工业产值增长2.6个百分点,占全市工业产值比重为12.1%。",
     ["潍坊市 | 高端装备产业产值 | 2021 | 812.5亿元 | 11.2",
      "潍坊市 | 高端装备产业拉动工业产值增长 | 2021 | 2.6个百分点 | -",
      "潍坊市 | 高端装备产业产值占比 | 2021 | 12.1% | -"]),
    # no growth rate of the part before the pull: whose pull it is the clause does not say
    ("全年潍坊市高端装备产业完成产值812.5亿元,拉动全市工业产值增长2.6个百分点。",
     ["潍坊市 | 高端装备产业产值 | 2021 | 812.5亿元 | -"]),
    # a clause that goes on after the points is not a bare pull
    ("全年潍坊市高端装备产业完成产值812.5亿元、增长11.2%,拉动工业产值增长2.6个百分点以上的企业有12家。",
     ["潍坊市 | 高端装备产业产值 | 2021 | 812.5亿元 | 11.2"]),
]


IDS = ["pull", "pull-no-anaphor", "then-share", "no-growth", "not-bare"]


@pytest.mark.parametrize(("body", "expected"), PULLS, ids=IDS)
def test_a_pull_in_points_is_a_figure_of_the_part_before(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


def test_a_pull_is_a_name_to_store_when_part_and_whole_are_nouns() -> None:
    assert is_metric_name("高端装备产业拉动工业产值增长", "个百分点")
    assert not is_metric_name("有效拉动增长", "个百分点")
