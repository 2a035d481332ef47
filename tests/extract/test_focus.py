"""Whose an article is (knowledge/extract/focus.py): the focus unit from the title, the issuing office, the
first words or 我市 in the title, and the city, which lies in the focus unit's province. Every article here is
short and written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.context import ArticleContext
from knowledge.extract.pipeline import parse_article
from knowledge.text.corpus import ArticleMeta, RawArticle
from tests.extract.kit import facts_of, row_with_unit

_PUBLISHED = date(2023, 9, 20)  # a figure with no year at all is not stored


def context_of(gazetteer, title: str, body: str) -> ArticleContext:
    raw = RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta())
    return ArticleContext.for_document(parse_article(raw, gazetteer).doc, gazetteer)


@pytest.mark.parametrize(("title", "body", "focus", "declared"), [
    ("阳谷县", "时间:2024-04-25\n\n2023年全县地区生产总值347亿元。", "阳谷县", True),  # a place's name as title line
    ("某地2023年统计公报", "2023年商河县国民经济平稳。全年地区生产总值246亿元。", "商河县", True),  # the first words
    ("某地2021年经济", "根据广东省统一核算,2021年我市地区生产总值3566亿元。", None, False),  # a source is no focus
    ("增速居全省第一 挑起河南经济大梁", "8月10日,半年数据由郑州市统计局发布。", "郑州市", True),  # office inside
    ("这就是山东|看枣庄六十年变化", "记者从山东省政府新闻办获悉。", "枣庄市", True),  # the finer of the title's places
    ("前三季度我市县域经济增速居全省前列", "日照市发改委介绍了县域经济情况。", "日照市", True),  # 我市 in the title
    # a report's venue (在某市第N届人民代表大会…上) says whose report it is when its title names no place
    ("政府工作报告", "——2024年1月12日在德州市第十八届人民代表大会第三次会议上\n\n过去一年,全市经济增长6%。",
     "德州市", True),
    # the issuing office of a source line is the article's unit
    ("我区上半年经济运行情况", "信息来源:历城区统计局\n\n上半年,全区地区生产总值增长5%。", "历城区", True),
    # the nation's statistics office speaks for the nation; its survey team in a city for that city
    ("关于夏粮产量数据的公告", "信息来源:国家统计局\n\n全国夏粮总产量14000万吨。", "全国", True),
    ("统计公报", "国家统计局德州调查队\n\n全年粮食产量50亿斤。", "德州市", True),
    ("今年以来我省工业稳中有进", "全省规上工业增加值增长5%。保定市规上工业增加值增长6%。", "河北省", True),  # 我省
    # a place followed by a count of its units compares them: the place is the unit, not the city it praises
    ("江西11市上半年GDP出炉 赣州增速领跑", "上半年各市经济总体平稳。", "江西省", True),
    ("江苏13个设区市前三季度GDP出炉 苏州总量居首", "前三季度各市经济运行平稳。", "江苏省", True),
    ("全国31省份前三季度GDP出炉", "前三季度,广东GDP9.8万亿元。江苏GDP9.3万亿元。", "全国", True),
    ("26个省区市上半年GDP增速跑赢全国", "上半年,江苏GDP增长5.8%。", "全国", True),
    # only the most named place: a focus, but not declared
    ("经济运行简讯", "工业生产总体保持平稳运行,淄博市投资增长。淄博市消费回暖。淄博市出口增长。", "淄博市", False),
], ids=["title-line", "first-words", "source-first", "office-inside-title", "title-finest", "own-city",
        "venue", "source-office", "nation-office", "survey-team", "own-province", "parts-count", "districted-cities",
        "nation-parts", "provinces-counted", "most-named"])
def test_the_focus_unit_is_the_place_the_article_declares(gazetteer, title, body, focus, declared):
    ctx = context_of(gazetteer, title, body)
    assert (ctx.focus.name if ctx.focus else None, ctx.declared) == (focus, declared)


def test_the_articles_city_lies_in_its_focus_province(gazetteer):
    # a county of another province named once (a road named after it) does not make its prefecture the city
    raw = RawArticle("t.txt", "2026年云南省政府工作报告\n\n临清等40条高速公路相继开通。全省电力总装机1.7亿千瓦。\n"
                     .encode(), ArticleMeta())
    parsed = parse_article(raw, gazetteer)
    ctx = ArticleContext.for_document(parsed.doc, gazetteer)
    assert ctx.focus is not None and ctx.focus.name == "云南省"
    assert ctx.city is None or gazetteer.province_of(ctx.city).code == ctx.focus.code
    assert {f.region.name for f in parsed.facts} == {"云南省"}


def test_a_place_inside_an_organisations_name_is_no_focus(gazetteer):
    ctx = context_of(gazetteer, "山东大学科研经费稳步增长", "记者从山东大学获悉,科研经费平稳。")
    assert ctx.focus is None


def test_the_corps_is_the_focus_of_an_article_about_it(gazetteer):
    # 新疆生产建设兵团 is a province-level unit of its own; bare 兵团 in its article is the corps, and
    # outside such an article it names nothing
    raw = RawArticle("t.txt", "新疆兵团经济运行总体平稳\n\n记者从新疆生产建设兵团统计局获悉,1至8月,兵团规模以上"
                     "工业增加值同比增长3.1%。\n".encode(), ArticleMeta(published=_PUBLISHED))
    parsed = parse_article(raw, gazetteer)
    ctx = ArticleContext.for_document(parsed.doc, gazetteer)
    assert ctx.focus is not None and (ctx.focus.name, ctx.focus.level) == ("新疆生产建设兵团", "zone")
    assert ctx.province is not None and ctx.province.name == "新疆维吾尔自治区"
    assert {f.region.name for f in parsed.facts} == {"新疆生产建设兵团"}
    other = parse_article(RawArticle("t.txt", "新疆维吾尔自治区经济运行\n\n1至8月,全区规模以上工业增加值"
                                     "同比增长5%,兵团规模以上工业增加值增长3%。\n".encode(),
                                     ArticleMeta(published=_PUBLISHED)), gazetteer)
    assert {f.region.name for f in other.facts} == {"新疆维吾尔自治区"}


def test_an_article_comparing_provinces_is_about_the_nation(gazetteer):
    # many provinces, none named in most of the mentions, and the nation named: the nation is the focus,
    # and a figure still takes the province its clause names
    body = ("前三季度全国地区生产总值增长9.8%。河北地区生产总值增长6.0%。山西地区生产总值增长10.5%。"
            "湖南、广西、甘肃、吉林增速均超过7%。各省份总体恢复。")
    raw = RawArticle("t.txt", f"各地经济简讯\n\n{body}\n".encode(), ArticleMeta(published=_PUBLISHED))
    parsed = parse_article(raw, gazetteer)
    ctx = ArticleContext.for_document(parsed.doc, gazetteer)
    assert ctx.focus is not None and ctx.focus.name == "全国"
    assert ("山西省", "10.5") in {(f.region.name, str(f.growth)) for f in parsed.facts}


def test_an_article_about_one_province_among_others_keeps_it(gazetteer):
    # the same spread of provinces, but one of them named in most mentions: that province is the focus
    body = ("全国经济增长9.8%。湖南增长8.9%,湖南工业增长9.1%,湖南投资增长8.0%,湖南消费增长7.2%,"
            "湖南出口增长6.0%。河北、山西、广西、甘肃增速低于湖南。")
    ctx = context_of(gazetteer, "各地经济简讯", body)
    assert ctx.focus is not None and ctx.focus.name == "湖南省"


def test_a_place_opening_the_second_sentence_is_no_opening_without_a_title_line(gazetteer):
    # no title line: the second sentence is no part of the article's first words (其中,某县… is a part)
    raw = RawArticle("t.txt", "今年前三季度,我市地区生产总值完成2100亿元,同比增长5.5%。其中,邹平市完成560亿元。\n"
                     .encode(), ArticleMeta())
    ctx = ArticleContext.for_document(parse_article(raw, gazetteer).doc, gazetteer)
    assert ctx.focus is None  # 我市 is then the city the text names most, 滨州市, not the part it names


def test_a_year_naming_which_meeting_it_was_is_not_the_period_of_the_figures(gazetteer):
    # 2023年第一次…会议 tells which meeting of the year was held; a stock named after it with no time word of
    # its own stands at the publication day, as in any news report
    for opening in ("5月8日,曹县召开2023年第一次项目观摩会议。", "曹县举办2023年首届纺织论坛。"):
        facts = facts_of(gazetteer, "曹县纺织产业观察", f"{opening}\n\n曹县拥有规上纺织企业320家。", _PUBLISHED)
        assert [row_with_unit(f) for f in facts] == ["曹县 | 规上纺织企业 | asof:2023-09-20 | 320家 | -"]
    # a year that is the period of the opening's own figures still dates the article's undated ones
    facts = facts_of(gazetteer, "曹县纺织产业观察", "2023年上半年,曹县纺织业平稳。\n\n曹县拥有规上纺织企业320家。",
                     _PUBLISHED)
    assert [row_with_unit(f) for f in facts] == ["曹县 | 规上纺织企业 | 2023H1 | 320家 | -"]
