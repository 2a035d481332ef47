"""Company answers state where the company is, its typed figures and standings, dated by the report."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: the company's county is named in the sentence before it.
ARTICLE = ("企业简讯\n发布日期:2023-05-06\n东昌府区着力培育新材料企业。"
           "华鼎新材料有限公司是国内第2家掌握该涂层工艺的企业,碳纤维年产能达到3200吨,出口额4.5亿元。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("company"), {"co.txt": ARTICLE})


def test_the_answer_states_place_figures_and_standing(kb: KnowledgeBase) -> None:
    answer = kb.ask("华鼎新材料有限公司年产能多大?").answer
    text = body(answer.text)
    assert answer.found and answer.sources
    assert "东昌府区" in text  # from the sentence before
    assert "3200吨" in text and "国内第2家" in text
    assert "2023年5月6日" in text  # a claim is true as of its report


def test_a_share_follow_up_stays_with_the_company(kb: KnowledgeBase) -> None:
    first = kb.ask("华鼎新材料有限公司年产能多大?")
    follow = kb.ask("出口额呢?", first.state).answer
    assert follow.intent == "company" and "4.5亿元" in body(follow.text)
