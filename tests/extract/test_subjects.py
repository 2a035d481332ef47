"""Who a clause is about, word by word (knowledge/extract/subjects.py). Every clause is written for the test."""

from __future__ import annotations

import pytest

from knowledge.extract.subjects import in_list, is_object, opening, opens_clause, places_in


def at(span: str, surface: str) -> tuple[str, int, str]:
    return span, span.index(surface), surface


@pytest.mark.parametrize(("span", "surface", "expected"), [
    ("成立全省首家实验室", "全省", True),  # a scope of comparison
    ("海南第三产业增加值", "海南", False),  # 第三产业 is no rank
    ("济南首次突破", "济南", False),  # 首次 is no rank
    ("经济南市统计局核算", "济南市", True),  # the figures' source
    ("经横琴口岸通关的旅客", "横琴", False),  # the way through
    ("占全国新增市场", "全国", True),  # an object
    ("威海市级龙头企业", "威海市", True),  # a rank of the thing
    ("晚报讯(记者 赵刚 通讯员 绵阳市统计局 钱敏)全市", "绵阳市", True),  # a byline: the writer's unit
    ("(摄影 孙丽)德阳市地区生产总值", "德阳市", False),  # after the byline's bracket is closed
    ("全市(含泸县)地区生产总值", "泸县", False),  # a bracket of no byline
], ids=["scope", "third-industry", "first-time", "source", "via", "object", "rank-of-thing", "byline",
        "after-byline", "other-bracket"])
def test_a_place_is_an_object_or_the_subject(span: str, surface: str, expected: bool) -> None:
    assert is_object(*at(span, surface)) is expected


@pytest.mark.parametrize(("span", "surface", "expected"), [
    ("绵阳、德阳两市均超过", "绵阳", True),
    ("绵阳、德阳两市均超过", "德阳", True),
    ("中医药等澳门品牌工业", "澳门", True),
    ("一、全国夏粮播种面积", "全国", False),  # 一、 numbers a section
    ("全省地区生产总值", "全省", False),
], ids=["first-member", "second-member", "after-deng", "section-number", "alone"])
def test_a_member_of_a_list_is_marked(span: str, surface: str, expected: bool) -> None:
    assert in_list(*at(span, surface)) is expected


def test_the_opening_ends_at_the_first_figure_not_at_a_span_of_months() -> None:
    assert opening("1-11月,全省规上工业增加值增长9.8%。") == "1-11月,全省规上工业增加值增长"
    assert opening("2023年全市实现生产总值500亿元。") == "2023年全市实现生产总值"


def test_a_place_inside_an_organisations_name_is_no_mention(gazetteer) -> None:
    assert [m.surface for m in places_in(gazetteer, "山东大学科研经费")] == []
    assert [m.surface for m in places_in(gazetteer, "山东银行业存款")] == ["山东"]
    # the corps is a unit of its own (a province-level zone), not 新疆 inside an organisation's name
    assert [(m.surface, m.region.name) for m in places_in(gazetteer, "新疆生产建设兵团统计局")] == [
        ("新疆生产建设兵团", "新疆生产建设兵团")]


@pytest.mark.parametrize(("span", "surface", "expected"), [
    ("上半年,全国城镇新增就业", "全国", True), ("2021年我国居民收入", "我国", True), ("一、全国夏粮", "全国", True),
    ("获制造业领域中国质量奖", "中国", False), ("牵头建设全国重点实验室", "全国", False),
], ids=["after-period", "after-year", "section", "inside-award", "inside-lab"])
def test_a_word_opens_its_clause_only_after_dates_and_connectives(span: str, surface: str, expected: bool) -> None:
    assert opens_clause(span, span.index(surface)) is expected


@pytest.mark.parametrize(("text", "named"), [
    ("昆明长水国际机场旅客吞吐量增长", []),  # a place, a proper name and 机场: one institution's name
    ("宁波东方理工大学建校招生", []),
    ("昆明新建机场两座", ["昆明"]),  # words of running text between: the place is spoken of
    ("杭州的医院床位增加", ["杭州"]),
    ("郑州市医院数量达到300家", ["郑州市"]),  # no proper name between: the place's hospitals
    ("青岛市三甲医院增至20家", ["青岛市"]),  # a count of a kind
    ("杭州高校大学生就业率提高", ["杭州"]),  # 大学生 are the place's students, no institution's name
    ("临沂市商城银行存款增长", []),  # a place's name inside the institution's (商城) names no place either
    ("青岛农商银行存款余额增长", []),
], ids=["airport", "university", "new-airport", "of-the-place", "bare-head", "count-of-a-kind", "students",
        "place-inside-the-name", "bank"])
def test_a_place_inside_an_institutions_name_is_not_named(gazetteer, text, named) -> None:
    assert [m.surface for m in places_in(gazetteer, text)] == named
