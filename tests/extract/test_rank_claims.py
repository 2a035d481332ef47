"""Rankings told claim by claim (knowledge/extract/rank_claims.py), in short articles written for the test."""

from __future__ import annotations

from knowledge.extract.pipeline import parse_article
from knowledge.extract.rank_entries import ExtractedRanking
from knowledge.text.corpus import ArticleMeta, RawArticle


def rankings_of(gazetteer, title: str, body: str) -> list[ExtractedRanking]:
    raw = RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta())
    return parse_article(raw, gazetteer).rankings


def shown(r: ExtractedRanking) -> tuple[str, str | None, str | None, list[tuple[int | None, str]]]:
    return r.kind, r.scope_name, r.period_label, [(e.position, e.name) for e in r.entries]


def test_claims_of_one_metric_scope_and_period_make_one_ranking(gazetteer):
    body = ("2021年,长沙市地区生产总值13000亿元,居全省第一。\n\n2021年,衡阳市地区生产总值3800亿元,居全省第4位。\n\n"
            "2021年,湘潭市地区生产总值2500亿元,排全省第7名。")
    found = [shown(r) for r in rankings_of(gazetteer, "湖南14市州2021年GDP排行", body)]
    assert found == [("ordered", "湖南省", "2021", [(1, "长沙市"), (4, "衡阳市"), (7, "湘潭市")])]


def test_claims_of_different_metrics_or_periods_are_kept_apart(gazetteer):
    body = ("2021年,长沙市地区生产总值13000亿元,居全省第一。\n\n2021年,衡阳市一般公共预算收入200亿元,居全省第4位。\n\n"
            "2020年,湘潭市地区生产总值2400亿元,居全省第7位。")
    assert rankings_of(gazetteer, "湖南2021年各市州经济", body) == []


def test_two_places_at_one_position_make_no_ranking(gazetteer):
    body = "2021年,长沙市地区生产总值13000亿元,居全省第一。\n\n2021年,岳阳市地区生产总值4400亿元,居全省第一。"
    assert rankings_of(gazetteer, "湖南14市州2021年GDP排行", body) == []


def test_claims_fill_the_positions_a_list_lacks(gazetteer):
    body = ("2021年前三季度,湖北GDP增速居全国第一,海南GDP增速居全国第二。"
            "其余GDP增速十强选手依次为北京、浙江、山西、江西、安徽、江苏、山东、重庆。")
    found = [shown(r) for r in rankings_of(gazetteer, "2021年前三季度各省GDP增速", body) if r.kind == "ordered"]
    assert len(found) == 1
    assert [name for _, name in found[0][3]][:3] == ["湖北省", "海南省", "北京"]
    assert [pos for pos, _ in found[0][3]] == list(range(1, 11))


def test_a_provinces_rank_is_not_among_its_counties_ranks(gazetteer):
    body = ("2021年,义乌市城镇居民人均可支配收入居全国县级市第一,慈溪市居全国县级市第二。\n\n"
            "2021年,浙江省城镇居民人均可支配收入居全国第二。")
    found = [shown(r) for r in rankings_of(gazetteer, "2021年居民收入", body)]
    assert [[name for _, name in entries] for *_, entries in found] == [["义乌市", "慈溪市"]]
