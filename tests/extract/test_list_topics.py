"""A 分别 list of sums that names no metric takes the sentence's topic (topics.topic_before, lists.py). Every
sentence is written for the test."""

from __future__ import annotations

from datetime import date

from tests.extract.kit import facts_of, row

PUBLISHED = date(2024, 3, 1)


def test_places_listed_with_sums_take_the_topic_the_sentence_opens_with(gazetteer) -> None:
    body = "就一般公共预算收入看,2023年绍兴以520亿元居第三,金华、台州分别以480亿元和410亿元位列第四、第五。"
    rows = sorted(row(f) for f in facts_of(gazetteer, "2023年浙江各市财政收入", body, PUBLISHED))
    assert rows == ["台州市 | 一般公共预算收入 | 2023 | 410 | -", "绍兴市 | 一般公共预算收入 | 2023 | 520 | -",
                    "金华市 | 一般公共预算收入 | 2023 | 480 | -"]


def test_a_topic_names_no_list_of_other_amounts(gazetteer) -> None:
    body = "从地区生产总值看,2023年,德州、聊城分别以580万吨和560万吨位列前两位。"
    assert facts_of(gazetteer, "2023年山东各市粮食产量", body, PUBLISHED) == []


def test_places_ranked_before_their_list_of_figures_keep_the_metric_before_the_rank(gazetteer) -> None:
    body = "2023年,各设区市中,南昌、赣州、九江地区生产总值位居前三,分别为7300亿元、4600亿元和3900亿元。"
    rows = [row(f) for f in facts_of(gazetteer, "2023年江西各市经济数据", body, PUBLISHED)]
    assert rows == ["南昌市 | 地区生产总值 | 2023 | 7300 | -", "赣州市 | 地区生产总值 | 2023 | 4600 | -",
                    "九江市 | 地区生产总值 | 2023 | 3900 | -"]
    body = "上半年,潍坊、临沂两市一般公共预算收入排名靠前,分别完成380亿元和260亿元。"
    rows = [row(f) for f in facts_of(gazetteer, "上半年山东各市财政收入", body, PUBLISHED)]
    assert rows == ["潍坊市 | 一般公共预算收入 | 2024H1 | 380 | -", "临沂市 | 一般公共预算收入 | 2024H1 | 260 | -"]
