"""Places paired with figures by ellipsis (knowledge/extract/peers.py). Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row

PUBLISHED = date(2024, 3, 1)


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("2023年湖南各市州经济数据", "2023年,岳阳市地区生产总值4900亿元,常德市4800亿元,衡阳市4500亿元。",
     ["岳阳市 | 地区生产总值 | 2023 | 4900 | -", "常德市 | 地区生产总值 | 2023 | 4800 | -",
      "衡阳市 | 地区生产总值 | 2023 | 4500 | -"]),
    ("前三季度安徽经济运行", "前三季度,合肥市地区生产总值9400亿元,增长6.1%;芜湖市3500亿元,增长5.5%。",
     ["合肥市 | 地区生产总值 | 2024Q1-Q3 | 9400 | 6.1", "芜湖市 | 地区生产总值 | 2024Q1-Q3 | 3500 | 5.5"]),
    ("2023年安徽省经济运行", "2023年,全省地区生产总值47050亿元,其中合肥市12670亿元。",
     ["安徽省 | 地区生产总值 | 2023 | 47050 | -", "合肥市 | 地区生产总值 | 2023 | 12670 | -"]),
    ("2023年浙江各市经济数据", "2023年,温州市一般公共预算收入增长6.2%,台州市增长5.0%,丽水市增长4.1%。",
     ["温州市 | 一般公共预算收入 | 2023 | - | 6.2", "台州市 | 一般公共预算收入 | 2023 | - | 5.0",
      "丽水市 | 一般公共预算收入 | 2023 | - | 4.1"]),
], ids=["values", "value-then-growth", "part-of-whole", "growths"])
def test_a_further_place_with_a_figure_alone_takes_the_metric_before(gazetteer, title, body, expected) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body, PUBLISHED)] == expected


def test_a_further_places_growth_is_not_the_growth_of_the_level_before(gazetteer) -> None:
    rows = [row(f) for f in facts_of(gazetteer, "2023年湖北各市经济数据",
                                     "2023年,宜昌市地区生产总值6000亿元,荆州市增长5.0%。", PUBLISHED)]
    assert rows == ["宜昌市 | 地区生产总值 | 2023 | 6000 | -", "荆州市 | 地区生产总值 | 2023 | - | 5.0"]


@pytest.mark.parametrize("body", [
    "2023年,宜昌市地区生产总值6000亿元,荆州市4500万吨。",  # another unit is another quantity
    "2023年,宜昌市地区生产总值6000亿元,荆州市工业投资4500亿元。",  # a metric of its own
], ids=["other-unit", "own-metric"])
def test_a_further_place_takes_no_metric_it_does_not_share(gazetteer, body) -> None:
    rows = [row(f) for f in facts_of(gazetteer, "2023年湖北各市经济数据", body, PUBLISHED)]
    assert not any(r.startswith("荆州市 | 地区生产总值") for r in rows)


def test_the_parts_after_qizhong_take_the_metric_of_the_whole_just_given(gazetteer) -> None:
    body = "2023年,全市地区生产总值增长5.6%。其中,诸暨市增长6.3%,嵊州市增长5.1%。"
    rows = [row(f) for f in facts_of(gazetteer, "2023年绍兴市经济运行情况", body, PUBLISHED)]
    assert rows == ["绍兴市 | 地区生产总值 | 2023 | - | 5.6", "诸暨市 | 地区生产总值 | 2023 | - | 6.3",
                    "嵊州市 | 地区生产总值 | 2023 | - | 5.1"]


def test_places_outside_the_whole_are_no_parts_of_it(gazetteer) -> None:
    body = "2023年,全市地区生产总值增长5.6%。其中,宁波市增长5.9%。"
    rows = [row(f) for f in facts_of(gazetteer, "2023年绍兴市经济运行情况", body, PUBLISHED)]
    assert rows == ["绍兴市 | 地区生产总值 | 2023 | - | 5.6"]


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("2023年九江市经济运行情况", "2023年,全市实际利用外资15亿美元,其中香港地区投资9亿美元。",
     ["九江市 | 实际使用外资 | 2023 | 15 | -"]),
    ("2023年九江市经济运行情况", "2023年,全市实际利用外资15亿美元。其中,澳门地区投资2亿美元,台湾地区投资1亿美元。",
     ["九江市 | 实际使用外资 | 2023 | 15 | -"]),
    ("2023年江西省经济运行", "2023年,全省实际利用外资180亿美元,其中,九江市利用外资15亿美元。",
     ["江西省 | 实际使用外资 | 2023 | 180 | -", "九江市 | 实际使用外资 | 2023 | 15 | -"]),
    ("2023年全国经济运行", "2023年,全国粮食产量69541万吨,其中,黑龙江省粮食产量7788万吨。",
     ["全国 | 粮食产量 | 2023 | 69541 | -", "黑龙江省 | 粮食产量 | 2023 | 7788 | -"]),
], ids=["origin", "origins-next-sentence", "a-part-inside", "a-province-of-the-nation"])
def test_a_part_named_by_a_place_outside_the_whole_is_a_breakdown_not_that_place(gazetteer, title, body,
                                                                                  expected) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body, PUBLISHED)] == expected


def test_a_sentence_opening_by_parts_gives_the_parts_of_the_whole_before(gazetteer) -> None:
    body = "2023年,全市一般公共预算收入310亿元。分县(市、区)看,诸暨市62亿元,嵊州市28亿元。"
    rows = [row(f) for f in facts_of(gazetteer, "2023年绍兴市经济运行情况", body, PUBLISHED)]
    assert rows == ["绍兴市 | 一般公共预算收入 | 2023 | 310 | -", "诸暨市 | 一般公共预算收入 | 2023 | 62 | -",
                    "嵊州市 | 一般公共预算收入 | 2023 | 28 | -"]


@pytest.mark.parametrize("body", [
    "2023年,宜昌市地区生产总值6190亿元、襄阳市增长6.1%。",
    "2023年,宜昌市规上工业增加值增长8.3%、襄阳市增长6.1%。",
])
def test_a_place_after_a_figure_and_a_list_mark_opens_its_own_clause(gazetteer, body) -> None:
    """甲…6190亿元、乙市增长6.1%: the rate after 、 and a place is that place's (peers.peer_breaks), never 甲's."""
    rows = [row(f) for f in facts_of(gazetteer, "2023年湖北各市经济数据", body, PUBLISHED)]
    assert not any(r.startswith("宜昌市") and r.endswith("| 6.1") for r in rows)
    assert any(r.startswith("襄阳市") and r.endswith("| 6.1") for r in rows)
