"""Rank claims (knowledge/extract/claims.py, claim_spread.py): the forms added for issue 12, one short article
each, written for the test. A row says (title, body) → the rank claims, as "region | metric | rank | scope | period"."""

from __future__ import annotations

import pytest

from tests.extract.kit import claim_row, claims_of


def ranked(gazetteer, title: str, body: str) -> list[str]:
    return [claim_row(c) for c in claims_of(gazetteer, title, body) if c.position is not None]


SPREAD = [
    # one rank to each place of the list before it
    ("山东省2016年上半年各市经济", "2016年上半年,潍坊、烟台两市地区生产总值分别居全省第3位和第2位。",
     ["潍坊市 | 地区生产总值 | 3 | 山东省 | 2016H1", "烟台市 | 地区生产总值 | 2 | 山东省 | 2016H1"]),
    # old ranks of 去年同期 are claims of the same span a year before
    ("山东省2016年上半年各市GDP",
     "2016年上半年,日照、威海排名分别从去年同期的第12名和第9名,上升到今年的第10名和第8名。",
     ["日照市 | 地区生产总值 | 10 | 山东省 | 2016H1", "日照市 | 地区生产总值 | 12 | 山东省 | 2015H1",
      "威海市 | 地区生产总值 | 8 | 山东省 | 2016H1", "威海市 | 地区生产总值 | 9 | 山东省 | 2015H1"]),
    # one rank to each metric of one place
    ("潍坊市2020年经济运行", "2020年,潍坊市进出口总额和实际使用外资分别居全省第3位、第4位。",
     ["潍坊市 | 进出口总额 | 3 | 山东省 | 2020", "潍坊市 | 实际使用外资 | 4 | 山东省 | 2020"]),
]
UNSPREAD = [
    # three places, two ranks: whose is which cannot be told
    ("山东省2016年上半年各市经济", "2016年上半年,潍坊、烟台、淄博三市地区生产总值分别居全省第3位和第2位。"),
    # a range of ranks is no single rank
    ("江苏省2021年县域经济", "2021年,江苏省有3个县入围全国十强县,分别是昆山、江阴和张家港,排名第三至第五位。"),
]
SUBJECTS = [
    # the places a subject is compared with are neither the subject nor the metric
    ("江苏省2021年居民收入", "2021年,江苏省城镇居民人均可支配收入在各省份排名中,仅次于北京和天津,居全国第三位。",
     ["江苏省 | 城镇居民人均可支配收入 | 3 | 全国 | 2021"]),
    # 排名第N的X: X is ranked, and the metric follows it
    ("浙江省2021年县域收入", "2021年,在全国县域中,排名第二的慈溪市城镇居民人均可支配收入为70000元。",
     ["慈溪市 | 城镇居民人均可支配收入 | 2 | 宁波市 | 2021"]),
    # a figure's place outside the report's own province does not stand for the unnamed subject
    ("云南省2025年交通与工业", "2025年,新开、临清等10条高速公路建成通车,新增里程500公里。锡产量居全国第1位。",
     ["云南省 | 锡产量 | 1 | 全国 | 2025"]),
    # a place after a rank verb is what is joined, not the subject; 在全国… before the rank is its scope
    ("德州市禹城市2019年发展", "2019年,禹城市入选山东省创新发展先进县,在全国工业百强县排名由第88位升至第70位。",
     ["禹城市 | 全国工业百强县 | 70 | 全国 | 2019"]),
    # 在<scope>…百强中: the list names what is ranked
    ("泰安市肥城市2011年概况", "2011年,肥城市在全国县域科技创新能力百强中列38位。",
     ["肥城市 | 县域科技创新能力百强 | 38 | 全国 | 2011"]),
    # 以全省第N的<metric>: the metric follows the rank
    ("湖南省2021年各市州经济", "2021年,常德市以全省第五的一般公共预算收入增速位居中游。",
     ["常德市 | 一般公共预算收入增速 | 5 | 湖南省 | 2021"]),
]
METRICS = [
    # an aspect alone takes the metric of the item before it
    ("湖南省2021年各市州经济", "2021年,常德的一般公共预算收入总量和增量都稳居全省第三。",
     ["常德市 | 一般公共预算收入 | 3 | 湖南省 | 2021", "常德市 | 一般公共预算收入增量 | 3 | 湖南省 | 2021"]),
    # a second rank with only an aspect takes the metric of the rank before it in the sentence
    ("湖南省2021年各市州经济", "2021年,株洲一般公共预算收入总量列全省第5,增量则只低于长沙和常德,居全省第3。",
     ["株洲市 | 一般公共预算收入 | 5 | 湖南省 | 2021", "株洲市 | 一般公共预算收入增量 | 3 | 湖南省 | 2021"]),
    # the rank is the growth of the figure before it, not of one named after it
    ("日照市2018年前三季度县域经济", "2018年前三季度,县域实现生产总值1000亿元,同比增长7.5%,增速居全省第3位;"
     "实现一般公共预算收入80亿元,增长12.0%,增速居全省第2位。",
     ["日照市 | 县域生产总值增速 | 3 | 山东省 | 2018Q1-Q3", "日照市 | 一般公共预算收入增速 | 2 | 山东省 | 2018Q1-Q3"]),
    # a second rank of the sentence with no metric of its own ranks what the first ranked
    ("2021年居民收入", "2021年,义乌市城镇居民人均可支配收入居全国县级市第一,慈溪市居全国县级市第二。",
     ["义乌市 | 城镇居民人均可支配收入 | 1 | 全国 | 2021", "慈溪市 | 城镇居民人均可支配收入 | 2 | 全国 | 2021"]),
    # items of a list share the head noun of the last one
    ("贵州省2025年政府工作报告", "2025年,贵州省铁路、公路货运里程都排在全国第6位。",
     ["贵州省 | 铁路货运里程 | 6 | 全国 | 2025", "贵州省 | 公路货运里程 | 6 | 全国 | 2025"]),
    # a scope's qualifier may name the aspect ranked (各市州增速第二): the metric is the title's
    ("四川21市州上半年GDP成绩单", "2019年上半年,德阳增长8.1%,稳坐全省各市州增速第三。",
     ["德阳市 | 地区生产总值增速 | 3 | 四川省 | 2019H1"]),
    # no metric in the sentence and no figure before: the one metric of the title
    ("江苏13市前三季度GDP出炉", "2024年前三季度,扬州继续居全省第8位,与上半年持平。",
     ["扬州市 | 地区生产总值 | 8 | 江苏省 | 2024Q1-Q3"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), SPREAD + SUBJECTS + METRICS,
                         ids=[f"spread-{i}" for i in range(len(SPREAD))]
                         + [f"subject-{i}" for i in range(len(SUBJECTS))]
                         + [f"metric-{i}" for i in range(len(METRICS))])
def test_clause_gives_its_rank_claims(gazetteer, title, body, expected):
    assert ranked(gazetteer, title, body) == expected


@pytest.mark.parametrize(("title", "body"), UNSPREAD, ids=["counts-differ", "range"])
def test_ranks_that_cannot_be_given_to_a_place_give_no_claim(gazetteer, title, body):
    assert ranked(gazetteer, title, body) == []


def test_ordinal_words_spread_over_the_places_before_them(gazetteer):
    body = "从GDP总量来看,2016年上半年潍坊以3000亿元总量居首,烟台、济南则分别以2900亿元和2800亿元摘得亚军和季军。"
    assert ranked(gazetteer, "山东17市上半年GDP出炉", body) == [
        "潍坊市 | 地区生产总值 | 1 | 山东省 | 2016H1", "烟台市 | 地区生产总值 | 2 | 山东省 | 2016H1",
        "济南市 | 地区生产总值 | 3 | 山东省 | 2016H1"]


def test_a_metric_between_verb_and_rank_is_no_scope(gazetteer):
    assert ranked(gazetteer, "湖南14市州2021年经济", "2021年,郴州勇夺GDP增速第一。") == [
        "郴州市 | 地区生产总值增速 | 1 | 湖南省 | 2021"]


def test_places_of_different_units_ranked_in_one_sentence_share_the_unit_holding_them(gazetteer):
    body = "2021年,在县级市中,义乌市居民人均可支配收入居首,慈溪市排名第二;江苏省昆山市位列第三。"
    assert [r.split(" | ")[3] for r in ranked(gazetteer, "2021年县级市居民收入", body)] == ["全国", "全国", "全国"]


def test_places_of_one_prefecture_keep_it_as_their_scope(gazetteer):
    body = "2021年,寿光市地区生产总值居首,诸城市排名第二。"
    assert [r.split(" | ")[3] for r in ranked(gazetteer, "潍坊市2021年县域经济", body)] == ["潍坊市", "潍坊市"]


def test_words_before_the_subjects_figure_clause_are_not_what_is_ranked(gazetteer):
    body = "2022年上半年,因为受台风影响,福建一般公共预算收入1800亿元,而安徽以1900亿元反超福建,排名升至全国第八位。"
    # the metric is not said (only the figure 1900亿元): better none than the words of another clause, and a
    # rank of nothing named is kept as its text only
    claims = claims_of(gazetteer, "安徽省2022年上半年财政", body)
    assert [claim_row(c) + " " + c.claim for c in claims] == ["安徽省 | None | None | 全国 | 2022H1 全国第八位"]


def test_a_short_first_line_is_the_headline_when_the_title_is_another_line(gazetteer):
    body = "宜宾前三季度GDP跑出加速度\n\n看增速\n\n2019年前三季度,宜宾增速居全省第一。"
    assert ranked(gazetteer, "看增速", body) == ["宜宾市 | 地区生产总值增速 | 1 | 四川省 | 2019Q1-Q3"]


def test_a_share_before_the_rank_does_not_name_what_is_ranked(gazetteer):
    body = "截至2024年年底,淄博市储能相关企业现存40家,占山东总存量的15.0%,居全省第一位。"
    assert [r.split(" | ")[1] for r in ranked(gazetteer, "淄博市2024年储能产业", body)] == ["储能相关企业"]


def test_all_the_city_in_a_claim_is_the_city_just_named_as_in_the_facts(gazetteer):
    # in a province-wide article, 全市 in a rank claim is the city the text has just named, like in a figure
    body = ("2021年,长沙市地区生产总值1.3万亿元,长沙市常住人口1040万人。\n\n"
            "2021年,岳阳市地区生产总值4400亿元。全市粮食总产量居全省第二位。")
    claims = ranked(gazetteer, "湖南各市州2021年经济盘点", body)
    assert [c for c in claims if " | 2 | " in c] == ["岳阳市 | 粮食产量 | 2 | 湖南省 | 2021"]
