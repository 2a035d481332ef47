"""Example clauses for the structured figure forms (knowledge/extract/lists.py): share ratios, 分别 lists and
增长N倍, each with the facts it must give. The articles are short and written for the test.

A row is "region | metric | period | value unit | growth".
"""

from __future__ import annotations

import pytest

from knowledge.extract.context import ArticleContext
from knowledge.extract.lists import read_lists
from knowledge.extract.periods import UNDATED
from knowledge.extract.pipeline import parse_article
from knowledge.text.corpus import ArticleMeta, RawArticle
from tests.extract.kit import facts_of, row_with_unit

RATIOS = [
    ("德州市2019年统计公报", "2019年,全市三次产业结构为8.1:40.2:51.7。",
     ["德州市 | 第一产业占比 | 2019 | 8.1% | -", "德州市 | 第二产业占比 | 2019 | 40.2% | -",
      "德州市 | 第三产业占比 | 2019 | 51.7% | -"]),
    ("临沂市2021年统计公报", "2021年,三次产业比例由上年的9.0:38.5:52.5调整为8.8:39.1:52.1。",
     ["临沂市 | 第一产业占比 | 2020 | 9.0% | -", "临沂市 | 第二产业占比 | 2020 | 38.5% | -",
      "临沂市 | 第三产业占比 | 2020 | 52.5% | -", "临沂市 | 第一产业占比 | 2021 | 8.8% | -",
      "临沂市 | 第二产业占比 | 2021 | 39.1% | -", "临沂市 | 第三产业占比 | 2021 | 52.1% | -"]),
    ("菏泽市2018年统计公报", "2018年,三次产业结构由2015年的12∶45∶43调整为10∶42∶48。",
     ["菏泽市 | 第一产业占比 | 2015 | 12% | -", "菏泽市 | 第二产业占比 | 2015 | 45% | -",
      "菏泽市 | 第三产业占比 | 2015 | 43% | -", "菏泽市 | 第一产业占比 | 2018 | 10% | -",
      "菏泽市 | 第二产业占比 | 2018 | 42% | -", "菏泽市 | 第三产业占比 | 2018 | 48% | -"]),
    ("聊城市2020年统计公报", "2020年,全市农、林、牧、渔业产值之比为60.0:5.0:30.0:5.0。",
     ["聊城市 | 农业产值占比 | 2020 | 60.0% | -", "聊城市 | 林业产值占比 | 2020 | 5.0% | -",
      "聊城市 | 牧业产值占比 | 2020 | 30.0% | -", "聊城市 | 渔业产值占比 | 2020 | 5.0% | -"]),
]

RATIOS += [
    ("潍坊市2011年经济概况", "2011年,全市三次产业比例为9.5∶50.5\n∶40.0。",
     ["潍坊市 | 第一产业占比 | 2011 | 9.5% | -", "潍坊市 | 第二产业占比 | 2011 | 50.5% | -",
      "潍坊市 | 第三产业占比 | 2011 | 40.0% | -"]),
]

RATIOS_REFUSED = [
    # parts that do not add up to a whole are no shares
    ("潍坊市2022年经济运行", "2022年,全市加工产值与农业产值之比为2.1∶1。"),
    # an earlier ratio the text does not date is left out; the later one stands
    ("枣庄市2020年经济运行", "2020年,三次产业比由设市之初的30:50:20调整为2020年的10:40:50。"),
]

