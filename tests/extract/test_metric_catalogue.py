"""The metric catalogue as data: the bulletin indicators it names, the spellings that are one name
(knowledge/data/metric_forms.toml), and the metric noun phrase's qualifiers (新增, 在建, a size class).

Rows read "region | metric | period | value | growth"; every clause is written for the test.
"""

from __future__ import annotations

import pytest

from knowledge.extract.metricphrase import metric_name
from knowledge.extract.metrics import canonical_metric, metrics
from tests.extract.kit import facts_of, row

SPELLINGS = [
    ("限额以上单位消费品零售额", "限上消费品零售额"),
    ("限上社会消费品零售额", "限上消费品零售额"),
    ("限额以上单位通过公共网络实现的商品零售额", "限上网上零售额"),
    ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入"),
    ("农村常住居民人均可支配收入", "农村居民人均可支配收入"),
    ("全体居民人均消费支出", "居民人均消费支出"),
    ("金融机构本外币各项贷款余额", "金融机构贷款余额"),
    ("人民币各项存款余额", "金融机构存款余额"),
    ("社会消费品零售额", "社会消费品零售总额"),
    ("货物进出口总值", "进出口总额"),
    ("出口总值", "出口总额"),
    ("经济总量", "地区生产总值"),
    ("GDP总量", "地区生产总值"),
    ("实际利用外资金额", "实际使用外资"),
    ("规上工业企业数", "规上工业企业"),
    ("新登记各类市场主体", "新登记市场主体"),
    ("规模以下工业增加值", "规下工业增加值"),
]


@pytest.mark.parametrize(("written", "name"), SPELLINGS, ids=[w for w, _ in SPELLINGS])
def test_a_spelling_of_an_indicator_is_its_catalogue_name(written, name):
    assert canonical_metric(written) == name


# endings are tried only against catalogue names: open words stay open
@pytest.mark.parametrize("written", ["销售额", "交易总额", "项目数", "企业总量"])
def test_an_ending_rule_names_no_indicator_outside_the_catalogue(written):
    assert canonical_metric(written) is None


def test_every_spelling_of_the_catalogue_names_one_indicator():
    seen: dict[str, str] = {}
    for metric in metrics().values():
        for surface in (metric.name, *metric.synonyms):
            known = canonical_metric(surface)
            assert known is not None, surface
            seen.setdefault(surface, known)
            assert seen[surface] == known, surface


