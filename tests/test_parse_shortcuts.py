"""The parser's shortcuts (cheap tests before a pattern, a result shared by the stages) change no result.

Sentences are written for these tests; each shortcut is checked both where it skips work and where it must not.
"""

from __future__ import annotations

from knowledge.extract.cnvalues import arabic_values, plain_numbers, rates_first
from knowledge.extract.entities import company_spans
from knowledge.extract.gates import _numbers_and_units
from knowledge.extract.period_clauses import clause_period, clause_span
from knowledge.extract.periods import Period, find_periods
from knowledge.extract.pipeline import parse_in_worker, parse_or_error
from knowledge.text.corpus import RawArticle
from knowledge.text.document import _find_url
from knowledge.text.normalize import strip_pinyin, tidy


def test_number_rewrites_still_apply_where_their_characters_are():
    assert plain_numbers("辖区面积3,512.8平方公里") == "辖区面积3512.8平方公里"
    assert plain_numbers("税收收入418. 6亿元,增长2.3 %") == "税收收入418.6亿元,增长2.3%"
    assert plain_numbers("粮食产量71.5万吨,增长3%") == "粮食产量71.5万吨,增长3%"
    assert rates_first("出口以9.4%的增速领跑") == "出口增长9.4%领跑"
    assert rates_first("出口增长9.4%,领跑全省") == "出口增长9.4%,领跑全省"
    assert arabic_values("新增企业三百二十一家") == "新增企业321家"
    assert arabic_values("全县五分之一的村") == "全县20%的村"
    assert arabic_values("吸引游客逾万人") == "吸引游客逾1万人"
    assert arabic_values("外贸总额跨过百亿元台阶") == "外贸总额跨过100亿元台阶"
    assert arabic_values("常住人口达46万,") == "常住人口达46万人,"
    assert arabic_values("工业增加值增长6.8%") == "工业增加值增长6.8%"


def test_companies_are_found_only_behind_a_legal_suffix():
    text = "落户的蓝海智造有限公司投产,新建厂房两座"
    assert [text[a:b] for a, b in company_spans(text)] == ["蓝海智造有限公司"]
    assert company_spans("全市新建厂房两座,投资12亿元") == []


def test_text_cleaning_shortcuts():
    assert tidy("增长5%\u3000\u3000全年 \n") == "增长5%  全年\n"
    assert tidy("增长5%。\n全年") == "增长5%。\n全年"
    assert strip_pinyin("甲〓〓乙") == "甲〓乙"
    assert _find_url("详见 https://tjj.example.cn/a/1.html 。") == "https://tjj.example.cn/a/1.html"
    assert _find_url("详见 www.example.cn 。") == "www.example.cn"
    assert _find_url("详见统计局网站。") is None


def test_a_clause_span_given_its_period_is_the_one_found_without():
    text = "这五年,全区累计完成投资860亿元,年均增长7.2%"
    periods = find_periods(text, published=None, default_year=2025)
    fallback = Period("year", 2025, 1, 12)
    for start, end in ((0, 4), (5, 18), (19, len(text))):
        period = clause_period(text, periods, start, end, fallback)
        assert clause_span(text, periods, start, end, fallback, period) \
            == clause_span(text, periods, start, end, fallback)


def test_numbers_with_units_are_listed_once_per_sentence():
    assert _numbers_and_units("新建学校12所,新增学位3.5万个,年份2024年") == ((7, "12"), (17, "3.5"))


def test_a_pool_worker_sends_back_the_facts_without_the_raw_lines(gazetteer):
    body = "2024年,莘县地区生产总值完成268.4亿元,增长5.6%。\n规上工业增加值增长7.1%。\n"
    raw = RawArticle("shortcut.txt", body.encode())
    whole, sent = parse_or_error(raw, gazetteer), parse_in_worker(raw)
    assert not isinstance(whole, Exception) and not isinstance(sent, Exception)
    assert whole.doc.lines and sent.doc.lines == [] and sent.doc.reading_lines == []
    assert sent.facts == whole.facts and sent.doc.sentences == whole.doc.sentences
    assert sent.doc.text == whole.doc.text
