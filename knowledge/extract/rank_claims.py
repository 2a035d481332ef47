"""Rankings told claim by claim: 长沙居全省第一 … 衡阳居全省第4 … 郴州居全省第6 make one ordered ranking.

Rank claims of one metric, one scope and one period, about different places of one level at different
positions, are the entries of one ranking. A ranking already read from a list with the same scope and period
takes the claims' places at the positions it lacks (其余十强选手分别是… after 湖北、海南居前两位) instead of
a second ranking.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.extract.claims import ExtractedClaim
from knowledge.extract.context import ArticleContext
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.rank_entries import ExtractedEntry, ExtractedRanking


def rankings_from_claims(claims: Sequence[ExtractedClaim], known: list[ExtractedRanking],
                         ctx: ArticleContext) -> list[ExtractedRanking]:
    """New rankings assembled from `claims`; rankings in `known` may be completed in place."""
    groups: dict[tuple[str, str, str | None, str], list[ExtractedClaim]] = {}
    for c in claims:
        if c.subject_kind != "region" or c.position is None or c.about is None or c.scope_name is None \
                or c.region_code is None:
            continue
        level = ctx.gazetteer.get(c.region_code).level  # a province's rank is not among its counties' ranks
        key = (canonical_metric(c.about) or c.about, c.scope_name, c.period_label, level)
        groups.setdefault(key, []).append(c)
    out = []
    for (metric, scope, period, _), group in groups.items():
        entries = _entries(group, ctx)
        if entries is None or len(entries) < 2 or period is None:
            continue  # a ranking keeps its year: claims of an unknown period make none
        if _completes(known, entries, scope, period):
            continue
        scope_region = ctx.gazetteer.by_name(scope)
        out.append(ExtractedRanking(f"{period or ''}{scope}{metric}排名", "ordered",
                                    scope_region.code if scope_region else None, scope, period,
                                    min(c.sentence for c in group), entries))
    return out


def _entries(group: list[ExtractedClaim], ctx: ArticleContext) -> list[ExtractedEntry] | None:
    """One entry per place, by position; None when two places claim one position or one place two."""
    position_of: dict[str, int] = {}
    for c in group:
        if c.region_code is None or c.position is None:
            continue
        if position_of.setdefault(c.region_code, c.position) != c.position:
            return None
    if len(set(position_of.values())) != len(position_of):
        return None
    return [ExtractedEntry(pos, ctx.gazetteer.get(code).name, region_code=code)
            for code, pos in sorted(position_of.items(), key=lambda x: x[1])]


def _completes(known: list[ExtractedRanking], entries: list[ExtractedEntry], scope: str, period: str | None) -> bool:
    """Whether an ordered list of the same scope and period already holds these places, or lacks just their
    positions (then they are added to it)."""
    for r in known:
        if r.kind != "ordered" or r.scope_name != scope or r.period_label != period:
            continue
        held: dict[str | None, int | None] = {e.region_code: e.position for e in r.entries if e.region_code}
        taken = {e.position for e in r.entries if e.position is not None}
        new = [e for e in entries if e.region_code not in held]
        if any(held.get(e.region_code) not in (None, e.position) for e in entries):
            continue  # the list ranks these places otherwise: another metric
        if not new:
            return True
        if any(e.position in taken for e in new):
            continue
        if len(new) < len(entries):  # the list and the claims share places at the same positions
            r.entries = sorted([*r.entries, *new], key=lambda e: e.position or 0)
            return True
        if taken and max(e.position or 0 for e in new) < min(taken):  # 湖北、海南居前两位, 其余十强…
            r.entries = sorted([*r.entries, *new], key=lambda e: e.position or 0)
            return True
    return False
