"""Rank claims (knowledge/extract/claim_leads.py and its callers): the words right before a rank, named lists
between scope and rank, top N shared in turn, and clauses naming what an earlier rank ranked. Every sentence
is written for the test. A row says (title, body) → the numbered rank claims, as
"region | metric | rank | scope | period"."""

from __future__ import annotations

import pytest

from tests.extract.kit import claim_row, claims_of


def ranked(gazetteer, title: str, body: str) -> list[str]:
    return [claim_row(c) for c in claims_of(gazetteer, title, body) if c.position is not None]


PLACE_SCOPE = [
    # 在<place>内 closes what is said before the rank: the place is where it is counted, not a metric word
    ("泉州市2021年经济", "2021年,泉州市GDP在福建省内排名第一。",
     ["泉州市 | 地区生产总值 | 1 | 福建省 | 2021"]),
    ("襄阳市2021年消费", "2021年,襄阳市社会消费品零售总额在湖北省范围内排第二位。",
     ["襄阳市 | 社会消费品零售总额 | 2 | 湖北省 | 2021"]),
    # a county's rank in its province, not its prefecture
    ("晋江市2022年经济", "2022年,晋江市地区生产总值在福建省排名第一。",
     ["晋江市 | 地区生产总值 | 1 | 福建省 | 2022"]),
]
GROWTH = [
    # a rate compared in percentage points, after the growth, is what the rank ranks
    ("淄博市2018年上半年经济",
     "2018年上半年,淄博市实现生产总值2500亿元,同比增长7.0%,增幅高于全省0.3个百分点,居全省第8位。",
     ["淄博市 | 地区生产总值增速 | 8 | 山东省 | 2018H1"]),
    ("烟台市2022年工业",
     "2022年,烟台市规上工业增加值增长9.1%,高于全省平均2.5个百分点,居全省第2位。",
     ["烟台市 | 规上工业增加值增速 | 2 | 山东省 | 2022"]),
    # a level compared in points is no growth: the rank is the level's
    ("潍坊市2022年城镇化",
     "2022年,潍坊市城镇化率为65.3%,高于全省1.2个百分点,居全省第5位。",
     ["潍坊市 | 城镇化率 | 5 | 山东省 | 2022"]),
]
LISTS = [
    # a named list between scope and rank is what is ranked
    ("昆山市2021年县域经济", "2021年,昆山市连续17年位列全国百强县首位。",
     ["昆山市 | 全国百强县 | 1 | 全国 | 2021"]),
    ("太仓市2021年县域经济", "2021年,太仓市综合实力位列全国百强县第7位。",
     ["太仓市 | 全国综合实力百强县 | 7 | 全国 | 2021"]),
    ("江阴市2021年县域经济", "2021年,江阴市连续19年蝉联全国县域经济百强县第一名。",
     ["江阴市 | 全国县域经济百强县 | 1 | 全国 | 2021"]),
    ("莱西市2020年县域经济", "2020年,莱西市居全国综合投资潜力百强县市第41位。",
     ["莱西市 | 全国综合投资潜力百强县市 | 41 | 全国 | 2020"]),
    # …unless a catalogue metric is named before it
    ("江阴市2021年县域经济", "2021年江阴市以4580亿元的地区生产总值位列全国百强县第二。",
     ["江阴市 | 地区生产总值 | 2 | 全国 | 2021"]),
    # a national group after a year (在2017年中国…百强县市中) is counted within the nation, not the prefecture
    ("广饶县2017年县域经济", "广饶县在2017年中国中小城市综合实力百强县市中排名第22位。",
     ["广饶县 | 中小城市综合实力百强县市 | 22 | 全国 | 2017"]),
]
IN_TURN = [
    # N places sharing a top N in turn (分列, 依次, 分别) hold ranks 1 to N
    ("江苏省2021年各市经济", "2021年,南京、苏州、无锡分列全省经济总量前三位。",
     ["南京市 | 地区生产总值 | 1 | 江苏省 | 2021", "苏州市 | 地区生产总值 | 2 | 江苏省 | 2021",
      "无锡市 | 地区生产总值 | 3 | 江苏省 | 2021"]),
    ("湖南省2021年各市经济", "2021年,长沙、岳阳、常德三市地区生产总值分列全省前三。",
     ["长沙市 | 地区生产总值 | 1 | 湖南省 | 2021", "岳阳市 | 地区生产总值 | 2 | 湖南省 | 2021",
      "常德市 | 地区生产总值 | 3 | 湖南省 | 2021"]),
    ("中部六省2021年省会经济", "2021年,武汉、长沙、郑州地区生产总值分别位列中部省会城市前三位。",
     ["武汉市 | 地区生产总值 | 1 | 中部省会城市 | 2021", "长沙市 | 地区生产总值 | 2 | 中部省会城市 | 2021",
      "郑州市 | 地区生产总值 | 3 | 中部省会城市 | 2021"]),
]
NOT_IN_TURN = [
    # a top N shared without 分列/依次, or by fewer places than N, gives no ranks
    ("湖南省2021年各市经济", "2021年,长沙、岳阳、常德地区生产总值位列全省前三。"),
    ("湖南省2021年各市经济", "2021年,长沙、岳阳两市地区生产总值分列全省前三。"),
]
EARLIER = [
    # the clause before names what is ranked up to its own rank, not the place holding it
    ("山东省2022年各市GDP", "2022年,全省GDP排名第一的是青岛市,济南市排名第二。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2022", "济南市 | 地区生产总值 | 2 | 山东省 | 2022"]),
    ("浙江省2022年各市消费", "2022年,杭州市社会消费品零售总额居全省第一,宁波市排名第二。",
     ["杭州市 | 社会消费品零售总额 | 1 | 浙江省 | 2022", "宁波市 | 社会消费品零售总额 | 2 | 浙江省 | 2022"]),
    # 由全省第12位上升到第10位: the old rank is not this year's, and 经济总量 is GDP
    ("菏泽市2019年经济", "2019年,菏泽市经济总量由全省第12位上升到第10位。",
     ["菏泽市 | 地区生产总值 | 10 | 山东省 | 2019"]),
]

