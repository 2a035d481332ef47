"""Rank questions worded around a place and a metric: 河北GDP第一名是哪个市 asks a place within 河北 (ranked over
the places covered, never 河北's own figure), and 迁安GDP在唐山排名 / 全市排名 asks 迁安's standing."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

ARTICLES = {
    "hebei.txt": "河北省部分城市经济简报\n发布日期:2024-02-20\n"
                 "2023年,唐山市实现地区生产总值9133.3亿元,增长6.8%。\n"
                 "2023年,石家庄市实现地区生产总值7534.2亿元,增长6.6%。\n"
                 "2023年,沧州市实现地区生产总值4440.6亿元,增长6.5%。\n",
    "qianan.txt": "迁安市经济简报\n发布日期:2024-02-01\n"
                  "2023年,迁安市实现地区生产总值1210.4亿元,增长6.2%,总量居全市首位。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("ranked_asks")
    return base_from(folder, ARTICLES)


@pytest.mark.parametrize("question, first, not_shown", [
    ("2023年河北GDP第一名是哪个市", "唐山市", "石家庄"),
    ("2023年河北省地区生产总值第二名是哪个城市?", "石家庄市", "唐山"),
    ("2023年河北GDP第一名是哪個市", "唐山市", "石家庄"),
], ids=["first", "second", "mixed-script"])
def test_a_position_within_a_place_is_ranked_over_its_places(kb: KnowledgeBase, question: str, first: str,
                                                              not_shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and answer.intent == "computed_ranking"
    text = body(answer.text)
    assert first in text and not_shown not in text and "资料覆盖" in text  # the covered places, said so


@pytest.mark.parametrize("question", ["迁安GDP在唐山排名", "迁安2023年GDP全市排名?"])
def test_a_standing_asked_by_排名_alone(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and answer.intent == "rank_position"
    assert "第1名" in body(answer.text)


def test_a_place_own_figure_is_still_a_figure(kb: KnowledgeBase) -> None:
    answer = kb.ask("迁安2023年GDP是多少").answer
    assert answer.intent == "figure" and "1210.4亿元" in body(answer.text)
