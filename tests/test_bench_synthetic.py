"""The synthetic corpus generator of bench/ingest.py and bench/qa.py: its patterns, its known facts, its scorer."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

import cn2an
import pytest

from bench.synthetic import INDICATORS, PATTERNS, Expected, Generator, SyntheticArticle
from bench.synthetic_score import Found, matches
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.periods import parse_label
from knowledge.extract.pipeline import parse_article
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle
from knowledge.text.normalize import to_simplified


@lru_cache(maxsize=1)
def corpus() -> tuple[SyntheticArticle, ...]:
    return tuple(Generator(Gazetteer.load(), seed=3).articles(articles=400))


def test_every_metric_family_has_at_least_20_sentence_patterns() -> None:
    counts = {family: len(patterns) for family, patterns in PATTERNS.items()}
    assert len(counts) >= 11
    assert min(counts.values()) >= 20, counts


def test_every_metric_surface_is_a_catalogue_form_of_its_metric() -> None:
    for ind in INDICATORS.values():
        if ind.family == "share":  # open names, outside the catalogue on purpose
            assert canonical_metric(ind.name) is None
            continue
        for form in ind.forms:
            assert canonical_metric(form) == ind.name, form


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    gazetteer = Gazetteer.load()
    first = [a.text for a in Generator(gazetteer, seed=5).articles(articles=30)]
    again = [a.text for a in Generator(gazetteer, seed=5).articles(articles=30)]
    other = [a.text for a in Generator(gazetteer, seed=6).articles(articles=30)]
    assert first == again
    assert first != other


def test_articles_stop_once_the_facts_asked_for_are_stated() -> None:
    made = list(Generator(Gazetteer.load(), seed=5).articles(facts=200))
    stated = sum(len(a.facts) for a in made)
    assert stated >= 200
    assert stated - len(made[-1].facts) < 200


def test_every_pattern_is_used_and_every_slot_filled() -> None:
    used = Counter(f.pattern for a in corpus() for f in a.facts)
    missing = [f"{family}.{i}" for family, patterns in PATTERNS.items() for i in range(len(patterns))
               if f"{family}.{i}" not in used]
    assert not missing
    assert used["table"] > 0
    assert not [a.name for a in corpus() if re.search(r"[{}]", a.text)]


def _stated(fact: Expected, text: str) -> bool:
    if fact.value is None:
        return f"{abs(Decimal(fact.growth or 'nan'))}%" in text or f"| {fact.growth} |" in text or \
            re.search(rf"\s{re.escape(str(fact.growth))}$", text, re.M) is not None
    return fact.value in text or cn2an.an2cn(fact.value) in text


def test_every_expected_value_is_written_in_its_article() -> None:
    for article in corpus():
        text = to_simplified(article.text)
        unstated = [f for f in article.facts if not _stated(f, text)]
        assert not unstated, (article.name, unstated)


def test_expected_facts_are_well_formed() -> None:
    gazetteer = Gazetteer.load()
    facts = [f for a in corpus() for f in a.facts]
    assert all(parse_label(f.period).label == f.period for f in facts)
    assert all(gazetteer.get(f.region) for f in facts)
    assert all(f.value is not None or f.growth is not None for f in facts)
    forms = Counter(f.form.removesuffix("+hant") for f in facts)
    assert {"plain", "growth-only", "fenbie", "share", "cn-numeral", "table-pipe", "table-aligned"} <= set(forms)
    stocks = [f for f in facts if INDICATORS[f.metric].stock]
    assert stocks and all(f.period.startswith("asof:") and f.period.endswith("-12-31") for f in stocks)


def test_a_fact_stated_in_two_articles_has_one_value() -> None:
    seen: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    repeats = 0
    for fact in (f for a in Generator(Gazetteer.load(), seed=9).articles(articles=3000) for f in a.facts):
        key = (fact.region, fact.metric, fact.period)
        if key in seen:
            repeats += 1
            old_value, old_growth = seen[key]
            assert fact.value is None or old_value is None or fact.value == old_value, key
            assert fact.growth is None or old_growth is None or fact.growth == old_growth, key
        seen.setdefault(key, (fact.value, fact.growth))
    assert repeats > 0


def test_articles_cover_places_all_over_china_and_all_genres() -> None:
    gazetteer = Gazetteer.load()
    provinces = {gazetteer.province_of(a.region).code for a in corpus()}
    assert len(provinces) >= 25
    assert {a.genre for a in corpus()} == {"bulletin", "report", "news", "brief"}
    assert any(a.region.level == "county" and a.region.name.endswith("市") and "全市" in a.text for a in corpus())


def test_the_scorer_needs_region_metric_period_and_value_all_right() -> None:
    fact = Expected("371082", "地区生产总值", "2023", "1688.2", "亿元", "6.1", "gdp", "plain", "gdp.0")
    right = Found("371082", "生产总值", "2023", Decimal("1688.2"), Decimal("6.1"))
    assert matches(fact, right)
    assert not matches(fact, Found("371000", "地区生产总值", "2023", Decimal("1688.2"), None))
    assert not matches(fact, Found("371082", "地区生产总值", "2022", Decimal("1688.2"), None))
    assert not matches(fact, Found("371082", "地区生产总值", "2023", Decimal("1688.3"), None))
    growth_only = Expected("371082", "规上工业增加值", "2023", None, "亿元", "-2.1", "industry", "growth-only", "x")
    assert matches(growth_only, Found("371082", "规模以上工业增加值", "2023", None, Decimal("-2.1")))
    assert not matches(growth_only, Found("371082", "规上工业增加值", "2023", Decimal("5"), Decimal("-2.1")))


@pytest.mark.parametrize("family", sorted(PATTERNS))
def test_the_real_pipeline_reads_some_facts_of_every_family(family: str) -> None:
    """The generator writes text the extractor can read: a floor, not today's recall (see bench/ingest.py)."""
    gazetteer = Gazetteer.load()
    expected = right = 0
    for article in corpus()[:120]:
        wanted = [f for f in article.facts if f.family == family]
        if not wanted:
            continue
        parsed = parse_article(RawArticle(f"{article.name}.txt", article.text.encode(), ArticleMeta()), gazetteer)
        found = [Found(f.region.code, f.metric, f.period.label, f.value, f.growth) for f in parsed.facts]
        expected += len(wanted)
        right += sum(any(matches(w, f) for f in found) for w in wanted)
    assert expected >= 10
    assert right / expected >= 0.3, f"{family}: {right}/{expected}"
