"""Example clauses for each rule family of the clause grammar, with the facts each must give (Duckling-style).

Every article here is short and written for the test; a row says (title, body) → the facts expected, as
"region | metric | period | value | growth".
"""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row

COMPARISON_BASES = [
    ("济宁市2023年统计公报", "2023年全市实现地区生产总值5516.8亿元,比上年增长5.8%。",
     ["济宁市 | 地区生产总值 | 2023 | 5516.8 | 5.8"]),
    ("济宁市2023年统计公报", "2023年,全市一般公共预算收入648.5亿元,比上年增长6.2%。",
     ["济宁市 | 一般公共预算收入 | 2023 | 648.5 | 6.2"]),
    ("淄博市2022年统计公报", "2022年,全市进出口总额1200亿元,较上年增长3.1%(下同)。",
     ["淄博市 | 进出口总额 | 2022 | 1200 | 3.1"]),
    ("淄博市2022年统计公报", "2022年,全市社会消费品零售总额1500亿元,同比下降1.5%。",
     ["淄博市 | 社会消费品零售总额 | 2022 | 1500 | -1.5"]),
]

FOCUS_UNIT = [
    ("荣成市2020年统计公报", "全年全市的生产总值951.6亿元,增长2.0%。",
     ["荣成市 | 地区生产总值 | 2020 | 951.6 | 2.0"]),
    ("邹平市2021年经济运行情况", "2021年,该市规模以上工业企业达到500家。",
     ["邹平市 | 规上工业企业 | 2021 | 500 | -"]),
]

FOCUS_PERIOD = [
    ("德州市2014年上半年经济运行", "全市地区生产总值1500亿元,增长8.1%。",
     ["德州市 | 地区生产总值 | 2014H1 | 1500 | 8.1"]),
]


@pytest.mark.parametrize(("title", "body", "expected"),
                         COMPARISON_BASES + FOCUS_UNIT + FOCUS_PERIOD,
                         ids=[f"base-{i}" for i in range(len(COMPARISON_BASES))]
                         + [f"focus-unit-{i}" for i in range(len(FOCUS_UNIT))]
                         + [f"focus-period-{i}" for i in range(len(FOCUS_PERIOD))])
def test_example_clause_gives_its_facts(gazetteer, title, body, expected):
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected


@pytest.mark.parametrize("phrase", ["比上年", "还拿出", "金融机构伸出了援助之手", "占据"])
def test_garbage_metric_fails_the_noun_phrase_check(phrase):
    from knowledge.extract.nounphrase import is_noun_phrase

    assert not is_noun_phrase(phrase)


@pytest.mark.parametrize("phrase", ["户籍人口城镇化率", "新登记市场主体", "有机产品", "出生人口", "住户存款余额"])
def test_open_metric_passes_the_noun_phrase_check(phrase):
    from knowledge.extract.nounphrase import is_noun_phrase

    assert is_noun_phrase(phrase)
