"""Example clauses for Chinese-numeral values and the units beyond the catalogue's (knowledge/extract/cnvalues.py,
extra_units in knowledge/data/clauses.toml), with the facts each must give."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.cnvalues import arabic_values, cn_decimal, plain_numbers, rates_first
from tests.extract.kit import facts_of, row

REWRITES = [
    ("全县常住人口五十一点四七万人", "全县常住人口51.47万人"),
    ("企业达到六百六十三家", "企业达到663家"),
    ("经济总量两万亿元", "经济总量2万亿元"),
    ("补贴三千元", "补贴3000元"),
    ("一万二千家", "12000家"),
    ("三十余家", "30余家"),
    ("提高一点五个百分点", "提高1.5个百分点"),
    # words, not values: a lone numeral, an ordinal, an estimate, a vague range
    ("一个重要支撑", "一个重要支撑"),
    ("第三十家门店", "第三十家门店"),
    ("七八个村", "七八个村"),
    ("数万人参加", "数万人参加"),
    ("百万人口大县", "百万人口大县"),
    # a lone 百/千/万 after a word of approximation is a round count; a round sum is left alone (a threshold)
    ("举办超千场赛事、近百场演出", "举办超1000场赛事、近100场演出"),
    ("近万家企业", "近1万家企业"),
    ("营收超千亿元的企业", "营收超千亿元的企业"),
    # …unless a level crosses it as a mark (大关, 台阶): then the sum is the threshold, in digits
    ("总产值突破百亿元大关", "总产值突破100亿元大关"),
    ("经济总量迈上万亿元台阶", "经济总量迈上1万亿元台阶"),
    ("突破千亿元的产业", "突破千亿元的产业"),
    ("千家万户", "千家万户"),
    # a fraction in words whose share is exact to a tenth is that share; 三分之一 (33.33…%) is left as written
    ("占全省产量的四分之一以上", "占全省产量的25%以上"),
    ("占比达到百分之三点五", "占比达到3.5%"),
    ("约占全国的八分之一", "约占全国的12.5%"),
    ("占全市的三分之一", "占全市的三分之一"),
    # a count of people in bare 万 takes its unit; another quantity in bare 万 does not
    ("全县人口61万,面积", "全县人口61万人,面积"),
    ("技能人才总量超69.5万、游客", "技能人才总量超69.5万人、游客"),
    ("接待游客520万,", "接待游客520万,"),  # visits are counted in 人次: which, the text does not say
    ("投资61万,面积", "投资61万,面积"),
]


@pytest.mark.parametrize(("text", "expected"), REWRITES)
def test_chinese_numeral_values_are_written_in_digits(text: str, expected: str) -> None:
    assert arabic_values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("辖区面积 12,345.6平方公里", "辖区面积 12345.6平方公里"),
    ("有少数民族8个,21,300人", "有少数民族8个,21300人"),  # the clause comma stays, the separator goes
    ("财政收入完成512. 34亿元", "财政收入完成512.34亿元"),
    ("增长2.5 %,出生率7.1 ‰", "增长2.5%,出生率7.1‰"),
    ("增长5%,120家企业", "增长5%,120家企业"),
    ("编号1,2,3", "编号1,2,3"),  # not groups of three digits
], ids=str)
def test_numbers_are_one_token(text: str, expected: str) -> None:
    assert plain_numbers(text) == expected


@pytest.mark.parametrize(("token", "expected"), [("五十一点四七", "51.47"), ("六百六十三", "663"), ("一点零五", "1.05"),
                                                 ("七八", None), ("五点", None)])
def test_cn_decimal(token: str, expected: str | None) -> None:
    assert cn_decimal(token) == expected


CLAUSES = [
    ("济宁市2023年统计公报", "2023年,全市规模以上工业企业数量达到六百六十三家。",
     ["济宁市 | 规上工业企业 | 2023 | 663 | -"]),
    ("淄博市2022年统计公报", "2022年,全市粮食总产量达到一百二十点五万吨,比上年增长1.2%。",
     ["淄博市 | 粮食产量 | 2022 | 120.5 | 1.2"]),
    ("荣成市2020年统计公报", "2020年,全市人口出生率6.5‰,死亡率7.1‰。",
     ["荣成市 | 人口出生率 | 2020 | 6.5 | -", "荣成市 | 人口死亡率 | 2020 | 7.1 | -"]),
    ("潍坊市2021年统计公报", "2021年,全市有效灌溉面积52.6万公顷,比上年增长0.4%。",
     ["潍坊市 | 有效灌溉面积 | 2021 | 52.6 | 0.4"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), CLAUSES)
def test_numeral_and_unit_clauses(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("地区生产总值实现4.6%的增长", "地区生产总值增长4.6%"),
    ("以7.2%的增速领跑", "增长7.2%领跑"),
    ("8.5%的增幅高于全市", "增长8.5%高于全市"),
    ("出现3.2%的降幅", "出现下降3.2%"),
    ("占比30%的企业", "占比30%的企业"),  # a share qualifying a noun is no growth
    ("保持6%以上的增长", "保持6%以上的增长"),
], ids=str)
def test_a_rate_before_its_noun_is_put_first(text: str, expected: str) -> None:
    assert rates_first(text) == expected


def test_a_share_written_as_a_fraction_is_a_figure(gazetteer) -> None:
    body = "目前,曹县木制品出口额占全国的五分之一,板材产量占全省的三分之二。"
    assert [row(f) for f in facts_of(gazetteer, "曹县木业观察", body, date(2023, 6, 30))] == [
        "曹县 | 木制品出口额占全国比重 | asof:2023-06-30 | 20 | -"]