FIGURES = [
    # the figure a rank follows is the one whose name ends last: 人均地区生产总值, not the 地区生产总值 inside it
    ("江苏省2021年经济",
     "2021年,江苏省实现地区生产总值11.6万亿元,居全国第二;人均地区生产总值13.7万元,居全国各省区首位。",
     ["江苏省 | 地区生产总值 | 2 | 全国 | 2021", "江苏省 | 人均地区生产总值 | 1 | 全国 | 2021"]),
]
EPITHETS = [
    # the Nth largest economy, the Nth economic province or city: a rank by GDP among units of its level
    ("河南省2022年经济", "2022年,河南省GDP总量为6.13万亿元,为全国第五大经济体。",
     ["河南省 | 地区生产总值 | 5 | 全国 | 2022"]),
    ("湖北省2021年经济", "2021年,襄阳市继续稳坐全省第二经济强市的位置。",
     ["襄阳市 | 地区生产总值 | 2 | 湖北省 | 2021"]),
    ("湖北省2021年经济", "2021年,湖北省第二经济大市襄阳GDP突破5000亿元。",
     ["襄阳市 | 地区生产总值 | 2 | 湖北省 | 2021"]),
    ("江苏省2021年经济", "2021年,江苏省作为第二经济大省,GDP达到11.6万亿元。",
     ["江苏省 | 地区生产总值 | 2 | 全国 | 2021"]),
]
ASSESSMENTS = [
    # an assessment named between scope and rank, or in 在…中, is what is ranked
    ("菏泽市2020年县域经济", "2020年,曹县在菏泽市县域经济综合考核中位列第一。",
     ["曹县 | 菏泽市县域经济综合考核 | 1 | 菏泽市 | 2020"]),
    ("临沂市2021年发展", "2021年,临沂市位列全省高质量发展综合绩效考核第3名。",
     ["临沂市 | 高质量发展综合绩效考核 | 3 | 山东省 | 2021"]),
]
NO_ASSESSMENT = [
    # an assessment's result is told after its year: without a year said, no claim
    ("德州市禹城市发展", "禹城连续五年居德州高质量发展综合考评第一名。"),
]
SUBJECTS = [
    # a unit named as under the place before it is the subject
    ("潍坊市2021年各县市经济", "2021年,潍坊市下辖的寿光市地区生产总值居全市第一,青州市居第二。",
     ["寿光市 | 地区生产总值 | 1 | 潍坊市 | 2021", "青州市 | 地区生产总值 | 2 | 潍坊市 | 2021"]),
    # ranks spread over places with no metric named share the metric of the rank before them
    ("山东省2021年各市经济", "2021年,全省16市中,青岛市地区生产总值居首位,济南市、烟台市分列第二、三位。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2021", "济南市 | 地区生产总值 | 2 | 山东省 | 2021",
      "烟台市 | 地区生产总值 | 3 | 山东省 | 2021"]),
    ("湖北省2022年各市经济", "2022年,宜昌市规上工业增加值增速居全省首位,襄阳市、荆州市分列第二、第三位。",
     ["宜昌市 | 规上工业增加值增速 | 1 | 湖北省 | 2022", "襄阳市 | 规上工业增加值增速 | 2 | 湖北省 | 2022",
      "荆州市 | 规上工业增加值增速 | 3 | 湖北省 | 2022"]),
]
NO_SUBJECT = [
    # a school named after the place is what is ranked, not the place
    ("潍坊市2021年教育", "2021年,潍坊市第一中学高考成绩居全市第一。"),
]
MOVES = [
    # a move in rank said without a number names no metric
    ("枣庄市2022年经济", "2022年,枣庄市地区生产总值位次前移至全省第14位。",
     ["枣庄市 | 地区生产总值 | 14 | 山东省 | 2022"]),
    # a rank joined by 、 that names its own aspect is not the rank before it said again
    ("枣庄市2022年经济", "2022年,枣庄市GDP总量全省第14、增速全省第3。",
     ["枣庄市 | 地区生产总值 | 14 | 山东省 | 2022", "枣庄市 | 地区生产总值增速 | 3 | 山东省 | 2022"]),
    # 在…中 followed by an adverbial is still where the rank is counted
    ("滨州市邹平市2022年经济", "2022年,邹平市地区生产总值在滨州市各县市区中继续排名首位。",
     ["邹平市 | 地区生产总值 | 1 | 滨州市 | 2022"]),
    ("滨州市邹平市2022年经济", "2022年,邹平市在全省县域经济高质量发展排名中位次前移3位,居第5位。",
     ["邹平市 | 县域经济高质量发展 | 5 | 山东省 | 2022"]),
]
FASTEST = [
    # the fastest growth of a scope is its first
    ("山东省2021年各市经济", "2021年,淄博市GDP增速全省最快,达到9.8%。",
     ["淄博市 | 地区生产总值增速 | 1 | 山东省 | 2021"]),
    ("山东省2021年各市收入", "2021年,日照市城镇居民人均可支配收入增速全省最快,农村居民收入增速居全省第二。",
     ["日照市 | 城镇居民人均可支配收入增速 | 1 | 山东省 | 2021",
      "日照市 | 农村居民人均可支配收入增速 | 2 | 山东省 | 2021"]),
]
NOT_FASTEST = [
    # the top of a level said as a kind of thing is no rank
    ("山东省2021年各市收入", "2021年,青岛市人均可支配收入达到全省最高水平。"),
]
SCOPES = [
    # a rank with no scope after a rank with one is counted where that one is
    ("安徽省2021年各市经济", "2021年,合肥GDP跻身全国城市前20强,位列第19位。",
     ["合肥市 | 地区生产总值 | 19 | 全国 | 2021"]),
    ("江苏省2021年各市经济", "2021年,徐州市地区生产总值跻身全国城市前30强,排名第28位。",
     ["徐州市 | 地区生产总值 | 28 | 全国 | 2021"]),
    # …unless it names its own
    ("山东省2022年各市经济", "2022年,东营市人均GDP居全省第1位,在全国城市中排名第5位。",
     ["东营市 | 人均地区生产总值 | 1 | 山东省 | 2022", "东营市 | 人均地区生产总值 | 5 | 全国 | 2022"]),
]
BARE = [
    # clauses that are only a place and a rank share the rank before them, among peers of one level and unit
    ("全国2021年县域经济", "2021年,在全国综合实力百强县中,龙口市排名第16位,胶州市第19位,荣成市第22位。",
     ["龙口市 | 综合实力百强县 | 16 | 全国 | 2021", "胶州市 | 综合实力百强县 | 19 | 全国 | 2021",
      "荣成市 | 综合实力百强县 | 22 | 全国 | 2021"]),
    ("河南省2021年各市经济", "2021年,郑州市地区生产总值居全省第1位,洛阳市第2位,南阳市第3位。",
     ["郑州市 | 地区生产总值 | 1 | 河南省 | 2021", "洛阳市 | 地区生产总值 | 2 | 河南省 | 2021",
      "南阳市 | 地区生产总值 | 3 | 河南省 | 2021"]),
    # a district is no peer of a city, a city of another province not counted in this one
    ("山东省2021年各市经济", "2021年,青岛市地区生产总值居全省第1位,黄岛区第2位,南京市第3位。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2021"]),
]
LEADS = [
    # a lead 在<assessment>中 names what the rank after it ranks, not the headline's metric
    ("2021年山东各市GDP排名", "2021年,在营商环境评价中,青岛市居全省第一。",
     ["青岛市 | 营商环境评价 | 1 | 山东省 | 2021"]),
    ("2022年河北各市GDP排名", "2022年,在全省县域科技创新考核中,石家庄市居第一。",
     ["石家庄市 | 县域科技创新考核 | 1 | 河北省 | 2022"]),
]
NO_LEAD = [
    # a prize won is no rank of a metric
    ("2021年山东各市GDP排名", "2021年,青岛市荣获全省文明城市第一名。"),
    ("2022年浙江各市GDP排名", "2022年,宁波市获得全省美丽乡村建设竞赛第一名。"),
]
TITLES = [
    # a space between two Chinese words of a title ends a clause: the place after it is the subject
    ("湖南省2021年GDP 长沙居全省第一", "2021年,湖南省各市州经济运行平稳。",
     ["长沙市 | 地区生产总值 | 1 | 湖南省 | 2021"]),
]
NO_CLAIM = [
    # the nation is ranked only among countries; a place after a space in the title is not its metric
    ("2021年全国百强县榜单发布 江阴位居第二", "2021年,各地县域经济稳步发展。"),
    # a bare top-N list is no metric: the rank after it is counted elsewhere
    ("湖南省2021年GDP", "2021年,全国万亿城市增至24个,长沙仍未跻身十强,居第15位。"),
]
NO_EPITHET = [
    # a province's title in a city's article, said of no place: whose rank it is is not told
    ("东莞市2021年经济", "作为经济第一大省,广东的GDP已连续多年领先。"),
    # a county's title is no city's
    ("苏州市2021年经济", "2021年,苏州是全省第一经济大县所在的城市。"),
]


@pytest.mark.parametrize(("title", "body", "expected"),
                         PLACE_SCOPE + GROWTH + LISTS + IN_TURN + EARLIER + FIGURES + EPITHETS + ASSESSMENTS
                         + SUBJECTS + TITLES + MOVES + FASTEST + SCOPES
                         + BARE + LEADS)
def test_claims(gazetteer, title, body, expected):
    assert ranked(gazetteer, title, body) == expected


@pytest.mark.parametrize(("title", "body"), NOT_IN_TURN + NO_EPITHET + NO_ASSESSMENT + NO_SUBJECT
                         + NO_CLAIM + NOT_FASTEST + NO_LEAD)
def test_no_ranks(gazetteer, title, body):
    assert ranked(gazetteer, title, body) == []
