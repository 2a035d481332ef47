"""The date of an HTML article comes from its markup, never from a guess."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.text.corpus import ArticleMeta, html_to_text

pytest.importorskip("trafilatura")

BODY = ("<p>今年前三季度,示例市实现地区生产总值812.4亿元,同比增长5.3%,增速比上半年加快0.4个百分点。</p>"
        "<p>示例市规模以上工业增加值同比增长7.1%,社会消费品零售总额增长4.6%,固定资产投资增长3.9%。</p>"
        "<p>全市城乡居民人均可支配收入稳步提高,其中农村居民收入增速快于城镇居民1.2个百分点。</p>")


def test_a_page_that_states_no_date_gets_none_not_a_day_from_an_image_address() -> None:
    meta = ArticleMeta()
    image = '<img src="https://img.example.cn/news/20190318/5521873.png">'
    text = html_to_text(f"<html><body><article>{BODY}{image}</article></body></html>", meta)
    assert "812.4亿元" in text
    assert meta.published is None


def test_a_page_whose_metadata_states_a_date_keeps_it() -> None:
    meta = ArticleMeta()
    head = '<head><meta property="article:published_time" content="2023-10-27T09:30:00+08:00"></head>'
    html_to_text(f"<html>{head}<body><article>{BODY}</article></body></html>", meta)
    assert meta.published == date(2023, 10, 27)
