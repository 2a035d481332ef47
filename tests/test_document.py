"""Dates read from article text: one safe_date for the document header and the publication-date guess."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import infer_published, parse_article
from knowledge.text.corpus import ArticleMeta, RawArticle
from knowledge.text.document import build_document, safe_date
from knowledge.text.normalize import clean_text


@pytest.mark.parametrize(("ymd", "expected"), [((2024, 2, 29), date(2024, 2, 29)), ((2023, 2, 29), None),
                                               ((2024, 13, 1), None), ((2024, 4, 31), None)],
                         ids=["leap-day", "no-leap-day", "month-13", "april-31"])
def test_safe_date_is_none_for_days_that_do_not_exist(ymd: tuple[int, int, int], expected: date | None) -> None:
    assert safe_date(*ymd) == expected


def test_infer_published_skips_an_impossible_full_date() -> None:
    # Written for this test: the impossible 2月30日 must not hide the real, earlier date.
    doc = build_document(clean_text("某县召开会议\n\n2024年2月30日有误。会议于2024年1月15日召开。\n"))
    assert infer_published(doc) == (date(2024, 1, 15), "latest full date in the text")


def test_an_address_kept_with_the_text_dates_an_article_without_a_date_line() -> None:
    doc = build_document(clean_text("某县经济运行平稳\n\n原文链接:http://news.example.cn/jj/2021-01-27/detail-88.shtml\n"
                                    "今年一季度全县生产总值增长5%。\n"))
    assert (doc.published, doc.date_rule) == (date(2021, 1, 27), "date in the page address")


def test_a_date_line_wins_over_the_address() -> None:
    doc = build_document(clean_text("某县经济运行平稳\n\n发布日期:2021-02-03\n"
                                    "原文链接:http://news.example.cn/jj/2021-01-27/detail-88.shtml\n今年一季度全县生产总值增长5%。\n"))
    assert doc.published == date(2021, 2, 3)


def test_an_address_without_its_scheme_dates_the_article_too() -> None:
    doc = build_document(clean_text("某县经济运行平稳\n\n原文:www.example.gov.cn/art/2019/4/24/art_1_2.html\n"
                                    "一季度全县生产总值增长5%。\n"))
    assert doc.published == date(2019, 4, 24)


def test_a_day_before_the_end_of_the_period_reported_is_the_next_years() -> None:
    # Written for this test: the results of 2022's first three quarters cannot be published on 8 January 2022.
    doc = build_document(clean_text("某市经济综述\n\n1月8日,某市召开经济工作会议。"
                                    "2022年前三季度,全市实现地区生产总值412.6亿元,同比增长4.1%。\n"))
    assert infer_published(doc)[0] == date(2023, 1, 8)


def test_a_day_after_the_period_reported_keeps_its_year() -> None:
    doc = build_document(clean_text("某市经济综述\n\n10月21日,某市发布数据。"
                                    "2022年前三季度,全市实现地区生产总值412.6亿元,同比增长4.1%。\n"))
    assert infer_published(doc)[0] == date(2022, 10, 21)


def test_a_forecast_for_the_year_does_not_move_the_day() -> None:
    doc = build_document(clean_text("某市经济综述\n\n2月3日,某市召开会议。"
                                    "2022年全年全市地区生产总值预计增长5%左右。\n"))
    assert infer_published(doc)[0] == date(2022, 2, 3)


def test_the_address_in_an_articles_metadata_dates_it_when_the_text_does_not(gazetteer) -> None:
    # Written for this test: the text names no day; the manifest's address does.
    meta = ArticleMeta(title="某县经济运行", url="https://www.example.gov.cn/xxgk/2023/0412/c88.html")
    body = "一季度,某县规模以上工业增加值同比增长6.4%。".encode()
    parsed = parse_article(RawArticle("a.txt", body, meta), gazetteer)
    assert (parsed.doc.published, parsed.doc.date_rule) == (date(2023, 4, 12), "date in the page address")


def test_trailing_outlet_and_editor_lines_are_credits_but_a_closing_list_of_names_is_text() -> None:
    body = "2023年全省县域经济排名前三的县如下。\n"
    credited = build_document(clean_text(body + "(某某网 王五)\n大河日报\n编辑 李四\n", "utf-8"))
    assert "大河日报" not in credited.text and "李四" not in credited.text and credited.publisher == "某某网"
    listed = build_document(clean_text(body + "第一 昆山市\n第二 江阴市\n张家港市\n", "utf-8"))
    assert "张家港市" in listed.text and "江阴市" in listed.text and not listed.publisher
