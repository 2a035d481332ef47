"""The words of a question read against the metric they name: a rank word (冠军, 第一) or a growth word (增长)
inside a metric's name asks no rank or growth; 科技 alone names no company; a total named by the kind asked
(多少户) is that figure; a stored name's bracketed aside, its spelled-out short form (新增就业), a place's
typo the base settles, and a several-year span's growth (年均, never 同比)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.qa.classify import position, rank_words
from knowledge.qa.index import Index
from knowledge.qa.metric_match import acceptable, spelled_out
from knowledge.qa.slots import find_company, generic_company
from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

ARTICLES = {
    "dezhou.txt": "德州市工业简报\n发布日期:2024-02-10\n2023年,德州市新增制造业单项冠军企业5家,累计达到23家。\n",
    "taian.txt": "泰安市工业简报\n发布日期:2023-02-10\n2022年,泰安市省级单项冠军产品达到8个。\n",
    "qufu.txt": "曲阜市人口简报\n发布日期:2024-03-01\n2023年,曲阜市人口自然增长率为1.6‰。\n",
    "yishui.txt": "沂水县概况\n发布日期:2023-04-01\n"
                  "2022年末,沂水县人口112.5万人,城镇人口58.1万人,人口自然增长率为1.1‰。\n",
    "jinxiang.txt": "金乡县就业简报\n发布日期:2022-01-20\n2021年,金乡县城镇新增就业8120人,农村劳动力转移就业3400人。\n",
    "laizhou.txt": "莱州市发展回顾\n发布日期:2026-01-15\n“十四五”期间,莱州市地区生产总值年均增长6.1%。\n",
    "ruyang.txt": "汝阳县农业简报\n发布日期:2023-02-01\n2022年,汝阳县粮食作物播种面积65.2万亩,粮食总产量18.3万吨。\n",
    "rongcheng.txt": "荣成市经济简报\n发布日期:2022-02-01\n2021年,荣成市实现地区生产总值1012.6亿元,同比增长7.3%。\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("words")
    return base_from(folder, ARTICLES)


@pytest.mark.parametrize("question, shown", [
    ("德州有几家新增制造业单项冠军企业?", "5家"),  # stored with 新增 (metric_forms keeps the act)
    ("泰安有多少个省级单项冠军产品", "8个"),
    ("泰安2022年省級單項冠軍產品有幾個", "8個"),
], ids=["firms", "products", "traditional"])
def test_a_rank_word_inside_the_metric_asks_no_rank(kb: KnowledgeBase, question: str, shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and answer.intent == "figure"
    assert shown in body(answer.text)


def test_rank_words_outside_the_metric_stay() -> None:
    assert position(rank_words("哪个县第一产业增加值排第一", "第一产业增加值")) == 1
    assert position(rank_words("德州制造业单项冠军企业有几家", "制造业单项冠军企业")) is None
    assert position(rank_words("新增多少家单项冠军企业", "制造业单项冠军企业")) is None  # the name written in part
    assert position(rank_words("GDP排名第一的是哪个市", "地区生产总值")) == 1


@pytest.mark.parametrize("question, shown", [
    ("曲阜2023年人口自然增长率是多少", "1.6‰"),
    ("沂水縣2022年人口自然增長率多少", "1.1‰"),
], ids=["simplified", "traditional"])
def test_a_growth_word_inside_the_metric_asks_no_growth(kb: KnowledgeBase, question: str, shown: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found, answer.text
    assert shown in body(answer.text)


def test_a_stored_name_said_whole_is_that_name(kb: KnowledgeBase) -> None:
    answer = kb.ask("沂水有多少人口").answer
    assert answer.found and "112.5万人" in body(answer.text) and "58.1" not in body(answer.text)


@pytest.mark.parametrize("question", ["金乡2021年新增就业多少人", "金乡县2021年新增就业"])
def test_new_jobs_are_the_towns_new_jobs(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    assert answer.found and "8120人" in body(answer.text) and "3400" not in body(answer.text)


def test_spelling_out_leaves_a_name_already_in_full() -> None:
    assert spelled_out("新增就业") == "城镇新增就业"
    assert spelled_out("城镇新增就业") == "城镇新增就业"
    assert spelled_out("城镇居民收入") == "城镇居民人均可支配收入"


def test_a_bracketed_aside_is_no_word_to_ask_by() -> None:
    assert acceptable(["乡镇(街道)", "总面积"], "乡镇", None, exact=False) == ["乡镇(街道)"]
    assert acceptable(["社区(村)", "乡镇(街道)"], "社区", None, exact=False) == ["社区(村)"]
    assert acceptable(["乡镇(街道)"], "街道办", None, exact=False) == []


def test_a_span_of_years_grows_by_a_yearly_average(kb: KnowledgeBase) -> None:
    text = body(kb.ask("莱州十四五期间GDP年均增长多少").answer.text)
    assert "年均增长6.1%" in text and "同比" not in text


def test_a_typo_is_the_one_place_the_base_covers(kb: KnowledgeBase) -> None:
    answer = kb.ask("荣城2021年GDP是多少").answer
    assert answer.found and "1012.6亿元" in body(answer.text)
    assert "按" in answer.text and "荣成市" in answer.text  # the reading is said, not silently assumed


def test_a_typo_two_covered_places_share_is_no_place(tmp_path: Path) -> None:
    both = {"rongcheng.txt": ARTICLES["rongcheng.txt"],
            "rongchengqu.txt": "揭阳市榕城区经济简报\n发布日期:2022-02-03\n"
                               "2021年,榕城区实现地区生产总值566.4亿元,同比增长6.0%。\n"}
    answer = base_from(tmp_path, both).ask("荣城2021年GDP是多少").answer
    assert not answer.found and "1012.6" not in answer.text and "566.4" not in answer.text


def _company_index(names: dict[str, str]) -> Index:
    index = Index()
    index.companies.update(names)
    index.finish()
    return index


def test_generic_words_name_no_company() -> None:
    assert generic_company("科技有限公司") and generic_company("科技") and generic_company("实业投资有限公司")
    assert not generic_company("鸿远陶瓷有限公司") and not generic_company("鲁丰新材料科技")
    index = _company_index({"科技有限公司": "科技有限公司", "科技": "科技有限公司",
                            "淄川鸿远陶瓷有限公司": "淄川鸿远陶瓷有限公司", "鸿远陶瓷": "淄川鸿远陶瓷有限公司"})
    assert find_company("湖南2024年科技创新投入多少钱", index) is None
    assert find_company("安徽科技型企业有多少家", index) is None
    assert find_company("鸿远陶瓷在哪里", index) == "淄川鸿远陶瓷有限公司"


def test_a_unit_after_多少_is_no_word_of_the_metric(kb: KnowledgeBase) -> None:
    answer = kb.ask("汝阳2022年粮食播种面积多少亩").answer
    assert answer.found and "65.2万亩" in body(answer.text) and "18.3" not in body(answer.text)

