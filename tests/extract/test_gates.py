"""The gates that refuse facts the extractor cannot read reliably (knowledge/extract/gates.py). Every article
here is short and written for the test; rows read "region | metric | period | value | growth"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row

UNDATED = [
    # no year anywhere, no publication date: the figure is of no known period
    ("莱阳市概况", "全市总面积1730平方公里,地区生产总值420亿元。", None, []),
    # an old founding year dates nothing either
    ("莱阳市概况", "1987年撤县设市。全年地区生产总值420亿元。", None, []),
    # the same text with a publication date is read
    ("莱阳市概况", "全市总面积1730平方公里。", date(2021, 3, 2), ["莱阳市 | 总面积 | asof:2021-03-02 | 1730 | -"]),
    # and with the year in the title it is that year's
    ("莱阳市2020年经济概况", "全年地区生产总值420亿元。", None, ["莱阳市 | 地区生产总值 | 2020 | 420 | -"]),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), UNDATED, ids=str)
def test_a_figure_with_no_year_is_refused(gazetteer, title, body, published, expected):
    assert [row(f) for f in facts_of(gazetteer, title, body, published)] == expected


TITLE = "莱阳市2021年经济运行"

OPEN_NAMES = [
    # a bare word names a kind or a measure, not what it is of: refused
    ("全市实有企业达5200户,同比增长3.1%。", []),
    ("全年农业形势平稳,总产量达96.2万吨。", []),  # (粮食生产平稳,总产量…: tests/extract/test_activities.py)
    # the same measures with what they are of are kept
    ("全年汽车类商品实现零售额41.5亿元,增长12.0%。", ["莱阳市 | 汽车类商品零售额 | 2021 | 41.5 | 12.0"]),
    # a catalogue name is a known indicator, one word or not
    ("全市实有市场主体15.2万户。", ["莱阳市 | 市场主体 | 2021 | 15.2 | -"]),
    ("全市总面积1730平方公里。", ["莱阳市 | 总面积 | 2021 | 1730 | -"]),
    # an amount under one word before it lacks what it measures or whose it is
    ("全县耕地88.2万亩,林地12万亩。", []),
    ("上半年,全市开工率91.2%。", []),
    # an amount written before its thing is named by it
    ("全县还拿出1500万元财政资金,鼓励企业技术改造。", ["莱阳市 | 财政资金 | 2021 | 1500 | -"]),
    # a lone verb names an act, not a quantity
    ("全市新增12户。", []),
    # and a rate of acts alone says not of which things; with a thing named it is kept
    ("上半年,全市开复工率87.5%。", []),
    ("全年项目完成率92.5%。", ["莱阳市 | 项目完成率 | 2021 | 92.5 | -"]),
    ("全年污水处理率92.5%。", ["莱阳市 | 污水处理率 | 2021 | 92.5 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), OPEN_NAMES, ids=str)
def test_an_open_name_must_say_what_it_measures(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


def test_a_table_row_of_one_word_is_kept(gazetteer):
    # a table's row names its metric outright: a one-word row is no clipped phrase
    body = ("主要指标如下。\n表1 2021年莱阳市市场运行\n| 指标 | 单位 | 数值 | 比上年增长(%) |\n"
            "| --- | --- | --- | --- |\n| 企业 | 户 | 5200 | 3.1 |\n| 零售额 | 亿元 | 41.5 | 12.0 |")
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == ["莱阳市 | 企业 | 2021 | 5200 | 3.1",
                                                                  "莱阳市 | 零售额 | 2021 | 41.5 | 12.0"]


BOUNDS = [
    # a round amount given in passing under an open name is refused
    ("全年文创产品销售额约35亿元。", []),
    ("全年文创产品销售额超过80亿元。", []),
    # the exact amount is kept, with a bound or without, and so is a threshold crossed
    ("全年文创产品销售额超过80.37亿元。", ["莱阳市 | 文创产品销售额 | 2021 | 80.37 | -"]),
    ("全年文创产品销售额35.2亿元。", ["莱阳市 | 文创产品销售额 | 2021 | 35.2 | -"]),
    ("全年民营经济增加值突破1.2万亿元。", ["莱阳市 | 民营经济增加值 | 2021 | 1.2 | -"]),
    # a catalogue indicator given as a bound says what it measures
    ("全年地区生产总值约420亿元。", ["莱阳市 | 地区生产总值 | 2021 | 420 | -"]),
    # a count of things named is kept with its bound, and so is a multiple of growth
    ("全年跨境电商交易额增长近4倍。", ["莱阳市 | 跨境电商交易额增长倍数 | 2021 | 4 | -"]),
    ("全市公园达到300余处。", ["莱阳市 | 公园 | 2021 | 300 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), BOUNDS, ids=str)
def test_a_bound_on_an_open_amount_is_refused(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


FLOWS_AT_A_DAY = [
    # an output or a growth rate dated only to a day has no period it was produced in
    ("截至目前,全市实现工业总产值120亿元。", []),
    ("目前,全市快递业务收入同比增长8%。", []),
    # stocks stand at a day: balances, capacity, and counts of things
    ("截至目前,全市金融机构贷款余额300亿元。", ["莱阳市 | 金融机构贷款余额 | asof:2021-05-08 | 300 | -"]),
    ("目前,全市钢材年加工产能达到500万吨。", ["莱阳市 | 钢材年加工产能 | asof:2021-05-08 | 500 | -"]),
    ("目前,全市公园达到40处。", ["莱阳市 | 公园 | asof:2021-05-08 | 40 | -"]),
    # the same output with its year is kept
    ("今年一季度,全市实现工业总产值120亿元。", ["莱阳市 | 工业总产值 | 2021Q1 | 120 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), FLOWS_AT_A_DAY, ids=str)
def test_a_flow_dated_to_a_day_is_refused(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, "莱阳市经济运行", body, date(2021, 5, 8))] == expected


def test_a_list_of_counts_written_number_first_gives_each_name_its_own_number(gazetteer):
    # a list of counts written number-first: no value is stored with the name of another item, which the text
    # writes right after its own number (the clause grammar reads each pair; the gate refuses a shifted one)
    body = "目前,全市有5万家工业企业、0.3万家规上工业企业、600多家国家高新技术企业、80家专精特新企业和12家上市企业。"
    rows = [row(f) for f in facts_of(gazetteer, TITLE, body)]
    assert "莱阳市 | 上市公司 | asof:2021-12-31 | 12 | -" in rows
    assert "莱阳市 | 规上工业企业 | asof:2021-12-31 | 0.3 | -" in rows
    assert not any(" | 规上工业企业 | " in r and " | 0.3 | " not in r for r in rows)
    assert not any(" | 高新技术企业 | " in r and " | 600 | " not in r for r in rows)


def test_names_after_their_own_numbers_are_kept(gazetteer):
    body = "全年新增城镇就业1.2万人,新增农村劳动力转移就业0.8万人。"
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == [
        "莱阳市 | 城镇新增就业 | 2021 | 1.2 | -", "莱阳市 | 新增农村劳动力转移就业 | 2021 | 0.8 | -"]


def test_a_name_in_quote_marks_after_its_own_number_is_not_given_the_next_one(gazetteer):
    # “两院”院士 is written after 3名: the 5 of the next item is not theirs, whatever the quote marks, but the
    # next item's own (the clause grammar reads the counted thing past its quote marks)
    body = "全市新增3名“两院”院士、5个省级工程研究中心。"
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == ["莱阳市 | 两院院士 | 2021 | 3 | -",
                                                                  "莱阳市 | 省级工程研究中心 | 2021 | 5 | -"]


OCCURRENCES = [
    # the times an act was done name an actor or an act, not an indicator
    ("市政府全年召开9次专题会议推进重点项目,全市新签约项目85个。", ["莱阳市 | 招商引资签约项目 | 2021 | 85 | -"]),
    ("全年服务企业超过3万次。", []),
    # 人次 counts people
    ("全年接待游客650万人次,增长8.2%。", ["莱阳市 | 接待游客 | 2021 | 650 | 8.2"]),
]


@pytest.mark.parametrize(("body", "expected"), OCCURRENCES, ids=str)
def test_a_count_of_occurrences_is_refused(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected

