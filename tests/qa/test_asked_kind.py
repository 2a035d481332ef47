"""The figure asked for: 金额 is money, 多少个/几家 a count, from the same sentence when the metric's own
figure is of the other kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.qa.figure import unit_kind
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from

ARTICLE = "冠县招商简报\n发布日期:2022-08-01\n2022年1-7月,冠县新签约项目19个,签约金额51.9亿元。\n"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("kind")
    return base_from(folder, {"guan.txt": ARTICLE})


@pytest.mark.parametrize("unit, kind", [("亿元", "money"), ("万美元", "money"), ("个", "count"), ("万人", "count"),
                                        ("%", "share"), ("万吨", None)], ids=lambda v: str(v))
def test_unit_kinds(unit: str, kind: str | None) -> None:
    assert unit_kind(unit) == kind


@pytest.mark.parametrize("question, shown, not_shown", [
    ("冠县新签约项目金额多少?", "51.9亿元", "19个"),
    ("冠县新签约项目有多少个?", "19个", "51.9"),
], ids=["money", "count"])
def test_the_kind_asked_is_the_figure_given(kb: KnowledgeBase, question: str, shown: str, not_shown: str) -> None:
    text = kb.ask(question).answer.text.split("\n来源")[0]
    assert shown in text and not_shown not in text


@pytest.mark.parametrize("question, missing", [
    ("冠县有多少个高新技术企业?", "资料里没有冠县的高新技术企业数据"),
    ("冠县有几家银行", "资料里没有冠县的银行数据"),
], ids=["how-many", "how-many-firms"])
def test_a_count_the_place_does_not_have_is_said_missing_not_answered_by_its_overview(
        kb: KnowledgeBase, question: str, missing: str) -> None:
    answer = kb.ask(question).answer
    assert not answer.found and missing in answer.text and "51.9" not in answer.text.split("我知道")[0]
