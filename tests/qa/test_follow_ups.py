"""Follow-ups carry the right slots: 人均呢 joins the previous metric, 那增加值呢 replaces its tail, 其中X呢
names a part, 比上年增长多少 is growth of the same period, 占GDP比重 is the share of the previous metric;
目标 questions ask for the target, and a target never answers an outcome."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test.
ARTICLE = ("夏津经济简报\n发布日期:2023-03-01\n2022年,夏津县地区生产总值198.6亿元,同比增长4.4%;"
           "人均地区生产总值41230元。全县规上工业总产值增长9.1%,规上工业增加值增长7.3%。"
           "全年粮食总产量90.2万吨,其中夏粮产量41.5万吨。"
           "制造业增加值52.4亿元,占GDP比重达26.4%。夏津县2023年主要预期目标:地区生产总值增长6.5%左右。\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("follow"), {"xiajin.txt": ARTICLE})


@pytest.mark.parametrize("first, then, shown, not_shown", [
    ("夏津县2022年GDP是多少?", "人均呢?", "41230元", "198.6"),
    ("夏津县2022年规上工业总产值增长多少?", "那增加值呢?", "7.3%", "9.1%"),
    ("夏津县2022年粮食总产量多少?", "其中夏粮呢?", "41.5万吨", "90.2"),
    ("夏津县2022年GDP是多少?", "比上年增长多少?", "4.4%", "资料中没有"),
    ("夏津县2022年制造业增加值是多少?", "占GDP比重多少", "26.4%", "198.6"),
], ids=["per-head", "tail", "part", "growth-on-last-year", "share-of-previous"])
def test_follow_up(kb: KnowledgeBase, first: str, then: str, shown: str, not_shown: str) -> None:
    state = kb.ask(first).state
    answer = kb.ask(then, state).answer
    text = body(answer.text)
    assert answer.found and shown in text and not_shown not in text
    assert "2022年" in text


def test_a_target_question_gets_the_target(kb: KnowledgeBase) -> None:
    answer = kb.ask("夏津县2023年GDP增长目标是多少?").answer
    assert answer.found and "6.5%" in body(answer.text) and "目标" in body(answer.text)


def test_a_target_never_answers_an_outcome(kb: KnowledgeBase) -> None:
    answer = kb.ask("夏津县2023年GDP是多少?").answer
    assert not answer.found
    assert body(answer.text).startswith("资料中没有夏津县2023年")


def test_a_question_mixing_scripts_finds_its_metric(kb: KnowledgeBase) -> None:
    answer = kb.ask("夏津县2022年人均地区生產总值是多少").answer
    assert answer.found and "41230元" in body(answer.text)


def test_a_share_of_no_place_continues_the_place_asked(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("share_follow"), {"wucheng.txt": (
        "武城经济简报\n发布日期:2023-03-05\n2022年,武城县第三产业增加值88.6亿元,增长3.1%,"
        "三产增加值占全县生产总值的比重达到47.9%。\n")})
    state = kb.ask("武城县2022年第三产业增加值").state
    answer = kb.ask("三产占比多少?", state).answer
    text = body(answer.text)
    assert answer.found and "武城县" in text and "47.9%" in text and "2022年" in text


def test_a_place_follow_up_asks_the_metric_asked_not_its_qualified_stored_name(tmp_path) -> None:
    # 衢州's figure is stored as 有效高新技术企业, one kind of the 高新技术企业 asked; 新吴区 states the plain name
    kb = base_from(tmp_path, {
        "quzhou.txt": "衢州市2022年经济运行\n发布日期:2023-02-01\n2022年,衢州市有效高新技术企业820家。\n",
        "xinwu.txt": "无锡市新吴区2022年经济运行\n发布日期:2023-02-01\n2022年,无锡市新吴区高新技术企业103家。\n"})
    first = kb.ask("衢州2022年高新技术企业有多少?")
    assert "820" in body(first.answer.text)
    answer = kb.ask("那新吴呢?", first.state).answer
    assert answer.found and "103" in body(answer.text)
