"""knowledge/qa/lookup.py: the stored metric a question means, with the period asked taken into account."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one county whose count of firms is worded differently in two years, and whose urban
# income is stored for a year its all-resident income is not.
ARTICLES = {
    "a2019.txt": "冠县年度简报\n发布日期:2020-02-20\n2019年,冠县有效高新技术企业41家。"
                 "2019年,冠县城镇居民人均可支配收入26543元,增长7.1%。\n",
    "a2021.txt": "冠县年度简报\n发布日期:2022-02-20\n2021年,冠县高新技术企业达到58家。"
                 "2021年,冠县居民人均可支配收入21876元,增长8.2%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("lookup")
    return base_from(folder, ARTICLES)


def test_the_name_asked_answers_its_own_period(kb: KnowledgeBase) -> None:
    answer = kb.ask("冠县2021年高新技术企业有多少家?").answer
    assert answer.found and "58家" in body(answer.text) and "41" not in body(answer.text)


def test_a_close_name_answers_a_period_the_name_asked_lacks(kb: KnowledgeBase) -> None:
    answer = kb.ask("冠县2019年高新技术企业有多少家?").answer
    text = body(answer.text)
    assert answer.found and "41家" in text and "2019年" in text and "58" not in text


def test_a_narrower_name_never_stands_in_for_a_missing_period(kb: KnowledgeBase) -> None:
    answer = kb.ask("冠县2019年居民人均可支配收入是多少?").answer
    text = body(answer.text)
    assert not answer.found and "26543" not in text.splitlines()[0]
