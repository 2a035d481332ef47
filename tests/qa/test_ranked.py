"""Lists and rankings found by their title, period and scope; a list question naming a metric included."""

from __future__ import annotations

import pytest

from knowledge.qa.ranked import normalized_title
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: two provinces' lists of big cities.
ARTICLES = {
    "gd.txt": "广东城市简报\n发布日期:2022-02-10\n"
              "2021年,广东省GDP过万亿元的城市共有4个,分别是深圳、广州、佛山、东莞。\n",
    "js.txt": "江苏城市简报\n发布日期:2022-02-12\n"
              "2021年,江苏省GDP超万亿元的城市共有5个,分别是苏州、南京、无锡、南通、常州。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("lists"), ARTICLES)


def test_a_list_question_with_a_metric_answers_the_province_named(kb: KnowledgeBase) -> None:
    text = body(kb.ask("广东有哪几个GDP过万亿的城市?").answer.text)
    assert "深圳" in text and "东莞" in text
    assert "苏州" not in text  # another province's list
    other = body(kb.ask("江苏GDP超万亿的城市有哪些?").answer.text)
    assert "苏州" in other and "深圳" not in other  # two lists of one title: the one of the place asked


@pytest.mark.parametrize("text, normal", [("赛迪百强县", "赛迪100强县"), ("150到200亿元", "150-200亿元"),
                                          ("GDP十强", "gdp10强")])
def test_titles_and_questions_are_spelled_alike(text: str, normal: str) -> None:
    assert normalized_title(text) == normal


def test_a_list_whose_numbers_differ_is_not_the_one_asked(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("bands"), {
        "dz.txt": "德州县域简报\n发布日期:2015-03-02\n"
                  "2014年,德州市GDP总量在150-200亿元的县有3个,分别是宁津、夏津、武城。\n"})
    listed = body(kb.ask("德州GDP在150到200亿元之间的县有哪些?").answer.text)
    assert "宁津" in listed and "武城" in listed
    other = kb.ask("德州GDP过1000亿元的县有哪些?").answer
    assert "宁津" not in body(other.text)  # 过1000亿 is another band


def test_ranked_places_are_shown_by_their_full_names(kb: KnowledgeBase) -> None:
    text = body(kb.ask("广东有哪几个GDP过万亿的城市?").answer.text)
    assert all(f"{name}市" in text for name in ("深圳", "广州", "佛山", "东莞"))  # the article wrote 深圳, 广州…


def test_the_first_entries_asked_of_an_ordered_ranking(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("top"), {"top.txt": (
        "县域榜单简报\n发布日期:2018-01-05\n2017年全省县域制造业排名前五位的依次是:昆山市、江阴市、即墨市、晋江市、慈溪市。\n")})
    text = body(kb.ask("2017年县域制造业排名前三名是哪些?").answer.text)
    assert "昆山市" in text and "即墨市" in text and "晋江市" not in text  # 即墨市 as the ranking wrote it
