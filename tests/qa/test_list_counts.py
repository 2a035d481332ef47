"""湖北有几个千亿县: a count asked of a stated list is answered by the list, its newest version first."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one province's list of big counties, stated for two years.
ARTICLES = {
    "a_2020.txt": "江西县域简报\n发布日期:2021-02-10\n"
                  "2020年,江西省生态强县共有3个,分别是南昌县、丰城市、樟树市。\n",
    "b_2023.txt": "江西县域简报\n发布日期:2024-02-10\n"
                  "2023年,江西省生态强县共有4个,分别是南昌县、丰城市、贵溪市、樟树市。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("list_counts"), ARTICLES)


def test_a_count_of_a_stated_list_is_the_list_counted(kb: KnowledgeBase) -> None:
    answer = kb.ask("江西有几个生态强县?").answer
    text = body(answer.text)
    assert answer.found and "共4个" in text and "贵溪市" in text and "2023年" in text


def test_of_two_versions_of_a_list_the_newest_answers(kb: KnowledgeBase) -> None:
    text = body(kb.ask("江西有哪些生态强县?").answer.text)
    assert "贵溪市" in text and "2023年" in text
