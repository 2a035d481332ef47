"""Example clauses for article context — who and when a figure is about, across the article — with the
facts each must give (Duckling-style). Every article here is short and written for the test; a row says
(title, body, published) → the facts expected, as "region | metric | period | value | growth".
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import facts_of, row

SUBJECTS = [
    # a place named after the first figure is no subject of the sentence, nor of the paragraph after it
    ("2026年浙江省政府工作报告",
     "改造提升传统产业,重点产业增加值增长5.0%,绍兴黄酒等产业入选国家名单。服务业增加值增长5.5%。", None,
     ["浙江省 | 重点产业增加值 | 2025 | - | 5.0", "浙江省 | 服务业增加值 | 2025 | - | 5.5"]),
    # in a province's work report a city opening a sentence is that sentence's alone, not its paragraph's
    ("2026年云南省政府工作报告", "昆明市新开公交线路30条。电力总装机1.7亿千瓦,新增铁路里程989公里。", None,
     ["昆明市 | 新开公交线路 | 2025 | 30 | -", "云南省 | 电力总装机 | 2025 | 1.7 | -",
      "云南省 | 新增铁路里程 | 2025 | 989 | -"]),
    # …and an institution named after a place (昆明长水国际机场) is what its sentence is about: no region's
    ("2026年云南省政府工作报告", "昆明长水国际机场新开航线30条。电力总装机1.7亿千瓦。", None,
     ["云南省 | 电力总装机 | 2025 | 1.7 | -"]),
    # 全市 right after a sentence about a peer city is that city
    ("济南青岛两市上半年经济运行",
     "2023年上半年济南市的生产总值为5000亿元。\n\n据青岛市统计局通报,上半年青岛经济持续向好。\n\n"
     "2023年上半年,全市的生产总值7000亿元,同比增长6.0%。", None,
     ["济南市 | 地区生产总值 | 2023H1 | 5000 | -", "青岛市 | 地区生产总值 | 2023H1 | 7000 | 6.0"]),
    # 全州/我州 in an autonomous prefecture's article and 全旗 in a banner's name the unit itself, and are no part
    # of the metric
    ("延边朝鲜族自治州2020年统计公报", "2020年,全州金融机构存款余额300.5亿元。我州出口总额同比增长4.2%。", None,
     ["延边朝鲜族自治州 | 金融机构存款余额 | 2020 | 300.5 | -", "延边朝鲜族自治州 | 出口总额 | 2020 | - | 4.2"]),
    ("扎鲁特旗2020年统计公报", "2020年,全旗规模以上工业增加值40.2亿元。", None,
     ["扎鲁特旗 | 规上工业增加值 | 2020 | 40.2 | -"]),
    # a comparison scope (高于全省平均水平, 居全国第一) is not the subject
    ("荣成市2020年统计公报", "全市一般公共预算收入50亿元,增速高于全省平均水平2个百分点。", None,
     ["荣成市 | 一般公共预算收入 | 2020 | 50 | -"]),
    ("荣成市2020年统计公报", "全市水产品产量100万吨,居全国县级首位。", None,
     ["荣成市 | 水产品产量 | 2020 | 100 | -"]),
]

FOCUS = [
    # a place in a list is no single subject: the sentence takes none, not the paragraph's either (each place
    # named over a bar is over it: place_bars.py)
    ("四川省上半年经济运行", "上半年,绵阳、德阳两市地区生产总值均超过1000亿元。全省地区生产总值28000亿元。",
     date(2019, 7, 30), ["绵阳市 | 地区生产总值 | 2019H1 | 1000 | -", "德阳市 | 地区生产总值 | 2019H1 | 1000 | -",
                         "四川省 | 地区生产总值 | 2019H1 | 28000 | -"]),
    ("2026年湖北省政府工作报告", "全省经济总量突破6万亿元,新增仙桃、潜江2个千亿县。", date(2026, 1, 27),
     ["仙桃市 | 地区生产总值 | 2025 | 1000 | -", "潜江市 | 地区生产总值 | 2025 | 1000 | -",
      "湖北省 | 地区生产总值 | 2025 | 6 | -", "湖北省 | 千亿县 | 2025 | 2 | -"]),
    # a title naming a column (这就是山东) and then the article's city is about the city
    ("这就是山东|看枣庄六十年变化", "2020年,地区生产总值1733亿元。", date(2021, 9, 8),
     ["枣庄市 | 地区生产总值 | 2020 | 1733 | -"]),
    # a unit named right after a place containing it is the subject (浙江义乌)
    ("义乌上半年经济", "今年上半年,浙江义乌地区生产总值达880亿元。", date(2022, 7, 28),
     ["义乌市 | 地区生产总值 | 2022H1 | 880 | -"]),
    # 全市 after a sentence's own peer of the focus is that peer
    ("昆山与义乌谁更富", "2021年昆山市地区生产总值4700亿元。而义乌市2021年地区生产总值1730亿元,全市常住人口186万人。",
     date(2022, 4, 4), ["昆山市 | 地区生产总值 | 2021 | 4700 | -", "义乌市 | 地区生产总值 | 2021 | 1730 | -",
                        "义乌市 | 常住人口 | 2021 | 186 | -"]),
    # the issuing office's unit lies inside the province the title names: the article is the office's
    ("增速居全省第一 挑起河南经济大梁", "8月10日,半年经济数据由郑州市统计局发布。\n\n"
     "2023年上半年,地区生产总值7000亿元。",
     None, ["郑州市 | 地区生产总值 | 2023H1 | 7000 | -"]),
    # a paragraph naming no place is about the declared unit; 1-11月 is a span, not a figure
    ("11月份山东经济稳中向好", "据山东省统计局消息,1-11月,全省经济运行平稳。\n\n"
     "2021年1-11月,全省规上工业增加值同比增长9.6%。",
     None, ["山东省 | 规上工业增加值 | 2021M01-M11 | - | 9.6"]),
    # 海南第三产业, 济南首次: the place is the subject, not a scope of comparison (全省首家, 全国第一 are)
    ("31省份前三季度经济数据", "分析人士称,前三季度海南的第三产业增加值增长16.2%。", date(2021, 11, 1),
     ["海南省 | 第三产业增加值 | 2021Q1-Q3 | - | 16.2"]),
    ("济南经济运行", "2023年,济南首次突破1.2万亿元地区生产总值。", None, ["济南市 | 地区生产总值 | 2023 | 1.2 | -"]),
    # a title speaking as 我市 is the city the text names
    ("前三季度我市县域经济增速居全省前列", "日照市发改委介绍了县域经济情况。\n\n"
     "今年前三季度,县域生产总值达到1412亿元。",
     date(2018, 12, 6), ["日照市 | 县域生产总值 | 2018Q1-Q3 | 1412 | -"]),
    # a place inside an organisation's name is no place spoken of, nor is the article's unit its default
    # 新疆兵团 is the corps, a unit of its own; the region 新疆 is not its figures' subject
    ("新疆兵团前8月经济运行", "1至8月,新疆兵团的固定资产投资同比增长8.5%。", date(2023, 9, 20),
     ["新疆生产建设兵团 | 固定资产投资 | 2023M01-M08 | - | 8.5"]),
    ("山东省2022年科技创新", "全省研发投入增长9%。\n\n山东大学科研经费10亿元。全省银行业存款余额13万亿元。",
     date(2023, 9, 20),
     ["山东省 | 研发经费投入 | 2022 | - | 9", "山东省 | 银行业存款余额 | 2022 | 13 | -"]),
    # a company opening a sentence is what it is about
    ("2022年聊城市经济", "全市经济平稳。\n\n某某集团交易量达到1400万吨,交易额7亿元。", date(2022, 8, 10), []),
]

SOURCES = [
    # the office or province that computed a figure is its source, not its subject
    ("商河县2023年国民经济和社会发展统计公报", "经济南市统计局统一核算,2023年全县地区生产总值246亿元。", None,
     ["商河县 | 地区生产总值 | 2023 | 246 | -"]),
    ("中山市经济运行", "据广东省统一核算,2021年我市实现地区生产总值3566亿元,同比增长8.2%。", None,
     ["中山市 | 地区生产总值 | 2021 | 3566 | 8.2"]),
]

NATION = [
    # 国内生产总值 naming no place is the country's, not the place of the heading above it; an indented heading
    # ending without a full stop is not joined onto the indented paragraph under it
    ("湖北半年经济观察", "\u3000\u3000中部六省比拼,湖北增速领跑中部\n\u3000\u30002023年上半年国内生产总值593034亿元,"
     "同比增长5.5%。", None, ["全国 | 地区生产总值 | 2023H1 | 593034 | 5.5"]),
    ("湖北半年经济观察", "湖北增速领跑中部\n\n上半年国内生产总值593034亿元,同比增长5.5%。", date(2023, 7, 20),
     ["全国 | 地区生产总值 | 2023H1 | 593034 | 5.5"]),
    # …but a unit's own bulletin may call its product so
    ("莒南县2009年国民经济和社会发展统计公报", "全年实现国内生产总值215.3亿元,增长12.6%。", None,
     ["莒南县 | 地区生产总值 | 2009 | 215.3 | 12.6"]),
    # 全国/我国 as a subject is the nation unit, so national figures are stored too
    ("山东2022年上半年经济运行", "上半年,全国城镇新增就业654万人。山东省地区生产总值4万亿元。", None,
     ["全国 | 城镇新增就业 | 2022H1 | 654 | -", "山东省 | 地区生产总值 | 2022H1 | 4 | -"]),
    ("2021年居民收入", "2021年,我国居民人均可支配收入35128元,比上年增长9.1%。", None,
     ["全国 | 居民人均可支配收入 | 2021 | 35128 | 9.1"]),
    # the nation inside a phrase (…领域中国质量奖) is no subject, nor does it carry; at a section's head it is
    ("2026年浙江省政府工作报告", "一家企业获得我省制造业领域首个中国质量奖。服务业增加值增长5.8%。", None,
     ["浙江省 | 服务业增加值 | 2025 | - | 5.8"]),
    ("国家统计局关于2021年全国夏粮产量数据的公告", "一、全国的夏粮播种面积26000千公顷。", None,
     ["全国 | 夏粮播种面积 | 2021 | 26000 | -"]),
    # 中国(山东)自由贸易试验区 names a zone: 中国 there is no subject
    ("山东省2020年经济运行", "中国(山东)自由贸易试验区内,新设企业1000家。", None,
     ["山东省 | 新设企业 | 2020 | 1000 | -"]),
]

PERIODS = [
    # a place whose name holds a founding word (新建区: 建区) is no founding: its year dates the figures
    ("2021年新建区经济运行情况", "2021年,新建区生产总值420.6亿元,增长5.1%。", None,
     ["新建区 | 地区生产总值 | 2021 | 420.6 | 5.1"]),
    # a founding in an earlier clause dates none of the later ones
    ("肥城市2011年概况", "1992年撤县设市,总面积1277平方公里,户籍人口98万人。", None,
     ["肥城市 | 总面积 | 2011 | 1277 | -", "肥城市 | 户籍人口 | 2011 | 98 | -"]),
    # a bare 年末 dates the stocks of its own sentence only; 截至…年底 carries to the next
    ("平阴县2023年国民经济和社会发展统计公报", "年末全县城镇登记失业率2.0%。为500家企业发放稳岗补贴9000万元。", None,
     ["平阴县 | 城镇登记失业率 | asof:2023-12-31 | 2.0 | -", "平阴县 | 稳岗补贴 | 2023 | 9000 | -"]),
    ("平阴县2024年经济运行", "截至2024年年底,全县氢能企业54家。全县还有5家示范企业。", None,
     ["平阴县 | 氢能企业 | asof:2024-12-31 | 54 | -", "平阴县 | 示范企业 | asof:2024-12-31 | 5 | -"]),
    # a publication date guessed from the newest year has no real day: a figure naming no period is that year's
    ("威海市概况", "2017年,威海市获评国家卫生城市。\n\n全市总面积5800平方公里。", None,
     ["威海市 | 总面积 | 2017 | 5800 | -"]),
    # with no other year, a founding year dates neither the article nor its figures: undated, they are refused
    ("威海市概况", "1987年6月,撤销威海地区,设立地级威海市。全年地区生产总值3400亿元。", None, []),
    # 截至3月 and 6月底 are stocks at the month's end; a bare 8月 is that month
    ("商河县经济运行", "截至今年3月,全县金融机构贷款余额300亿元。", date(2024, 6, 11),
     ["商河县 | 金融机构贷款余额 | asof:2024-03-31 | 300 | -"]),
    ("商河县经济运行", "截至2023年6月底,全县金融机构存款余额380亿元。8月,全县社会消费品零售总额12亿元。", None,
     ["商河县 | 金融机构存款余额 | asof:2023-06-30 | 380 | -", "商河县 | 社会消费品零售总额 | 2023M08 | 12 | -"]),
    # a founding year dates nothing after it, and is not the article's year
    ("威海市2017年概况", "1987年,地级威海市成立。全年地区生产总值3400亿元,比上年增长8.0%。", None,
     ["威海市 | 地区生产总值 | 2017 | 3400 | 8.0"]),
    # 由上年的… is where a change starts from, not a period
    ("宿松县2022年统计公报",
     "三次产业结构由上年的20:39:41变为21:38:41,工业增加值占GDP的比重为30.9%。", date(2024, 3, 10),
     ["宿松县 | 第一产业占比 | 2021 | 20 | -", "宿松县 | 第二产业占比 | 2021 | 39 | -",
      "宿松县 | 第三产业占比 | 2021 | 41 | -", "宿松县 | 第一产业占比 | 2022 | 21 | -",
      "宿松县 | 第二产业占比 | 2022 | 38 | -", "宿松县 | 第三产业占比 | 2022 | 41 | -",
      "宿松县 | 工业增加值占比 | 2022 | 30.9 | -"]),
    # 年末 dates its stocks; a flow later in the sentence is the year's
    ("荣成市2020年统计公报", "年末全市总户数24万户,户籍总人口65万人,全市出生人口3300人。", None,
     ["荣成市 | 总户数 | asof:2020-12-31 | 24 | -", "荣成市 | 户籍人口 | asof:2020-12-31 | 65 | -",
      "荣成市 | 出生人口 | 2020 | 3300 | -"]),
    # a balance measured from the start of the year is the stock at the year's end
    ("平阴县2023年国民经济和社会发展统计公报", "全县金融机构存款余额380亿元,比年初增加36亿元,增长10.4%。", None,
     ["平阴县 | 金融机构存款余额 | asof:2023-12-31 | 380 | 10.4", "平阴县 | 金融机构存款余额增量 | 2023 | 36 | -"]),
    # in a bulletin published the next spring, 今年 and 当年 are the bulletin's year
    ("辰溪县2021年国民经济和社会发展统计公报", "今年全县第二产业增加值36.7亿元,增长12.9%。", date(2022, 4, 11),
     ["辰溪县 | 第二产业增加值 | 2021 | 36.7 | 12.9"]),
    ("辰溪县2021年国民经济和社会发展统计公报", "2021年末全县个体户17000户,当年新登记企业500户。", date(2022, 4, 11),
     ["辰溪县 | 个体户 | asof:2021-12-31 | 17000 | -", "辰溪县 | 新登记企业 | 2021 | 500 | -"]),
    # 过去一年 in a report given in January is the year before
    ("2020年济宁市政府工作报告", "过去一年,全市一般公共预算收入实现405亿元、增长1.3%。", date(2020, 1, 9),
     ["济宁市 | 一般公共预算收入 | 2019 | 405 | 1.3"]),
    # a work report looks back: on the year before its title's year, or (no year) before the day it is given
    ("2020年济宁市政府工作报告", "全市一般公共预算收入405亿元。", None,
     ["济宁市 | 一般公共预算收入 | 2019 | 405 | -"]),
    ("兴文县政府工作报告", "(2018年12月26日在县第十六届人大第四次会议上)\n\n全县完成易地扶贫搬迁1646户。", None,
     ["兴文县 | 易地扶贫搬迁 | 2018 | 1646 | -"]),
    # the day a report is given (its title's full date) is no period: its figures are the year before
    ("政府工作报告 在济宁市人民代表大会上(2016年2月16日)", "全市一般公共预算收入达到368亿元。", None,
     ["济宁市 | 一般公共预算收入 | 2015 | 368 | -"]),
    # a report's 全年 is the year it reviews, not the year it is given in
    ("2026年四川省政府工作报告", "全年主要目标任务较好完成。实现地区生产总值6000亿元,增长5.5%。",
     date(2026, 2, 3), ["四川省 | 地区生产总值 | 2025 | 6000 | 5.5"]),
    # 1-3季度 and 一至三季度 are the first three quarters
    ("兰陵县经济运行情况", "1-3季度,全县工业总产值165亿元,同比增长33%。", date(2021, 11, 30),
     ["兰陵县 | 工业总产值 | 2021Q1-Q3 | 165 | 33"]),
    ("兰陵县经济运行情况", "2021年一至三季度,全县工业总产值165亿元。", None,
     ["兰陵县 | 工业总产值 | 2021Q1-Q3 | 165 | -"]),
    # a year that sets goals dates targets, in its sentence and the next
    ("甘肃省政府工作报告", "报告明确了今年全省的主要预期目标:生产总值增长8%左右,固定资产投资增长20%左右。",
     date(2015, 1, 28),
     ["甘肃省 | 地区生产总值 | target:2015 | - | 8", "甘肃省 | 固定资产投资 | target:2015 | - | 20"]),
    ("淄博市政府工作报告划重点", "报告阐述了2019年全市发展的预期目标建议。其中一般公共预算收入增长5%左右。",
     date(2019, 1, 22), ["淄博市 | 一般公共预算收入 | target:2019 | - | 5"]),
    ("兴文县政府工作报告", "今年全县经济社会发展的主要目标是:地区生产总值增长6%左右。", date(2024, 1, 12),
     ["兴文县 | 地区生产总值 | target:2024 | - | 6"]),
    # goals reported met are the year's outcomes
    ("四川省政府工作报告", "过去一年,全省较好完成全年预期目标任务,地区生产总值6000亿元。", date(2026, 2, 3),
     ["四川省 | 地区生产总值 | 2025 | 6000 | -"]),
    # one month's aside (9月份当月) does not date the cumulative figures after it
    ("兰陵县经济运行情况", "1-3季度,全县工业总产值165亿元,其中9月份当月工业总产值19亿元。采矿业工业总产值52亿元。",
     date(2021, 11, 30),
     ["兰陵县 | 工业总产值 | 2021Q1-Q3 | 165 | -", "兰陵县 | 工业总产值 | 2021M09 | 19 | -",
      "兰陵县 | 采矿业工业总产值 | 2021Q1-Q3 | 52 | -"]),
    # a year after the report's name is the figures' own
    ("政府工作报告划重点:淄博2018年地区生产总值预计突破5000亿元", "全市一般公共预算收入380亿元。", None,
     ["淄博市 | 一般公共预算收入 | 2018 | 380 | -"]),
    # a paragraph's period carries until replaced; a target is target:YYYY
    ("济宁市经济运行",
     "2023年上半年,全市生产总值2700亿元。其中,第一产业增加值230亿元。到2025年,全市生产总值达到6000亿元。", None,
     ["济宁市 | 地区生产总值 | 2023H1 | 2700 | -", "济宁市 | 第一产业增加值 | 2023H1 | 230 | -",
      "济宁市 | 地区生产总值 | target:2025 | 6000 | -"]),
]

CASES = SUBJECTS + FOCUS + SOURCES + NATION + PERIODS
IDS = ([f"subject-{i}" for i in range(len(SUBJECTS))] + [f"focus-{i}" for i in range(len(FOCUS))]
       + [f"source-{i}" for i in range(len(SOURCES))]
       + [f"nation-{i}" for i in range(len(NATION))] + [f"period-{i}" for i in range(len(PERIODS))])


@pytest.mark.parametrize(("title", "body", "published", "expected"), CASES, ids=IDS)
def test_example_clause_gives_its_facts(gazetteer, title, body, published, expected):
    assert [row(f) for f in facts_of(gazetteer, title, body, published)] == expected


def test_national_figures_are_answered_under_the_nation_unit(gazetteer):
    nation = gazetteer.resolve("全国")
    assert nation is not None and (nation.code, nation.level) == ("000000", "nation")
    assert [m.region.name for m in gazetteer.find_mentions("我国经济、中国经济")] == ["全国", "全国"]


def test_a_place_ranking_a_thing_is_not_the_subject(gazetteer):
    # 威海市级 ranks the firms counted; the sentence and the next stay about the article's 荣成市
    facts = facts_of(gazetteer, "荣成市2020年统计公报",
                     "全市拥有省级龙头企业20家、威海市级30家,地理标志农产品15个。绿色食品31个。")
    assert {f.region.name for f in facts} == {"荣成市"}
    assert {"荣成市 | 地理标志农产品 | 2020 | 15 | -", "荣成市 | 绿色食品 | 2020 | 31 | -"} <= {row(f) for f in facts}


def test_a_zone_is_its_bare_head_and_a_crossing_through_it_is_about_it(gazetteer):
    # 合作区 alone is the article's 合作区; 经横琴口岸 is the way through, not a source; a picture credit is no heading
    facts = facts_of(gazetteer, "横琴粤澳深度合作区企业总量增长",
                     "截至3月,合作区实有企业16000户,同比增长2.4%。\n\n某港通讯社图片\n\n去年经横琴口岸通关的旅客1600万人次。",
                     date(2024, 6, 11))
    assert [(f.region.name, f.period.label, f.value_text) for f in facts] == [
        ("横琴粤澳深度合作区", "asof:2024-03-31", "16000"), ("横琴粤澳深度合作区", "2023", "1600")]


SPAN_BODY = ("这五年,我们坚持稳中求进,全省发展迈上新台阶。\n"
             "全省生产总值突破6万亿元,年均增长5.1%。新增城镇就业420万人,粮食产量达到700亿斤。\n"
             "2025年,全省生产总值增长5.3%。\n一般公共预算收入增长2.1%。")


@pytest.mark.parametrize(("body", "expected"), [
    # a passage opened by 这五年 dates the paragraphs after it: changes over the years by the span, levels by
    # the year it ends in (the average growth beside a level is the span's); a sentence opening with a year of
    # its own ends the passage
    (SPAN_BODY, ["河南省 | 地区生产总值 | 2025 | 6 | -", "河南省 | 地区生产总值 | 2021-2025 | - | 5.1",
                 "河南省 | 城镇新增就业 | 2021-2025 | 420 | -",
                 "河南省 | 粮食产量 | 2025 | 700 | -", "河南省 | 地区生产总值 | 2025 | - | 5.3",
                 "河南省 | 一般公共预算收入 | 2025 | - | 2.1"]),
    # a heading ends the passage (an average over years is then no growth of the year's level)
    (SPAN_BODY.replace("全省生产总值突破", "二、发展成效\n全省生产总值突破"),
     ["河南省 | 地区生产总值 | 2025 | 6 | -", "河南省 | 城镇新增就业 | 2025 | 420 | -",
      "河南省 | 粮食产量 | 2025 | 700 | -", "河南省 | 地区生产总值 | 2025 | - | 5.3",
      "河南省 | 一般公共预算收入 | 2025 | - | 2.1"]),
    # with no span named, the report's year dates everything
    (SPAN_BODY.replace("这五年,我们坚持稳中求进,", ""),
     ["河南省 | 地区生产总值 | 2025 | 6 | -", "河南省 | 城镇新增就业 | 2025 | 420 | -",
      "河南省 | 粮食产量 | 2025 | 700 | -", "河南省 | 地区生产总值 | 2025 | - | 5.3",
      "河南省 | 一般公共预算收入 | 2025 | - | 2.1"]),
])
def test_a_span_of_years_dates_the_passage_it_opens(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, "2026年河南省政府工作报告", body, date(2026, 1, 22))] == expected


def test_all_the_city_in_a_province_article_is_the_city_named_last(gazetteer):
    # in an article about a province, 全市 is the city the text has just named, not the one it names most
    body = ("长沙市地区生产总值1.3万亿元。长沙市常住人口1040万人。\n\n"
            "岳阳市地区生产总值4400亿元。全市市场主体总量达到35万户。")
    facts = facts_of(gazetteer, "湖南各市州2021年经济盘点", body, date(2022, 2, 10))
    assert "岳阳市 | 市场主体 | 2021 | 35 | -" in [row(f) for f in facts]


def test_a_place_in_a_list_item_without_figures_is_that_items_topic_alone(gazetteer):
    # 陵城撤县设区,…; is one item of the city's achievements: the figures of the later items are the city's
    body = ("五是城乡建设提速。陵城撤县设区,高铁新区开工建设;多条高速建成通车;2019年粮食产量达到150亿斤,"
            "蔬菜产值突破90亿元。")
    facts = facts_of(gazetteer, "德州市“十三五”发展成就", body, date(2020, 11, 20))
    assert {f.region.name for f in facts} == {"德州市"}
    assert len(facts) == 2


def test_the_same_period_a_year_before_dates_its_clause_alone(gazetteer):
    # 去年同期, opening a clause: the figures of the same months a year before; the paragraph's period goes on
    body = "上半年,全市生产总值1500亿元,增长6%。去年同期,全市生产总值增长4.2%。全市规上工业增加值增长7%。"
    facts = facts_of(gazetteer, "聊城市上半年经济", body, date(2024, 8, 10))
    assert [row(f) for f in facts] == ["聊城市 | 地区生产总值 | 2024H1 | 1500 | 6",
                                       "聊城市 | 地区生产总值 | 2023H1 | - | 4.2",
                                       "聊城市 | 规上工业增加值 | 2024H1 | - | 7"]


def test_a_text_naming_no_city_is_the_one_its_dateline_was_filed_from(gazetteer):
    facts = facts_of(gazetteer, "经济运行简讯", "某某网临沂1月20日讯 记者从市统计局获悉,2023年全市生产总值6000亿元。",
                     date(2024, 1, 20))
    assert [row(f) for f in facts] == ["临沂市 | 地区生产总值 | 2023 | 6000 | -"]


def test_a_bulletins_year_is_its_titles_not_the_month_it_is_signed(gazetteer):
    body = "某县统计局\n\n2024年3月\n\n全年全县地区生产总值150亿元,比上年增长6%。年末全县户籍人口50万人。"
    facts = facts_of(gazetteer, "兴文县2023年国民经济和社会发展统计公报", body)
    assert [row(f) for f in facts] == ["兴文县 | 地区生产总值 | 2023 | 150 | 6",
                                       "兴文县 | 户籍人口 | asof:2023-12-31 | 50 | -"]


def test_a_reports_plan_section_dates_its_figures_as_targets(gazetteer):
    body = ("——2024年1月12日在德州市第十八届人民代表大会第三次会议上\n\n一、2023年工作回顾\n\n新增城镇就业6万人。\n\n"
            "二、2024年工作安排\n\n新增城镇就业5万人以上。全年粮食产量达到150亿斤。")
    facts = facts_of(gazetteer, "2024年德州市政府工作报告", body)
    assert [row(f) for f in facts] == ["德州市 | 城镇新增就业 | 2023 | 6 | -",
                                       "德州市 | 城镇新增就业 | target:2024 | 5 | -",
                                       "德州市 | 粮食产量 | target:2024 | 150 | -"]
