"""Extraction precision and recall on the synthetic corpus: stored facts against each article's expected facts.

A fact is right only when its region, metric, period and value all match (a growth-only fact: its growth);
recall is broken down by metric family, pattern form, genre and pattern; precision by family and genre.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scoring import same_metric
from bench.synthetic import Expected, SyntheticArticle
from bench.synthetic_patterns import INDICATORS
from knowledge.extract.metrics import canonical_metric
from knowledge.store.models import Article, Fact


@dataclass(frozen=True, slots=True)
class Found:
    region: str
    metric: str
    period: str
    value: Decimal | None
    growth: Decimal | None


def stored_facts(engine: Engine) -> dict[str, list[Found]]:
    """Every stored figure, by the article file it came from."""
    out: dict[str, list[Found]] = defaultdict(list)
    query = select(col(Article.source), col(Fact.region_code), col(Fact.metric), col(Fact.period_label),
                   col(Fact.value), col(Fact.growth)).join(Article, col(Article.id) == col(Fact.article_id))
    with Session(engine) as session:
        for source, *row in session.execute(query):
            out[Path(source).stem].append(Found(*row))
    return out


def matches(e: Expected, f: Found) -> bool:
    if f.region != e.region or f.period != e.period or not same_metric(e.metric, f.metric):
        return False
    if e.value is not None:
        return f.value is not None and Decimal(e.value) == f.value
    return f.value is None and f.growth is not None and Decimal(str(e.growth)) == f.growth


def family_of(metric: str) -> str:
    ind = INDICATORS.get(canonical_metric(metric) or metric)
    return ind.family if ind else "open"


@dataclass
class Counts:
    expected: int = 0
    right: int = 0  # expected facts found
    found: int = 0  # stored facts attributed to this key (for precision), where attribution is possible
    found_right: int = 0  # of those, the ones that match an expected fact

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found_right / self.found if self.found else float("nan")


@dataclass
class Report:
    total: Counts = field(default_factory=Counts)
    by: dict[str, dict[str, Counts]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counts)))
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    spurious: Counter[str] = field(default_factory=Counter)
    right_keys: set[tuple[str, str, str]] = field(default_factory=set)

    def lines(self, *, worst: int = 12) -> list[str]:
        t = self.total
        out = [f"extraction: recall {t.recall:.1%} ({t.right:,}/{t.expected:,} expected), "
               f"precision {t.precision:.1%} ({t.found:,} stored)"]
        for axis in ("family", "form", "genre"):
            out.append(f"  by {axis}:")
            for key, c in sorted(self.by[axis].items(), key=lambda kv: kv[1].recall):
                p = f"P {c.precision:6.1%}" if axis != "form" and c.found else "P    n/a"
                out.append(f"    {key:<18} R {c.recall:6.1%}  {p}  ({c.right}/{c.expected}, {c.found} stored)")
        bad = sorted(self.by["pattern"].items(), key=lambda kv: kv[1].recall)[:worst]
        out.append(f"  {worst} weakest patterns (recall, one missed fact):")
        out += [f"    {key:<16} R {c.recall:6.1%} ({c.right}/{c.expected})  e.g. {(self.misses[key] or [''])[0]}"
                for key, c in bad]
        if self.spurious:
            common = ", ".join(f"{m} ×{n}" for m, n in self.spurious.most_common(8))
            out.append(f"  most common wrong stored metrics: {common}")
        return out


def score(articles: Iterable[SyntheticArticle], stored: dict[str, list[Found]]) -> Report:
    report = Report()
    for article in articles:
        found = list(stored.get(article.name, ()))
        used: set[int] = set()
        for e in article.facts:
            hit = next((i for i, f in enumerate(found) if i not in used and matches(e, f)), None)
            keys = {"family": e.family, "form": e.form, "genre": article.genre, "pattern": e.pattern}
            for axis, key in keys.items():
                c = report.by[axis][key]
                c.expected += 1
                c.right += hit is not None
            if hit is None:
                if len(report.misses[e.pattern]) < 3:
                    report.misses[e.pattern].append(f"{e.metric} {e.period} {e.value or 'growth ' + str(e.growth)}"
                                                    f" ({article.name})")
            else:
                used.add(hit)
                report.right_keys.add((e.region, e.metric, e.period))
        report.total.expected += len(article.facts)
        report.total.right += len(used)
        report.total.found += len(found)
        report.total.found_right += len(used)
        genre = report.by["genre"][article.genre]
        genre.found, genre.found_right = genre.found + len(found), genre.found_right + len(used)
        for i, f in enumerate(found):  # a stored fact counts for the family its own metric belongs to
            family = report.by["family"][family_of(f.metric)]
            family.found += 1
            family.found_right += i in used
            if i not in used:
                report.spurious[f.metric] += 1
    return report
