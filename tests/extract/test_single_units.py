"""Figures of one institution or one site inside a region are not the region's: a school named after its
place (某地学院), an ordinal school or hospital (某市第二中学), a unit's own institution named by its level alone
(县人民医院), a scenic area (subjects.py, gates.toml). Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.subjects import names_institution, places_in
from tests.extract.kit import facts_of, row

PUBLISHED = date(2024, 3, 1)


@pytest.mark.parametrize(("text", "named"), [
    ("九江学院在校生2.5万人", []),
    ("赣州市第三中学高考本科上线率", []),
    ("上饶县第二人民医院门诊量", []),
    ("九江市中学在校生", ["九江市"]),  # the place's schools, no one school
    ("赣州市第三产业增加值", ["赣州市"]),  # an ordinal that names no institution
], ids=["named-school", "ordinal-school", "ordinal-hospital", "the-places-schools", "third-industry"])
def test_a_place_opening_one_institutions_name_is_not_spoken_of(gazetteer, text, named) -> None:
    assert [m.surface for m in places_in(gazetteer, text)] == named


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年,县人民医院门诊量", True), ("市第一中学高考", True), ("全市医院床位", False), ("市场主体", False),
    # 县城, 县域, 市区: a word of the place's area, not its level alone (the schools of the county town)
    ("2023年,县城公办小学在校生", False), ("2023年,县域商业银行存款", False),
], ids=["county-hospital", "city-school", "the-places-hospitals", "market", "county-town", "county-area"])
def test_a_level_word_alone_before_an_institution_names_it(gazetteer, text, expected) -> None:
    assert names_institution(gazetteer, text) is expected


@pytest.mark.parametrize(("title", "body", "kept"), [
    ("2023年九江市经济运行情况", "2023年,九江学院在校生2.5万人。全市普通高校在校生9万人。",
     ["九江市 | 普通高校在校生 | 2023 | 9 | -"]),
    ("2023年赣州市经济运行情况", "2023年,市人民医院门诊量210万人次。全市卫生技术人员5.1万人。",
     ["赣州市 | 卫生技术人员 | 2023 | 5.1 | -"]),
    ("2023年九江市经济运行情况", "2023年,庐山风景名胜区接待游客1500万人次,实现门票收入9亿元。全市接待游客9000万人次。",
     ["九江市 | 接待游客 | 2023 | 9000 | -"]),
], ids=["school", "hospital", "scenic-area"])
def test_one_institutions_or_sites_figures_are_left_out(gazetteer, title, body, kept) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body, PUBLISHED)] == kept


def test_a_place_in_a_byline_is_not_the_subject_of_the_report(gazetteer) -> None:
    body = "晚报讯(记者 赵刚 通讯员 德阳市统计局 钱敏)上半年,全市地区生产总值1600亿元,增长5.2%。"
    rows = [row(f) for f in facts_of(gazetteer, "绵阳:上半年经济稳中向好", body, PUBLISHED)]
    assert rows == ["绵阳市 | 地区生产总值 | 2024H1 | 1600 | 5.2"]


@pytest.mark.parametrize(("body", "kept"), [
    ("2023年,绵阳飞鹰实现营业收入120亿元,同比增长8%。", []),  # a place's short name and a word: a firm
    ("2023年,宜春锂业营业收入300亿元。", []),
    ("2023年,九江金桥净利润12亿元。", []),
    ("2023年,九江旅游营业收入90亿元。", ["九江市 | 旅游营业收入 | 2023 | 90 | -"]),  # the region's trade
], ids=["firm", "firm-with-ye", "profit", "trade"])
def test_a_firm_named_by_a_places_short_name_is_not_the_region(gazetteer, body, kept) -> None:
    assert [row(f) for f in facts_of(gazetteer, "2023年经济运行情况", body, PUBLISHED)] == kept
