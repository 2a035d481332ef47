"""Rank questions are answered from rank claims about the metric asked (增速列全市第二位), with the period of
the claim's figures, and refused when no claim or ranking is about that metric."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one county, a rank claim on each of two metrics.
ARTICLE = ("高唐经济简报\n发布日期:2023-02-10\n2022年,高唐县地区生产总值312.4亿元,同比增长5.2%,增速列全市第二位。"
           "高唐县一般公共预算收入15.6亿元,总量位居全市第三。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("claims"), {"gaotang.txt": ARTICLE})


@pytest.mark.parametrize("question, rank, other", [
    ("高唐县GDP增速在全市排第几?", "第2名", "第3名"),
    ("高唐县一般公共预算收入全市排第几?", "第3名", "第2名"),
], ids=["growth", "revenue"])
def test_the_rank_of_the_metric_asked(kb: KnowledgeBase, question: str, rank: str, other: str) -> None:
    answer = kb.ask(question).answer
    text = body(answer.text)
    assert answer.found and rank in text and other not in text
    assert "2022年" in text and "高唐县" in text  # the place and the period of the claim's figures
    assert answer.sources


def test_no_rank_for_a_metric_no_claim_is_about(kb: KnowledgeBase) -> None:
    answer = kb.ask("高唐县粮食产量排第几?").answer
    assert not answer.found and "第2" not in answer.text and "第3" not in answer.text


def test_a_national_rank_is_not_a_city_rank(kb: KnowledgeBase) -> None:
    assert not kb.ask("高唐县GDP增速在全国排第几?").answer.found


def test_a_rank_follow_up_keeps_the_place_and_metric(kb: KnowledgeBase) -> None:
    first = kb.ask("高唐县2022年GDP是多少?")
    follow = kb.ask("增速在全市排第几?", first.state).answer
    assert follow.found and "第2名" in body(follow.text)


def test_a_claim_takes_the_year_its_sentence_gives_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("claim_year"), {"pingyuan.txt": (
        "平原县发展回顾\n发布日期:2021-12-30\n2020年,平原县地区生产总值250.3亿元。"
        "截至2019年,平原县在全国县域竞争力排名由第120位上升至第88位。\n")})
    text = body(kb.ask("平原县全国县域竞争力排第几?").answer.text)
    assert "第88名" in text and "2019年" in text and "2020年" not in text


def test_a_rank_of_unknown_period_says_so_when_a_period_is_asked(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("claim_undated"), {"yucheng.txt": (
        "禹城快讯\n禹城县域经济综合实力位居全市第二。\n")})
    text = body(kb.ask("禹城上半年县域经济综合实力全市排第几?").answer.text)
    assert "第2名" in text and "未注明" in text