RESPECTIVELY = [
    ("滨州市2020年统计公报", "2020年,全市第一、二、三产业增加值分别为200.5亿元、900.1亿元和1000.2亿元,分别增长2.1%、"
     "3.2%和4.3%。",
     ["滨州市 | 第一产业增加值 | 2020 | 200.5亿元 | 2.1", "滨州市 | 第二产业增加值 | 2020 | 900.1亿元 | 3.2",
      "滨州市 | 第三产业增加值 | 2020 | 1000.2亿元 | 4.3"]),
    ("东营市2021年统计公报", "2021年,全市城镇与农村居民人均可支配收入分别为50000元、22000元。",
     ["东营市 | 城镇居民人均可支配收入 | 2021 | 50000元 | -", "东营市 | 农村居民人均可支配收入 | 2021 | 22000元 | -"]),
    ("泰安市2022年统计公报", "2022年,全市城乡居民人均可支配收入分别增长5.4%、6.5%。",
     ["泰安市 | 城镇居民人均可支配收入 | 2022 | - | 5.4", "泰安市 | 农村居民人均可支配收入 | 2022 | - | 6.5"]),
    ("日照市2019年统计公报", "2019年,全市农、林、牧、渔分别实现产值100.0亿元、10.0亿元、50.0亿元和20.0亿元。",
     ["日照市 | 农业产值 | 2019 | 100.0亿元 | -", "日照市 | 林业产值 | 2019 | 10.0亿元 | -",
      "日照市 | 牧业产值 | 2019 | 50.0亿元 | -", "日照市 | 渔业产值 | 2019 | 20.0亿元 | -"]),
    ("威海市2023年经济运行", "2023年,全市电子设备、通用设备制造业增加值分别同比增长8.8%、9.9%。",
     ["威海市 | 电子设备制造业增加值 | 2023 | - | 8.8", "威海市 | 通用设备制造业增加值 | 2023 | - | 9.9"]),
    ("烟台市2023年经济运行", "2023年,全市文化、体育和医疗支出分别增长5%、6%和7%。",
     ["烟台市 | 文化支出 | 2023 | - | 5", "烟台市 | 体育支出 | 2023 | - | 6", "烟台市 | 医疗支出 | 2023 | - | 7"]),
    ("济宁市2015年经济运行", "2015年,全市新兴产业、高端制造业增加值占比分别达到30.5%、40.5%。",
     ["济宁市 | 新兴产业增加值占比 | 2015 | 30.5% | -", "济宁市 | 高端制造业增加值占比 | 2015 | 40.5% | -"]),
    ("莱芜区2018年统计公报", "2018年,全区个体户数、从业人员和注册资金为1.2万户、3.4万人和56.7亿元,分别增长1.5%、2.5%和"
     "3.5%。",
     ["莱芜区 | 个体户数 | 2018 | 1.2万户 | 1.5", "莱芜区 | 个体从业人员 | 2018 | 3.4万人 | 2.5",
      "莱芜区 | 个体注册资金 | 2018 | 56.7亿元 | 3.5"]),
    ("淄博市2018年经济运行", "2018年,全市旅游人次和旅游收入分别增长10.1%、12.2%。",
     ["淄博市 | 旅游人次 | 2018 | - | 10.1", "淄博市 | 旅游总收入 | 2018 | - | 12.2"]),
]

RESPECTIVELY += [
    # a district written after its city (某市某区) opens the list: the figures are the district's, not the city's
    ("包头市青山区2022年经济运行", "2022年,包头市青山区出口、进口分别完成30.5亿元和12.4亿元。",
     ["青山区 | 出口总额 | 2022 | 30.5亿元 | -", "青山区 | 进口总额 | 2022 | 12.4亿元 | -"]),
    ("广州市白云区2022年统计公报", "2022年,广州市白云区城镇居民与农村居民人均可支配收入分别为61000元、33000元。",
     ["白云区 | 城镇居民人均可支配收入 | 2022 | 61000元 | -", "白云区 | 农村居民人均可支配收入 | 2022 | 33000元 | -"]),
]

RESPECTIVELY += [
    ("济南市2021年统计公报", "2021年,全市规上工业增加值、固定资产投资分别增长7.1%、5.2%。",
     ["济南市 | 规上工业增加值 | 2021 | - | 7.1", "济南市 | 固定资产投资 | 2021 | - | 5.2"]),
    ("济南市2021年统计公报", "2021年,全市一、二、三产业增加值分别增长2.1%、3.2%和4.3%。",
     ["济南市 | 第一产业增加值 | 2021 | - | 2.1", "济南市 | 第二产业增加值 | 2021 | - | 3.2",
      "济南市 | 第三产业增加值 | 2021 | - | 4.3"]),
    ("济南市2021年统计公报", "2021年,全市制造业投资、房地产开发投资分别增长5.1%、下降2.3%。",
     ["济南市 | 制造业投资 | 2021 | - | 5.1", "济南市 | 房地产开发投资 | 2021 | - | -2.3"]),
    ("济南市2021年统计公报", "2021年,全市规上工业营业收入、利润总额分别达到1000亿元、80亿元。",
     ["济南市 | 规上工业营业收入 | 2021 | 1000亿元 | -", "济南市 | 规上工业利润总额 | 2021 | 80亿元 | -"]),
    ("济南市2021年统计公报", "2021年,全市金融机构本外币存款余额、贷款余额分别为1000亿元和800亿元。",
     ["济南市 | 金融机构存款余额 | 2021 | 1000亿元 | -", "济南市 | 金融机构贷款余额 | 2021 | 800亿元 | -"]),
    ("济南市2021年统计公报", "2021年,全市地区生产总值、一般公共预算收入分别占全省的8.1%、7.2%。",
     ["济南市 | 地区生产总值占全省比重 | 2021 | 8.1% | -", "济南市 | 一般公共预算收入占全省比重 | 2021 | 7.2% | -"]),
    # no 分别, and a comma where 、 would stand between the first two values
    ("德州市2020年统计公报", "2020年,全市个体工商户户数、从业人员、注册资金为1.2万户,3.5万人和120.5亿元。",
     ["德州市 | 个体工商户户数 | 2020 | 1.2万户 | -", "德州市 | 个体工商户从业人员 | 2020 | 3.5万人 | -",
      "德州市 | 个体工商户注册资金 | 2020 | 120.5亿元 | -"]),
]

