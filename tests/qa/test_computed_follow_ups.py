"""第二名呢? / 最后一名是谁? / 倒数第一 after a ranking computed over the base continue that ranking; 排第几 with
no ranking stated is the place's position among the places covered."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: three counties of one city, and the city itself.
ARTICLE = ("德州县域简报\n发布日期:2023-02-20\n2022年,乐陵市地区生产总值312.4亿元,同比增长5.1%。"
           "禹城市地区生产总值348.9亿元,同比增长4.2%。庆云县地区生产总值121.6亿元,增长6.3%。"
           "德州市地区生产总值3633.2亿元,增长4.8%。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("computed_follow"), {"dezhou.txt": ARTICLE})


@pytest.mark.parametrize("first, then, shown, not_shown", [
    ("德州哪个县GDP最高?", "第二名呢?", "第2名是乐陵市(312.4亿元)", "禹城市(348.9"),
    ("德州哪个县GDP最高?", "最后一名是谁?", "最后一名是庆云县(121.6亿元)", "乐陵市("),
    ("德州哪个县GDP最高?", "倒数第一", "最后一名是庆云县", "禹城市("),
    ("德州哪个县GDP增速最快?", "第二名呢?", "增速第2名是乐陵市(5.1%)", "312.4"),
    ("德州各县GDP排名", "第三名是哪个?", "第3名是庆云县", "乐陵市("),
    ("德州哪个县GDP最高?", "倒数第二名是谁?", "倒数第2名是乐陵市(312.4亿元)", "禹城市("),
], ids=["second", "last", "last-from-bottom", "second-by-growth", "third-of-list", "second-from-bottom"])
def test_a_place_in_a_computed_ranking(kb: KnowledgeBase, first: str, then: str, shown: str, not_shown: str) -> None:
    state = kb.ask(first).state
    answer = kb.ask(then, state).answer
    text = body(answer.text)
    assert answer.found and shown in text and not_shown not in text
    assert "在资料覆盖的3个" in text and "2022年" in text


def test_a_place_beyond_the_computed_ranking_is_said_to_be_missing(kb: KnowledgeBase) -> None:
    state = kb.ask("德州哪个县GDP最高?").state
    answer = kb.ask("第五名呢?", state).answer
    assert not answer.found and "没有第5名" in answer.text


@pytest.mark.parametrize("question, shown", [
    ("乐陵GDP在德州排第几?", "在资料覆盖的3个德州市下辖县(市、区)中,2022年地区生产总值乐陵市排第2名(312.4亿元)"),
    ("庆云县GDP增速在全市排第几", "2022年地区生产总值增速庆云县排第1名(6.3%)"),
], ids=["within-the-city-named", "growth-within-its-city"])
def test_a_position_computed_over_the_places_covered(kb: KnowledgeBase, question: str, shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and shown in body(answer.text) and "未覆盖的地区不在其中" in answer.text


def test_no_position_is_computed_among_the_nations_places(kb: KnowledgeBase) -> None:
    answer = kb.ask("乐陵GDP在全国排第几?").answer
    assert not answer.found and "排第" not in answer.text


def test_another_place_after_a_computed_ranking_gets_that_places_figure(kb: KnowledgeBase) -> None:
    state = kb.ask("德州哪个县GDP最高?").state
    answer = kb.ask("那庆云呢?", state).answer
    assert answer.found and body(answer.text).startswith("庆云县 2022年 地区生产总值 121.6亿元")


@pytest.mark.parametrize("text, expected", [
    ("第二名是谁", 2), ("最后一名是谁", -1), ("倒数第一", -1), ("倒数第三名呢", -3), ("倒数第2", -2), ("冠军是谁", 1),
], ids=["second", "last", "last-from-bottom", "third-from-bottom", "digits-from-bottom", "champion"])
def test_the_position_asked(text: str, expected: int) -> None:
    from knowledge.qa.classify import position

    assert position(text) == expected
