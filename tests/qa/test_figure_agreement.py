"""One figure written in two units is not a disagreement; a missing figure offers the place's nearest ones."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: one harvest in 万吨 and in 吨, a real disagreement on output, and fishery figures.
ARTICLES = {
    "a.txt": "栾川农业简报\n发布日期:2023-02-01\n2022年,栾川县粮食产量12.4万吨。2022年,栾川县工业总产值88.5亿元。\n",
    "b.txt": "栾川统计公报\n发布日期:2023-03-01\n2022年,栾川县粮食产量124018.2吨。2022年,栾川县工业总产值90.1亿元。"
             "2022年,栾川县渔业总收入3.2亿元,水产品产量0.8万吨。\n",
    "c.txt": "平阴经济简报\n发布日期:2023-09-25\n2023年1-8月,平阴县社会消费品零售总额68.4亿元,同比增长9.7%。"
             "8月份,平阴县社会消费品零售总额同比增长12.3%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("agreement"), ARTICLES)


def test_one_figure_in_two_units_is_not_called_inconsistent(kb: KnowledgeBase) -> None:
    text = body(kb.ask("栾川县2022年粮食产量是多少?").answer.text)
    assert "12.4万吨" in text and "不一致" not in text


def test_two_different_figures_are_called_inconsistent(kb: KnowledgeBase) -> None:
    text = body(kb.ask("栾川县2022年工业总产值是多少?").answer.text)
    assert "88.5亿元" in text and "90.1亿元" in text and "不一致" in text


def test_a_missing_figure_offers_the_nearest_of_the_place_first(kb: KnowledgeBase) -> None:
    answer = kb.ask("栾川县2022年渔业产值是多少?").answer
    assert not answer.found
    offered = answer.text.split("我知道栾川县的:")[1]
    assert offered.index("渔业总收入") < offered.index("粮食产量")  # sharing words with the question first


def test_a_month_and_the_months_to_it_are_two_figures_not_a_disagreement(kb: KnowledgeBase) -> None:
    text = body(kb.ask("平阴县社会消费品零售总额是多少?").answer.text)
    assert "2023年1-8月" in text and "68.4亿元" in text and "2023年8月" in text and "12.3%" in text
    assert "不一致" not in text