PLACES = [
    ("山东省2021年经济运行", "2021年,滨州、聊城、菏泽的GDP增速分别为7.1%、7.5%和8.2%。",
     ["滨州市 | 地区生产总值 | 2021 | - | 7.1", "聊城市 | 地区生产总值 | 2021 | - | 7.5",
      "菏泽市 | 地区生产总值 | 2021 | - | 8.2"]),
    ("山东省2021年经济运行", "2021年,排在前面的潍坊、临沂,全年GDP增速分别为6.1%、6.3%。",
     ["潍坊市 | 地区生产总值 | 2021 | - | 6.1", "临沂市 | 地区生产总值 | 2021 | - | 6.3"]),
    ("山东省2022年经济运行", "2022年,东营和德州的GDP增速分别下降1.2%和2.3%。",
     ["东营市 | 地区生产总值 | 2022 | - | -1.2", "德州市 | 地区生产总值 | 2022 | - | -2.3"]),
    ("山东省2016年上半年经济运行",
     "2016年上半年,烟台、威海等2市的GDP总量也超过1000亿元,分别实现1100.5亿元、1050.2亿元。",
     ["烟台市 | 地区生产总值 | 2016H1 | 1100.5亿元 | -", "威海市 | 地区生产总值 | 2016H1 | 1050.2亿元 | -"]),
    ("山东省2016年上半年经济运行", "2016年上半年,东营和德州GDP增速放缓,分别同比下降1.5%和2.5%。",
     ["东营市 | 地区生产总值 | 2016H1 | - | -1.5", "德州市 | 地区生产总值 | 2016H1 | - | -2.5"]),
]

MULTIPLES = [
    ("青岛市2022年经济运行", "2022年,全市光伏组件、风电设备产量分别增长2.5倍、40.5%。",
     ["青岛市 | 光伏组件产量增长倍数 | 2022 | 2.5倍 | -", "青岛市 | 风电设备产量 | 2022 | - | 40.5"]),
    ("辽宁省2024年政府工作报告", "2024年,全省技术合同成交额增长1.5倍。",
     ["辽宁省 | 技术合同成交额增长倍数 | 2024 | 1.5倍 | -"]),
    ("辽宁省2024年经济运行", "2024年,全省演出季带动文旅收入增长近3倍。",
     ["辽宁省 | 文旅收入增长倍数 | 2024 | 3倍 | -"]),
]

LISTS_REFUSED = [
    # names and values that do not pair one to one
    ("济南市2020年经济运行", "2020年,全市增幅分别比上年提高1.2个、2.3个、3.4个百分点。"),
    # a base and a comparison, not a list of levels
    ("济南市2020年经济运行", "2020年,全市生产总值、财政收入从1990年的20亿元、3亿元增长到2020年的1000亿元、100亿元。"),
    ("济南市2020年经济运行", "2020年,全市收入增速分别高于全省0.5、0.6个百分点。"),
    # a value without its unit before the comma: the comma does not join it to the values after
    ("德州市2020年统计公报", "2020年,全市个体工商户户数、从业人员、注册资金为1.2,3.5万人和120.5亿元。"),
]


def _ids(prefix: str, rows: list) -> list[str]:
    return [f"{prefix}-{i}" for i in range(len(rows))]


@pytest.mark.parametrize(("title", "body", "expected"), RATIOS + RESPECTIVELY + PLACES + MULTIPLES,
                         ids=_ids("ratio", RATIOS) + _ids("respectively", RESPECTIVELY) + _ids("places", PLACES)
                         + _ids("multiple", MULTIPLES))
def test_structured_form_gives_one_fact_per_part(gazetteer, title, body, expected):
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected


