"""What the extraction tests share: parse a small article of the test's own wording, and show its facts and rank
claims as rows."""

from __future__ import annotations

from datetime import date

from knowledge.extract.claims import ExtractedClaim
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.pipeline import parse_article
from knowledge.text.corpus import ArticleMeta, RawArticle


def facts_of(gazetteer, title: str, body: str, published: date | None = None) -> list[ExtractedFact]:
    meta = ArticleMeta(published=published) if published else ArticleMeta()
    raw = RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), meta)
    return parse_article(raw, gazetteer).facts


def row(f: ExtractedFact) -> str:
    """region | metric | period | value | growth."""
    return f"{f.region.name} | {f.metric} | {f.period.label} | {f.value_text or '-'} | {f.growth or '-'}"


def row_with_unit(f: ExtractedFact) -> str:
    """region | metric | period | value and unit | growth (or percentage points)."""
    growth = f.growth if f.growth is not None else (f"{f.growth_pp}pp" if f.growth_pp is not None else "-")
    return f"{f.region.name} | {f.metric} | {f.period.label} | {f.value_text or '-'}{f.unit or ''} | {growth}"


def claims_of(gazetteer, title: str, body: str, published: date | None = None) -> list[ExtractedClaim]:
    meta = ArticleMeta(published=published) if published else ArticleMeta()
    raw = RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), meta)
    return parse_article(raw, gazetteer).claims


def claim_row(c: ExtractedClaim) -> str:
    """region | metric | rank | scope | period."""
    return f"{c.subject} | {c.about} | {c.position} | {c.scope_name} | {c.period_label}"
