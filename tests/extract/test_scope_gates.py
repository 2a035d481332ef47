"""The gates on whose figure a fact is and what it was measured against (knowledge/extract/scope_gates.py).
Every article here is short and written for the test; rows read "region | metric | period | value | growth"."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.periods import Period
from knowledge.extract.scope_gates import without_base_year_growth
from tests.extract.kit import facts_of, row

CITY = "莱阳市2021年经济运行情况"
PROVINCE = "湖北省2021年经济运行情况"
RANKING = "2021年全国百强县榜单发布 山东13县入围"

CASES = [
    # a town's figure, or a zone's inside the city, is not the city's own
    (CITY, "团旺镇实现一般公共预算收入2.1亿元,增长8%。", []),
    (CITY, "莱阳经济开发区实现地区生产总值120亿元。", []),
    # 城镇 and 乡镇 name no town: the city's figures are kept
    (CITY, "全市城镇新增就业5200人,城镇登记失业率2.1%。",
     ["莱阳市 | 城镇新增就业 | 2021 | 5200 | -", "莱阳市 | 城镇登记失业率 | 2021 | 2.1 | -"]),
    # the places of a list, read as the thing counted, are no metric
    # (a list of places over a bar: each stands over it, and the province's count of the class stays)
    (PROVINCE, "全省新增宜都、大冶2个千亿县。",
     ["宜都市 | 地区生产总值 | 2021 | 1000 | -", "大冶市 | 地区生产总值 | 2021 | 1000 | -",
      "湖北省 | 千亿县 | 2021 | 2 | -"]),
    (PROVINCE, "新增当阳、大冶2个百强县。", []),
    # a list of acts whose first word was once a county's name (新建) names no place
    (CITY, "全年新建、改扩建农村中学4所。", ["莱阳市 | 新建、改扩建农村中学 | 2021 | 4 | -"]),
    # a share of another place's average measures against it
    (CITY, "全市人均地区生产总值达到全省平均水平的95%。", []),
    # a rank inside a list item: two statements run together under one name
    (PROVINCE, "茶叶产量全球第一、名优茶占比55%。", []),
    # a growth rate from a year other than the one before is a change over several years
    (CITY, "全市规上工业增加值比2019年增长12.5%。", []),
    (CITY, "全市规上工业增加值比2020年增长6.1%。", ["莱阳市 | 规上工业增加值 | 2021 | - | 6.1"]),
    # a plan word at the head of the clause makes its figures goals; with no target year they are refused
    (CITY, "全市计划实施重点项目200个,总投资1500亿元。", []),
    (CITY, "今年全市力争地区生产总值增长7%。", []),
    (CITY, "全年我们将实施重点项目150个。", []),
    (CITY, "预计全年将完成固定资产投资300亿元。", ["莱阳市 | 固定资产投资 | 2021 | 300 | -"]),
    # an estimate of an outcome is kept, and so is a plan a result is measured by
    (CITY, "预计全年完成固定资产投资300亿元。", ["莱阳市 | 固定资产投资 | 2021 | 300 | -"]),
    (CITY, "全年新入选国家培养计划人才40名。", ["莱阳市 | 新入选国家培养计划人才 | 2021 | 40 | -"]),
    (CITY, "全市新签约项目120个,计划投资总额380亿元。",
     ["莱阳市 | 招商引资签约项目 | 2021 | 120 | -", "莱阳市 | 新签约项目计划投资总额 | 2021 | 380 | -"]),
    # a firm's business figures, its name marking no industry, are not the city's
    (CITY, "万华化学实现营业收入1200亿元,增长15%。", []),
    (CITY, "鲁花股份全年实现利润12亿元。", []),
    # an industry's or a kind of unit's are, and so is a trade written right after the region or 全市
    (CITY, "全市数字经济核心产业营收320亿元。", ["莱阳市 | 数字经济核心产业营收 | 2021 | 320 | -"]),
    (CITY, "全市旅游营业收入85亿元,增长9%。", ["莱阳市 | 旅游营业收入 | 2021 | 85 | 9"]),
    (CITY, "莱阳市光伏营收30亿元。", ["莱阳市 | 光伏营收 | 2021 | 30 | -"]),
    # a count of a policy's articles is nothing of the region; roads counted in 条 are
    (PROVINCE, "全年制定实施稳就业20条、支持民营企业10条等政策措施。", []),
    (PROVINCE, "全年出台促消费措施15条。", []),
    (PROVINCE, "全年建成高速公路5条。", ["湖北省 | 高速公路 | 2021 | 5 | -"]),
    # an amount of a list of places is the list's; the count of the region's members is the region's
    (RANKING, "百强县GDP总量占全国的10%。", []),
    (RANKING, "入围百强县的门槛为850亿元。", []),
    (RANKING, "全省共有13个县入围百强县。", ["山东省 | 县入围百强县 | 2021 | 13 | -"]),
    # a figure a change is measured from is kept only as its own year's, and the figure the change led to never
    # as the base year's
    (CITY, "全市地区生产总值较2015年的300亿元增长40%。", []),
    (CITY, "全市地区生产总值从2015年的300亿元增加到420亿元。", ["莱阳市 | 地区生产总值 | 2015 | 300 | -"]),
    (CITY, "全市森林覆盖率从2015年末的30%提升至35%。", ["莱阳市 | 森林覆盖率 | 2015 | 30 | -"]),
    # a figure written both as the base and as the result is the result too
    (CITY, "三次产业结构由2020年的9.1:40.2:50.7调整为9.1:39.5:51.4。",
     ["莱阳市 | 第一产业占比 | 2020 | 9.1 | -", "莱阳市 | 第二产业占比 | 2020 | 40.2 | -",
      "莱阳市 | 第三产业占比 | 2020 | 50.7 | -", "莱阳市 | 第一产业占比 | 2021 | 9.1 | -",
      "莱阳市 | 第二产业占比 | 2021 | 39.5 | -", "莱阳市 | 第三产业占比 | 2021 | 51.4 | -"]),
    # a census's figures stand at its standard moment; the census compared against is no date
    (CITY, "据第七次全国人口普查,全市常住人口为85.6万人,与第六次全国人口普查相比增加1.2万人。",
     ["莱阳市 | 常住人口 | asof:2020-11-01 | 85.6 | -"]),
    # a growth rate restated in a clause of its own joins the value read before (and a price index's rise,
    # given before its index, joins the index)
    (CITY, "物价方面,居民消费价格上涨1.6%;居民消费价格总指数达到101.6。",
     ["莱阳市 | 居民消费价格指数 | 2021 | 101.6 | 1.6"]),
    (CITY, "全市地区生产总值420亿元,居全省第5位;地区生产总值同比增长6.5%。",
     ["莱阳市 | 地区生产总值 | 2021 | 420 | 6.5"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), CASES, ids=str)
def test_a_figure_not_the_regions_own_level_is_refused(gazetteer, title, body, expected):
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected


def test_a_base_year_growth_leaves_the_value(gazetteer):
    # a value stated with a rate over several years keeps its value and loses the rate
    region = gazetteer.by_name("莱阳市")
    fact = ExtractedFact(region, "全市", "地区生产总值", "地区生产总值", Decimal(420), "420", "亿元",
                         Decimal("12.5"), None, Period("year", 2021, 1, 12), [], 0)
    [kept] = without_base_year_growth([fact], {0: "全市地区生产总值420亿元,比2019年增长12.5%。"})
    assert (kept.value, kept.growth) == (Decimal(420), None)


def test_a_parks_figures_after_its_own_clause_are_not_the_regions(gazetteer):
    # the park opens a clause with a verb; the investment in the next clause is still the park's
    facts = facts_of(gazetteer, CITY, "莱阳谋划5个产业园区,食品产业园已入驻企业40家,总投资35亿元。")
    assert "35" not in [f.value_text for f in facts]


REPORT = "2025年莱阳市政府工作报告"
REVIEW = "一、2024年工作回顾\n\n2024年,全市地区生产总值达到460亿元,增长6.2%。\n\n"


@pytest.mark.parametrize(("body", "expected"), [
    # a plan heading with 今年 plans the year after the one reviewed
    (REVIEW + "二、今年工作安排\n\n新开工亿元以上项目120个。",
     ["莱阳市 | 地区生产总值 | 2024 | 460 | 6.2", "莱阳市 | 新开工亿元以上项目 | target:2025 | 120 | -"]),
    # a plan heading with no year: its figures are of no known period
    (REVIEW + "三、今后五年的主要任务\n\n全市新建5G基站3000个。", ["莱阳市 | 地区生产总值 | 2024 | 460 | 6.2"]),
    # a heading reporting what was done is no plan
    (REVIEW + "二、重点工作完成情况\n\n全市新建5G基站3000个。",
     ["莱阳市 | 地区生产总值 | 2024 | 460 | 6.2", "莱阳市 | 新建5G基站 | 2024 | 3000 | -"]),
    # 今年 in a report given in January: the year has not happened yet, its figures are goals
    (REVIEW + "今年,全市新开工项目120个。",
     ["莱阳市 | 地区生产总值 | 2024 | 460 | 6.2", "莱阳市 | 新开工项目 | target:2025 | 120 | -"]),
], ids=["this-years-plan", "plan-without-year", "review-heading", "this-year-in-january"])
def test_a_work_reports_plan_is_no_outcome(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, REPORT, body, date(2025, 1, 20))] == expected


def test_a_years_figure_late_in_the_year_is_kept(gazetteer):
    # a harvest reported in July states the year's figure
    facts = facts_of(gazetteer, "莱阳市2021年夏粮生产情况", "2021年全市夏粮产量35.2万吨。", date(2021, 7, 15))
    assert [row(f) for f in facts] == ["莱阳市 | 夏粮产量 | 2021 | 35.2 | -"]


@pytest.mark.parametrize(("name", "metric", "sentence"), [
    ("临清市", "地区生产总值", "临清市经济开发区实现地区生产总值120亿元"),  # a zone between name and metric
    ("临清市", "地区生产总值", "临清市实现地区生产总值320亿元"),  # none
    ("临清市", "工业产值", "临清市烟店镇的工业产值达到50亿元"),
    ("临清市", "工业产值", "临清市城区工业产值50亿元,临清市产业园工业产值"),  # the second occurrence
    ("莘县", "税收收入", "全县税收收入8亿元"),  # the name not written
    ("莘县", "税收收入", "莘县\n工业园税收收入2亿元"),
], ids=["zone", "none", "town", "second", "no-name", "newline"])
def test_one_pattern_reads_a_sub_unit_between_name_and_metric_as_a_pattern_per_fact_did(name, metric, sentence):
    """The backreference pattern (compiled once) agrees with the pattern that was compiled for each fact."""
    from knowledge.extract.scope_gates import _alternation, _named_between

    heads = _alternation("sub_unit_heads")
    per_fact = rf"{re.escape(name)}(?:(?![城乡村,;。])[\u4e00-\u9fff]){{0,4}}?(?:{heads})(?:实现|完成|的)?"
    expected = re.search(per_fact + re.escape(metric), sentence) is not None
    assert (_named_between().match(f"{name}\0{metric}\0{sentence}") is not None) == expected


@pytest.mark.parametrize(("value", "sentence"), [
    ("300", "由300亿元增加到420亿元,较上年的300亿元"),  # two places
    ("11", "共111个项目,其中11个"),  # inside a longer number, then whole
    ("5.1", "增长5.1%,比上年的15.1%和5.12%"),  # a point or digit right beside it
    ("20", "2020年新增20家"),
    ("7", "同比增长7%"),
    ("8", "８8亿元"),  # a full-width digit is a digit too
], ids=["twice", "inside", "decimals", "year", "single", "full-width"])
def test_a_value_is_found_where_it_is_written_whole_as_the_regex_found_it(value, sentence):
    from knowledge.extract.scope_gates import _written_at

    pattern = rf"(?<![\d.]){re.escape(value)}(?![\d.])"
    assert _written_at(value, sentence) == {m.start() for m in re.finditer(pattern, sentence)}
