"""Answers are honest about the period: another period's figure is offered as such, never passed off."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one county, two half-years.
ARTICLES = {
    "a2022.txt": "临清经济简报\n发布日期:2022-07-30\n2022年上半年,临清市实现地区生产总值140.1亿元,同比增长4.0%。\n",
    "a2023.txt": "临清经济简报\n发布日期:2023-07-30\n2023年上半年,临清市实现地区生产总值152.6亿元,同比增长5.5%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("periods")
    return base_from(folder, ARTICLES)



def test_a_missing_period_is_said_first_and_the_nearest_is_labelled(kb: KnowledgeBase) -> None:
    answer = kb.ask("临清2021年上半年生产总值是多少?").answer
    first = body(answer.text).splitlines()[0]
    assert not answer.found
    assert first.startswith("资料中没有临清市2021年上半年的地区生产总值数据")
    assert "最近的是2022年上半年" in first and "140.1亿元" in first
    assert answer.sources  # the offered figure is cited


def test_latest_means_the_newest_period_in_the_base_and_says_which(kb: KnowledgeBase) -> None:
    lines = body(kb.ask("临清目前生产总值是多少?").answer.text).splitlines()
    assert "最新的数据是2023年上半年" in lines[0]
    assert "152.6亿元" in lines[1] and "140.1" not in lines[1]  # older periods only after, labelled


def test_last_year_in_a_follow_up_counts_from_the_conversations_period(kb: KnowledgeBase) -> None:
    first = kb.ask("临清2023年上半年GDP是多少?")
    assert "152.6亿元" in body(first.answer.text)
    follow = kb.ask("去年呢?", first.state).answer
    text = body(follow.text)
    assert follow.found and "2022年上半年" in text and "140.1亿元" in text and "152.6" not in text


def test_a_bare_half_year_settles_to_the_period_shown(kb: KnowledgeBase) -> None:
    first = kb.ask("临清上半年GDP是多少?")
    assert "2023年上半年" in body(first.answer.text)
    assert "2022年上半年" in body(kb.ask("去年呢?", first.state).answer.text)


def test_a_growth_asked_of_a_period_without_one_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("no_growth"), {**ARTICLES, "a2021.txt": (
        "临清经济简报\n发布日期:2022-01-30\n2021年,临清市实现地区生产总值290.4亿元。\n")})
    answer = kb.ask("临清2021年GDP增速是多少?").answer
    assert not answer.found and "增速" in answer.text and "290.4" not in answer.text
    newest = body(kb.ask("临清GDP增速是多少?").answer.text)  # no period asked: the newest with a growth rate
    assert "5.5%" in newest and "2023年上半年" in newest


def test_a_plan_period_is_answered_by_its_years_together_never_by_its_last(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("plan_period"), {"plan.txt": (
        "临清市政府工作报告\n发布日期:2026-01-20\n“十四五”期间,临清市累计实施重点项目320个。"
        "2025年,临清市实现地区生产总值330.2亿元,同比增长5.1%。\n")})
    projects = body(kb.ask("临清十四五期间实施了多少个重点项目?").answer.text)
    assert "320个" in projects and "2021-2025年" in projects
    gdp = kb.ask("临清十四五期间GDP是多少?").answer
    assert not gdp.found and "2021-2025年" in gdp.text


# Written for the test: one list of one year.
LIST = ("2021年度县域商贸十强发布\n发布日期:2021-12-10\n"
        "2021年度县域商贸十强名单如下:义乌市、昆山市、晋江市、江阴市、慈溪市、常熟市、龙口市、胶州市、太仓市、荣成市。\n")


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("list_periods"), {"list.txt": LIST})


@pytest.mark.parametrize("question, first, found", [
    ("2023年度县域商贸十强名单", "资料中没有2023年的这份名单;资料里的是2021年的:", False),
    ("2023年县域商贸十强第一名是谁?", "资料中没有2023年的这份名单;资料里的是2021年的:", False),
    ("最新的县域商贸十强有哪些", "资料中这份名单最新的是2021年的:", True),
], ids=["other-year", "other-year-position", "latest"])
def test_a_list_of_another_period_is_said_to_be_so_first(listed: KnowledgeBase, question: str, first: str,
                                                         found: bool) -> None:
    answer = listed.ask(question).answer
    assert body(answer.text).splitlines()[0] == first and answer.found is found
    assert "义乌市" in answer.text


def test_a_list_of_the_period_asked_is_shown_as_it_is(listed: KnowledgeBase) -> None:
    answer = listed.ask("2021年县域商贸十强名单").answer
    assert answer.found and "资料中" not in body(answer.text) and "义乌市" in answer.text
