"""Example clauses for the list-like figure forms of the clause grammar, each with the facts it must give: counts
listed before the things they count (有16万家工业企业、1.3万家…), growth rates listed, round counts (超千场),
people in bare 万, and enumerated ratios whose last two names are joined (农、林、牧、渔及其服务业…之比)."""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row_with_unit

T = "东莞市2023年经济运行情况"
COUNTS_BEFORE_NOUNS = [
    ("2023年,东莞有16万家工业企业、1.3万家规上工业企业、160家专精特新企业。",
     ["东莞市 | 工业企业 | 2023 | 16万家 | -", "东莞市 | 规上工业企业 | 2023 | 1.3万家 | -",
      "东莞市 | 专精特新中小企业 | 2023 | 160家 | -"]),
    ("2023年,全市新认定32个省级重点项目和8个市级重点项目。",
     ["东莞市 | 省级重点项目 | 2023 | 32个 | -", "东莞市 | 市级重点项目 | 2023 | 8个 | -"]),
    ("2023年,东莞有1.6万家工业企业,其中1200家规上工业企业。",
     ["东莞市 | 工业企业 | 2023 | 1.6万家 | -", "东莞市 | 规上工业企业 | 2023 | 1200家 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), COUNTS_BEFORE_NOUNS)
def test_counts_listed_before_their_nouns(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


def test_a_count_qualifying_the_next_figure_is_no_figure(gazetteer) -> None:
    facts = facts_of(gazetteer, T, "2023年,全市31个省级重点项目完成投资占年度计划的61.2%。")
    assert [f.value_text for f in facts if f.unit == "个"] == []
    assert [f.value_text for f in facts] == ["61.2"]  # the progress named by its own metric is still read


GROWTHS_LISTED = [
    ("2023年,全市机械设备投资增长31.2%、电子设备投资增长16.7%、汽车制造投资下降2.5%。",
     ["东莞市 | 机械设备投资 | 2023 | - | 31.2", "东莞市 | 电子设备投资 | 2023 | - | 16.7",
      "东莞市 | 汽车制造投资 | 2023 | - | -2.5"]),
    # a second rate of the same metric names no metric: it is no fact of its own
    ("2023年,全市工业投资增长3.2%、增速比上年提高1.1个百分点。", ["东莞市 | 工业投资 | 2023 | - | 3.2"]),
]


@pytest.mark.parametrize(("body", "expected"), GROWTHS_LISTED)
def test_growth_rates_listed_each_after_its_metric(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


SHORT_HEADS = [
    # 营收 (营业收入 shortened) ends a metric's noun phrase, whatever the tagger makes of it
    ("2023年,全市人工智能核心产业营收5200亿元左右、增长18%以上。",
     ["东莞市 | 人工智能核心产业营收 | 2023 | 5200亿元 | 18"]),
    ("2023年,全市平台企业营收增长6%以上。", ["东莞市 | 平台企业营收 | 2023 | - | 6"]),
    # livestock sold or kept (出栏, 出笼, tagged as verbs) ends a metric like 产量
    ("2023年,全市生猪出栏58.3万头,增长1.5%;家禽出笼885.3万只,下降0.4%。",
     ["东莞市 | 生猪出栏 | 2023 | 58.3万头 | 1.5", "东莞市 | 家禽出笼 | 2023 | 885.3万只 | -0.4"]),
]


@pytest.mark.parametrize(("body", "expected"), SHORT_HEADS)
def test_short_heads_end_a_metric(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


ROUND_AND_PEOPLE = [
    ("2023年,全市举办超千场体育赛事、近百场文艺演出。",
     ["东莞市 | 体育赛事 | 2023 | 1000场 | -", "东莞市 | 文艺演出 | 2023 | 100场 | -"]),
    ("2023年,全市技能人才总量超58万,旅居人数超120万。",
     ["东莞市 | 技能人才总量 | 2023 | 58万人 | -", "东莞市 | 旅居人数 | 2023 | 120万人 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), ROUND_AND_PEOPLE)
def test_round_counts_and_people_in_bare_wan(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


ENUMERATED_RATIOS = [
    # the last two names joined by a conjunction; 其 (or a list of sectors) makes the second theirs
    ("曹县2020年统计公报", "2020年,全县农、林、牧、渔及其服务业产值之比为68.4∶2.3∶21.5∶4.6∶3.2。",
     ["曹县 | 农业产值占比 | 2020 | 68.4% | -", "曹县 | 林业产值占比 | 2020 | 2.3% | -",
      "曹县 | 牧业产值占比 | 2020 | 21.5% | -", "曹县 | 渔业产值占比 | 2020 | 4.6% | -",
      "曹县 | 农林牧渔服务业产值占比 | 2020 | 3.2% | -"]),
    ("曹县2020年统计公报", "2020年,全县农、林、牧、渔业及服务业产值之比为69.1∶2.2∶20.7∶5.0∶3.0。",
     ["曹县 | 农业产值占比 | 2020 | 69.1% | -", "曹县 | 林业产值占比 | 2020 | 2.2% | -",
      "曹县 | 牧业产值占比 | 2020 | 20.7% | -", "曹县 | 渔业产值占比 | 2020 | 5.0% | -",
      "曹县 | 农林牧渔服务业产值占比 | 2020 | 3.0% | -"]),
    # industries, not sectors of farming: 服务业 is the whole economy's
    ("曹县2020年统计公报", "2020年,全县工业、建筑业和服务业增加值之比为41∶19∶40。",
     ["曹县 | 工业增加值占比 | 2020 | 41% | -", "曹县 | 建筑业增加值占比 | 2020 | 19% | -",
      "曹县 | 第三产业占比 | 2020 | 40% | -"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), ENUMERATED_RATIOS)
def test_enumerated_ratio_with_a_joined_last_pair(gazetteer, title: str, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected


OTHER_LEVELS = [
    ("2023年,全市拥有国家级农业产业化重点龙头企业8家,省级27家。",
     ["东莞市 | 国家级农业产业化重点龙头企业 | 2023 | 8家 | -",
      "东莞市 | 省级农业产业化重点龙头企业 | 2023 | 27家 | -"]),
    ("2023年,全市新增国家级专精特新小巨人企业12家、省级56家。",
     # the period's new ones at both levels: 新增 is part of what is counted
     ["东莞市 | 新增国家级专精特新小巨人企业 | 2023 | 12家 | -",
      "东莞市 | 新增省级专精特新小巨人企业 | 2023 | 56家 | -"]),
    # a level of a kind of its own is no ellipsis
    ("2023年,全市有省级开发区3个,县级以上医院12家。",
     ["东莞市 | 省级开发区 | 2023 | 3个 | -", "东莞市 | 县级以上医院 | 2023 | 12家 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), OTHER_LEVELS)
def test_a_bare_level_is_the_kind_before_at_that_level(gazetteer, body: str, expected: list[str]) -> None:
    assert [row_with_unit(f) for f in facts_of(gazetteer, T, body)] == expected


def test_a_count_before_a_count_of_people_names_no_metric_for_them(gazetteer) -> None:
    facts = facts_of(gazetteer, T, "2023年,全市实现18个贫困村退出、9000人脱贫。")
    assert [row_with_unit(f) for f in facts if f.unit == "人"] == []
