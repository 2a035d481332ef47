"""Strict scoring of extraction against gold annotations (../shared/corpus gold and the seeds' gold).

A fact is right only when its region, metric, period and value are all right. Metrics match when they
have the same canonical catalogue name, or (outside the catalogue) when the names are nearly the same
words. Values match as numbers; a growth-only gold fact matches an extracted growth-only fact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.pipeline import ParsedArticle, parse_or_error
from knowledge.extract.rankings import ExtractedClaim, ExtractedRanking
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, read_file

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
METRIC_SIMILARITY = 80


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    right: int = 0
    missed: list[dict] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.right += other.right
        self.missed += other.missed
        self.spurious += other.spurious

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)


def number(text: object) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(str(text).replace(",", ""))  # gold keeps digits as written: 16,197.6
    except InvalidOperation:
        return None


# 出口总额占进出口总额比重 and 出口总额占比: a share named with or without its whole. Both spellings stand in
# the gold (as the texts write them), so they are one name; a share of a region (占全省比重) is another one.
_SHARE_OF_WHOLE = re.compile(r"^(?P<part>[^占]{2,}?)占(?!全[国省市县区])[^占]+?的?(?:比重|比例)$")


def _share_named_short(name: str) -> str:
    m = _SHARE_OF_WHOLE.match(name)
    return f"{m['part']}占比" if m else name


def same_metric(gold: str, found: str) -> bool:
    # an open name stands for itself: two names outside the catalogue are not thereby the same metric
    a, b = canonical_metric(gold) or gold, canonical_metric(found) or found
    if a == b or fuzz.ratio(a, b) >= METRIC_SIMILARITY:
        return True
    a, b = _share_named_short(a), _share_named_short(b)
    return a == b or (canonical_metric(a) or a) == (canonical_metric(b) or b)


def fact_matches(g: dict, f: ExtractedFact) -> bool:
    if g["region"] != f.region.name or g["period"] != f.period.label or not same_metric(g["metric"], f.metric):
        return False
    if g.get("value") is not None:
        return number(g["value"]) == f.value
    if f.value is not None:
        return False
    if (growth := number(g.get("growth"))) is not None:
        return growth == f.growth
    # a change in percentage points alone (城镇化率提高1.2个百分点)
    return (points := number(g.get("growth_pp"))) is not None and points == f.growth_pp


def value_matches(g: dict, f: ExtractedFact) -> bool:
    """fact_matches with the metric left out: the place, period and value (or growth) are right, whatever the
    metric is called. A diagnostic, not a score: it bounds how much of a miss is naming rather than reading."""
    return fact_matches({**g, "metric": f.metric}, f)


def score_values(files: list[str], parsed: dict[str, ParsedArticle]) -> Tally:
    """The facts of `files` (parsed as score_corpus parsed them) tallied with value_matches."""
    tally = Tally()
    for name in files:
        p = parsed.get(name)
        tally.add(greedy_score(corpus_gold(name)["facts"], p.facts if p else [], value_matches, describe))
    return tally


def greedy_score(gold: list[dict], predicted: list[T], matches: Callable[[dict, T], bool],
                 shown: Callable[[T], str]) -> Tally:
    """Each gold item takes the first unused prediction that matches it; the rest are spurious."""
    tally = Tally(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, x in enumerate(predicted) if i not in used and matches(g, x)), None)
        if hit is None:
            tally.missed.append(g)
        else:
            used.add(hit)
    tally.right = len(used)
    tally.spurious = [shown(x) for i, x in enumerate(predicted) if i not in used]
    return tally


def score_facts(gold: list[dict], predicted: list[ExtractedFact]) -> Tally:
    return greedy_score(gold, predicted, fact_matches, describe)


def ranking_matches(g: dict, r: ExtractedRanking, gazetteer: Gazetteer) -> bool:
    """Most of the gold entries are found (by name or by the region they name), and order agrees."""
    found = {e.name for e in r.entries} | {gazetteer.get(e.region_code).name for e in r.entries if e.region_code}
    names = [e["name"] for e in g["entries"]]
    if not names:
        return False
    hits = sum(1 for n in names if n in found or any(len(x) >= 2 and n.endswith(x) for x in found))
    return hits / len(names) >= 0.6 and (r.kind == "ordered") == bool(g.get("ordered"))


def score_rankings(gold: list[dict], predicted: list[ExtractedRanking], gazetteer: Gazetteer) -> Tally:
    return greedy_score(gold, predicted, lambda g, r: ranking_matches(g, r, gazetteer), describe_ranking)


def describe_ranking(r: ExtractedRanking) -> str:
    return (f"ranking {r.title} | {r.scope_name} | {r.period_label} | {r.kind} | "
            f"{'、'.join(e.name for e in r.entries)}")


def rank_claims(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """The claims that are scored: a region's rank with a number (前列 and superlatives carry none)."""
    return [c for c in claims if c.subject_kind == "region" and c.position is not None]


