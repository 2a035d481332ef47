"""Places paired with figures item by item, the metric named once (knowledge/extract/place_values.py). Every
sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row_with_unit

PUBLISHED = date(2024, 3, 1)
T = "2023年湖南各市州经济数据"
THREE = ["长沙市 | 地区生产总值 | 2023 | 14331亿元 | -", "岳阳市 | 地区生产总值 | 2023 | 4900亿元 | -",
         "常德市 | 地区生产总值 | 2023 | 4800亿元 | -"]


@pytest.mark.parametrize("body", [
    "2023年,长沙地区生产总值14331亿元、岳阳4900亿元、常德4800亿元。",
    "2023年各市州地区生产总值:长沙14331亿元,岳阳4900亿元,常德4800亿元。",
    "2023年,地区生产总值排名前三的是长沙14331亿元、岳阳4900亿元、常德4800亿元。",
], ids=["first-item-names-it", "colon-lead", "ranked-lead"])
def test_places_paired_with_figures_take_the_metric_named_once(gazetteer, body) -> None:
    rows = [row_with_unit(f) for f in facts_of(gazetteer, T, body, PUBLISHED)]
    assert [r for r in rows if r in THREE] == THREE


@pytest.mark.parametrize("body", [
    "2023年,长沙14331亿元、岳阳4900亿元、常德4800亿元。",  # no metric named at all
    "2023年,增速排名前三的是长沙4.8%、岳阳4.6%、常德4.5%。",  # no catalogue indicator named
    "2023年各市州地区生产总值:长沙14331亿元,岳阳4900万人。",  # another unit is another quantity
], ids=["no-metric", "no-indicator", "units-differ"])
def test_no_metric_is_shared_out_that_the_list_does_not_name(gazetteer, body) -> None:
    rows = [row_with_unit(f) for f in facts_of(gazetteer, T, body, PUBLISHED)]
    assert not any(r.startswith("岳阳市 | 地区生产总值") for r in rows)
