"""Shares: 占全省多少 answers with the share stated beside the figure, for the whole asked, or computes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test.
ARTICLES = {
    "zibo.txt": "淄博氢能简报\n发布日期:2024-12-30\n截至2024年底,淄博市氢能企业有54家,占全省总数的19.4%。\n",
    "shandong.txt": ("山东经济简报\n发布日期:2024-01-30\n2023年,山东省地区生产总值92069亿元,增长6.0%。\n"
                     "2023年,淄博市地区生产总值4561.8亿元,增长5.2%。\n"
                     "2023年,潍坊市地区生产总值7606.1亿元,增长6.1%。\n"
                     "2023年,全国国内生产总值1260582亿元,增长5.2%。\n"),
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("shares")
    return base_from(folder, ARTICLES)



def test_a_stated_share_answers_the_follow_up_for_the_same_whole(kb: KnowledgeBase) -> None:
    first = kb.ask("淄博氢能企业有多少家?")
    assert "54家" in body(first.answer.text)
    follow = kb.ask("占全省多少?", first.state).answer
    assert follow.found and "19.4%" in body(follow.text) and "淄博市" in body(follow.text)


def test_a_share_of_another_whole_is_never_passed_off(kb: KnowledgeBase) -> None:
    first = kb.ask("淄博氢能企业有多少家?")
    follow = kb.ask("占全国多少?", first.state).answer
    assert not follow.found and "19.4" not in body(follow.text) and "全国" in body(follow.text)


def test_a_share_is_computed_from_the_wholes_figure_of_the_same_period(kb: KnowledgeBase) -> None:
    answer = kb.ask("淄博2023年GDP占全省多少?").answer
    text = body(answer.text)
    assert answer.found and "4561.8 ÷ 92069 = 5.0%" in text
    assert len(answer.sources) == 2  # both figures cited


def test_a_share_of_the_nation_is_a_share_every_place_is_part_of(kb: KnowledgeBase) -> None:
    first = kb.ask("淄博2023年GDP是多少?")
    answer = kb.ask("占全国多少?", first.state).answer
    text = body(answer.text)
    assert answer.found and "占全国的比重:4561.8 ÷ 1260582 = 0.4%" in text and "不是占比" not in text


def test_a_stored_share_metric_answers_a_sector_abbreviation(tmp_path: Path) -> None:
    base = base_from(tmp_path, {"y.txt": "阳城县2020年统计公报\n发布日期:2021-03-20\n2020年,全县地区生产总值244.6亿元,"
                                         "增长6.8%。三次产业结构为6.1:58.3:35.6。\n"})
    text = body(base.ask("阳城二产占GDP比重是多少?").answer.text)
    assert "第二产业占比 58.3%" in text and "244.6" not in text


def test_a_follow_up_naming_an_unknown_metric_never_gets_the_previous_one(kb: KnowledgeBase) -> None:
    first = kb.ask("淄博2023年GDP是多少?")
    answer = kb.ask("居民收入呢?", first.state).answer
    assert not answer.found and "4561.8" not in answer.text and "居民收入" in answer.text


def test_a_share_of_a_place_named_is_of_that_place(kb: KnowledgeBase) -> None:
    text = body(kb.ask("淄博2023年GDP占山东多少?").answer.text)
    assert "占山东省的比重:4561.8 ÷ 92069 = 5.0%" in text


def test_a_place_named_that_does_not_hold_the_part_gives_a_proportion_not_a_share(kb: KnowledgeBase) -> None:
    answer = kb.ask("淄博2023年GDP占潍坊多少?").answer
    text = body(answer.text)
    assert "7606.1亿元" in text and "4561.8 ÷ 7606.1 = 60.0%" in text and "这不是占比" in text
    assert "92069" not in text and "占山东省的比重" not in text
