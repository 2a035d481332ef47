"""Counts of a ranking's entries by province or city: stated counts first, else counted, never from a part."""

from __future__ import annotations

import pytest

from knowledge.qa.group_count import asked_group
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: a whole top-10 list, a stated ranking of counts, and a list given only in part.
WHOLE = """2024年度全国县域创新十强发布
发布日期:2024-11-02
2024年度全国县域创新十强名单如下:太仓市、常熟市、昆山市、晋江市、江阴市、龙口市、义乌市、胶州市、张家港市、慈溪市。
"""
STATED = """2023年度县域活力五十强观察
发布日期:2023-12-02
2023年度县域活力五十强中,入选数量前三位的是,浙江15个、江苏12个、山东9个。
"""
PART = """2022年度县域绿色二十强发布
发布日期:2022-12-20
2022年度县域绿色二十强名单如下:昆山市、义乌市、江阴市、慈溪市、龙口市。
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("groups"), {"whole.txt": WHOLE, "stated.txt": STATED, "part.txt": PART})


@pytest.mark.parametrize("question, asked", [
    ("哪个省的百强县最多?", ("100强县", "province", True)),
    ("2017年哪个省的百强县最多", ("100强县", "province", True)),
    ("千亿县最多的是哪个市", ("千亿县", "city", True)),
], ids=["which-province", "with-year", "most-first"])
def test_group_count_questions_are_recognised(question: str, asked: tuple[str, str, bool]) -> None:
    found = asked_group(question)
    assert found is not None and (found[0].replace("百强", "100强"), found[1], found[2]) == asked


def test_a_figure_is_no_group_count() -> None:
    assert asked_group("哪个省的人口最多?") is None  # the most people, not the most entries of a list


def test_a_whole_list_is_counted_by_province(kb: KnowledgeBase) -> None:
    answer = kb.ask("哪个省的创新十强最多?").answer
    text = body(answer.text)
    assert answer.found and "10个入选地区" in text and "最多的是江苏省(5个)" in text
    assert "浙江省2个" in text and "福建省1个" in text


def test_a_stated_ranking_of_counts_answers_first(kb: KnowledgeBase) -> None:
    answer = kb.ask("2023年哪个省的活力五十强最多?").answer
    assert answer.found and "第1名是浙江省" in body(answer.text)


def test_a_list_given_only_in_part_never_says_who_has_most(kb: KnowledgeBase) -> None:
    answer = kb.ask("哪个省的绿色二十强最多?").answer
    assert not answer.found and "不是完整名单" in answer.text
    assert "最多的是" not in answer.text
