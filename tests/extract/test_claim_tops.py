"""The top a superlative names (knowledge/extract/claim_tops.py): 总量最高的城市为甲 is the first rank of the
metric among the place's peers. Short articles written for the test; a row is
"region | metric | rank | scope | period"."""

from __future__ import annotations

import pytest

from tests.extract.kit import claim_row, claims_of

TOPS = [
    # 总量 alone ranks the headline's metric; the peers are the prefecture's province
    ("山东省2021年上半年各市GDP", "2021年上半年,东营、德州两市增速较低,总量最高的城市则为青岛。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2021H1"]),
    # a county's peers are its prefecture's counties
    ("德州市2020年县域经济", "2020年,地方财政收入最高的齐河县达30亿元,是庆云县的3倍。",
     ["齐河县 | 一般公共预算收入 | 1 | 德州市 | 2020"]),
    # 最快 ranks the growth rate
    ("山东省2021年各市经济", "2021年,GDP增速最快的是日照,达到9.9%。",
     ["日照市 | 地区生产总值增速 | 1 | 山东省 | 2021"]),
    # a stated scope is a superlative's (superlatives.py), and words naming no figure rank nothing
    ("山东省2021年各市经济", "2021年,全省规模最大的潍坊港吞吐量增长。", []),
    ("山东省2021年各市经济", "2021年,名气最大的曲阜吸引游客。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), TOPS,
                         ids=["city", "county", "fastest", "stated-scope", "no-figure"])
def test_the_top_a_superlative_names_holds_the_first_rank(gazetteer, title, body, expected):
    assert [claim_row(c) for c in claims_of(gazetteer, title, body) if c.position is not None] == expected
