"""The strict answer scorer itself (bench/answer_scoring.py): what counts as a right answer and a right refusal."""

from __future__ import annotations

import pytest

from bench.answer_scoring import answer_body, ask_all, problems, score, stated_figures
from knowledge.qa.answer import Answer

SOURCE = "\n来源:《特色产业抢占制造业强市新赛道》(2022-07-29)\n原文:“上半年,该市生产总值预计完成140.08亿元,增长4%。”"
GDP = {"id": "gdp", "q": "临清上半年生产总值是多少?", "after": None, "found": True,
       "expect": {"values": ["140.08"], "growth": ["4"], "region": "临清市", "period": "2022H1"}}


def figure(text: str, *, found: bool = True, intent: str = "figure") -> Answer:
    return Answer(found, intent, text)


def test_a_right_answer_passes():
    assert problems(GDP, figure("临清市 2022年上半年 地区生产总值 140.08亿元(预计),同比增长4%" + SOURCE)) == []


def test_the_short_name_shows_the_region():
    assert problems(GDP, figure("临清 2022年上半年 生产总值 140.08亿元,同比增长4%" + SOURCE)) == []


def test_a_figure_only_in_the_quoted_source_fails():
    why = problems(GDP, figure("临清市 2022年上半年 一般公共预算收入 11.9亿元" + SOURCE))
    assert "value 140.08 not in the answer" in why and "growth 4 not in the answer" in why


def test_a_figure_of_another_period_fails():
    why = problems(GDP, figure("临清市 2021年 地区生产总值 140.08亿元,同比增长4%" + SOURCE))
    assert "period 2022H1 not shown" in why
    assert "value 140.08 not shown with period 2022H1" in why


def test_the_right_period_elsewhere_does_not_save_a_figure_shown_with_another():
    text = "临清市 2021年 地区生产总值 140.08亿元,同比增长4%\n其他时期:2022年上半年 120亿元"
    assert "value 140.08 not shown with period 2022H1" in problems(GDP, figure(text))


def test_a_year_is_not_shown_by_a_half_of_it():
    item = {**GDP, "expect": {"values": ["12"], "region": "山东省", "period": "2017"}}
    assert problems(item, figure("山东省 2017年上半年 一般公共预算收入过百亿元的县 12个")) != []
    assert problems(item, figure("山东省 2017年 一般公共预算收入过百亿元的县 12个")) == []


def test_another_region_fails():
    why = problems(GDP, figure("冠县 2022年上半年 地区生产总值 140.08亿元,同比增长4%"))
    assert why == ["region 临清市 not shown"]


def test_a_number_inside_a_bigger_one_is_not_the_figure():
    answer = figure("临清市 2022年上半年 地区生产总值 1140.08亿元,增长4%")
    assert "value 140.08 not in the answer" in problems(GDP, answer)


def test_a_fall_is_a_negative_growth_and_not_a_rise():
    item = {**GDP, "expect": {"growth": ["-2.1"], "region": "临清市", "period": "2022H1"}}
    assert problems(item, figure("临清市 2022年上半年 进出口总额 同比下降2.1%")) == []
    assert problems(item, figure("临清市 2022年上半年 进出口总额 同比增长2.1%")) != []


def test_traditional_answers_are_scored_in_simplified_and_their_source_is_cut():
    item = {**GDP, "expect": {**GDP["expect"], "script": "hant"}}
    text = "臨清市 2022年上半年 地區生產總值 140.08億元,同比增長4%\n來源:《特色產業》\n原文:“…”"
    assert problems(item, figure(text)) == []
    assert answer_body(text) == "临清市 2022年上半年 地区生产总值 140.08亿元,同比增长4%"


def test_topic_quote_lines_are_not_the_answer():
    item = {"id": "t", "q": "山东哪里的氢能产业发展得好?", "after": None, "found": True,
            "expect": {"values": ["54"], "region": "淄博市", "period": "asof:2024-12-31"}}
    quoted = "关于“氢能”,资料中有:\n· “截至2024年年底,淄博氢能相关企业现存54家。”——《凤观齐鲁2024》"
    assert "value 54 not in the answer" in problems(item, figure(quoted, intent="topic"))
    stated = "关于“氢能”,资料中有:\n· 淄博市 截至2024年12月31日 氢能相关企业 54家"
    assert problems(item, figure(stated, intent="topic")) == []


def test_a_rank_must_be_stated_next_to_the_unit_ranked():
    item = {"id": "r", "q": "冠县综合评议排第几?", "after": None, "found": True,
            "expect": {"rank": 2, "region": "冠县", "period": "2022H1"}}
    right = "冠县在《2022年上半年综合评议排名》中第2名(冠县政府)。"
    wrong = "冠县在《2022年上半年综合评议排名》中第5名。前三名:1.茌平区、第2名临清市"
    assert problems(item, figure(right, intent="rank_position")) == []
    assert problems(item, figure(wrong, intent="rank_position")) == ["rank 2 not stated"]


def test_a_comparison_must_name_the_winner():
    item = {"id": "c", "q": "荣成和龙口谁的GDP高?", "after": None, "found": True,
            "expect": {"values": ["1078", "1111"], "winner": "龙口市", "period": "2016"}}
    both = "荣成市 2016年 GDP 1078亿元\n龙口市 2016年 GDP 1111亿元\n"
    assert problems(item, figure(both + "龙口市更高,多33亿元。", intent="comparison")) == []
    assert problems(item, figure(both + "荣成市更高。", intent="comparison")) == ["winner 龙口市 not named"]
    assert problems(item, figure("龙口市 2016年 GDP 1111亿元。龙口市更高", intent="comparison")) == [
        "value 1078 not in the answer"]


UNANSWERABLE = {"id": "u", "q": "临清2023年GDP是多少?", "after": None, "found": False, "expect": {}}


@pytest.mark.parametrize("text", [
    "没有找到临清市在2023年的地区生产总值数据。我有的是:2022年上半年。",
    "资料里没有临清市的社会消费品零售总额数据,我不会编造数字。我知道山东省的:过500亿元的县。",
    "资料中没有2023年的数据;最近的是2022年上半年:140.08亿元。",
    "资料中没有临清市2025年的地区生产总值数据;最近的是2022年上半年:临清市 2022年上半年 地区生产总值 140.08亿元。",
], ids=["periods-only", "bound-in-a-metric-name", "nearest-period-labelled", "missing-period-named-by-the-refusal"])
def test_a_refusal_without_the_asked_figure_is_right(text):
    assert problems(UNANSWERABLE, figure(text, found=False)) == []


def test_a_refusal_that_states_a_figure_is_wrong():
    text = "没有找到准确数据。临清市 地区生产总值 140.08亿元"
    assert problems(UNANSWERABLE, figure(text, found=False)) == ["refusal states 140.08"]
    assert stated_figures("临清市 2023年 地区生产总值 150亿元", "临清2023年GDP是多少?") == ["150"]
    assert stated_figures("最近的是2022年上半年:140.08亿元", "临清去年GDP是多少?") == ["140.08"]
    refusal = "资料中没有临清市2025年的数据;最近的是2022年上半年:140.08亿元"
    assert stated_figures(refusal, "临清去年GDP是多少?") == []


def test_an_answer_to_an_unanswerable_question_is_wrong_and_a_refused_answerable_one_too():
    assert problems(UNANSWERABLE, figure("临清市 2023年 地区生产总值 150亿元")) != []
    assert problems(GDP, figure("资料里没有。", found=False)) == ["refused"]


def test_follow_ups_continue_their_own_conversation_and_score_counts_both_kinds():
    items = [GDP, {**GDP, "id": "fu", "q": "那冠县呢?", "after": "gdp", "expect": {"region": "冠县"}},
             UNANSWERABLE]
    seen: list[tuple[str, object]] = []

    def ask(question: str, state: object) -> tuple[Answer, object]:
        seen.append((question, state))
        return figure("临清市 2022年上半年 地区生产总值 140.08亿元,同比增长4%"), f"after {question}"

    result = score(items, ask_all(items, ask))
    assert seen == [(GDP["q"], None), ("那冠县呢?", f"after {GDP['q']}"), (UNANSWERABLE["q"], None)]
    assert (result.right, result.answerable, result.refused, result.unanswerable) == (1, 2, 0, 1)
    assert set(result.misses) == {"fu", "u"}


def test_a_year_end_stock_may_be_shown_by_its_year():
    item = {"id": "d", "q": "平阴存款余额多少", "after": None, "found": True,
            "expect": {"values": ["381.79"], "region": "平阴县", "period": "asof:2023-12-31"}}
    assert problems(item, figure("平阴县 2023年 金融机构存款余额 381.79亿元")) == []
    assert problems(item, figure("平阴县 2023年上半年 金融机构存款余额 381.79亿元")) != []
