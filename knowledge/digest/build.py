"""What a daily digest says: facts, rankings and articles new since the chat's last digest, by region (capped),
or a 今日一数 highlight when nothing is new, picked from a list made once per day per region filter.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.extract.metrics import metrics
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.qa.format import fact_line
from knowledge.store.models import Article, Fact, Ranking, RankingEntry, SentenceRow
from knowledge.text.snippets import snippet_around

_MAX_FACTS_PER_REGION = 8
_MAX_REGIONS = 10
_MAX_RANKINGS = 5
_HIGHLIGHT_CANDIDATES = 40  # more than the 30 recent highlights a chat is kept from repeating


@dataclass(slots=True)
class Digest:
    text: str
    new_items: int
    highlight: str | None


def build_digest(engine: Engine, gazetteer: Gazetteer, *, since: datetime | None, regions: list[str],
                 day: date, recent_highlights: AbstractSet[str] = frozenset(),
                 skip_quiet: bool = False) -> Digest | None:
    """The digest for one chat; None only when nothing is new and quiet days are skipped."""
    wanted = [gazetteer.get(c) for c in regions if c]
    with Session(engine) as session:
        facts = _new_facts(session, since)
        rankings = _new_rankings(session, since)
        articles = _new_articles(session, since)
    facts = [f for f in facts if _covered(gazetteer, f[0].region_code, wanted)]
    rankings = [r for r in rankings if not wanted or any(_covered(gazetteer, c, wanted) for c in r[1] if c)]
    scope = "、".join(r.name for r in wanted) if wanted else "全部地区"
    head = f"📊 区域经济日报 · {day.isoformat()}({scope})"
    if facts or rankings:
        body = _render_new(gazetteer, facts, rankings, articles)
        return Digest("\n\n".join([head, body]), len(facts) + len(rankings), None)
    if skip_quiet:
        return None
    highlight = _highlight(engine, gazetteer, wanted, day, recent_highlights)
    if highlight is None:
        text = "\n\n".join([head, "今天没有新的数据,资料库里也还没有可以推荐的数字。"])
        return Digest(text, 0, None)
    key, line = highlight
    return Digest("\n\n".join([head, "今天没有新数据。今日一数:\n" + line]), 0, key)


def _covered(gazetteer: Gazetteer, code: str, wanted: list[Region]) -> bool:
    if not wanted:
        return True
    chain = {r.code for r in gazetteer.chain(gazetteer.get(code))}
    return any(w.code in chain for w in wanted)


FactRow = tuple[Fact, SentenceRow, Article]
RankingRow = tuple[Ranking, list[str | None], list[str]]


def _new_facts(session: Session, since: datetime | None) -> list[FactRow]:
    query = select(Fact, SentenceRow, Article).join(SentenceRow, col(SentenceRow.id) == col(Fact.sentence_id)).join(
        Article, col(Article.id) == col(Fact.article_id))
    if since is not None:
        query = query.where(col(Fact.created_at) > since)
    return list(session.exec(query.order_by(col(Fact.region_code), col(Fact.id))).all())


def _new_rankings(session: Session, since: datetime | None) -> list[RankingRow]:
    query = select(Ranking)
    if since is not None:
        query = query.where(col(Ranking.created_at) > since)
    out = []
    for ranking in session.exec(query.order_by(col(Ranking.id))).all():
        entries = session.exec(select(RankingEntry).where(col(RankingEntry.ranking_id) == ranking.id)
                               .order_by(col(RankingEntry.id))).all()
        out.append((ranking, [e.region_code for e in entries], [e.name for e in entries]))
    return out


def _new_articles(session: Session, since: datetime | None) -> dict[int, Article]:
    query = select(Article) if since is None else select(Article).where(col(Article.updated_at) > since)
    return {a.id: a for a in session.exec(query).all() if a.id is not None}


def _render_new(gazetteer: Gazetteer, facts: list[FactRow], rankings: list[RankingRow],
                articles: dict[int, Article]) -> str:
    by_region: dict[str, list[FactRow]] = defaultdict(list)
    for row in facts:
        by_region[row[0].region_code].append(row)
    blocks = []
    # The regions with the most new facts first; the rest are counted, so a digest stays one or two messages.
    ranked = sorted(by_region.items(), key=lambda item: -len(item[1]))
    for code, rows in ranked[:_MAX_REGIONS]:
        region = gazetteer.get(code)
        lines = [f"【{region.name}】"]
        for fact, _sentence, _article in rows[:_MAX_FACTS_PER_REGION]:
            lines.append("· " + fact_line(fact))
        if len(rows) > _MAX_FACTS_PER_REGION:
            lines.append(f"……另有 {len(rows) - _MAX_FACTS_PER_REGION} 条")
        _, sentence, article = rows[0]
        snippet = snippet_around(sentence.text, rows[0][0].value_text, limit=60)
        lines.append(f"来源:《{article.title}》{_date(article)}“{snippet}”")
        blocks.append("\n".join(lines))
    if len(ranked) > _MAX_REGIONS:
        rest = ranked[_MAX_REGIONS:]
        blocks.append(f"……另有 {len(rest)} 个地区的 {sum(len(rows) for _, rows in rest)} 条新数据")
    for ranking, _codes, names in rankings[:_MAX_RANKINGS]:
        top = "、".join(f"{i}.{n}" for i, n in enumerate(names[:5], 1))
        blocks.append(f"【排名】《{ranking.title}》:{top}" + ("……" if len(names) > 5 else ""))
    if len(rankings) > _MAX_RANKINGS:
        blocks.append(f"……另有 {len(rankings) - _MAX_RANKINGS} 个排名")
    new_articles = [a for a in articles.values()]
    if new_articles:
        blocks.append("新文章:" + ";".join(f"《{a.title}》" for a in new_articles[:5]))
    return "\n\n".join(blocks)


def _highlight(engine: Engine, gazetteer: Gazetteer, wanted: list[Region], day: date,
               recent: AbstractSet[str]) -> tuple[str, str] | None:
    """A notable stored fact this chat has not had recently, chosen deterministically for the day."""
    for fact_id in _candidates(engine, gazetteer, wanted, day):
        if f"fact:{fact_id}" in recent:
            continue
        with Session(engine) as session:
            row = session.exec(select(Fact, SentenceRow, Article)
                               .join(SentenceRow, col(SentenceRow.id) == col(Fact.sentence_id))
                               .join(Article, col(Article.id) == col(Fact.article_id))
                               .where(col(Fact.id) == fact_id)).first()
        if row is None:  # removed by a reload since the list was made
            continue
        fact, sentence, article = row
        region = gazetteer.get(fact.region_code)
        line = (f"{fact_line(fact, region.name)}\n来源:《{article.title}》{_date(article)}"
                f"“{snippet_around(sentence.text, fact.value_text, limit=80)}”")
        return f"fact:{fact.id}", line
    return None


_candidate_lock = threading.Lock()
_candidate_cache: dict[tuple[int, date, int, tuple[str, ...]], list[int]] = {}


def _candidates(engine: Engine, gazetteer: Gazetteer, wanted: list[Region], day: date) -> list[int]:
    """The day's highlight order for one region filter, worked out once per day per filter (and base)."""
    with Session(engine) as session:
        newest = session.exec(select(func.max(Fact.id))).one() or 0
    key = (id(engine), day, int(newest), tuple(sorted(r.code for r in wanted)))
    with _candidate_lock:
        if key in _candidate_cache:
            return _candidate_cache[key]
    known = metrics()
    with Session(engine) as session:
        rows = session.exec(select(Fact.id, Fact.region_code, Fact.metric).where(col(Fact.value).is_not(None))).all()
    covered: dict[str, bool] = {}
    picked = []
    for fact_id, code, metric in rows:
        if code not in covered:
            covered[code] = _covered(gazetteer, code, wanted)
        if covered[code] and fact_id is not None:
            picked.append((metric not in known, _day_hash(day, fact_id), fact_id))
    ids = [fact_id for *_, fact_id in sorted(picked)[:_HIGHLIGHT_CANDIDATES]]
    with _candidate_lock:
        for stale in [k for k in _candidate_cache if k[1] != day]:
            del _candidate_cache[stale]
        _candidate_cache[key] = ids
    return ids


def _day_hash(day: date, fact_id: int) -> str:
    return hashlib.sha1(f"{day.isoformat()}:{fact_id}".encode()).hexdigest()


def _date(article: Article) -> str:
    return f"({article.published.isoformat()})" if article.published else ""
