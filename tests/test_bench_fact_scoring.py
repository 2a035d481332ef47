"""bench/scoring.py's strict fact rule: a change in percentage points alone can be scored right."""

from __future__ import annotations

from datetime import date

from bench.scoring import fact_matches
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
