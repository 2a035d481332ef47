"""Other places' figures in brackets beside the subject's (knowledge/extract/compared.py). The articles are
short and written for the test; a row is "region | metric | period | value | growth"."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row, row_with_unit

COMPARED = [
    # each bracketed place gets the growth rate of the quantity compared; 全省 is the subject's province
    ("潍坊市2021年上半年经济运行",
     "2021年上半年,潍坊市生产总值为3100.2亿元,同比增长9.1%。增速高于全国(8.2%),全省(8.6%)。",
     ["潍坊市 | 地区生产总值 | 2021H1 | 3100.2 | 9.1", "全国 | 地区生产总值 | 2021H1 | - | 8.2",
      "山东省 | 地区生产总值 | 2021H1 | - | 8.6"]),
    # the quantity named in the clause (GDP增速), a yardstick word after the place
    ("山东省2021年上半年经济运行", "上半年山东GDP同比增长9.7%。和全国比较,山东的GDP增速快于全国水平(8.1%)。",
     ["山东省 | 地区生产总值 | 2021H1 | - | 9.7", "全国 | 地区生产总值 | 2021H1 | - | 8.1"]),
]
REFUSED = [
    # an item that is no place: the run is not read at all
    ("潍坊市2021年上半年经济运行", "2021年上半年,潍坊市生产总值同比增长9.1%,高于全国(8.2%)和某某集团(7.0%)。"),
    # a level compared (no 增速): the bracketed figure names no quantity this reading can trust
    ("潍坊市2021年上半年经济运行", "2021年上半年,潍坊市居民人均可支配收入为2.1万元,高于全国(1.8万元)。"),
]


@pytest.mark.parametrize(("title", "body", "expected"), COMPARED)
def test_bracketed_places_get_the_compared_growth(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row(f) for f in facts_of(gazetteer, title, body)] == expected


@pytest.mark.parametrize(("title", "body"), REFUSED)
def test_bracketed_figures_that_do_not_pair_give_no_place_fact(gazetteer, title: str, body: str) -> None:
    assert all(f.region.name == "潍坊市" for f in facts_of(gazetteer, title, body))


BRACKETED_LISTS = [
    ("2023年,地区生产总值排名前三的省份为广东省(13.6万亿元)、江苏省(12.8万亿元)、山东省(9.2万亿元)。",
     ["广东省 | 地区生产总值 | 2023 | 13.6万亿元 | -", "江苏省 | 地区生产总值 | 2023 | 12.8万亿元 | -",
      "山东省 | 地区生产总值 | 2023 | 9.2万亿元 | -"]),
    ("2023年GDP总量前三位依次是:广东(13.5万亿元)、江苏(12.7万亿元)、山东(9.1万亿元)。",
     ["广东省 | 地区生产总值 | 2023 | 13.5万亿元 | -", "江苏省 | 地区生产总值 | 2023 | 12.7万亿元 | -",
      "山东省 | 地区生产总值 | 2023 | 9.1万亿元 | -"]),
    ("2023年GDP增速前三的是西藏(9.2%)、海南(8.4%)和内蒙古(7.1%)。",
     ["西藏自治区 | 地区生产总值 | 2023 | - | 9.2", "海南省 | 地区生产总值 | 2023 | - | 8.4",
      "内蒙古自治区 | 地区生产总值 | 2023 | - | 7.1"]),
    # no metric named, or one outside the catalogue (an increment), or a level in %: nothing is sure
    ("2023年,广东(59518亿元)、江苏(56909亿元)和浙江(36222亿元)仍是经济强省。", []),
    ("2023年,常住人口增量较多的省份有广东(59万人)、浙江(50万人)。", []),
    ("2023年,地区生产总值排名前二的省份为广东(9.5%)、江苏(8.1%)。", []),
]


@pytest.mark.parametrize(("body", "expected"), BRACKETED_LISTS)
def test_places_listed_with_their_values_in_brackets(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, "2023年各省经济数据", body)] == expected
