"""Hong Kong, Macau and Taiwan news wording (knowledge/data/script.toml [regional_wording], [variant_chars]):
a sentence written that way, in either script, gives the facts of its mainland twin."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.places.gazetteer import Gazetteer
from knowledge.text.normalize import mainland_wording, to_traditional
from tests.extract.kit import facts_of, row, row_with_unit

_PUBLISHED = date(2024, 10, 28)

# (regional wording, the mainland sentence it stands for, the fact both give)
CASES = [
    ("佛山市首三季地区生产总值录得9100亿元,按年增长4.1%。", "佛山市前三季度地区生产总值9100亿元,同比增长4.1%。",
     "佛山市 | 地区生产总值 | 2024Q1-Q3 | 9100 | 4.1"),
    ("佛山市首季地区生产总值2750亿元,按年增长3.2%。", "佛山市第一季度地区生产总值2750亿元,同比增长3.2%。",
     "佛山市 | 地区生产总值 | 2024Q1 | 2750 | 3.2"),
    ("佛山市第三季地区生产总值3300亿元,按年增长2.5%。", "佛山市第三季度地区生产总值3300亿元,同比增长2.5%。",
     "佛山市 | 地区生产总值 | 2024Q3 | 3300 | 2.5"),
    ("佛山市上半年度规模以上工业增加值按年上升6.3%。", "佛山市上半年规模以上工业增加值同比增长6.3%。",
     "佛山市 | 规上工业增加值 | 2024H1 | - | 6.3"),
    ("佛山市首8个月出口额2480亿元,按年跌4.6%。", "佛山市1至8月出口额2480亿元,同比下降4.6%。",
     "佛山市 | 出口总额 | 2024M01-M08 | 2480 | -4.6"),
    ("佛山市前三季「规模以上工业增加值」按年升5.4%。", "佛山市前三季度“规模以上工业增加值”同比增长5.4%。",
     "佛山市 | 规上工业增加值 | 2024Q1-Q3 | - | 5.4"),
    ("佛山市首8个月出口额升幅为3.7%。", "佛山市1至8月出口额增幅为3.7%。", "佛山市 | 出口总额 | 2024M01-M08 | - | 3.7"),
    ("佛山市首8个月出口额跌幅为2.9%。", "佛山市1至8月出口额降幅为2.9%。", "佛山市 | 出口总额 | 2024M01-M08 | - | -2.9"),
    ("佛山市年初至今出口额3150亿元,按年增长2.2%。", "佛山市今年以来出口额3150亿元,同比增长2.2%。",
     "佛山市 | 出口总额 | 2024M01-M10 | 3150 | 2.2"),
]


@pytest.mark.parametrize(("regional", "mainland", "fact"), CASES,
                         ids=["first-three-quarters", "first-quarter", "third-quarter-no-du", "half-year-du",
                              "yoy-fall", "corner-quotes", "rise-rate", "fall-rate", "year-to-date"])
def test_regional_wording_reads_as_its_mainland_twin_in_both_scripts(
        gazetteer: Gazetteer, regional: str, mainland: str, fact: str) -> None:
    expected = [row(f) for f in facts_of(gazetteer, "佛山经济", mainland, published=_PUBLISHED)]
    assert expected == [fact]
    hant_title = to_traditional("佛山经济")
    for title, text in (("佛山经济", regional), (hant_title, to_traditional(regional)),
                        (hant_title, to_traditional(mainland))):
        assert [row(f) for f in facts_of(gazetteer, title, text, published=_PUBLISHED)] == expected, text


@pytest.mark.parametrize(("body", "fact"), [
    ("香港前三季度出口额3.4万亿元港币,同比增长11%。", "香港特别行政区 | 出口总额 | 2024Q1-Q3 | 3.4万亿港元 | 11"),
    ("香港前三季度出口额3.4万亿港元,同比增长11%。", "香港特别行政区 | 出口总额 | 2024Q1-Q3 | 3.4万亿港元 | 11"),
    ("澳门前三季度博彩收入1650亿澳门元,同比增长19%。", "澳门特别行政区 | 博彩收入 | 2024Q1-Q3 | 1650亿澳门元 | 19"),
    ("台湾前三季度出口额3.1万亿新台币,同比增长8%。", "台湾省 | 出口总额 | 2024Q1-Q3 | 3.1万亿新台币 | 8"),
    ("本澳前三季度博彩收入1650亿澳门元,同比增长19%。", "澳门特别行政区 | 博彩收入 | 2024Q1-Q3 | 1650亿澳门元 | 19"),
    # a currency named before the value is no part of the metric
    ("珠海市前三季度出口额人民币1320亿元,同比增长4%。", "珠海市 | 出口总额 | 2024Q1-Q3 | 1320亿元 | 4"),
    ("珠海市前三季度出口額人民幣1320億元,同比增長4%。", "珠海市 | 出口总额 | 2024Q1-Q3 | 1320亿元 | 4"),
], ids=["yuan-of-hong-kong", "hong-kong-dollars", "patacas", "new-taiwan-dollars", "macau-itself",
        "renminbi-before",
        "renminbi-before-traditional"])
def test_a_sum_in_a_regional_currency_keeps_its_currency_in_both_scripts(gazetteer: Gazetteer, body: str,
                                                                          fact: str) -> None:
    for title, text in (("经济观察", body), (to_traditional("经济观察"), to_traditional(body))):
        assert [row_with_unit(f) for f in facts_of(gazetteer, title, text, published=_PUBLISHED)] == [fact]


@pytest.mark.parametrize(("written", "read"), [
    ("前三季度同比增长", "前三季度同比增长"),  # already mainland: 前三季 followed by 度 is left alone
    ("第四季度末", "第四季度末"),
    ("首季度按年增", "一季度同比增长"),
    ("価値増加「新质」", "价值增加“新质”"),  # variant characters OpenCC leaves, and corner quotes
    ("出口按年增幅为3%", "出口同比增幅为3%"),
    ("出口按年跌幅收窄", "出口同比降幅收窄"),
    ("按年度考核", "按年度考核"),  # 按年 before no verb of change is no year-on-year comparison
], ids=["mainland-quarters", "quarter-end", "first-quarter-du", "variant-chars", "rate-word",
    "fall-rate-word", "annual-review"])
def test_mainland_wording_rewrites_only_the_regional_forms(written: str, read: str) -> None:
    assert mainland_wording(written) == read


def test_a_table_captioned_in_regional_wording_leaves_the_prose_before_it(gazetteer: Gazetteer) -> None:
    body = ("2024年前三季度,日照市地区生产总值1810亿元,同比增长5.2%。\n日照市2024年首三季主要指标\n"
            "| 指标 | 数值 | 增长(%) |\n| 进出口总额 | 972.5 | 6.1 |\n| 一般公共预算收入 | 255.3 | 4.3 |")
    rows = sorted(row(f) for f in facts_of(gazetteer, "日照市经济简报", body, published=_PUBLISHED))
    assert rows == ["日照市 | 一般公共预算收入 | 2024Q1-Q3 | 255.3 | 4.3",
                    "日照市 | 地区生产总值 | 2024Q1-Q3 | 1810 | 5.2",
                    "日照市 | 进出口总额 | 2024Q1-Q3 | 972.5 | 6.1"]
