"""Shares whose whole is a metric (占GDP比重: the place's own figure of the same period and unit, the formula
shown) or another place (占全国比重: the words before 占 name the metric asked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.parse import parse_question
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

ARTICLES = {
    "rushan.txt": "乳山市经济简报\n发布日期:2024-02-01\n"
                  "2023年,乳山市实现地区生产总值450.2亿元,增长5.9%;第一产业增加值52.3亿元,增长3.1%。\n",
    "haiyang.txt": "海阳市经济简报\n发布日期:2024-02-02\n2023年,海阳市第三产业增加值180.5亿元,增长6.3%。\n",
    "grain.txt": "粮食生产简报\n发布日期:2023-01-10\n"
                 "2022年,全国粮食总产量68653万吨。2022年,河南省粮食总产量6789.4万吨。\n",
    "summer.txt": "夏粮生产简报\n发布日期:2021-07-20\n"
                  "2021年,全国夏粮总产量14600.4万吨。2021年,安徽省夏粮总产量1700.5万吨。\n"
                  "2021年,安徽省夏粮单位面积产量5880.2公斤/公顷,夏粮播种面积2891.9千公顷。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("own_shares")
    return base_from(folder, ARTICLES)


@pytest.mark.parametrize("question", [
    "乳山2023年第一产业增加值占GDP比重", "乳山2023年一产增加值占地区生产总值的比重是多少"])
def test_a_share_of_the_place_own_total(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    text = body(answer.text)
    assert answer.found and "52.3 ÷ 450.2 = 11.6%" in text


def test_without_the_place_own_total_no_share_is_made(kb: KnowledgeBase) -> None:
    answer = kb.ask("海阳2023年第三产业增加值占GDP比重").answer
    assert not answer.found and "%" not in body(answer.text).replace("6.3%", "")


@pytest.mark.parametrize("question, formula", [
    ("河南2022年粮食产量占全国比重", "6789.4 ÷ 68653 = 9.9%"),
    ("安徽2021年夏粮产量占全国比重", "1700.5 ÷ 14600.4 = 11.6%"),
    ("安徽省2021年夏粮产量占全国的比重是多少", "1700.5 ÷ 14600.4 = 11.6%"),
], ids=["catalogue", "open", "open-worded"])
def test_a_share_of_the_nation(kb: KnowledgeBase, question: str, formula: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and formula in body(answer.text)


@pytest.mark.parametrize("question, words", [
    ("安徽2021年夏粮产量占全国比重", "夏粮产量"),
    ("乳山2023年一产增加值占地区生产总值的比重是多少", "一产增加值"),
])
def test_the_words_before_占_name_the_metric(kb: KnowledgeBase, question: str, words: str) -> None:
    q = parse_question(question, gazetteer=Gazetteer.load(), index=kb.index)
    assert q.wants_share and q.residual == words
