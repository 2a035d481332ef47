"""Example clauses for figure forms of knowledge/extract/figures.py beyond the plain `metric value` clause:
label-and-colon lines and changes stated as amounts (比上年增加N)."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row

LABEL_LINES = [
    ("济宁市2023年统计公报", "经济运行稳中向好。\n\n地区生产总值:5516.8亿元,比上年增长5.8%。",
     ["济宁市 | 地区生产总值 | 2023 | 5516.8 | 5.8"]),
    ("淄博市2022年统计公报", "2022年,全市主要指标如下。\n\n一般公共预算收入:460.2亿元,增长3.5%。",
     ["淄博市 | 一般公共预算收入 | 2022 | 460.2 | 3.5"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), LABEL_LINES)
def test_label_and_colon_lines(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected


T = "威海市2017年国民经济和社会发展统计公报"
RESTATED = [
    # a stock's change since the start of the year is a flow over the year; the growth stays with the stock
    ("年末金融机构各项存款余额3100.5亿元,比年初增加210.3亿元,增长7.3%。",
     ["威海市 | 金融机构存款余额 | asof:2017-12-31 | 3100.5 | 7.3",
      "威海市 | 金融机构存款余额增量 | 2017 | 210.3 | -"]),
    ("其中住户存款余额1500.2亿元,增加101.1亿元。",
     ["威海市 | 住户存款余额 | 2017 | 1500.2 | -", "威海市 | 住户存款余额增量 | 2017 | 101.1 | -"]),
    # the same figure in brackets in another unit, for the level and for its change
    ("全市小麦播种面积21000千公顷(31500万亩),比上年增加150.5千公顷(225.8万亩)。",
     ["威海市 | 小麦播种面积 | 2017 | 21000 | -", "威海市 | 小麦播种面积 | 2017 | 31500 | -",
      "威海市 | 小麦播种面积增量 | 2017 | 150.5 | -", "威海市 | 小麦播种面积增量 | 2017 | 225.8 | -"]),
    ("全年人均地区生产总值80000元(折合11800美元)。",
     ["威海市 | 人均地区生产总值 | 2017 | 80000 | -", "威海市 | 人均地区生产总值 | 2017 | 11800 | -"]),
    # not the period's own change: over several years, or against the same months a year before (a rate's work)
    ("全市企业数量达到9000户,较2012年末增加4000户。", ["威海市 | 企业数量 | 2017 | 9000 | -"]),
    ("1-11月全市空气良好天数200天,同比增加9天。", ["威海市 | 空气良好天数 | 2017M01-M11 | 200 | -"]),
    # a change in another dimension is not this metric's change
    ("全市粮食总产量60万吨,比上年增加3000公顷。", ["威海市 | 粮食产量 | 2017 | 60 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), RESTATED, ids=str)
def test_a_figure_restated_or_its_change(gazetteer, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, T, body)] == expected


THRESHOLDS = [
    # a threshold crossed, then the exact value: the value takes the threshold's metric, and is no bound
    ("全市地区生产总值跨越3000亿元,达到3120.5亿元,比上年增长6.1%。",
     ["威海市 | 地区生产总值 | 2017 | 3120.5 | 6.1"], [None]),
    ("全市地区生产总值迈上4万亿元台阶,达到41200亿元。", ["威海市 | 地区生产总值 | 2017 | 41200 | -"], [None]),
    ("全市规模以上工业企业超过1000家,达到1021家。", ["威海市 | 规上工业企业 | 2017 | 1021 | -"], [None]),
    # a threshold alone is the fact, as a bound, and so is a milestone passed (台阶, 大关) that no exact value
    # follows; milestones passed on the way are not
    ("全年蔬菜产值突破90亿元。", ["威海市 | 蔬菜产值 | 2017 | 90 | -"], ["突破"]),
    ("全市地区生产总值迈上3000亿元台阶。", ["威海市 | 地区生产总值 | 2017 | 3000 | -"], ["超过"]),
    ("预计全市地区生产总值迈上3000亿元台阶,同比增长6.1%。", ["威海市 | 地区生产总值 | 2017 | 3000 | 6.1"],
     ["预计,超过"]),
    ("全年全市进出口总额突破1000亿元大关。", ["威海市 | 进出口总额 | 2017 | 1000 | -"], ["突破,超过"]),
    ("五年来全市地区生产总值连跨2000亿元、3000亿元两大台阶。", [], []),
    # a smaller value after the link verb is not the exact value of the threshold
    ("全市地区生产总值跨越3000亿元,达到2900亿元。", ["威海市 | 地区生产总值 | 2017 | 3000 | -"], ["超过"]),
]


@pytest.mark.parametrize(("body", "expected", "bounds"), THRESHOLDS, ids=str)
def test_a_threshold_and_the_exact_value(gazetteer, body: str, expected: list[str], bounds: list[str | None]) -> None:
    facts = facts_of(gazetteer, T, body)
    assert [row(f) for f in facts] == expected
    assert [f.qualifier for f in facts] == bounds


PASSED_BOUNDS = [
    # a threshold whose exact value the article gives in another sentence is that value only
    ("全市地区生产总值首次突破3000亿元大关。据统计,全年全市地区生产总值3012.5亿元,同比增长6.1%。",
     ["威海市 | 地区生产总值 | 2017 | 3012.5 | 6.1"]),
    # a value of another metric, or a smaller one, leaves the bound
    ("全市地区生产总值首次突破3000亿元大关。全年全市进出口总额1100.3亿元。",
     ["威海市 | 地区生产总值 | 2017 | 3000 | -", "威海市 | 进出口总额 | 2017 | 1100.3 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), PASSED_BOUNDS, ids=["exact-elsewhere", "other-metric"])
def test_a_bound_gives_way_to_the_exact_value_elsewhere(gazetteer, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, T, body)] == expected


SHIFTS = [
    # the later value is the clause period's; an earlier value with no period of its own is dropped
    ("德州市2020年统计公报", "2020年,全市服务业增加值占地区生产总值比重从40.2%提高到45.1%。",
     ["德州市 | 第三产业占比 | 2020 | 45.1 | -"]),
    # the earlier value's period is named (上年, a year): it is a fact of that period, read first as written
    ("德州市2020年统计公报",
     "2020年,全市高耗能行业产值增长5.0%,占德州市规上工业总产值的比重由上年的20.5%下降至19.2%。",
     ["德州市 | 高耗能行业产值 | 2020 | - | 5.0", "德州市 | 高耗能行业产值占比 | 2019 | 20.5 | -",
      "德州市 | 高耗能行业产值占比 | 2020 | 19.2 | -"]),
    ("德州市2020年统计公报", "2020年,全市城镇化率由2015年的48.2%提高到55.6%。",
     ["德州市 | 城镇化率 | 2015 | 48.2 | -", "德州市 | 城镇化率 | 2020 | 55.6 | -"]),
    # a one-character verb of change before 至 (增至, 降至) joins the two values like 提高到; 余 stays with each,
    # and a word of the present before the later value leaves it the clause period's
    ("德州市2020年统计公报", "2020年,全市养老机构由2015年的80余家增至现在的130余家。",
     ["德州市 | 养老机构 | 2015 | 80 | -", "德州市 | 养老机构 | 2020 | 130 | -"]),
    ("德州市2020年统计公报", "2020年,全市贫困人口由上年的3200人降至900人。",
     ["德州市 | 贫困人口 | 2019 | 3200 | -", "德州市 | 贫困人口 | 2020 | 900 | -"]),
    ("德州市2020年统计公报", "2020年,全市养老机构由80家增至130家。", ["德州市 | 养老机构 | 2020 | 130 | -"]),
    # positions in a ranking and ratios are not two values of one quantity
    ("德州市2020年统计公报", "2020年,全市综合排名由第15位上升至第9位。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), SHIFTS)
def test_a_figure_with_its_earlier_value(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected
