"""What of a claim is stored: a rank only with the metric it ranks (全省第一 of nothing named answers no rank
question and stays a text about the place), and with a period wherever the article dates its figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from knowledge.extract.claim_spans import is_epithet
from knowledge.extract.claims import ExtractedClaim
from knowledge.extract.fact import ExtractedFact


def stored_claims(claims: Sequence[ExtractedClaim], facts: Sequence[ExtractedFact]) -> list[ExtractedClaim]:
    """The claims as stored, in reading order: a region's rank that names no metric keeps its text but no
    position; a claim whose words and paragraph give no period takes the period of most of the article's
    figures (a title's 增速全省第一 is the standing the text reports); a claim said twice is kept once. A rank
    of an undated text stays without a period: the answer says the period is not known."""
    fallback = article_period(facts)
    out: list[ExtractedClaim] = []
    seen: set[tuple[object, ...]] = set()
    for claim in claims:
        if claim.about is None and claim.position is not None and claim.subject_kind == "region":
            claim = replace(claim, position=None)
        if claim.period_label is None and fallback is not None:
            # an epithet (经济第一大省) is a standing of the year of most figures, not of their part of it
            year = fallback[:4] if is_epithet(claim.claim) and fallback[:4].isdigit() else fallback
            claim = replace(claim, period_label=year)
        key = (claim.subject, claim.about, claim.position, claim.scope_name, claim.period_label)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def article_period(facts: Sequence[ExtractedFact]) -> str | None:
    """The period most of an article's dated figures have (targets, spans of years and standings at a date
    aside: an undated figure of a text is dated to its publication, which is no period of a claim)."""
    labels = Counter(f.period.label for f in facts if f.period.kind not in ("undated", "target", "span", "asof"))
    if not labels:
        return None
    return max(sorted(labels), key=lambda label: labels[label])
