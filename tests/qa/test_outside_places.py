"""Places the gazetteer does not hold (美国, 东京, 长三角) are outside the base: refused as such, and never read
as a follow-up that borrows the last place's figure; the base's own words (城镇 in a metric) are no such place."""

from __future__ import annotations

import pytest

from knowledge.places.abroad import abroad_names, outside_place
from knowledge.places.gazetteer import Gazetteer
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the figures are made up.
ARTICLES = {
    "beijing.txt": "北京经济简报\n发布日期:2024-01-20\n2023年,北京市地区生产总值43760.7亿元,增长5.2%。\n",
    "shanghai.txt": "上海经济简报\n发布日期:2023-07-20\n2023年上半年,上海市地区生产总值21350.4亿元,增长9.7%。\n",
    "linqing.txt": "临清经济简报\n发布日期:2022-02-11\n2021年,临清市地区生产总值406.8亿元,增长8.3%;"
                   "城镇居民人均可支配收入31250元,增长7.1%。\n",
}
FIGURES = ("43760.7", "21350.4", "406.8", "31250")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("outside_places"), ARTICLES)


OUTSIDE = [("美国GDP是多少?", "美国"), ("日本的生产总值是多少", "日本"), ("德国GDP多少", "德国"),
           ("欧盟的生产总值多少", "欧盟"), ("首尔GDP是多少", "首尔"), ("东京GDP多少?", "东京"),
           ("长三角GDP是多少", "长三角"), ("那纽约呢?", "纽约")]
IDS = ["country", "country-with-的", "country-2", "union", "city-not-in-jieba", "city", "jieba-place", "follow-up"]


@pytest.mark.parametrize("question, place", OUTSIDE, ids=IDS)
def test_a_place_outside_the_gazetteer_is_refused_by_name(kb: KnowledgeBase, question: str, place: str) -> None:
    answer = kb.ask(question).answer
    assert not answer.found and f"资料里还没有{place}的数据" in answer.text
    assert not any(figure in body(answer.text) for figure in FIGURES)


@pytest.mark.parametrize("question, place", OUTSIDE, ids=IDS)
def test_a_place_outside_never_borrows_the_last_place(kb: KnowledgeBase, question: str, place: str) -> None:
    first = kb.ask("北京GDP是多少?")
    assert first.answer.found and "43760.7" in body(first.answer.text)
    answer = kb.ask(question, first.state).answer
    assert not answer.found and place in answer.text and "43760.7" not in body(answer.text)


def test_a_word_of_the_base_is_no_place_outside_it(kb: KnowledgeBase) -> None:
    # jieba tags 城镇 as a place name; here it is part of a stored metric, so the follow-up keeps 临清
    first = kb.ask("临清GDP是多少?")
    answer = kb.ask("城镇居民人均可支配收入是多少?", first.state).answer
    assert answer.found and "31250" in body(answer.text) and "临清" in body(answer.text)


def test_a_place_form_that_is_a_whole_word_of_the_question_is_read(kb: KnowledgeBase) -> None:
    # 海上 is a word, so running text would not read 上海 before 上半年; the question's own words settle it
    answer = kb.ask("上海上半年生产总值是多少?").answer
    assert answer.found and "21350.4" in body(answer.text) and "上海" in body(answer.text)


@pytest.mark.parametrize("text, place", [
    ("园区里加工企业有多少家", None), ("美国GDP", "美国"), ("城镇居民收入", None), ("渝东南GDP", None),
], ids=["name-inside-words", "country", "base-word", "scope-word"])
def test_outside_place_reads_whole_words_only(text: str, place: str | None) -> None:
    vocabulary = "城镇居民人均可支配收入\n渝东南"  # what a base's metric names and scopes could hold
    assert outside_place(text, Gazetteer.load(), vocabulary) == place


def test_the_names_abroad_hold_no_place_of_the_gazetteer() -> None:
    gazetteer = Gazetteer.load()
    names = abroad_names()
    assert {"美国", "日本", "欧盟", "东京"} <= names
    assert not [name for name in names if gazetteer.sharing(name)]


@pytest.mark.parametrize("question, place", [("临清和东京哪个GDP高?", "东京"), ("临清GDP是美国的几倍?", "美国")],
                         ids=["which-higher", "how-many-times"])
def test_a_comparison_with_a_place_outside_is_refused(kb: KnowledgeBase, question: str, place: str) -> None:
    answer = kb.ask(question).answer
    assert not answer.found and f"资料里还没有{place}的数据" in answer.text and "406.8" not in body(answer.text)


def test_a_comparison_of_two_places_in_the_base_is_still_made(kb: KnowledgeBase) -> None:
    answer = kb.ask("北京和上海哪个GDP高?").answer
    assert answer.intent == "comparison" and "资料里还没有" not in answer.text


def test_a_place_word_the_articles_talk_about_stays_a_topic(tmp_path_factory: pytest.TempPathFactory) -> None:
    # written for the test: 长三角 is no place of the gazetteer, but this base's sentences are about it
    kb = base_from(tmp_path_factory.mktemp("outside_topic"), {"c.txt": (
        "长三角观察\n发布日期:2023-06-01\n2023年,长三角一体化发展持续推进,苏州市地区生产总值增长5.1%。\n")})
    assert kb.ask("长三角一体化有什么进展?").answer.found
    first = kb.ask("苏州GDP是多少?")
    follow = kb.ask("长三角GDP是多少?", first.state).answer
    assert not follow.found and "5.1%" not in body(follow.text)  # still never read as a follow-up about 苏州


@pytest.mark.parametrize(("question", "kind"), [("哪个城市GDP最高?", "城市"), ("山东哪个城市GDP最高", "城市"),
                                               ("山区的居民收入是多少", "山区")],
                         ids=["which-city", "which-city-of-a-province", "a-kind-of-place"])
def test_a_kind_of_place_is_no_place_outside_the_base(kb: KnowledgeBase, question: str, kind: str) -> None:
    # jieba tags 城市 and 山区 as place names; they name a kind of place, not one the base lacks
    assert f"资料里还没有{kind}的数据" not in kb.ask(question).answer.text
