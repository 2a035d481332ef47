"""Example questions made from what the base holds: a figure per place, a ranking, an overview.

Candidates are only proposals; the service asks each one on the new index and keeps those answered,
so every suggestion the bot makes can be answered.
"""

from __future__ import annotations

from knowledge.extract.metrics import metrics
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.index import FactRecord, Index

MAX_EXAMPLES = 7


def candidate_questions(index: Index, gazetteer: Gazetteer, *, limit: int = 3 * MAX_EXAMPLES) -> list[str]:
    """Questions about the base's best-covered places and catalogue metrics, newest period first."""
    known = metrics()
    best: dict[str, FactRecord] = {}
    for f in index.facts:
        if f.value_text is None or f.metric not in known or parse_label(f.period_label).kind in ("undated", "asof"):
            continue
        held = best.get(f.region_code)
        if held is None or _preference(f) > _preference(held):
            best[f.region_code] = f
    places = sorted(best, key=lambda code: -len(index.by_region.get(code, ())))
    out: list[str] = []
    for code in places[: limit // 2]:
        f = best[code]
        region = gazetteer.get(code)
        out.append(f"{region.short}{parse_label(f.period_label).describe()}{f.metric}是多少?")
    ordered = [r for r in index.rankings if r.kind == "ordered" and r.entries]
    out += [f"{r.title}第一名是谁?" for r in ordered[:2]]
    out += [f"介绍一下{gazetteer.get(code).short}" for code in places[:2]]
    return list(dict.fromkeys(out))[:limit]


def _preference(f: FactRecord) -> tuple[bool, tuple[int, int]]:
    """GDP first (the figure people ask about most), then the newest period."""
    return f.metric == "地区生产总值", f.period_key
