"""A synthetic fact base written straight into the store (regions × years × periods × metrics), for bench/broadcast.py.

bench/qa.py now ingests generated text end to end; the broadcast only needs many facts and questions with known
answers, fast, so it keeps this direct insert.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from knowledge.extract.metrics import metrics
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import session_scope
from knowledge.store.models import Article, Fact, SentenceRow

PERIODS = [("上半年", "H1", 1, 6), ("前三季度", "Q1-Q3", 1, 9), ("1至11月", "M01-M11", 1, 11), ("全年", "", 1, 12)]
YEARS = list(range(2014, 2025))
Row = tuple[Any, int, tuple[str, str, int, int], str]


def universe(gazetteer: Gazetteer) -> list[Row]:
    regions = [r for r in gazetteer.regions() if r.level in ("city", "county")]
    names = [m for m in metrics() if not m.endswith(("比重", "率"))][:15]  # amounts and counts, not shares
    return [(r, y, p, m) for r in regions for y in YEARS for p in PERIODS for m in names]


def label(year: int, period: tuple[str, str, int, int]) -> str:
    return f"{year}{period[1]}" if period[1] else str(year)


def build(engine: Any, rows: list[Row], rng: random.Random) -> dict[tuple[str, int, str, str], str]:
    """One article holding one sentence and one fact per row; the value of each, by (code, year, period, metric)."""
    answers: dict[tuple[str, int, str, str], str] = {}
    with session_scope(engine) as s:
        article = Article(source="synthetic", content_hash="0" * 64, title="合成数据", original_text="", text="")
        s.add(article)
        s.flush()
        sentences, facts = [], []
        for i, (region, year, period, metric) in enumerate(rows):
            value = f"{rng.uniform(1, 9000):.2f}"
            growth = f"{rng.uniform(0.5, 15):.1f}"
            answers[(region.code, year, period[0], metric)] = value
            text = f"{year}年{period[0]},{region.name}{metric}完成{value}亿元,同比增长{growth}%。"
            sentences.append({"id": i + 1, "article_id": article.id, "position": i, "paragraph": i, "text": text,
                              "original": text})
            facts.append({"article_id": article.id, "sentence_id": i + 1, "region_code": region.code,
                          "region_surface": region.name, "metric": metric, "metric_surface": metric,
                          "value": Decimal(value), "value_text": value, "unit": "亿元", "growth": Decimal(growth),
                          "period_kind": "half" if period[1] == "H1" else "year", "period_year": year,
                          "period_start": period[2], "period_end": period[3], "period_label": label(year, period)})
        for chunk in range(0, len(rows), 5000):
            s.execute(insert(SentenceRow), sentences[chunk : chunk + 5000])
            s.execute(insert(Fact), facts[chunk : chunk + 5000])
    return answers


def questions(rows: list[Row], answers: dict[tuple[str, int, str, str], str], rng: random.Random,
              n: int) -> list[tuple[str, str]]:
    out = []
    for region, year, period, metric in rng.sample(rows, min(n, len(rows))):
        syn = rng.choice([metric, *metrics()[metric].synonyms[:2]])
        name = rng.choice([region.name, region.short])
        out.append((f"{name}{year}年{period[0]}{syn}是多少?", answers[(region.code, year, period[0], metric)]))
    return out
