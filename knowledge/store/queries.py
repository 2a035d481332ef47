"""Data access for the fact base. Functions take keyword-only arguments and a caller-owned session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, delete, func
from sqlmodel import Session, SQLModel, col, select

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.pipeline import ParsedArticle
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.models import (
    Article,
    Claim,
    Entity,
    Fact,
    MentionRow,
    Ranking,
    RankingEntry,
    RegionRow,
    SentenceRow,
    utcnow,
)
from knowledge.text.document import written_simplified


@dataclass(slots=True)
class Counts:
    articles: int
    sentences: int
    facts: int
    rankings: int
    claims: int


def sync_regions(*, session: Session, gazetteer: Gazetteer) -> int:
    """Make the region table match the gazetteer; returns how many rows were added."""
    existing = set(session.exec(select(RegionRow.code)).all())
    added = 0
    for region in gazetteer.regions():
        if region.code in existing:
            continue
        session.add(RegionRow(code=region.code, name=region.name, level=region.level, parent_code=region.parent,
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
    session.exec(delete(RankingEntry).where(col(RankingEntry.ranking_id).in_(ranking_ids)))
    for model in (Fact, Ranking, Claim, MentionRow, SentenceRow):
        session.exec(delete(model).where(col(model.article_id) == article.id))
    session.delete(article)
    session.flush()
    return int(facts)


def save_articles(*, session: Session, parsed: list[ParsedArticle]) -> dict[str, int]:
    """Insert parsed articles in bulk (Core executemany, ids read back per batch); returns source → article id."""
    if not parsed:
        return {}
    now = utcnow()
    rows = [{
        "source": p.source, "content_hash": p.content_hash, "title": p.doc.title, "publisher": p.doc.publisher,
        "published": p.doc.published, "date_rule": (p.doc.date_rule or "")[:200] or None, "url": p.doc.url,
        "script": p.doc.script, "encoding": p.encoding, "original_text": p.original_text, "text": p.doc.text,
        "ingested_at": now, "updated_at": now,
    } for p in parsed]
    # Core statements on the table (not the ORM entity): one executemany per table and batch.
    conn = session.connection()
    articles, sentences, facts = _table(Article), _table(SentenceRow), _table(Fact)
    conn.execute(articles.insert(), rows)
    ids: dict[str, int] = dict(conn.execute(select(articles.c.source, articles.c.id)
                            .where(articles.c.source.in_([row["source"] for row in rows]))).all())
    sentence_rows = [{"article_id": ids[p.source], "position": s.position, "paragraph": s.paragraph,
                      "text": written_simplified(s.original, p.doc.script), "original": s.original}
                     for p in parsed for s in p.doc.sentences]
    sentence_ids: dict[int, dict[int, int]] = {aid: {} for aid in ids.values()}  # article → position → id
    if sentence_rows:
        # A plain executemany, then the ids in one query: RETURNING over many rows makes SQLAlchemy render
        # one huge statement per thousand rows, which psycopg then has to re-parse (5 s per 100k rows).
        conn.execute(sentences.insert(), sentence_rows)
        found = conn.execute(select(sentences.c.article_id, sentences.c.position, sentences.c.id)
                             .where(sentences.c.article_id.in_(list(ids.values()))))
        for aid, pos, sid in found.all():
            sentence_ids[aid][pos] = sid
    fact_rows = [_fact_row(ids[p.source], f, sentence_ids[ids[p.source]], now) for p in parsed for f in p.facts]
    if fact_rows:
        conn.execute(facts.insert(), fact_rows)
    for p in parsed:
        article_id = ids[p.source]
        by_position = sentence_ids[article_id]
        _save_rankings(session, article_id, p, by_position)
        for claim in p.claims:
            session.add(Claim(article_id=article_id, sentence_id=by_position[claim.sentence], subject=claim.subject,
                              subject_kind=claim.subject_kind, region_code=claim.region_code, claim=claim.claim,
                              scope=claim.scope, position=claim.position, about=claim.about,
                              scope_name=claim.scope_name, period_label=claim.period_label))
        _save_companies(session, article_id, p, by_position)
    return ids


def _table(model: type[SQLModel]) -> Table:
    return model.metadata.tables[str(model.__tablename__)]


def _fact_row(article_id: int, f: ExtractedFact, sentence_ids: dict[int, int], now: datetime) -> dict[str, object]:
    return {
        "article_id": article_id, "sentence_id": sentence_ids[f.sentence], "region_code": f.region.code,
        "region_surface": f.region_surface[:60], "metric": f.metric[:80], "metric_surface": f.metric_surface[:80],
        "value": f.value, "value_text": f.value_text, "unit": f.unit, "growth": f.growth, "growth_pp": f.growth_pp,
        "period_kind": f.period.kind, "period_year": f.period.year, "period_start": f.period.start,
        "period_end": f.period.end, "period_label": f.period.label, "qualifier": f.qualifier, "created_at": now,
    }


def _save_rankings(session: Session, article_id: int, parsed: ParsedArticle, sentence_ids: dict[int, int]) -> None:
    for r in parsed.rankings:
        ranking = Ranking(article_id=article_id, sentence_id=sentence_ids[r.sentence], title=r.title[:200],
                          scope_code=r.scope_code, scope_name=r.scope_name, period_label=r.period_label, kind=r.kind)
        session.add(ranking)
        session.flush()
        ranking_id = _flushed_id(ranking)
        session.add_all(RankingEntry(ranking_id=ranking_id, position=e.position, name=e.name[:120],
                                     original_name=e.original, region_code=e.region_code) for e in r.entries)


def _save_companies(session: Session, article_id: int, parsed: ParsedArticle, sentence_ids: dict[int, int]) -> None:
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
            session.add(MentionRow(entity_id=_flushed_id(entity), article_id=article_id,
                                   sentence_id=sentence_ids[position]))


def _flushed_id(row: Ranking | Entity) -> int:
    """The id the database gave a row that has been flushed or loaded."""
    if row.id is None:
        raise RuntimeError(f"a {type(row).__name__} row was used before it was flushed")
    return row.id


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

    return Counts(n(Article), n(SentenceRow), n(Fact), n(Ranking), n(Claim))
