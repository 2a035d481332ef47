"""Example clauses for how a value or a rate is written (knowledge/extract/figures.py and clauses.toml): 涨幅 as a
growth word, an index value with its base after it. Each gives the facts it must."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row_with_unit

T = "曹县2014年国民经济和社会发展统计公报"
VALUE_FORMS = [
    ("全年居民消费价格总水平涨幅2.3%。", ["曹县 | 居民消费价格指数 | 2014 | - | 2.3"]),
    ("全年居民消费价格涨幅为1.8%。", ["曹县 | 居民消费价格指数 | 2014 | - | 1.8"]),
    # an index with its base after it: the same months a year before name no period of the index's own
    ("全年商品零售价格总指数101.6(以上年同期为100)。", ["曹县 | 商品零售价格总指数 | 2014 | 101.6 | -"]),
    ("全年居民消费价格总指数102.4。", ["曹县 | 居民消费价格总指数 | 2014 | 102.4 | -"]),
    # electricity in 千瓦时, not in 千瓦 with the 时 left over
    ("全年工业用电量79.5亿千瓦时,增长5.1%。", ["曹县 | 工业用电量 | 2014 | 79.5亿千瓦时 | 5.1"]),
]


@pytest.mark.parametrize(("body", "expected"), VALUE_FORMS)
def test_value_forms(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


def test_an_index_whose_base_names_a_year_is_not_dated_by_it(gazetteer) -> None:
    facts = facts_of(gazetteer, T, "全年居民消费价格总指数102.2(以上年为100)。")
    assert [f.period.label for f in facts if f.value_text == "102.2"] in ([], ["2014"])
