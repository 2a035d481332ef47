"""Which of a place's stored metric names a question means (knowledge/qa/metric_match)."""

from __future__ import annotations

import pytest

from knowledge.qa.metric_match import best_metric, combined_metric, narrows


@pytest.mark.parametrize("known, text, words, asked, exact, expected", [
    (["新增", "城镇新增就业"], "全国新增了多少城镇就业", "新增城镇就业", "新增", False, "城镇新增就业"),
    (["制造业工业总产值", "工业总产值"], "兰陵县工业总产值多少", "工业总产值", "制造业工业总产值", False, "工业总产值"),
    (["地区生产总值", "县域生产总值"], "山东县域生产总值多少", "县域生产总值", "地区生产总值", True, "县域生产总值"),
    (["一般公共预算收入", "居民人均可支配收入"], "居民收入呢", "居民收入", "收入", False, "居民人均可支配收入"),
    (["常住人口计算人均地区生产总值"], "人均gdp", "人均gdp", "人均地区生产总值", True, "常住人口计算人均地区生产总值"),
    (["一般公共预算收入"], "一般公共预算收人是多少", "一般公共预算收人", "一般公共预算收入", False, "一般公共预算收入"),
], ids=["word-order", "spelled-out", "spelled-beats-vocabulary", "covering", "qualified", "typo"])
def test_the_stored_name_meant(known: list[str], text: str, words: str, asked: str, exact: bool,
                               expected: str) -> None:
    assert best_metric(known, text, words, asked, exact=exact) == expected


@pytest.mark.parametrize("known, words, asked", [
    (["人均地区生产总值"], "gdp", "地区生产总值"),  # GDP is not 人均GDP
    (["夏粮总产量"], "粮食总产量", "粮食产量"),  # 夏粮 is a part of the grain harvest, not all of it
    (["县域生产总值占生产总值比重"], "县域生产总值", "县域生产总值"),
    (["全盟城镇居民人均可支配收入"], "居民人均可支配收入", "居民人均可支配收入"),  # all residents, not the towns'
], ids=["per-head", "swapped-word", "share", "urban-only"])
def test_a_different_figure_is_never_taken(known: list[str], words: str, asked: str) -> None:
    assert best_metric(known, words, words, asked, exact=True) is None


def test_narrowing_needs_the_rest_to_be_what_was_asked() -> None:
    assert narrows("人均地区生产总值", "gdp", "地区生产总值")
    assert not narrows("居民人均可支配收入", "居民收入", None)


@pytest.mark.parametrize("modifier, previous, known, expected", [
    ("人均", "地区生产总值", ["地区生产总值", "人均地区生产总值"], "人均地区生产总值"),
    ("增加值", "规上工业总产值", ["规上工业总产值", "规上工业增加值"], "规上工业增加值"),
    ("出口", "地区生产总值", ["地区生产总值"], None),
    ("水稻", "玉米产量", ["玉米产量", "水稻产量"], "水稻产量"),
    ("过20亿元", "税收收入过50亿元的镇", ["税收收入过50亿元的镇", "税收收入过20亿元的镇"], "税收收入过20亿元的镇"),
], ids=["prefix", "tail-replaced", "none", "head-replaced", "inner-replaced"])
def test_a_follow_up_word_joins_the_previous_metric(modifier: str, previous: str, known: list[str],
                                                    expected: str | None) -> None:
    assert combined_metric(modifier, previous, known) == expected


def test_a_month_span_is_no_part_of_the_metric_words() -> None:
    from knowledge.qa.slots import residual_words

    assert residual_words("1-11月规上工业增速多少", []) == "规上工业"
    assert residual_words("2023年1至9月份社零额", []) == "社零额"
    assert "500" in residual_words("过500亿元的县有几个", [])  # a bound is not a period


def test_scope_words_of_every_level_are_no_metric_words() -> None:
    from knowledge.qa.slots import residual_words

    # 全国/全县/全区 are scopes like 全省/全市; no province's name is stripped unless the question names it
    assert residual_words("全国粮食产量多少", []) == "粮食产量"
    assert residual_words("全县粮食产量多少", []) == "粮食产量"
    assert "福建" in residual_words("福建粮食产量多少", [])


def test_another_vocabulary_metric_is_not_close_unless_it_holds_the_words_whole() -> None:
    from knowledge.qa.metric_match import acceptable

    assert acceptable(["进出口总额"], "进口", "进口总额") == []  # 进出口 is not 进口
    assert acceptable(["规上工业增加值"], "工业增加值", "工业增加值") == ["规上工业增加值"]


@pytest.mark.parametrize("known, text, words, asked, expected", [
    # the catalogue names above-quota retail (限上消费品零售额) and knows its short form
    (["限上消费品零售额"], "某县限上社零额是多少", "限上社零额", "限上消费品零售额", "限上消费品零售额"),
    # an open name written in full is found by its short form spelled out
    (["限额以上单位汽车类零售额"], "某县限上汽车类零售额是多少", "限上汽车类零售额", None, "限额以上单位汽车类零售额"),
    # an open name is stored written short (限上): the question's words in full find it, and without 限上 do not
    (["限上汽车类零售额"], "某县限额以上单位汽车类零售额是多少", "限额以上单位汽车类零售额", None, "限上汽车类零售额"),
    (["规上服务业企业数"], "某县规模以上服务业企业数是多少", "规模以上服务业企业数", None, "规上服务业企业数"),
    (["限上汽车类零售额"], "某县汽车类零售额是多少", "汽车类零售额", None, None),
    (["固定资产投资", "工业投资"], "某县固投增长多少", "固投", None, "固定资产投资"),
    (["限上消费品零售额"], "某县社零额是多少", "社零额", "社会消费品零售总额", None),  # 限额以上 narrows
], ids=["above-quota-retail", "above-quota-open-name", "stored-short-asked-in-full", "above-scale-stored-short",
        "stored-short-narrows", "fixed-investment", "retail-is-not-above-quota-retail"])
def test_short_forms_of_economic_writing_are_spelled_out(known: list[str], text: str, words: str,
                                                         asked: str | None, expected: str | None) -> None:
    assert best_metric(known, text, words, asked, exact=asked is not None) == expected


def test_a_stored_name_with_another_head_noun_is_not_the_metric_asked() -> None:
    known = ["地区生产总值超过五百亿元的区"]
    assert best_metric(known, "某省gdp是多少", "gdp", "地区生产总值", exact=True) is None
    assert best_metric([*known, "地区生产总值"], "某省gdp是多少", "gdp", "地区生产总值", exact=True) == "地区生产总值"