TITLE = "莱芜区2021年国民经济和社会发展统计公报"
BULLETIN = [
    ("全年全区限额以上单位消费品零售额88.6亿元,增长7.4%。",
     ["莱芜区 | 限上消费品零售额 | 2021 | 88.6 | 7.4"]),
    ("全年全区货物进出口总值120.5亿元,其中出口总值76.2亿元。",
     ["莱芜区 | 进出口总额 | 2021 | 120.5 | -", "莱芜区 | 出口总额 | 2021 | 76.2 | -"]),
    ("全年城镇常住居民人均可支配收入43120元,农村常住居民人均可支配收入20315元。",
     ["莱芜区 | 城镇居民人均可支配收入 | 2021 | 43120 | -", "莱芜区 | 农村居民人均可支配收入 | 2021 | 20315 | -"]),
    ("全年油料产量6.3万吨,蔬菜及食用菌产量95.2万吨,肉类总产量8.1万吨。",
     ["莱芜区 | 油料产量 | 2021 | 6.3 | -", "莱芜区 | 蔬菜产量 | 2021 | 95.2 | -",
      "莱芜区 | 肉类产量 | 2021 | 8.1 | -"]),
    ("全年快递业务量1.6亿件,快递业务收入11.3亿元。",
     ["莱芜区 | 快递业务量 | 2021 | 1.6 | -", "莱芜区 | 快递业务收入 | 2021 | 11.3 | -"]),
    ("全年技术合同成交额23.4亿元,每万人口发明专利拥有量9.6件。",
     ["莱芜区 | 技术合同成交额 | 2021 | 23.4 | -", "莱芜区 | 每万人口发明专利拥有量 | 2021 | 9.6 | -"]),
    ("全年研究与试验发展经费支出18.2亿元,占地区生产总值的比重为2.4%。",
     ["莱芜区 | 研发经费投入 | 2021 | 18.2 | -", "莱芜区 | 研发经费投入强度 | 2021 | 2.4 | -"]),
    ("全年城镇调查失业率5.2%,农村劳动力转移就业1.9万人。",
     ["莱芜区 | 城镇调查失业率 | 2021 | 5.2 | -", "莱芜区 | 农村劳动力转移就业 | 2021 | 1.9 | -"]),
    # an elliptical head after the subject's metric takes its subject words
    ("全年规模以上工业企业实现营业收入610.2亿元,产品销售率97.6%。",
     ["莱芜区 | 规上工业营业收入 | 2021 | 610.2 | -", "莱芜区 | 规上工业产品销售率 | 2021 | 97.6 | -"]),
    ("上半年全区规上工业总产值215.3亿元,出口交货值12.8亿元。",
     ["莱芜区 | 规上工业总产值 | 2021H1 | 215.3 | -", "莱芜区 | 规上工业出口交货值 | 2021H1 | 12.8 | -"]),
    # the parts listed and summed are the indicator's breakdown, not part of its name; listed alone they stay
    ("全年铁路、公路、水路货物周转量合计318.6亿吨公里。", ["莱芜区 | 货物周转量 | 2021 | 318.6 | -"]),
    ("全年公路和铁路旅客运输量合计1650万人次。", ["莱芜区 | 旅客运输量 | 2021 | 1650 | -"]),
    ("全年公路、水路旅客运输量1650万人次。", ["莱芜区 | 公路、水路旅客运输量 | 2021 | 1650 | -"]),
    # the areas after real-estate investment are the developers' areas
    ("全年房地产开发投资46.7亿元,新开工面积63.5万平方米,竣工面积40.2万平方米。",
     ["莱芜区 | 房地产开发投资 | 2021 | 46.7 | -", "莱芜区 | 房地产新开工面积 | 2021 | 63.5 | -",
      "莱芜区 | 房地产竣工面积 | 2021 | 40.2 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), BULLETIN, ids=[f"bulletin-{i}" for i in range(len(BULLETIN))])
def test_a_bulletin_indicator_takes_its_catalogue_name(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


QUALIFIED = [
    # the period's new things are not all of them: 新增, 新认定 stay in the name
    ("全区新增高新技术企业27家,新认定省级专精特新中小企业14家。",
     ["莱芜区 | 新增高新技术企业 | 2021 | 27 | -", "莱芜区 | 新认定省级专精特新中小企业 | 2021 | 14 | -"]),
    ("全年新增规上工业企业36家。", ["莱芜区 | 新增规上工业企业 | 2021 | 36 | -"]),
    # the things in the register, not the verb 在 cut off before a stray 库
    ("年末全区在库规上工业企业达到318家。", ["莱芜区 | 在库规上工业企业 | asof:2021-12-31 | 318 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), QUALIFIED, ids=[f"qualified-{i}" for i in range(len(QUALIFIED))])
def test_a_qualifier_of_the_things_counted_stays_in_the_name(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


@pytest.mark.parametrize(("phrase", "name"), [
    ("实施亿元以上重点项目", "亿元以上重点项目"),
    ("推进5000万元以上工业项目", "5000万元以上工业项目"),
    ("新开工亿元以上项目", "新开工亿元以上项目"),
    ("在建项目", "在建项目"),
    ("新增技能人才", "新增技能人才"),
])
def test_metric_phrase_drops_the_predicate_and_keeps_what_names_the_things(phrase, name):
    assert metric_name(phrase) == name


SHORT = [
    ("全年限额以上单位汽车类零售额56.2亿元。", ["莱芜区 | 限上汽车类零售额 | 2021 | 56.2 | -"]),
    ("年末全区规模以上服务业企业214家。", ["莱芜区 | 规上服务业企业 | asof:2021-12-31 | 214 | -"]),
    ("全年限额以上批发业销售额812.5亿元。", ["莱芜区 | 限上批发业销售额 | 2021 | 812.5 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), SHORT, ids=[f"short-{i}" for i in range(len(SHORT))])
def test_an_open_name_is_written_with_the_short_forms(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected
