"""Recall of the clause grammar: rates listed after the levels they are of (knowledge/extract/growth_lists.py), the
growth and change forms around a level (restated.py, growths.py), bare measures named by what the sentence counted
(figure_phrase.py), and places listed with sums under the sentence's topic (lists.py). Every sentence is written
for the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.extract.growth_lists import growth_runs
from tests.extract.kit import facts_of, row_with_unit

RATES_AFTER_LEVELS = [
    ("威海市2020年统计公报", "2020年,全市粮食产量85.2万吨、油料产量3.1万吨,分别增长2.3%和1.4%。",
     ["威海市 | 粮食产量 | 2020 | 85.2万吨 | 2.3", "威海市 | 油料产量 | 2020 | 3.1万吨 | 1.4"]),
    ("德州市2018年统计公报", "2018年,全市出口总额820.5亿元,进口总额410.2亿元,比上年分别增长6.2%、下降3.5%。",
     ["德州市 | 出口总额 | 2018 | 820.5亿元 | 6.2", "德州市 | 进口总额 | 2018 | 410.2亿元 | -3.5"]),
    ("聊城市2021年统计公报", "2021年末,全市常住人口城镇化率58.2%,户籍人口城镇化率50.1%,分别提高1.1个、0.9个百分点。",
     ["聊城市 | 城镇化率 | asof:2021-12-31 | 58.2% | 1.1pp",
      "聊城市 | 户籍人口城镇化率 | asof:2021-12-31 | 50.1% | 0.9pp"]),
    # after 其中 the rates are the parts', not the whole's
    ("烟台市2019年统计公报", "2019年,全市地区生产总值7600亿元,其中第二产业增加值3100亿元、第三产业增加值4000亿元,"
     "分别增长5.1%和6.3%。",
     ["烟台市 | 地区生产总值 | 2019 | 7600亿元 | -", "烟台市 | 第二产业增加值 | 2019 | 3100亿元 | 5.1",
      "烟台市 | 第三产业增加值 | 2019 | 4000亿元 | 6.3"]),
    # three levels and two rates: which two is not known, so none takes one (the last used to take the first rate)
    ("烟台市2019年统计公报", "2019年,全市地区生产总值7600亿元,第二产业增加值3100亿元,第三产业增加值4000亿元,"
     "分别增长5.1%和6.3%。",
     ["烟台市 | 地区生产总值 | 2019 | 7600亿元 | -", "烟台市 | 第二产业增加值 | 2019 | 3100亿元 | -",
      "烟台市 | 第三产业增加值 | 2019 | 4000亿元 | -"]),
]

CHANGES = [
    # 、 before the base joins the change to its level like a comma
    ("德州市2019年统计公报", "2019年末,德州金融机构各项存款余额4200.5亿元、比年初增加310.2亿元。",
     ["德州市 | 金融机构存款余额 | asof:2019-12-31 | 4200.5亿元 | -",
      "德州市 | 金融机构存款余额增量 | 2019 | 310.2亿元 | -"]),
    # 新增 after a comparison base is the change over the year
    ("菏泽市2017年统计公报", "2017年,全市小麦总产量420.4万吨,比上年新增8.6万吨,增长2.1%。",
     ["菏泽市 | 小麦产量 | 2017 | 420.4万吨 | 2.1", "菏泽市 | 小麦产量增量 | 2017 | 8.6万吨 | -"]),
    ("潍坊市2016年统计公报", "2016年,全市高新技术企业达到520家,较上年新增85家。",
     ["潍坊市 | 高新技术企业 | 2016 | 520家 | -", "潍坊市 | 高新技术企业增量 | 2016 | 85家 | -"]),
]

GROWTHS = [
    # the nominal rate is not the level's growth; the comparable one after it is
    ("商丘市2019年统计公报", "2019年商丘地区生产总值2911.2亿元,名义增长8.1%;扣除价格因素,实际增长7.3%。",
     ["商丘市 | 地区生产总值 | 2019 | 2911.2亿元 | 7.3"]),
    ("济宁市2022年统计公报", "全年全体居民人均可支配收入32100元,名义增长5.2%,扣除价格因素,实际增长3.3%。",
     ["济宁市 | 居民人均可支配收入 | 2022 | 32100元 | 3.3"]),
    # a nominal rate alone is still the one given
    ("济宁市2022年统计公报", "全年全体居民人均可支配收入32100元,名义增长5.2%。",
     ["济宁市 | 居民人均可支配收入 | 2022 | 32100元 | 5.2"]),
    # a growth after a level restated in another unit is the first figure's too
    ("河南省2019年秋粮产量公告", "2019年河南省秋粮播种面积5123.4千公顷(7685.1万亩),增长0.8%。",
     ["河南省 | 秋粮播种面积 | 2019 | 5123.4千公顷 | 0.8", "河南省 | 秋粮播种面积 | 2019 | 7685.1万亩 | 0.8"]),
    ("江苏省2020年夏粮产量公告", "2020年江苏省夏粮产量1350.2万吨(270.0亿斤),比2019年增加20.1万吨(4.0亿斤),增长1.5%。",
     ["江苏省 | 夏粮产量 | 2020 | 1350.2万吨 | 1.5", "江苏省 | 夏粮产量 | 2020 | 270.0亿斤 | 1.5",
      "江苏省 | 夏粮产量增量 | 2020 | 20.1万吨 | -", "江苏省 | 夏粮产量增量 | 2020 | 4.0亿斤 | -"]),
]

OUTPUT_VALUES = [
    # the value of an output named just before: its words, and its own rate (not the output's)
    ("威海市2020年一季度渔业经济运行", "一季度,全市远洋捕捞产量3.1万吨,产值5.2亿元,增长3%。",
     ["威海市 | 远洋捕捞产量 | 2020Q1 | 3.1万吨 | -", "威海市 | 远洋捕捞产值 | 2020Q1 | 5.2亿元 | 3"]),
    ("日照市2019年农业", "2019年全市蔬菜总产量达650.5万吨,实现产值120亿元。",
     ["日照市 | 蔬菜产量 | 2019 | 650.5万吨 | -", "日照市 | 蔬菜产值 | 2019 | 120亿元 | -"]),
    ("烟台市2020年一季度渔业", "一季度,全市海水养殖产量达到6.2万吨,实现产值2.8亿元,同比分别增长3.1%和5.6%。",
     ["烟台市 | 海水养殖产量 | 2020Q1 | 6.2万吨 | 3.1", "烟台市 | 海水养殖产值 | 2020Q1 | 2.8亿元 | 5.6"]),
]


def _rows(gazetteer, title: str, body: str) -> list[str]:
    return [row_with_unit(f) for f in facts_of(gazetteer, title, body)]


@pytest.mark.parametrize(("title", "body", "expected"), RATES_AFTER_LEVELS)
def test_rates_listed_after_levels_go_to_them_in_order(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), CHANGES)
def test_a_change_since_the_base_is_the_levels_increment(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), GROWTHS)
def test_the_growth_of_a_level_is_its_comparable_one(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


def test_a_lone_new_count_is_not_read_as_an_increment(gazetteer):
    rows = _rows(gazetteer, "泰安市2019年统计公报", "2019年,全市市场主体12.5万户,新增1.2万户。")
    assert not any("增量" in r for r in rows)


def test_the_run_is_read_with_its_signs_and_units():
    text = "全市出口820亿元,进口410亿元,同比分别增长6.2%和下降3.5%。"
    (run,) = growth_runs(text)
    assert text[run.start : run.end] == "同比分别增长6.2%和下降3.5%"
    assert run.rates == ((Decimal("6.2"), "%"), (Decimal("-3.5"), "%"))
    assert growth_runs("全市出口820亿元,分别为甲和乙。") == []


@pytest.mark.parametrize(("title", "body", "expected"), OUTPUT_VALUES)
def test_a_bare_output_value_is_the_output_named_before(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


def test_a_bare_output_value_after_no_output_is_not_read(gazetteer):
    rows = _rows(gazetteer, "青岛市2021年招商", "2021年全市引进项目25个,实现产值120亿元。")
    assert not any("产值" in r for r in rows)


COUNTS_BEFORE_THINGS = [
    # the thing counted written in quote marks still names its count, and the next count is of the next thing
    ("安徽省2023年统计公报", "2023年,全省新增6名“两院”院士、14个省级重点实验室。",
     ["安徽省 | 两院院士 | 2023 | 6名 | -", "安徽省 | 省级重点实验室 | 2023 | 14个 | -"]),
    # (a guard) an act before a count names no thing; the thing counted follows the count
    # (新增 before the thing stays: metric_forms)
    ("湖南省2022年统计公报", "2022年,全省新增4家独角兽企业,新增“小巨人”企业35家。",
     ["湖南省 | 独角兽企业 | 2022 | 4家 | -", "湖南省 | 新增小巨人企业 | 2022 | 35家 | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), COUNTS_BEFORE_THINGS)
def test_a_count_before_its_thing_is_named_by_it(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


ACTS_ON_COUNTED = [
    # a count of an act alone is of the things the sentence counted before it
    ("潍坊市2023年上半年重点项目", "上半年,全市120个省级重点项目,开工115个、开工率95.8%。",
     ["潍坊市 | 省级重点项目 | 2023H1 | 120个 | -", "潍坊市 | 省级重点项目开工 | 2023H1 | 115个 | -",
      "潍坊市 | 省级重点项目开工率 | 2023H1 | 95.8% | -"]),
    # and their investment's progress
    ("烟台市2021年前三季度重点项目", "前三季度,全市市级重点项目85个,累计完成投资412.6亿元。",
     ["烟台市 | 市级重点项目 | 2021Q1-Q3 | 85个 | -", "烟台市 | 市级重点项目完成投资 | 2021Q1-Q3 | 412.6亿元 | -"]),
    ("济南市2022年一季度重点项目", "一季度,全市市级重点项目300个,开复工262个,开复工率87.3%。",
     ["济南市 | 市级重点项目 | 2022Q1 | 300个 | -", "济南市 | 市级重点项目开复工 | 2022Q1 | 262个 | -",
      "济南市 | 市级重点项目开复工率 | 2022Q1 | 87.3% | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), ACTS_ON_COUNTED)
def test_a_count_of_an_act_is_of_the_things_counted(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


def test_a_count_of_an_act_with_nothing_counted_before_is_not_read(gazetteer):
    assert _rows(gazetteer, "济南市2022年一季度重点项目", "一季度,全市开复工262个。") == []
    assert _rows(gazetteer, "济南市2022年一季度", "一季度,全市完成投资520.3亿元。") == []


HOUSEHOLDS_AND_PEOPLE = [
    ("彝良县2019年政府工作报告", "2019年,全县完成易地扶贫搬迁2100户8300人。",
     ["彝良县 | 易地扶贫搬迁 | 2019 | 2100户 | -", "彝良县 | 易地扶贫搬迁人数 | 2019 | 8300人 | -"]),
    # people given in a clause of their own are not read as the households' people
    ("彝良县2019年政府工作报告", "2019年,全县农村危房改造1500户,惠及5200人。",
     ["彝良县 | 农村危房改造 | 2019 | 1500户 | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), HOUSEHOLDS_AND_PEOPLE)
def test_people_right_after_households_are_their_people(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


TOPIC_LISTS = [
    ("山东省2017年上半年各市经济",
     "从GDP总量来看,上半年济宁以2100.5亿元总量居首,泰安、临沂则分别以1520.3亿元和1480.6亿元位列第二和第三。",
     ["泰安市 | 地区生产总值 | 2017H1 | 1520.3亿元 | -", "临沂市 | 地区生产总值 | 2017H1 | 1480.6亿元 | -",
      "济宁市 | 地区生产总值 | 2017H1 | 2100.5亿元 | -"]),
    # no topic: the sums name no metric
    ("山东省2017年上半年各市经济", "上半年,泰安、临沂分别以1520.3亿元和1480.6亿元位列第三和第四。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), TOPIC_LISTS)
def test_places_listed_with_sums_take_the_sentences_topic(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


BASE_LEVELS = [
    # a level reached, stated as the base of what follows, is a fact of its own period
    ("河南省2011年粮食生产", "在2008年粮食总产达到1074.2亿斤的基础上,全省粮食生产连续三年增长。",
     ["河南省 | 粮食产量 | 2008 | 1074.2亿斤 | -"]),
    ("江苏省2019年经济", "在2015年地区生产总值达到7万亿元的基础上,全省经济持续增长。",
     ["江苏省 | 地区生产总值 | 2015 | 7万亿元 | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), BASE_LEVELS)
def test_a_level_stated_as_a_base_is_read(gazetteer, title, body, expected):
    assert _rows(gazetteer, title, body) == expected


def test_the_size_of_a_set_picked_from_is_no_figure(gazetteer):
    # 41个工业大类行业中,…: the set the next clause picks from, not a count of the place's
    for body in ("2022年,全市规上工业增加值增长4.1%。从行业看,全市38个大类行业中,26个行业增加值保持增长。",
                 "2020年,全市41个工业大类行业中,31个行业增加值实现增长。"):
        assert not any("大类行业" in r for r in _rows(gazetteer, "德州市2020年工业", body))
