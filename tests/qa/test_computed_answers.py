"""Computed answers: rankings over the places in the base, and comparisons that show their working."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test: three counties of 聊城 with H1 GDP, one with another period only.
ARTICLE = """聊城各县市区上半年经济运行情况
发布日期:2023-07-30
2023年上半年,临清市实现地区生产总值160.5亿元,同比增长5.1%。
2023年上半年,冠县实现地区生产总值120.3亿元,同比增长6.2%。
2023年上半年,莘县实现地区生产总值140.8亿元,同比增长4.0%。
2022年,阳谷县实现地区生产总值300.1亿元,同比增长3.0%。
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("computed")
    return base_from(folder, {"liaocheng.txt": ARTICLE})



def test_which_county_is_highest_ranks_the_covered_counties_of_one_period(kb: KnowledgeBase) -> None:
    answer = kb.ask("聊城哪个县GDP最高?").answer
    text = body(answer.text)
    assert answer.found and answer.intent == "computed_ranking"
    assert "在资料覆盖的3个" in text and "2023年上半年" in text
    assert text.index("临清市") < text.index("莘县") < text.index("冠县")
    assert "阳谷县" not in text  # its only figure is for another period: never mixed in
    assert "最高的是临清市" in text
    assert len(answer.sources) == 3  # every figure shown is cited


def test_lowest_and_growth_rankings(kb: KnowledgeBase) -> None:
    text = body(kb.ask("聊城哪个县GDP增速最低?").answer.text)
    assert "从低到高" in text and text.index("莘县") < text.index("冠县")
    assert "4%" in text and "最低的是莘县" in text


def test_comparison_gives_both_values_the_difference_and_the_ratio(kb: KnowledgeBase) -> None:
    answer = kb.ask("临清和冠县谁的GDP高?").answer
    text = body(answer.text)
    assert answer.found and answer.intent == "comparison"
    assert "160.5亿元" in text and "120.3亿元" in text
    assert "临清市更高" in text
    assert "160.5 − 120.3 = 40.2亿元" in text  # the working is shown
    assert "1.33倍" in text
    assert len(answer.sources) >= 1


# Written for the test: the first place is stated by rank only, without a figure the base could rank.
STATED_FIRST = """聊城各县市区半年经济简报
发布日期:2023-07-30
2023年上半年,东昌府区地区生产总值总量居全市第一位。
2023年上半年,冠县实现地区生产总值120.3亿元,同比增长6.2%,总量居全市第三位。
2023年上半年,莘县实现地区生产总值140.8亿元,同比增长4.0%。
"""


def test_a_stated_ranking_names_the_first_place_the_figures_miss(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("stated_first"), {"liaocheng.txt": STATED_FIRST})
    text = body(kb.ask("聊城哪个县GDP最高?").answer.text)
    assert "第1名是东昌府区" in text and "最高的是莘县" not in text


def test_provinces_ranked_with_no_place_named_are_ranked_within_the_nation(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("provinces"), {"p.txt": (
        "三省夏粮简报\n发布日期:2023-07-20\n2023年,河南省夏粮产量3820.1万吨。2023年,山东省夏粮产量2650.3万吨。"
        "2023年,安徽省夏粮产量1710.2万吨。\n")})
    text = body(kb.ask("2023年哪个省夏粮产量最高?").answer.text)
    assert "在资料覆盖的全国3个省份中" in text and "最高的是河南省" in text


def test_one_place_of_the_period_is_no_ranking(tmp_path: Path) -> None:
    # Written for the test: two counties of 德州, each with a figure of another year.
    kb = base_from(tmp_path, {"dezhou.txt": "德州县域简报\n发布日期:2023-03-01\n2022年,宁津县地区生产总值201.4亿元。\n"
                                            "2021年,武城县地区生产总值165.2亿元。\n"})
    answer = kb.ask("德州哪个县GDP最高?").answer
    assert not answer.found and "排不出名次" in answer.text and "1." not in answer.text
    assert "最高的是" not in answer.text