def claim_matches(g: dict, c: ExtractedClaim, gazetteer: Gazetteer) -> bool:
    """Region, rank, scope and period all right, and the same metric (the strict rule of facts)."""
    region = gazetteer.get(c.region_code).name if c.region_code else c.subject
    return (g["region"] == region and g["rank"] == c.position and g["scope"] == c.scope_name
            and g["period"] == c.period_label and c.about is not None and same_metric(g["metric"], c.about))


def score_claims(gold: list[dict], predicted: list[ExtractedClaim], gazetteer: Gazetteer) -> Tally:
    return greedy_score(gold, rank_claims(predicted), lambda g, c: claim_matches(g, c, gazetteer),
                        lambda c: f"claim {c.subject} | {c.about} | {c.position} | {c.scope_name} | {c.period_label}")


def describe(f: ExtractedFact) -> str:
    value = f.value_text or (f"growth {f.growth}" if f.growth is not None else "?")
    return f"{f.region.name} | {f.metric} | {f.period.label} | {value}{f.unit or ''}"


def split() -> dict[str, list[str]]:
    data = json.loads((GOLD / "corpus" / "split.json").read_text("utf-8"))
    return {"dev": data["dev"], "test": data["test"]}


def corpus_gold(name: str) -> dict:
    return json.loads((GOLD / "corpus" / "facts" / f"{Path(name).stem}.json").read_text("utf-8"))


def source_addresses() -> dict[str, str]:
    """file name → the address SOURCES.md gives it (what an uploader would write beside the file)."""
    rows = (line.split("|") for line in (CORPUS / "SOURCES.md").read_text("utf-8").splitlines()
            if line.startswith("| d"))
    return {cells[1].strip(): cells[2].strip() for cells in rows
            if len(cells) > 2 and cells[2].strip().startswith("http")}


def parse_files(paths: Iterable[Path], gazetteer: Gazetteer,
                addresses: dict[str, str] | None = None) -> dict[str, ParsedArticle]:
    out = {}
    manifests: dict = {}
    if addresses:
        manifests[CORPUS] = {name: ArticleMeta(url=url) for name, url in addresses.items()}
    for path in paths:
        parsed = parse_or_error(read_file(path, manifests=manifests), gazetteer)
        if isinstance(parsed, ParsedArticle):
            out[path.name] = parsed
    return out


def score_corpus(files: list[str], gazetteer: Gazetteer, addresses: dict[str, str] | None = None,
                 parsed: dict[str, ParsedArticle] | None = None) -> dict[str, tuple[Tally, Tally, Tally]]:
    """Per file: (facts tally, rankings tally, claims tally); `parsed` when the files are parsed already."""
    if parsed is None:
        parsed = parse_files([CORPUS / f for f in files], gazetteer, addresses)
    out = {}
    for name in files:
        gold = corpus_gold(name)
        p = parsed.get(name)
        facts = p.facts if p else []
        rankings = p.rankings if p else []
        out[name] = (score_facts(gold["facts"], facts), score_rankings(gold["rankings"], rankings, gazetteer),
                     score_claims(gold.get("claims", []), p.claims if p else [], gazetteer))
    return out


def score_seeds(gazetteer: Gazetteer) -> tuple[Tally, Tally]:
    """The seeds' gold set (tests/gold/facts.json, rankings.json), under the same strict rule."""
    seeds = ROOT / "knowledge" / "articles"
    parsed = parse_files(sorted(seeds.glob("*.txt")), gazetteer)
    by_id = {name[:3]: p for name, p in parsed.items()}
    facts_gold = json.loads((GOLD / "facts.json").read_text("utf-8"))
    rankings_gold = json.loads((GOLD / "rankings.json").read_text("utf-8"))
    facts, rankings = Tally(), Tally()
    for aid, p in by_id.items():
        facts.add(score_facts([g for g in facts_gold if g["article"] == aid], p.facts))
        rg = [_seed_ranking(g) for g in rankings_gold if g["article"] == aid]
        rankings.add(score_rankings(rg, p.rankings, gazetteer))
    return facts, rankings


def _seed_ranking(g: dict) -> dict:
    entries = [{"name": e.get("region") or e["name"], "rank": e.get("position")} for e in g["entries"]]
    return {"entries": entries, "ordered": g.get("kind") == "ordered"}
