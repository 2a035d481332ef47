"""The metric phrase before a value: example clauses for each rule family, and the noun-phrase check on every
metric name the extractor stores (seeds and, where present, ../shared/corpus).

Rows read "region | metric | period | value | growth"; every clause is written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract.metric_ellipsis import complete_metric
from knowledge.extract.metricphrase import is_metric_name, share_name
from knowledge.extract.nounphrase import is_noun_phrase, is_only_verbs, noun_phrase_in
from knowledge.extract.pipeline import parse_or_error
from knowledge.text.corpus import read_file
from tests.extract.test_clauses import facts_of, row

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
TITLE = "威海市2017年国民经济和社会发展统计公报"

SUBJECT_CHAIN = [
    ("全年规模以上工业企业900家,实现主营业务收入3200.5亿元、利税300.2亿元、利润180.6亿元。",
     ["威海市 | 规上工业企业 | 2017 | 900 | -", "威海市 | 规上工业营业收入 | 2017 | 3200.5 | -",
      "威海市 | 规上工业利税 | 2017 | 300.2 | -", "威海市 | 规上工业利润总额 | 2017 | 180.6 | -"]),
    ("全市建筑业实现增加值95.5亿元,实现利税12亿元。",
     ["威海市 | 建筑业增加值 | 2017 | 95.5 | -", "威海市 | 建筑业利税 | 2017 | 12 | -"]),
    # an attached total (总投资) is of the things just counted: not of the verb that introduced them, nor of
    # their number
    ("全市确定市级重点项目60个,总投资420亿元。",
     ["威海市 | 市级重点项目 | 2017 | 60 | -", "威海市 | 市级重点项目总投资 | 2017 | 420 | -"]),
    # a bar named without its quantity after one named with it is a bar on the same quantity
    ("全市地区生产总值过百亿元的镇有3个,过50亿元的有7个。",
     ["威海市 | 地区生产总值过百亿元的镇 | 2017 | 3 | -", "威海市 | 地区生产总值过50亿元的镇 | 2017 | 7 | -"]),
    ("全市税收收入超十亿元的镇有2个,超5亿元的镇有6个。",
     ["威海市 | 税收收入超10亿元的镇 | 2017 | 2 | -", "威海市 | 税收收入超5亿元的镇 | 2017 | 6 | -"]),
    ("全市省级重点项目总数达18个,总投资96亿元。",
     ["威海市 | 省级重点项目总数 | 2017 | 18 | -", "威海市 | 省级重点项目总投资 | 2017 | 96 | -"]),
]

COUNT_NOUNS = [
    ("全市设有3个市辖区、5个县级市、40个街道。",
     ["威海市 | 市辖区 | 2017 | 3 | -", "威海市 | 县级市 | 2017 | 5 | -", "威海市 | 街道 | 2017 | 40 | -"]),
    ("全市下设6个工作专班及9个服务小组。",
     ["威海市 | 工作专班 | 2017 | 6 | -", "威海市 | 服务小组 | 2017 | 9 | -"]),
    ("全市已形成80余家新材料及其配套企业抱团发展。", ["威海市 | 新材料及其配套企业 | 2017 | 80 | -"]),
    # after examples of the things counted (甲、乙等N个…) or at the head of brackets explaining the words before,
    # the count names what follows it; a kind joined with the counted noun's head is already a kind of them
    ("全市海洋食品、渔具等3个集群被认定为省级特色产业群。", ["威海市 | 省级特色产业群 | 2017 | 3 | -"]),
    # a count of parks is the place's figure (a park's own figures are not); what is done with the things
    # counted, written after them, is no part of their name
    ("全市启动海洋食品、智能制造等6个园区规划建设。", ["威海市 | 园区 | 2017 | 6 | -"]),
    ("全市工业园区实现产值50亿元。", []),
    ("全市谋划8个产业园区。", ["威海市 | 产业园区 | 2017 | 8 | -"]),  # 谋划 is the act, the parks are counted
    # the items of a list after the first share the act the first was named with (新建, 改扩建)
    ("全市新建、改扩建乡镇中学4所、乡镇小学9所。",
     ["威海市 | 新建、改扩建乡镇中学 | 2017 | 4 | -", "威海市 | 新建、改扩建乡镇小学 | 2017 | 9 | -"]),
    ("全市新建农村公路80公里、旅游公路35公里。",
     ["威海市 | 新建农村公路 | 2017 | 80 | -", "威海市 | 新建旅游公路 | 2017 | 35 | -"]),
    # joining the list a kind is published in is joining the kind
    ("全市7家企业入选省级瞪羚企业公示名单。", ["威海市 | 省级瞪羚企业 | 2017 | 7 | -"]),
    ("全市搭建起“1+2”工作架构(1个工作专班,下设2个服务小组)。",
     ["威海市 | 工作专班 | 2017 | 1 | -", "威海市 | 服务小组 | 2017 | 2 | -"]),
]

TRIMMED = [
    ("全市城镇化率提高到61.5%。", ["威海市 | 城镇化率 | 2017 | 61.5 | -"]),
    ("全市规模以上工业企业发展至1200家。", ["威海市 | 规上工业企业 | 2017 | 1200 | -"]),
    ("全市项目开工率91.2%,投资完成率70.4%。",
     ["威海市 | 项目开工率 | 2017 | 91.2 | -", "威海市 | 投资完成率 | 2017 | 70.4 | -"]),
    ("县域生产总值1800亿元。", ["威海市 | 县域生产总值 | 2017 | 1800 | -"]),
]

NOT_A_FACT = [
    # an average over two years is neither the year's growth nor a metric called 两年平
    ("全市地区生产总值增长6.0%,两年平均增长5.1%。", ["威海市 | 地区生产总值 | 2017 | - | 6.0"]),
    # a list's size: the places are named in the phrase
    ("全省经济总量超千亿元的城市中,烟台、潍坊、临沂3市增速较快。", []),
    # a comparison between places, not the subject's own figure
    ("烟台和潍坊的GDP增速分别为6%。", []),
    # thresholds passed on the way are not the value (one passed alone is, as a bound: test_figure_forms.py)
    ("全市地区生产总值连跨2000亿元、3000亿元两大台阶。", []),
    # a predicate with no noun is no metric: the money is given, what it buys is not named
    ("全市还拿出3000万元。", []),
    # the parts or the sum after a park's figure are the park's too; after the place's own, the place's
    ("全市科技产业园入驻企业30家,其中高新技术企业6家,新材料产业园入驻企业20家,总投资40亿元。", []),
    ("全市规上工业企业900家,其中高新技术企业160家。",
     ["威海市 | 规上工业企业 | 2017 | 900 | -", "威海市 | 高新技术企业 | 2017 | 160 | -"]),
]

INNER_FIGURES = [
    # whom a sum went to, then what it was
    ("全市为3200家企业发放稳岗补贴5100万元。", ["威海市 | 稳岗补贴 | 2017 | 5100 | -"]),
    # a count after the metric, then the sum
    ("全市发放创业担保贷款0.9万笔、12.5亿元。",
     ["威海市 | 创业担保贷款 | 2017 | 12.5 | -"]),
    # a count qualifying the metric
    ("全市12个重点行业增加值增长6.1%。", ["威海市 | 重点行业增加值 | 2017 | - | 6.1"]),
    # a sum over a set of places is not the subject's figure
    ("全国有8个省份GDP总量合计3万亿元。", []),
]

QUALIFIED_GROWTH = [
    # the comparable-price rate is the level's growth when both are written (tests/extract/test_growth_lists.py)
    ("全市居民人均可支配收入41000元,名义增长6.0%,实际增长4.1%。",
     ["威海市 | 居民人均可支配收入 | 2017 | 41000 | 4.1"]),
    ("全市一般公共预算收入273亿元,同口径增长7.2%。",
     ["威海市 | 一般公共预算收入 | 2017 | 273 | 7.2"]),
    ("全市地区生产总值3480.1亿元,增量205亿元。",
     ["威海市 | 地区生产总值 | 2017 | 3480.1 | -", "威海市 | 地区生产总值增量 | 2017 | 205 | -"]),
]

RESTATED = [
    ("全市地区生产总值3410.5亿元。全年地区生产总值3410.5亿元,在全省位居前列。",
     ["威海市 | 地区生产总值 | 2017 | 3410.5 | -"]),
]

CASES = SUBJECT_CHAIN + COUNT_NOUNS + TRIMMED + NOT_A_FACT + INNER_FIGURES + QUALIFIED_GROWTH + RESTATED
IDS = ([f"chain-{i}" for i in range(len(SUBJECT_CHAIN))] + [f"count-{i}" for i in range(len(COUNT_NOUNS))]
       + [f"trim-{i}" for i in range(len(TRIMMED))] + [f"not-a-fact-{i}" for i in range(len(NOT_A_FACT))]
       + [f"inner-figure-{i}" for i in range(len(INNER_FIGURES))]
       + [f"qualified-growth-{i}" for i in range(len(QUALIFIED_GROWTH))]
       + [f"restated-{i}" for i in range(len(RESTATED))])


@pytest.mark.parametrize(("body", "expected"), CASES, ids=IDS)
def test_example_clause_gives_its_facts(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("城镇化率提高到", "城镇化率"),
    ("规模以上工业企业发展至", "规模以上工业企业"),
    ("确定省市县重点项目", "省市县重点项目"),
    ("一般公共预算收入过百亿元的县", "一般公共预算收入过百亿元的县"),
    ("新增四上企业", "新增四上企业"),
    ("支出占比", "支出占比"),
    ("还拿出", None),
    ("占据", None),
    ("金融机构伸出了援助之手", None),
    ("比上年", None),
    ("现在的", None),
    ("壮大产业规模、优化产业结构、提升产业能级", None),
], ids=lambda v: str(v))
def test_noun_phrase_in_finds_the_metric_or_rejects(phrase, expected):
    assert noun_phrase_in(phrase) == expected


@pytest.mark.parametrize(("garbage", "unit"), [
    ("比上年", "%"), ("还拿出", "万元"), ("金融机构伸出了援助之手", "家"), ("占据", "席"), ("增长2.9%", "%"),
    ("还拿出", "人"), ("新增", "户"), ("开工", "个"),
], ids=str)
def test_the_stored_name_check_rejects_garbage(garbage, unit):
    assert not is_metric_name(garbage, unit)


def _stored_metric_names(gazetteer, paths: list[Path]) -> set[tuple[str, str | None]]:
    manifests: dict = {}
    names: set[tuple[str, str | None]] = set()
    for path in paths:
        parsed = parse_or_error(read_file(path, manifests=manifests), gazetteer)
        if not isinstance(parsed, Exception):
            names.update((f.metric, f.unit) for f in parsed.facts)
    return names


def test_no_stored_metric_name_of_the_seeds_fails_the_check(gazetteer):
    names = _stored_metric_names(gazetteer, sorted((ROOT / "knowledge" / "articles").glob("*.txt")))
    assert names and [n for n in sorted(names, key=str) if not is_metric_name(*n)] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_no_stored_metric_name_of_the_corpus_fails_the_check(gazetteer):
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".md"))
    names = _stored_metric_names(gazetteer, paths)
    assert names and [n for n in sorted(names, key=str) if not is_metric_name(*n)] == []


def test_open_names_are_noun_phrases_not_predicates():
    assert is_noun_phrase("投资完成率") and not is_noun_phrase("还拿出")


@pytest.mark.parametrize(("surface", "expected"), [
    ("第二产业增加值占全市地区生产总值比重", "第二产业占比"),  # the catalogue's name of the share
    ("服务业增加值占GDP比重", "第三产业占比"),
    ("教育支出占一般公共预算支出的", "教育支出占比"),
    ("数字经济增加值占生产总值比重", "数字经济增加值占比"),
    ("县域税收收入占全省税收收入比重", "县域税收收入占全省比重"),  # a share of the parent region says so
    ("制造业增加值占GDP的比重", "制造业增加值占GDP比重"),  # the catalogue's, found through its 制造业占比
    ("重点项目投资占年度计划", None),  # a rate of completion, not a share
    # progress against a plan names the plan, and the things counted without their number
    ("12个重点项目投资占年度计划的", "重点项目投资占年度计划比重"),
    ("外贸产品占全国市场份额", None),
    ("占地面积", None),
], ids=str)
def test_a_share_is_named_part_plus_share(surface, expected):
    assert share_name(surface) == expected


SHARES = [
    ("全年第一产业增加值占生产总值比重为6.5%,民生支出占一般公共预算支出的78.2%。",
     ["威海市 | 第一产业占比 | 2017 | 6.5 | -", "威海市 | 民生支出占比 | 2017 | 78.2 | -"]),
]


def test_progress_against_a_plan_is_no_target(gazetteer):
    facts = facts_of(gazetteer, TITLE, "全市12个市级重点项目完成投资占年度计划的58.5%。")
    expected = [("威海市 | 市级重点项目投资占年度计划比重 | 2017 | 58.5 | -", None)]
    assert [(row(f), f.qualifier) for f in facts] == expected


@pytest.mark.parametrize(("body", "expected"), SHARES, ids=str)
def test_share_clauses(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


HEADINGS_AND_NOTES = [
    # a heading run into the text, then a period: the metric is what follows the period
    ("综合实力全年实现生产总值3100.5亿元。", ["威海市 | 地区生产总值 | 2017 | 3100.5 | -"]),
    ("农村经济全年农林牧渔业实现总产值410亿元。", ["威海市 | 农林牧渔业总产值 | 2017 | 410 | -"]),
    # unless the words before the period still belong to the name
    ("城镇居民全年人均可支配收入42000元。", ["威海市 | 城镇居民人均可支配收入 | 2017 | 42000 | -"]),
    # how a figure was counted is no part of its name
    ("按户籍人口计算人均地区生产总值95000元。", ["威海市 | 人均地区生产总值 | 2017 | 95000 | -"]),
    ("一般公共预算收入300亿元、增长2.1%,扣除留抵退税因素后增长8.5%。",
     ["威海市 | 一般公共预算收入 | 2017 | 300 | 2.1"]),
    # a product's output is its 产量
    ("全年苹果总产30.5万吨,花生总产量12万吨。",
     ["威海市 | 苹果产量 | 2017 | 30.5 | -", "威海市 | 花生产量 | 2017 | 12 | -"]),
    # a topic named with 方面 is no part of the name after it
    ("内贸和外贸方面全市电商平台交易额12.3亿元。", ["威海市 | 电商平台交易额 | 2017 | 12.3 | -"]),
    # the retail sales of the consumer goods market are the catalogue's 社会消费品零售总额
    ("全年全市消费品市场实现零售额86.5亿元,增长4.2%。", ["威海市 | 社会消费品零售总额 | 2017 | 86.5 | 4.2"]),
]


@pytest.mark.parametrize(("body", "expected"), HEADINGS_AND_NOTES, ids=str)
def test_headings_notes_and_output_heads(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


def test_a_figure_restated_with_its_growth_is_one_fact(gazetteer):
    body = "全市粮食总产60万吨。\n\n据调查,全市粮食总产达到60万吨,比上年增长3.2%。"
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == ["威海市 | 粮食产量 | 2017 | 60 | 3.2"]


SHARED_HEADS = [
    # a bare thing in the unit of the quantity before it is a part of that quantity
    ("全年花卉播种面积520公顷,产量3100吨;草莓80公顷,产量900吨。",
     ["威海市 | 花卉播种面积 | 2017 | 520 | -", "威海市 | 花卉产量 | 2017 | 3100 | -",
      "威海市 | 草莓播种面积 | 2017 | 80 | -", "威海市 | 草莓产量 | 2017 | 900 | -"]),
    ("全年水产品总产量20万吨,其中:海水产品18万吨,淡水产品2万吨。",
     ["威海市 | 水产品产量 | 2017 | 20 | -", "威海市 | 海水产品产量 | 2017 | 18 | -",
      "威海市 | 淡水产品产量 | 2017 | 2 | -"]),
    # the whole named in a clause of its own: 第三产业增加值中,…
    ("第三产业增加值中,批发和零售业5200万元,金融业3100万元。",
     ["威海市 | 批发和零售业增加值 | 2017 | 5200 | -", "威海市 | 金融业增加值 | 2017 | 3100 | -"]),
    # an industry named by two words joined by 、 is still one short thing, and the chain goes on after it
    ("第三产业增加值中,交通运输、仓储邮政业4100万元,金融业3100万元。",
     ["威海市 | 交通运输、仓储邮政业增加值 | 2017 | 4100 | -", "威海市 | 金融业增加值 | 2017 | 3100 | -"]),
    # another unit, a quantity of its own, or a count: no shared head
    ("全年蔬菜播种面积900公顷,果农1200户。",
     ["威海市 | 蔬菜播种面积 | 2017 | 900 | -", "威海市 | 果农 | 2017 | 1200 | -"]),
    ("第三产业增加值120亿元,净增额9亿元。",
     ["威海市 | 第三产业增加值 | 2017 | 120 | -", "威海市 | 净增额 | 2017 | 9 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), SHARED_HEADS, ids=str)
def test_a_bare_part_shares_the_head_of_its_whole(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


COUNTED_KINDS_AND_OWNERS = [
    # things counted by the kind they joined; a batch number is no part of the kind
    ("全年3家企业入选省第五批专精特新企业,5家企业获评国家绿色工厂。",
     ["威海市 | 省专精特新企业 | 2017 | 3 | -", "威海市 | 国家绿色工厂企业 | 2017 | 5 | -"]),
    # a negative value keeps its sign
    ("全市人口自然增长率为-1.25‰。", ["威海市 | 人口自然增长率 | 2017 | -1.25 | -"]),
    # a contribution to another quantity's growth is no metric of the place
    ("全年服务业增加值1800亿元,拉动经济增长3.2个百分点。", ["威海市 | 服务业增加值 | 2017 | 1800 | -"]),
    # a value in brackets after another place is that place's, not the subject's (compared.py)
    ("全市地区生产总值增长6.1%,增速高于全国(5.2%)、全省(5.6%)。",
     ["威海市 | 地区生产总值 | 2017 | - | 6.1", "全国 | 地区生产总值 | 2017 | - | 5.2",
      "山东省 | 地区生产总值 | 2017 | - | 5.6"]),
]


@pytest.mark.parametrize(("body", "expected"), COUNTED_KINDS_AND_OWNERS, ids=str)
def test_counted_kinds_signs_contributions_and_owners(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


RATIOS_AND_CONTRIBUTIONS = [
    # a ratio to a base of 100 is a figure without a unit
    ("全县男女性别比为104.2(以女性为100)。", ["威海市 | 男女性别比 | 2017 | 104.2 | -"]),
    ("全县的男女性别比为100.7:100。", ["威海市 | 男女性别比 | 2017 | 100.7 | -"]),
    # the contribution of the quantity named before to a total's growth
    ("全年第三产业增加值增长8.0%,对经济增长贡献率达到61.5%。",
     ["威海市 | 第三产业增加值 | 2017 | - | 8.0", "威海市 | 第三产业对经济增长贡献率 | 2017 | 61.5 | -"]),
]


@pytest.mark.parametrize(("body", "expected"), RATIOS_AND_CONTRIBUTIONS, ids=str)
def test_ratios_to_100_and_contributions(gazetteer, body, expected):
    assert [row(f) for f in facts_of(gazetteer, TITLE, body)] == expected


def test_a_noun_with_a_bracketed_noun_passes_the_check_and_a_predicate_does_not():
    assert is_metric_name("乡镇(街道)", "个") and not is_metric_name("还拿出(街道)", "个")


def test_a_bare_rate_is_the_rate_of_the_things_just_counted(gazetteer):
    # 开工率 says not whose rate it is; the clause before counted the projects it is of
    body = "上半年,86个重点项目开工建设,开工率91.2%。"
    assert [row(f) for f in facts_of(gazetteer, "莱阳市2021年经济运行", body)] == [
        "莱阳市 | 重点项目 | 2021H1 | 86 | -", "莱阳市 | 重点项目开工率 | 2021H1 | 91.2 | -"]


@pytest.mark.parametrize(("phrase", "previous", "expected"), [
    ("开工率", "重点项目开工建设", "重点项目开工率"),  # the things counted just before own the rate
    ("开工率", "地区生产总值", "开工率"),  # an amount owns no rate of completion
    ("开工率", "存款余额", "开工率"),
    ("城镇化率", "常住人口", "城镇化率"),  # a catalogue rate says whose it is
], ids=str)
def test_a_bare_rate_takes_an_owner_only_from_things_counted(phrase, previous, expected):
    assert complete_metric(phrase, previous) == expected


@pytest.mark.parametrize(("words", "expected"), [("开复工", True), ("完成", True), ("森林覆盖", False),
                                                 ("投资完成", False), ("", False)], ids=str)
def test_only_verbs_are_acts_without_a_thing(words, expected):
    assert is_only_verbs(words) is expected



@pytest.mark.parametrize(("clause", "expected"), [
    ("全市水库蓄水量首次突破8亿立方米。", "威海市 | 水库蓄水量 | 2017 | 8 | -"),
    ("全市旅游总收入首度突破120亿元。", "威海市 | 旅游总收入 | 2017 | 120 | -"),
], ids=["首次", "首度"])
def test_a_first_time_adverb_is_no_part_of_the_metric(gazetteer, clause: str, expected: str) -> None:
    assert [row(f) for f in facts_of(gazetteer, TITLE, f"2017年,{clause}")] == [expected]


@pytest.mark.parametrize(("clause", "expected"), [
    ("全市服务业增加值占比升至41%。", "威海市 | 第三产业占比 | 2017 | 41 | -"),
    ("全市城镇调查失业率降至4.8%。", "威海市 | 城镇调查失业率 | 2017 | 4.8 | -"),
], ids=["升至", "降至"])
def test_a_level_reached_by_a_change_is_the_level(gazetteer, clause: str, expected: str) -> None:
    assert [row(f) for f in facts_of(gazetteer, TITLE, f"2017年,{clause}")] == [expected]
