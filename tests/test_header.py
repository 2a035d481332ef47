"""Header lines read as metadata: dates in every common form, publisher and author lines, bylines and
datelines whose place is no subject, captions, and share bars that never take the body with them.

Every line here is written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.text.document import build_document
from knowledge.text.header import (
    HeaderMeta,
    caption_metadata,
    date_in_url,
    is_caption,
    read_header_line,
    strip_dateline,
)
from knowledge.text.normalize import clean_text

BODY = "全县实现地区生产总值120.5亿元,比上年增长5.1%,经济运行总体平稳。"

DATE_LINES = [
    ("2021-03-15 09:20:11", date(2021, 3, 15)),
    ("发布日期:2021-11-30", date(2021, 11, 30)),
    ("• 发布日期 2021-11-30", date(2021, 11, 30)),
    ("(2020年3月23日)", date(2020, 3, 23)),
    ("——2020年1月9日在某市第十五届人大第三次会议上", date(2020, 1, 9)),
    ("(2018年12月26日在某县第十五届人大第三次会议上)", date(2018, 12, 26)),
    ("Mon, 04 Apr 2022 02:15:24 GMT", date(2022, 4, 4)),
    ("2022/07/28 09:42   来源:某某新闻网", date(2022, 7, 28)),
    ("2024-06-11 16:40 | 稿件来源:某某通讯社", date(2024, 6, 11)),
    ("发布时间:2022-04-11 15:09信息来源:某县统计局", date(2022, 4, 11)),
    ("2017年12月7日 07:47 来源: 某某网 作者: 张三", date(2017, 12, 7)),
    ("某某晚报 2021-01-19 05:12", date(2021, 1, 19)),
    ("来源:某某日报 2024-10-25", date(2024, 10, 25)),  # the outlet, then its day
    ("2022年05月01日 10:20 某某日报", date(2022, 5, 1)),  # the day, then the outlet
    ("2020年8月5日 星期三", date(2020, 8, 5)),  # the day and its weekday
    ("2023-06-12 15:30 发布于某省", date(2023, 6, 12)),  # the poster's place is no part of the text
    ("[ 2021-03-01 ]", date(2021, 3, 1)),
]


@pytest.mark.parametrize(("line", "day"), DATE_LINES, ids=[f"date-{i}" for i in range(len(DATE_LINES))])
def test_a_date_line_in_any_common_form_is_metadata_with_its_day(line: str, day: date) -> None:
    meta = HeaderMeta()
    assert read_header_line(line, meta)
    assert meta.date_label == day


SOURCE_LINES = [
    ("来源:某某日报", "某某日报"),
    ("信息来源:某县人民政府", "某县人民政府"),
    ("• 发布机构 某县统计局", "某县统计局"),
    ("本文转自:某某客户端", "某某客户端"),
    ("2024-06-11 16:40 | 稿件来源:某某通讯社", "某某通讯社"),
    ("某某晚报 2021-01-19 05:12", "某某晚报"),  # an outlet and its day, unlabelled
    ("2021-03-01 09:00 某某新闻网", "某某新闻网"),
]


@pytest.mark.parametrize(("line", "publisher"), SOURCE_LINES, ids=[f"source-{i}" for i in range(len(SOURCE_LINES))])
def test_a_source_line_names_the_publisher(line: str, publisher: str) -> None:
    meta = HeaderMeta()
    assert read_header_line(line, meta)
    assert meta.publisher == publisher


def test_a_title_sharing_its_line_with_the_date_is_kept_as_the_title() -> None:
    meta = HeaderMeta()
    assert read_header_line("某市渔业经济一季度开门红 发布日期:2019-04-24 17:19 信息来源:某市人民政府", meta)
    assert (meta.title, meta.date_label, meta.publisher) == ("某市渔业经济一季度开门红", date(2019, 4, 24),
                                                             "某市人民政府")


@pytest.mark.parametrize("line", ["作者 李四", "《某某周刊》记者 王五 | 北京报道", "• 索引号 abc/2021-0001",
                                  "编辑:赵六"],
                         ids=["author", "reporter-and-place", "index-number", "editor"])
def test_author_and_index_lines_are_metadata(line: str) -> None:
    assert read_header_line(line, HeaderMeta())


@pytest.mark.parametrize("line", [
    "2023年1月5日,全县召开经济工作会议,部署全年任务。",
    "会议强调,要把握时间节点,确保项目按期完工。",
    BODY,
    "全县经济运行平稳 2023年1月5日召开会议",  # a day inside a sentence, words after it
    "2023年1月5日 全县召开经济会议",  # a day, then words that name no outlet
], ids=["sentence-opening-with-a-day", "word-时间-in-a-sentence", "plain-sentence", "day-then-words",
        "day-then-sentence"])
def test_a_sentence_is_not_a_header_line(line: str) -> None:
    assert not read_header_line(line, HeaderMeta())


@pytest.mark.parametrize(("line", "rest"), [
    ("某某网济南12月6日消息(记者张三)今年前三季度,全省县域经济平稳。", "今年前三季度,全省县域经济平稳。"),
    ("某新社北京11月1日电 全国31省份数据出炉。", "全国31省份数据出炉。"),
    ("截至12月31日电网投资完成80亿元。", "截至12月31日电网投资完成80亿元。"),
], ids=["outlet-dateline", "dateline-with-space", "no-dateline"])
def test_an_outlets_dateline_is_cut_from_the_first_sentence(line: str, rest: str) -> None:
    assert strip_dateline(line) == rest


@pytest.mark.parametrize(("line", "caption"), [
    ("某港通讯社图片", True), ("记者 张三 摄", True), ("新华社记者 李四 摄影", True),
    ("电影在某县拍摄", False), ("全县粮食生产再获丰收", False),
], ids=["outlet-picture", "photographer", "photography", "verb-拍摄", "heading"])
def test_a_short_line_crediting_a_picture_is_a_caption(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


def test_header_lines_and_captions_leave_the_body_and_fill_the_metadata() -> None:
    text = "\n".join(["某县经济运行稳中有进", "2021-03-15 09:20:11 来源:某县统计局", "(资料图片)", "", BODY])
    doc = build_document(clean_text(text))
    assert (doc.title, doc.published, doc.publisher) == ("某县经济运行稳中有进", date(2021, 3, 15), "某县统计局")
    assert [s.text for s in doc.sentences] == ["某县经济运行稳中有进", BODY]


@pytest.mark.parametrize("bar", ["分享到:微信 微博", "相关阅读", "扫一扫在手机打开当前页"],
                         ids=["share-bar", "related-reading", "scan-code"])
def test_a_share_bar_before_the_body_never_drops_the_body(bar: str) -> None:
    lines = ["某县经济运行稳中有进", bar, "", BODY, "", "相关阅读", "另一篇文章的标题"]
    doc = build_document(clean_text("\n".join(lines)))
    texts = [s.text for s in doc.sentences]
    assert BODY in texts
    assert "另一篇文章的标题" not in texts  # after the body, the same marker still ends it


@pytest.mark.parametrize(("url", "day"), [
    ("http://news.example.cn/jj/2021-01-27/detail-88.shtml", date(2021, 1, 27)),
    ("http://www.example.gov.cn/art/2019/4/24/art_1_2.html", date(2019, 4, 24)),
    ("http://paper.example.com/c/2023/0811/4532.html", date(2023, 8, 11)),
    ("http://sd.example.com/yw/202112/t20211224_30083.htm", date(2021, 12, 24)),
    ("https://epaper.example.cn/content/20151207/A01.htm", date(2015, 12, 7)),
    ("https://m.example.net/news/201808/7970641.html", None),  # a month alone names no day
    ("https://m.example.com/news/1730944160194940.shtml", None),  # a timestamp, not a date
    ("http://a.example.cn/20201399/x.html", None),  # no such day
    ("http://2019-04-24.example.cn/x.html", None),  # a host name's digits are no date
], ids=["dashes", "slashes", "year-then-day", "t-prefix", "eight-digits", "month-only", "timestamp",
        "no-such-day", "host"])
def test_the_day_a_page_address_names(url: str, day: date | None) -> None:
    assert date_in_url(url) == day


def test_a_reports_venue_is_kept_from_its_date_line() -> None:
    meta = HeaderMeta()
    assert read_header_line("——2024年1月12日在某市第十八届人民代表大会第三次会议上", meta)
    assert (meta.date_label, meta.venue) == (date(2024, 1, 12), "某市第十八届人民代表大会第三次会议")


def test_a_venue_line_without_its_day_is_metadata() -> None:
    meta = HeaderMeta()
    assert read_header_line("——在某县第十七届人民代表大会第二次会议上", meta)
    assert (meta.date_label, meta.venue) == (None, "某县第十七届人民代表大会第二次会议")
    assert not read_header_line("会议强调,要在全县范围内开展大会战,确保目标完成。", HeaderMeta())


@pytest.mark.parametrize(("caption", "day", "url"), [
    ("2019-10-28", date(2019, 10, 28), None),
    ("发布于2021年12月24日", date(2021, 12, 24), None),
    ("来源:https://example.cn/news/2023/0811/4532.html。", None, "https://example.cn/news/2023/0811/4532.html"),
    ("(http://example.cn/a/b.htm) 2020.3.23", date(2020, 3, 23), "http://example.cn/a/b.htm"),
    ("县统计局发的", None, None),
    (None, None, None),
], ids=["iso", "chinese", "address-only", "address-and-day", "no-metadata", "no-caption"])
def test_an_uploads_caption_gives_its_day_and_address(caption: str | None, day: date | None,
                                                       url: str | None) -> None:
    # the address's own digits (2023/0811) are the page's, not a day the uploader gave
    assert caption_metadata(caption) == (day, url)
