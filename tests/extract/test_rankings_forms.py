"""Example clauses for each rank-claim form, with the claims each must give (Duckling-style).

Every article here is short and written for the test; a row says (title, body) → the rank claims expected, as
"region | metric | rank | scope | period". Claims without a number (前列) are checked on their own.
"""

from __future__ import annotations

import pytest

from knowledge.extract.claims import ExtractedClaim
from tests.extract.kit import claim_row, claims_of


def ranked(claims: list[ExtractedClaim]) -> list[str]:
    return [claim_row(c) for c in claims if c.position is not None]


PROSE = [
    ("潍坊市2021年统计公报", "2021年,全市实现地区生产总值7000亿元,增长8.0%,总量居全省第4位。",
     ["潍坊市 | 地区生产总值 | 4 | 山东省 | 2021"]),
    ("潍坊市2021年统计公报", "2021年,全市一般公共预算收入600亿元,增长9.0%,增速居全省第一。",
     ["潍坊市 | 一般公共预算收入增速 | 1 | 山东省 | 2021"]),
    ("四川省2023年经济运行", "2023年,四川省地区生产总值6万亿元,增长6.0%,总量和增速均居全国第5位。",
     ["四川省 | 地区生产总值 | 5 | 全国 | 2023", "四川省 | 地区生产总值增速 | 5 | 全国 | 2023"]),
    ("济宁市2019年政府工作报告", "2019年,全市金融机构贷款余额4000亿元,增长15.0%、居全省首位。",
     ["济宁市 | 金融机构贷款余额增速 | 1 | 山东省 | 2019"]),
    ("临沂市兰陵县2021年经济运行", "2021年,全县规上工业增加值增长10.0%,居全市12县区第8。",
     ["兰陵县 | 规上工业增加值增速 | 8 | 临沂市 | 2021"]),
]
CHAINS = [
    ("洛阳市2023年上半年经济运行", "2023年上半年,洛阳市地区生产总值增长6.0%,增速居全省第1位、中部六省第2位。",
     ["洛阳市 | 地区生产总值增速 | 1 | 河南省 | 2023H1", "洛阳市 | 地区生产总值增速 | 2 | 中部六省 | 2023H1"]),
    ("烟台市2022年上半年经济", "2022年上半年,烟台市规上工业增加值增速列山东省第一,进出口总额列山东省第二。",
     ["烟台市 | 规上工业增加值增速 | 1 | 山东省 | 2022H1", "烟台市 | 进出口总额 | 2 | 山东省 | 2022H1"]),
]
METRIC_WORDS = [
    # 连续N年 is an adverbial, not what is ranked: the figure before names it
    ("2022年各省GDP", "2022年,湖南GDP达4.9万亿元,连续12年居全国第9位。", ["湖南省 | 地区生产总值 | 9 | 全国 | 2022"]),
    # 分列 is a rank verb, not a metric word
    ("2022年各省GDP观察", "2022年,福建、湖北分列全国第八、第九位。",
     ["福建省 | 地区生产总值 | 8 | 全国 | 2022", "湖北省 | 地区生产总值 | 9 | 全国 | 2022"]),
    # 以9.1%的增速: the rank is the growth rate's
    ("2022年各省GDP观察", "2022年,江西以4.7%的增速领跑全国。", ["江西省 | 地区生产总值增速 | 1 | 全国 | 2022"]),
    # rates given for the ranks: the growth rates are ranked
    ("2022年各省GDP观察", "2022年,福建、湖北分别以4.7%和4.3%位列全国第四、第五。",
     ["福建省 | 地区生产总值增速 | 4 | 全国 | 2022", "湖北省 | 地区生产总值增速 | 5 | 全国 | 2022"]),
    # the sentence's topic (从增速看) names what its ranks rank
    ("2022年各省GDP观察", "2022年,从增速看,福建、湖北分列全国第四、第五。",
     ["福建省 | 地区生产总值增速 | 4 | 全国 | 2022", "湖北省 | 地区生产总值增速 | 5 | 全国 | 2022"]),
]
NO_SCOPE = [
    # no scope word: the rank is counted within the unit above the subject (a province's is the nation)
    ("2021年前三季度各省GDP", "2021年前三季度,湖南GDP超过3万亿元,位居第九;湖北GDP超过3万亿元,位居第八。",
     ["湖南省 | 地区生产总值 | 9 | 全国 | 2021Q1-Q3", "湖北省 | 地区生产总值 | 8 | 全国 | 2021Q1-Q3"]),
    # the old rank after 由 is not a claim, the new one is
    ("德州市2019年经济运行", "2019年,德州市地区生产总值3000亿元,排名由第9位上升至第8位。",
     ["德州市 | 地区生产总值 | 8 | 山东省 | 2019"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), PROSE + CHAINS + NO_SCOPE + METRIC_WORDS,
                         ids=[f"prose-{i}" for i in range(len(PROSE))]
                         + [f"chain-{i}" for i in range(len(CHAINS))]
                         + [f"no-scope-{i}" for i in range(len(NO_SCOPE))]
                         + [f"metric-words-{i}" for i in range(len(METRIC_WORDS))])
def test_example_clause_gives_its_rank_claims(gazetteer, title, body, expected):
    assert ranked(claims_of(gazetteer, title, body)) == expected


def test_a_claim_said_in_the_title_and_the_text_is_kept_once(gazetteer):
    body = "2021年,全市实现地区生产总值7000亿元,总量居全省第4位。\n\n潍坊市地区生产总值总量居全省第4位。"
    assert ranked(claims_of(gazetteer, "潍坊市2021年统计公报", body)) == ["潍坊市 | 地区生产总值 | 4 | 山东省 | 2021"]


def test_among_the_leaders_is_a_claim_without_a_rank(gazetteer):
    claims = claims_of(gazetteer, "淄博市2022年经济运行", "2022年,淄博市高新技术产业产值占比位居全省前列。")
    assert [(c.subject, c.position, c.scope_name) for c in claims] == [("淄博市", None, "山东省")]


@pytest.mark.parametrize("body", ["2022年,淄博市首次举办国际陶瓷博览会。", "2022年,淄博市居民人均可支配收入增长5%。",
                                  "2022年,淄博市第一产业增加值300亿元。", "2022年,淄博市新增省内首台套技术装备5个。",
                                  "2022年,淄博市新设国内知名首店8家。", "2022年,淄博市建成全省首条氢能公交线路。",
                                  "2022年,淄博市开行全国首趟陶瓷专列。", "2022年,淄博市落地全省首单排污权质押贷款。",
                                  "2022年,淄博市建成全省第一座氢能加注站。", "2022年,淄博市发出全国第一张电子证照。",
                                  "2022年,淄博市GDP稳居全省第一方阵。", "2022年,淄博市GDP增速进入全国第二档。"],
                         ids=["first-time", "residents", "primary-industry", "first-of-a-kind-equipment",
                              "first-stores", "first-line", "first-train", "first-deal", "first-station",
                              "first-licence", "first-tier", "second-band"])
def test_words_that_only_look_like_ranks_give_no_claim(gazetteer, body):
    assert ranked(claims_of(gazetteer, "淄博市2022年经济运行", body)) == []


def test_a_top_claimed_by_a_list_of_places_is_each_places(gazetteer):
    claims = claims_of(gazetteer, "县域经济观察", "2022年,宜兴市、余姚市和慈溪市位列全国前五。")
    assert [(c.subject, c.position, c.scope_name) for c in claims] == [
        ("宜兴市", None, "全国"), ("余姚市", None, "全国"), ("慈溪市", None, "全国")]


def test_one_rank_after_a_list_of_places_is_nobodys(gazetteer):
    # whose second place it is is not said: no claim rather than a guess
    assert ranked(claims_of(gazetteer, "县域经济观察", "2022年,宜兴市、余姚市GDP居全省第二。")) == []


def test_a_tie_after_a_list_of_places_gives_each_the_rank(gazetteer):
    claims = ranked(claims_of(gazetteer, "县域经济观察", "2022年,宜兴市、江阴市GDP增速并列全省第二。"))
    assert [c.split(" | ")[0] + " " + c.split(" | ")[2] for c in claims] == ["宜兴市 2", "江阴市 2"]


def test_a_rank_counted_from_the_end_gives_no_claim(gazetteer):
    # 倒数第二 is no second place, and how many units there were that year is not known
    body = "2023年,衡水市GDP增速居全省倒数第二;邢台市、沧州市分别居倒数第一、第三。"
    assert ranked(claims_of(gazetteer, "河北省经济观察", body)) == []


def test_the_place_linked_after_the_rank_is_its_subject(gazetteer):
    claims = ranked(claims_of(gazetteer, "河北省经济观察", "2023年,全省GDP增速排名第一的城市是唐山市。"))
    assert claims == ["唐山市 | 地区生产总值增速 | 1 | 河北省 | 2023"]


def test_a_standing_at_the_end_of_a_year_is_that_years(gazetteer):
    body = "2020年,德州市地区生产总值3100亿元。\n截至2019年,德州市科学发展综合考评排名升至全省第3位。"
    claims = claims_of(gazetteer, "德州市经济观察", body)  # a rank of no metric named: kept as text only
    assert [(c.claim, c.period_label) for c in claims] == [("全省第3位", "2019")]


def test_a_top_linked_to_a_list_after_it_is_each_places(gazetteer):
    claims = claims_of(gazetteer, "山东省经济观察", "2023年,GDP排名前三的城市分别为青岛、济南、烟台。")
    assert [(c.subject, c.position, c.scope_name) for c in claims] == [
        ("青岛市", None, "山东省"), ("济南市", None, "山东省"), ("烟台市", None, "山东省")]


def test_a_place_that_opens_a_facilitys_name_is_not_the_subject(gazetteer):
    body = "2023年,贵阳龙洞堡国际机场旅客吞吐量2000万人次、增长12%,民用机场数量居全国第9位。"
    claims = ranked(claims_of(gazetteer, "贵州省2023年经济运行", body))
    assert [c.split(" | ")[0] for c in claims] == ["贵州省"]


def test_a_lead_clause_naming_a_list_gives_the_ranks_after_it_their_scope(gazetteer):
    body = "在2022年全国县域经济综合竞争力百强县榜单中,福清位列第十二,晋江位列第五。"
    assert ranked(claims_of(gazetteer, "福建县域经济观察", body)) == [
        "福清市 | 县域经济综合竞争力百强县 | 12 | 全国 | 2022", "晋江市 | 县域经济综合竞争力百强县 | 5 | 全国 | 2022"]


@pytest.mark.parametrize("body", ["2023年,烟台大学科研经费居全省第3位。", "2023年,日照港货物吞吐量居全国第9位。",
                                  "2023年,该企业出口额居全省第2位。",
                                  "2023年,某某重工股份有限公司营业收入居全国同行业第一。"],
                         ids=["university", "port", "the-firm", "company"])
def test_a_rank_of_a_firm_or_an_institution_is_no_places_claim(gazetteer, body):
    assert ranked(claims_of(gazetteer, "山东省2023年经济观察", body)) == []


@pytest.mark.parametrize("body", ["2023年,全市有4个县(市、区)GDP增速居全省前20位。",
                                  "2023年,全市9个县市区中,有6个县市区GDP增速居全省前列。"],
                         ids=["counted-counties", "some-of-the-counties"])
def test_a_rank_of_a_counted_group_is_not_the_citys(gazetteer, body):
    assert claims_of(gazetteer, "潍坊市2023年经济观察", body) == []


def test_a_bound_on_a_rank_is_no_rank(gazetteer):
    body = "2023年,潍坊市综合实力居全国百强城市第40位以内。"
    assert ranked(claims_of(gazetteer, "潍坊市2023年经济观察", body)) == []


def test_a_counted_group_of_the_province_is_ranked_within_the_province(gazetteer):
    body = "2023年,潍坊市GDP在全省16个市中排名第4位。"
    assert ranked(claims_of(gazetteer, "潍坊市2023年经济观察", body)) == ["潍坊市 | 地区生产总值 | 4 | 山东省 | 2023"]


def test_a_figure_stated_after_the_rank_is_not_what_it_ranks(gazetteer):
    # 县域实现生产总值 names 县域生产总值 in other words: its value, before the rank, places it
    body = ("2023年前三季度,县域实现生产总值520亿元,同比增长7.0%,增速居全省第3位,占全市比重达60%;"
            "实现税收收入30亿元,占县域财政收入比重达80%。")
    claims = ranked(claims_of(gazetteer, "日照市2023年前三季度县域经济", body))
    assert [c.split(" | ")[1] for c in claims] == ["县域生产总值增速"]


def test_a_persons_or_teams_place_is_not_the_places(gazetteer):
    body = "2023年,胶州市一名选手获全国职业技能大赛冠军;胶州市代表队获全省比赛第二名。"
    assert ranked(claims_of(gazetteer, "青岛市胶州市2023年发展", body)) == []


def test_a_scope_word_alone_names_no_metric(gazetteer):
    claims = claims_of(gazetteer, "青岛市胶州市2023年发展", "2023年,胶州市获评省级文明城市,在全省排第一。")
    assert [claim_row(c) for c in claims] == ["胶州市 | None | None | 山东省 | 2023"]  # its text only, no rank


def test_a_list_named_in_an_earlier_clause_scopes_the_rank(gazetteer):
    body = "2023年,胶州市在全省营商环境评价中排名上升3位,居第6位。"
    claims = ranked(claims_of(gazetteer, "青岛市胶州市2023年发展", body))
    assert [c.split(" | ")[3] for c in claims] == ["山东省"]


def test_a_place_opening_with_a_noise_character_is_no_metric(gazetteer):
    # 上 is an adverbial at a phrase's end; cut off 上饶 it left 饶 as the metric
    claims = claims_of(gazetteer, "江西省经济观察", "2023年,上饶、赣州、九江的GDP均位列全省前五。")
    assert [(c.subject, c.about, c.position) for c in claims] == [
        ("上饶市", "地区生产总值", None), ("赣州市", "地区生产总值", None), ("九江市", "地区生产总值", None)]
