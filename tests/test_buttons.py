"""What answer buttons keep in PTB's callback cache: only what pressing them shows, never the answer."""

from __future__ import annotations

from datetime import date

from bot.render import sources_html
from handlers.callbacks import RelatedButton, SourcesButton
from knowledge.qa.answer import Answer


def _answer() -> Answer:
    source = {"title": "临清<经济>", "publisher": "临清市统计局", "date": date(2022, 7, 29),
              "snippet": "生产总值140.08亿元", "article_id": 7, "sentence": "x" * 5000}
    return Answer(True, "figure", "临清市 地区生产总值 140.08亿元\n" + "y" * 5000, facts=[{"value": "140.08"}] * 50,
                  sources=[source, {"title": "无出处", "snippet": ""}], suggestions=[f"问题{i}" for i in range(9)])


def test_the_sources_button_keeps_only_the_shown_fields_and_renders_them() -> None:
    button = SourcesButton.of(_answer())
    assert button.sources == (
        (("title", "临清<经济>"), ("publisher", "临清市统计局"), ("date", "2022-07-29"),
         ("snippet", "生产总值140.08亿元")),
        (("title", "无出处"),),
    )
    assert sources_html(button.sources) == ("1. 《临清&lt;经济&gt;》(临清市统计局,2022-07-29)\n“生产总值140.08亿元”\n\n"
                                            "2. 《无出处》\n“”")
    assert sources_html(()) == "这条回答没有引用来源。"


def test_the_related_button_keeps_the_first_five_questions() -> None:
    assert RelatedButton.of(_answer()).questions == ("问题0", "问题1", "问题2", "问题3", "问题4")
