"""Example clauses for how a value or a rate is written (knowledge/extract/figures.py and clauses.toml): 涨幅 as a
growth word, an index value with its base after it, the level a growth rate led to. Each gives the facts it must."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row_with_unit

T = "曹县2014年国民经济和社会发展统计公报"
VALUE_FORMS = [
    ("全年居民消费价格总水平涨幅2.3%。", ["曹县 | 居民消费价格指数 | 2014 | - | 2.3"]),
    ("全年居民消费价格涨幅为1.8%。", ["曹县 | 居民消费价格指数 | 2014 | - | 1.8"]),
    # an index with its base after it: the same months a year before name no period of the index's own
    ("全年商品零售价格总指数101.6(以上年同期为100)。", ["曹县 | 商品零售价格总指数 | 2014 | 101.6 | -"]),
    ("全年居民消费价格总指数102.4。", ["曹县 | 居民消费价格指数 | 2014 | 102.4 | -"]),  # the CPI
    # electricity in 千瓦时, not in 千瓦 with the 时 left over
    ("全年工业用电量79.5亿千瓦时,增长5.1%。", ["曹县 | 工业用电量 | 2014 | 79.5亿千瓦时 | 5.1"]),
    # a growth rate written before its noun (实现4.6%的增长, 8.5%的增幅)
    ("全年全县地区生产总值实现4.6%的增长。", ["曹县 | 地区生产总值 | 2014 | - | 4.6"]),
    ("全年社会消费品零售总额156亿元,8.5%的增幅高于全市。", ["曹县 | 社会消费品零售总额 | 2014 | 156亿元 | 8.5"]),
]


@pytest.mark.parametrize(("body", "expected"), VALUE_FORMS)
def test_value_forms(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


def test_an_index_whose_base_names_a_year_is_not_dated_by_it(gazetteer) -> None:
    facts = facts_of(gazetteer, T, "全年居民消费价格总指数102.2(以上年为100)。")
    assert [f.period.label for f in facts if f.value_text == "102.2"] in ([], ["2014"])


W = "2023年曹县政府工作报告"
LEVEL_AFTER_GROWTH = [
    ("2023年,全县常住人口城镇化率提高1.3个百分点,达到51.2%。", ["曹县 | 城镇化率 | 2023 | 51.2% | 1.3pp"]),
    ("2023年,全县外贸进出口总额同比增长14%至87亿元。", ["曹县 | 进出口总额 | 2023 | 87亿元 | 14"]),
    ("2023年,全县一般公共预算收入增长7%,达到23.5亿元。", ["曹县 | 一般公共预算收入 | 2023 | 23.5亿元 | 7"]),
    # a rate's change in points leads to a level in %, not to another quantity
    ("2023年,全县城镇化率提高1.3个百分点,达到120万人。", ["曹县 | 城镇化率 | 2023 | - | 1.3pp"]),
]


@pytest.mark.parametrize(("body", "expected"), LEVEL_AFTER_GROWTH)
def test_the_level_a_growth_rate_led_to(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, W, body)] == expected


PERMILLE_CHANGES = [
    ("全年人口出生率为7.31‰,比上年下降0.62个千分点;死亡率为6.4‰,提高0.15个千分点。",
     ["曹县 | 人口出生率 | 2014 | 7.31‰ | -", "曹县 | 人口出生率下降幅度 | 2014 | 0.62个千分点 | -",
      "曹县 | 人口死亡率 | 2014 | 6.4‰ | -", "曹县 | 人口死亡率提高幅度 | 2014 | 0.15个千分点 | -"]),
    # a change in per-mille points after a figure in another unit is nobody's
    ("全年出生人口8100人,比上年下降0.62个千分点。", ["曹县 | 出生人口 | 2014 | 8100人 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), PERMILLE_CHANGES)
def test_a_rate_change_in_permille_points(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


CONVERTED = [
    ("全年人均地区生产总值81999元,增长6.1%,按年均汇率折算为12300美元。",
     ["曹县 | 人均地区生产总值 | 2014 | 81999元 | 6.1", "曹县 | 人均地区生产总值 | 2014 | 12300美元 | -"]),
    ("全年出口额52亿元,折合7.6亿美元。",
     ["曹县 | 出口总额 | 2014 | 52亿元 | -", "曹县 | 出口总额 | 2014 | 7.6亿美元 | -"]),
    # the same currency is no conversion
    ("全年人均地区生产总值81999元,折合12300元。", ["曹县 | 人均地区生产总值 | 2014 | 81999元 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), CONVERTED)
def test_a_sum_converted_into_another_currency(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


SIGNS_AND_RANGES = [
    ("全年规上工业增加值增长-2.4%。", ["曹县 | 规上工业增加值 | 2014 | - | -2.4"]),
    ("全年固定资产投资同比负增长3.3%。", ["曹县 | 固定资产投资 | 2014 | - | -3.3"]),
    # a range is no one rate; the rate after it is still read
    ("全年地区生产总值增长5%—6%,一般公共预算收入增长4.5%。", ["曹县 | 一般公共预算收入 | 2014 | - | 4.5"]),
]


@pytest.mark.parametrize(("body", "expected"), SIGNS_AND_RANGES)
def test_growth_signs_and_ranges(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


H = "菏泽市2023年经济运行情况"
AVERAGES = [
    # an average over several years is no growth of the year: not attached to the year's level, no fact alone
    ("2023年,全市实现地区生产总值4650.3亿元、两年平均增长5.1%。", ["菏泽市 | 地区生产总值 | 2023 | 4650.3亿元 | -"]),
    ("2023年,全市规上工业增加值两年平均增长6.1%。", []),
    # over a span of years it is the span's growth, of the metric before it (年均 is no part of the name)
    ("过去五年,全市地区生产总值年均增长6.9%。", ["菏泽市 | 地区生产总值 | 2019-2023 | - | 6.9"]),
    # a year's level, then the average over the years up to it: the average is no growth of the level's year,
    # but the growth of the span the clause names
    ("2023年,全市粮食产量达到80.4亿斤,近四年年均增长2.2%。",
     ["菏泽市 | 粮食产量 | 2023 | 80.4亿斤 | -", "菏泽市 | 粮食产量 | 2020-2023 | - | 2.2"]),
]


@pytest.mark.parametrize(("body", "expected"), AVERAGES)
def test_an_average_over_years_is_only_a_span_growth(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, H, body)] == expected


RATE_CHANGES = [
    # the change of a growth rate against an earlier period names no metric (降幅较上半年收窄)
    ("前三季度,全市规上工业企业实现利润总额120.3亿元,下降8.2%,降幅较上半年收窄3.1个百分点。",
     ["菏泽市 | 规上工业利润总额 | 2023Q1-Q3 | 120.3亿元 | -8.2"]),
    ("全年全市工业投资降幅为3.5%。", ["菏泽市 | 工业投资 | 2023 | - | -3.5"]),
    # a change since a named year is no change of the period: not the share's growth_pp
    ("全年全市数字经济增加值占地区生产总值比重为31.4%,比2019年提高4.3个百分点。",
     ["菏泽市 | 数字经济增加值占比 | 2023 | 31.4% | -"]),
    # 占比 followed by a base stays a share
    ("全年全市二三产业占比较去年同期提高0.8个百分点。", ["菏泽市 | 二三产业占比 | 2023 | - | 0.8pp"]),
]


@pytest.mark.parametrize(("body", "expected"), RATE_CHANGES)
def test_changes_of_rates(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, H, body)] == expected


PLAN_PROGRESS = [
    ("1-11月,全市一般公共预算收入完成300.2亿元,完成年度预算的95.1%。",
     ["菏泽市 | 一般公共预算收入 | 2023M01-M11 | 300.2亿元 | -"]),
    ("全年,全市一般公共预算收入完成310.2亿元,占年度预算的101.2%。",
     ["菏泽市 | 一般公共预算收入 | 2023 | 310.2亿元 | -"]),
    ("全年全市城镇新增就业6.5万人,完成年度任务的118%。", ["菏泽市 | 城镇新增就业 | 2023 | 6.5万人 | -"]),
    # a share of a whole is still read
    ("全年全市服务业增加值占地区生产总值的52.1%。", ["菏泽市 | 第三产业占比 | 2023 | 52.1% | -"]),
]


@pytest.mark.parametrize(("body", "expected"), PLAN_PROGRESS)
def test_progress_against_a_plan_is_no_share(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, H, body)] == expected
