"""What a rank claim ranks and whose it is (knowledge/extract/claims.py, rankings.toml noise): forms found on
the development articles, each in a short article written for the test. A row is
"region | metric | rank | scope | period"."""

from __future__ import annotations

import pytest

from tests.extract.kit import claim_row, claims_of

CASES = [
    # a counted group without 个 (两市, 苏北三市) holds the rank: no claim for the article's place
    ("江苏省2021年经济", "2021年,江苏省经济稳步增长,苏北三市GDP增速均居全省前列,其中两市位居第一。", []),
    # the manner of a standing (以较大优势) is not what is ranked: the growth just stated is
    ("烟台市2022年经济", "2022年,烟台市地区生产总值增长6.0%,以较大优势居全省第一。",
     ["烟台市 | 地区生产总值增速 | 1 | 山东省 | 2022"]),
    # a lead clause 在…指标中 names what the sentence's rank is of
    ("山东省2022年财政",
     "2022年,在财政收入指标中,受减税影响,潍坊市收入下降,而临沂市以300亿元超过潍坊,排名升至全省第三位。",
     ["临沂市 | 一般公共预算收入 | 3 | 山东省 | 2022"]),
    # a list of ranks before 的 and the places holding them; the gap between them names no metric
    ("四川省2019年上半年各市州经济", "2019年上半年,排名第8位、第9位的乐山和内江经济总量仅相差5亿元。",
     ["乐山市 | 地区生产总值 | 8 | 四川省 | 2019H1", "内江市 | 地区生产总值 | 9 | 四川省 | 2019H1"]),
    # named lists and a rank in each, no verb: each list is what is ranked, in the scope of the lead or its own
    ("泰安市宁阳县2012年概况", "2012年,宁阳县在全国县域综合实力百强中列60位,绿色发展百强第35位、"
     "营商环境百强山东省第7位。",
     ["宁阳县 | 县域综合实力百强 | 60 | 全国 | 2012", "宁阳县 | 绿色发展百强 | 35 | 全国 | 2012",
      "宁阳县 | 营商环境百强 | 7 | 山东省 | 2012"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), CASES,
                         ids=["counted-group", "manner", "topic-lead", "ranks-before-places", "named-lists"])
def test_what_a_rank_is_of_and_whose_it_is(gazetteer, title, body, expected):
    assert [claim_row(c) for c in claims_of(gazetteer, title, body) if c.position is not None] == expected
