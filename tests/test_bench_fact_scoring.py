"""bench/scoring.py's strict fact rule: a change in percentage points alone can be scored right; a share named
with or without its whole is one metric."""

from __future__ import annotations

from datetime import date

import pytest

from bench.scoring import fact_matches, same_metric
from knowledge.extract.pipeline import parse_article
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle


def _facts(gazetteer: Gazetteer, body: str):
    meta = ArticleMeta(title="某市经济运行", published=date(2024, 1, 30))
    return parse_article(RawArticle("a.txt", f"2023年,临清市{body}".encode(), meta), gazetteer).facts


def test_a_points_only_change_matches_its_gold_and_no_other(gazetteer: Gazetteer) -> None:
    facts = [f for f in _facts(gazetteer, "常住人口城镇化率提高1.3个百分点。") if f.growth_pp is not None]
    assert facts, "the extractor reads the change in points"
    gold = {"region": "临清市", "metric": facts[0].metric, "period": "2023", "value": None, "growth": None,
            "growth_pp": "1.3"}
    assert fact_matches(gold, facts[0])
    assert not fact_matches({**gold, "growth_pp": "1.4"}, facts[0])
    assert not fact_matches({**gold, "growth_pp": None}, facts[0])


@pytest.mark.parametrize(("gold", "found", "same"), [
    ("出口总额占进出口总额比重", "出口总额占比", True),
    ("六大高耗能行业产值占规上工业总产值的比重", "六大高耗能行业产值占比", True),
    ("第三产业增加值占地区生产总值比重", "第三产业占比", True),
    ("出口总额占进出口总额比重", "进口总额占比", False),
], ids=["whole-spelled-out", "whole-with-de", "catalogue-share", "another-part"])
def test_a_share_named_with_or_without_its_whole_is_one_metric(gold: str, found: str, same: bool) -> None:
    assert same_metric(gold, found) is same


def test_the_metric_free_diagnostic_ignores_the_name_but_not_the_place_or_value(gazetteer: Gazetteer) -> None:
    from bench.scoring import value_matches

    [fact] = _facts(gazetteer, "实现地区生产总值406.8亿元。")
    gold = {"region": "临清市", "period": "2023", "metric": "经济总量之类的别名", "value": "406.8"}
    assert value_matches(gold, fact) and not fact_matches(gold, fact)
    assert not value_matches({**gold, "value": "406.9"}, fact) and not value_matches({**gold, "region": "冠县"}, fact)
