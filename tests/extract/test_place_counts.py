"""Example clauses for places counted by a condition they meet (knowledge/extract/place_counts.py): the count is
the whole's, named 〈condition〉的〈places〉."""

from __future__ import annotations

import pytest

from knowledge.extract.place_counts import has_place_count
from tests.extract.kit import facts_of, row_with_unit

PROVINCES = "2022年前三季度各省份经济数据"
CITIES = "河南省2022年上半年各市经济运行"
COUNTS = [
    # provinces belong to the nation; the period is the fact's, a note in brackets no part of the name
    (PROVINCES, "数据显示,前三季度共有11个省份GDP总量超过3万亿元(人民币,下同)。",
     ["全国 | GDP总量超过3万亿元的省份 | 2022Q1-Q3 | 11个 | -"]),
    # cities belong to the province the text is about
    (CITIES, "2022年上半年,17个省辖市中有13个城市GDP实现正增长。", ["河南省 | GDP正增长的城市 | 2022H1 | 13个 | -"]),
    (CITIES, "2022年上半年,有6个市的一般公共预算收入增幅高于全省平均水平。",
     ["河南省 | 一般公共预算收入增幅高于全省平均水平的市 | 2022H1 | 6个 | -"]),
    # cities counted in a text about a city: no whole of theirs is named
    ("郑州市2022年上半年经济运行", "2022年上半年,有3个城市GDP增速超过郑州。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), COUNTS,
                         ids=["provinces", "cities", "cities-of", "no-whole"])
def test_places_counted_by_a_condition(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected



def test_a_condition_naming_no_quantity_is_not_read(gazetteer) -> None:
    facts = facts_of(gazetteer, CITIES, "2022年上半年,有4个城市发生变化。")
    assert has_place_count("有4个城市发生变化。")  # the form is there, and the reader looks at it
    assert not [f for f in facts if f.metric.endswith("的城市")]