def listed_of(gazetteer, title: str, body: str) -> list[str]:
    """What lists.py alone reads from each sentence, as rows without the period."""
    doc = parse_article(RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta()), gazetteer).doc
    ctx = ArticleContext.for_document(doc, gazetteer)
    rows = []
    for sentence in doc.sentences:
        found, _blanked = read_lists(sentence.text, ctx, ctx.subject_at(sentence.text, 0), lambda _at: UNDATED)
        rows += [f"{f.region.name} | {f.metric} | {f.value_text or '-'}{f.unit or ''}" for f in found]
    return rows


def test_ratio_whose_parts_are_no_shares_gives_nothing(gazetteer):
    assert listed_of(gazetteer, *RATIOS_REFUSED[0]) == []


def test_undated_earlier_ratio_is_left_out_and_the_later_one_kept(gazetteer):
    assert listed_of(gazetteer, *RATIOS_REFUSED[1]) == [
        "枣庄市 | 第一产业占比 | 10%", "枣庄市 | 第二产业占比 | 40%", "枣庄市 | 第三产业占比 | 50%"]


@pytest.mark.parametrize(("title", "body"), LISTS_REFUSED, ids=_ids("list-refused", LISTS_REFUSED))
def test_list_that_does_not_pair_gives_no_listed_fact(gazetteer, title, body):
    assert listed_of(gazetteer, title, body) == []


def test_read_form_is_blanked_for_the_clause_reading(gazetteer):
    doc = parse_article(RawArticle("t.txt", "德州市2019年统计公报\n\n全市三次产业结构为8.1:40.2:51.7。\n".encode(),
                                   ArticleMeta()), gazetteer).doc
    ctx = ArticleContext.for_document(doc, gazetteer)
    text = doc.sentences[-1].text
    found, blanked = read_lists(text, ctx, ctx.subject_at(text, 0), lambda _at: UNDATED)
    assert len(found) == 3
    assert len(blanked) == len(text)
    assert "8.1" not in blanked


DIVISIONS = [
    # under a prefecture a bare 区 or 市 is a district or a county-level city; the rest keep their names
    ("潍坊市2011年统计公报", "潍坊市辖3 区、5市、1县,40个镇、30个街道。",
     ["潍坊市 | 市辖区 | 2011 | 3个 | -", "潍坊市 | 县级市 | 2011 | 5个 | -", "潍坊市 | 县 | 2011 | 1个 | -",
      "潍坊市 | 镇 | 2011 | 40个 | -", "潍坊市 | 街道 | 2011 | 30个 | -"]),
    ("威海市2017年统计公报", "全市辖3个区、1个市(县级),20个镇、9个街道,1200个村。",
     ["威海市 | 市辖区 | 2017 | 3个 | -", "威海市 | 县级市 | 2017 | 1个 | -", "威海市 | 镇 | 2017 | 20个 | -",
      "威海市 | 街道 | 2017 | 9个 | -", "威海市 | 村 | 2017 | 1200个 | -"]),
    ("阳谷县2023年统计公报", "全县辖16个乡镇(街道)。", ["阳谷县 | 乡镇(街道) | 2023 | 16个 | -"]),
    # 管辖 and 直辖 govern nothing here
    ("阳谷县2023年统计公报", "全县直辖市场监管所8个。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), DIVISIONS, ids=str)
def test_divisions_governed_are_counted_by_name(gazetteer, title, body, expected):
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected


DIVISION_SETS = [
    # a whole's divisions counted as one set: the count is the whole's, 全省 in a city's text being the province
    ("聊城市2021年经济运行", "2021年,全市134个乡镇(街道)全部通上天然气。", ["聊城市 | 乡镇(街道) | 2021 | 134个 | -"]),
    ("聊城市2021年经济运行", "2021年,聊城在全省136个县(市、区)中率先完成改造。",
     ["山东省 | 县(市、区) | 2021 | 136个 | -"]),
    ("河北省县域经济", "截至2021年底,河北省167个县市区中有20个进入百强。",
     ["河北省 | 县市区 | asof:2021-12-31 | 167个 | -", "河北省 | 进入百强 | asof:2021-12-31 | 20个 | -"]),
    # some of the divisions, not the set: a predicate follows the count
    ("聊城市2021年经济运行", "2021年,全市6个乡镇被评为省级卫生乡镇。", ["聊城市 | 省级卫生乡镇 | 2021 | 6个 | -"]),
    # a part of a year is no period of a count of divisions
    ("聊城市2021年经济运行", "2021年前三季度,全市12个县(市、区)均实现增长。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), DIVISION_SETS, ids=str)
def test_a_wholes_divisions_counted_as_one_set(gazetteer, title, body, expected):
    assert [row_with_unit(f) for f in facts_of(gazetteer, title, body)] == expected
