"""Questions and articles in Hong Kong, Macau or Taiwan wording and script: a Traditional article in that
wording is answered like its mainland twin, a question may use the same wording (首三季, 首季), and the quote
keeps the article's own words."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: a made-up Traditional report in Hong Kong news style.
ARTICLES = {
    "zhuhai.txt": "珠海經濟穩中有進\n發佈時間:2024-10-30 09:15\n珠海市首三季地區生產總值錄得3310億元,按年增長3.6%。"
                  "首8個月外貿進出口總額跌幅為2.4%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("regional_questions"), ARTICLES)


@pytest.mark.parametrize("question, shown", [
    ("珠海前三季度GDP是多少", "珠海市 2024年前三季度 地区生产总值 3310亿元,同比增长3.6%"),
    ("珠海首三季GDP是多少", "珠海市 2024年前三季度 地区生产总值 3310亿元,同比增长3.6%"),
    ("珠海首三季地區生產總值是多少", "3310億元"),
    ("珠海1-8月外贸进出口增长多少", "珠海市 2024年1-8月 进出口总额 同比下降2.4%"),
], ids=["mainland-question", "regional-question", "traditional-question", "fall-rate"])
def test_a_regional_article_answers_mainland_and_regional_questions(
        kb: KnowledgeBase, question: str, shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and shown in body(answer.text)


def test_the_quote_keeps_the_articles_own_wording(kb: KnowledgeBase) -> None:
    text = kb.ask("珠海前三季度GDP是多少").answer.text
    assert "原文:“珠海市首三季地区生产总值录得3310亿元,按年增长3.6%。”" in text


def test_a_first_quarter_asked_in_regional_wording_is_not_answered_with_another_period(kb: KnowledgeBase) -> None:
    answer = kb.ask("珠海首季GDP是多少").answer
    assert not answer.found and "1-3月" in answer.text
