"""Data access for the fact base. Functions take keyword-only arguments and a caller-owned session."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert
from sqlmodel import Session, select

from knowledge.gazetteer import Gazetteer
from knowledge.models import (
    Article,
    Claim,
    Entity,
    Fact,
    Mention,
    Ranking,
    RankingEntry,
    Region,
    Sentence,
    utcnow,
)
from knowledge.pipeline import ParsedArticle


@dataclass(slots=True)
class Counts:
    articles: int
    sentences: int
    facts: int
    rankings: int
    claims: int


def sync_regions(*, session: Session, gazetteer: Gazetteer) -> int:
    """Make the region table match the gazetteer; returns how many rows were added."""
    existing = set(session.exec(select(Region.code)).all())
    added = 0
    for region in gazetteer.regions():
        if region.code in existing:
            continue
        session.add(Region(code=region.code, name=region.name, level=region.level, parent_code=region.parent,
                           aliases="|".join((*region.aliases, *region.former))[:300]))
        added += 1
    return added


def article_hashes(*, session: Session) -> dict[str, str]:
    """source → content hash of every stored article."""
    return dict(session.exec(select(Article.source, Article.content_hash)).all())


def remove_article(*, session: Session, source: str) -> int:
    """Delete an article and everything extracted from it; returns the number of facts removed."""
    article = session.exec(select(Article).where(Article.source == source)).first()
    if article is None:
        return 0
    facts = session.exec(select(func.count()).select_from(Fact).where(Fact.article_id == article.id)).one()
    ranking_ids = select(Ranking.id).where(Ranking.article_id == article.id)
    session.exec(delete(RankingEntry).where(RankingEntry.ranking_id.in_(ranking_ids)))  # type: ignore[attr-defined]
    for model in (Fact, Ranking, Claim, Mention, Sentence):
        session.exec(delete(model).where(model.article_id == article.id))  # type: ignore[attr-defined]
    session.delete(article)
    session.flush()
    return int(facts)


def save_article(*, session: Session, parsed: ParsedArticle) -> Article:
    """Insert one parsed article with its sentences, facts, rankings, claims and company mentions."""
    doc = parsed.doc
    article = Article(
        source=parsed.source, content_hash=parsed.content_hash, title=doc.title, publisher=doc.publisher,
        published=doc.published, date_rule=(doc.date_rule or "")[:200] or None, url=doc.url, script=doc.script,
        encoding=parsed.encoding, original_text=parsed.original_text, text=doc.text,
    )
    session.add(article)
    session.flush()
    sentence_ids = _save_sentences(session, article, doc.sentences)
    _save_facts(session, article, parsed, sentence_ids)
    _save_rankings(session, article, parsed, sentence_ids)
    for claim in parsed.claims:
        session.add(Claim(article_id=article.id, sentence_id=sentence_ids[claim.sentence], subject=claim.subject,
                          subject_kind=claim.subject_kind, region_code=claim.region_code, claim=claim.claim,
                          scope=claim.scope, position=claim.position, about=claim.about))
    _save_companies(session, article, parsed, sentence_ids)
    return article


def _save_sentences(session: Session, article: Article, sentences: Iterable) -> dict[int, int]:  # type: ignore[type-arg]
    # Core inserts with RETURNING: many times faster than one ORM object per sentence.
    rows = [{"article_id": article.id, "position": s.position, "paragraph": s.paragraph, "text": s.text,
             "original": s.original} for s in sentences]
    if not rows:
        return {}
    result = session.execute(insert(Sentence).returning(Sentence.position, Sentence.id), rows)  # type: ignore[arg-type]
    return {position: sentence_id for position, sentence_id in result.all()}


def _save_facts(session: Session, article: Article, parsed: ParsedArticle, sentence_ids: dict[int, int]) -> None:
    now = utcnow()
    rows = [{
        "article_id": article.id, "sentence_id": sentence_ids[f.sentence], "region_code": f.region.code,
        "region_surface": f.region_surface[:60], "metric": f.metric[:80], "metric_surface": f.metric_surface[:80],
        "value": f.value, "value_text": f.value_text, "unit": f.unit, "growth": f.growth, "growth_pp": f.growth_pp,
        "period_kind": f.period.kind, "period_year": f.period.year, "period_start": f.period.start,
        "period_end": f.period.end, "period_label": f.period.label, "qualifier": f.qualifier, "created_at": now,
    } for f in parsed.facts]
    if rows:
        session.execute(insert(Fact), rows)


def _save_rankings(session: Session, article: Article, parsed: ParsedArticle, sentence_ids: dict[int, int]) -> None:
    for r in parsed.rankings:
        ranking = Ranking(article_id=article.id, sentence_id=sentence_ids[r.sentence], title=r.title[:200],
                          scope_code=r.scope_code, scope_name=r.scope_name, period_label=r.period_label, kind=r.kind)
        session.add(ranking)
        session.flush()
        session.add_all(RankingEntry(ranking_id=ranking.id, position=e.position, name=e.name[:120],
                                     original_name=e.original, region_code=e.region_code) for e in r.entries)


def _save_companies(session: Session, article: Article, parsed: ParsedArticle, sentence_ids: dict[int, int]) -> None:
    cache: dict[str, Entity] = {}
    for position, names in parsed.companies.items():
        for name in dict.fromkeys(names):
            entity = cache.get(name) or session.exec(
                select(Entity).where(Entity.kind == "company", Entity.name == name)).first()
            if entity is None:
                entity = Entity(kind="company", name=name[:120], short=_short_company(name))
                session.add(entity)
                session.flush()
            cache[name] = entity
            session.add(Mention(entity_id=entity.id, article_id=article.id, sentence_id=sentence_ids[position]))


def _short_company(name: str) -> str | None:
    short = name
    for suffix in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "公司"):
        if short.endswith(suffix):
            short = short[: -len(suffix)]
            break
    for prefix in ("山东省", "山东", "淄博", "聊城"):
        if short.startswith(prefix) and len(short) - len(prefix) >= 2:
            short = short[len(prefix):]
            break
    return short if short != name else None


def counts(*, session: Session) -> Counts:
    def n(model: type) -> int:
        return int(session.exec(select(func.count()).select_from(model)).one())

    return Counts(n(Article), n(Sentence), n(Fact), n(Ranking), n(Claim))
