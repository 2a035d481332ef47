"""Places read in a question without being one of their forms: a zone without its province (兵团), pinyin and
typos; what was read as the place is never read again as part of the metric."""

from __future__ import annotations

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test.
ARTICLES = {
    "corps.txt": "兵团经济观察\n发布日期:2023-03-02\n2022年,新疆生产建设兵团生产总值3612.7亿元,同比增长5.4%;"
                 "粮食总产量501.3万吨。\n",
    "yunnan.txt": "云南夏粮简报\n发布日期:2022-07-18\n2022年,云南省夏粮总产量266.4万吨,增长1.7%;"
                  "夏粮播种面积1035.2千公顷;夏粮单位面积产量2573.5公斤/公顷。\n",
    "linqing.txt": "临清经济简报\n发布日期:2022-02-11\n2021年,临清市地区生产总值406.8亿元,增长8.3%。\n",
    "districts.txt": "区县简报\n发布日期:2024-02-01\n2023年,辽源市龙山区地区生产总值95.3亿元,增长4.8%。\n"
                     "2023年,辽源市西安区地区生产总值88.6亿元,增长5.2%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("place_reading"), ARTICLES)


@pytest.mark.parametrize("question, shown", [
    ("兵团GDP是多少?", "新疆生产建设兵团 2022年 地区生产总值 3612.7亿元"),
    ("生产建设兵团2022年生产总值", "3612.7亿元"),
    ("兵团粮食总产量多少", "501.3万吨"),
    ("yunnan夏粮产量是多少", "266.4万吨"),
    ("临青GDP是多少", "临清市 2021年 地区生产总值 406.8亿元"),
], ids=["corps-gdp", "corps-full-tail", "corps-grain", "pinyin-with-metric", "typo"])
def test_a_place_read_without_its_form(kb: KnowledgeBase, question: str, shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and shown in body(answer.text)


def test_a_zone_kind_word_alone_names_no_zone() -> None:
    from knowledge.places.gazetteer import Gazetteer
    from knowledge.qa.places import find_regions

    gazetteer = Gazetteer.load()
    assert [r.name for r in find_regions("兵团GDP", gazetteer)] == ["新疆生产建设兵团"]
    assert find_regions("新区GDP是多少", gazetteer) == []  # 新区 ends several zones' names and is a kind of zone


@pytest.mark.parametrize("question, same_as", [
    ("yunnan夏粮产量是多少", "云南夏粮产量是多少"),
    ("临青GDP增长多少", "临清GDP增长多少"),
    ("兵团粮食总产量多少", "新疆生产建设兵团粮食总产量多少"),
], ids=["pinyin", "typo", "corps"])
def test_what_was_read_as_the_place_is_no_part_of_the_metric(kb: KnowledgeBase, question: str, same_as: str) -> None:
    from knowledge.qa.parse import parse_question

    read = parse_question(question, gazetteer=kb.gazetteer, index=kb.index)
    named = parse_question(same_as, gazetteer=kb.gazetteer, index=kb.index)
    assert read.regions == named.regions and read.residual == named.residual and read.metric == named.metric


@pytest.mark.parametrize("question", ["辽源市西安区2023年GDP是多少?", "那辽源市西安区呢?"], ids=["fresh", "follow-up"])
def test_a_district_named_with_its_city_is_one_place_and_the_city_no_metric(kb: KnowledgeBase, question: str) -> None:
    # 西安区 also reads as the city 西安; with its city before it, it is 辽源's district, and 辽源市 is no metric word
    state = kb.ask("辽源市龙山区2023年GDP是多少?").state
    answer = kb.ask(question, state).answer
    assert answer.found and "辽源市西安区 2023年 地区生产总值 88.6亿元" in body(answer.text)
