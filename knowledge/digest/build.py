"""What a daily digest says: facts, rankings and articles new since the chat's last digest, by region (capped),
or a 今日一数 highlight when nothing is new, picked from a list made once per day per region filter.

Building costs O(new facts): indexed range queries over `created_at` (and the articles' `updated_at`) between
the chat's last digest and the broadcast's start, and sentence text loaded only for the facts shown. A
DigestCache shared by one broadcast builds the body of each distinct (filter, since, until, day) once and
reuses it for every chat that shares it; the highlight lines are cached by fact.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from sqlalchemy import ColumnElement, func
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

from knowledge.extract.metrics import metrics
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.qa.format import fact_line
from knowledge.store.models import Article, Fact, Ranking, RankingEntry, SentenceRow
from knowledge.text.snippets import snippet_around

_MAX_FACTS_PER_REGION = 8
_MAX_REGIONS = 10
_MAX_RANKINGS = 5
_MAX_ARTICLES = 5
_HIGHLIGHT_CANDIDATES = 40  # more than the 30 recent highlights a chat is kept from repeating


@dataclass(slots=True)
class Digest:
    text: str
    new_items: int
    highlight: str | None


@dataclass(frozen=True, slots=True)
class _News:
    body: str
    items: int


Recent = AbstractSet[str] | Callable[[], AbstractSet[str]]
NewsKey = tuple[tuple[str, ...], datetime | None, datetime | None]
HighlightLine = tuple[str, str] | None


class DigestCache:
    """What one broadcast has built, shared by its chats: the news body per (filter, since, until), and the
    highlight line per fact. Thread-safe; two threads may build the same entry once each, never wrongly."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._news: dict[NewsKey, _News | None] = {}
        self._lines: dict[int, HighlightLine] = {}
        self.built = 0  # news bodies actually built (the rest were reused)

    def news(self, key: NewsKey, make: Callable[[], _News | None]) -> _News | None:
        with self._lock:
            if key in self._news:
                return self._news[key]
        made = make()
        with self._lock:
            self.built += 1
            return self._news.setdefault(key, made)

    def line(self, fact_id: int, make: Callable[[], HighlightLine]) -> HighlightLine:
        with self._lock:
            if fact_id in self._lines:
                return self._lines[fact_id]
        made = make()
        with self._lock:
            return self._lines.setdefault(fact_id, made)


def build_digest(engine: Engine, gazetteer: Gazetteer, *, since: datetime | None, regions: list[str],
                 day: date, recent_highlights: Recent = frozenset(), skip_quiet: bool = False,
                 until: datetime | None = None, cache: DigestCache | None = None) -> Digest | None:
    """The digest for one chat: what was stored after `since` and up to `until` (None: no bound).

    None only when nothing is new and quiet days are skipped. With a cache, chats sharing a filter and a
    window share one build. `recent_highlights` (or a function giving them, called only on a quiet day) are
    the highlights this chat had lately, not to be repeated.
    """
    wanted = [gazetteer.get(c) for c in dict.fromkeys(regions) if c]
    cache = cache or DigestCache()
    key: NewsKey = (tuple(sorted(r.code for r in wanted)), since, until)
    news = cache.news(key, lambda: _build_news(engine, gazetteer, wanted, since, until))
    scope = "、".join(r.name for r in wanted) if wanted else "全部地区"
    head = f"📊 区域经济日报 · {day.isoformat()}({scope})"
    if news is not None:
        return Digest("\n\n".join([head, news.body]), news.items, None)
    if skip_quiet:
        return None
    recent = recent_highlights() if callable(recent_highlights) else recent_highlights
    highlight = _highlight(engine, gazetteer, wanted, day, recent, cache)
    if highlight is None:
        text = "\n\n".join([head, "今天没有新的数据,资料库里也还没有可以推荐的数字。"])
        return Digest(text, 0, None)
    key_text, line = highlight
    return Digest("\n\n".join([head, "今天没有新数据。今日一数:\n" + line]), 0, key_text)


class _Coverage:
    """Whether a region code lies inside the filter (itself or a parent is wanted), memoised per code."""

    def __init__(self, gazetteer: Gazetteer, wanted: list[Region]) -> None:
        self.gazetteer, self.wanted = gazetteer, {w.code for w in wanted}
        self.known: dict[str, bool] = {}

    def __call__(self, code: str | None) -> bool:
        if not self.wanted:
            return True
        if code is None:
            return False
        if code not in self.known:
            chain = {r.code for r in self.gazetteer.chain(self.gazetteer.get(code))}
            self.known[code] = bool(chain & self.wanted)
        return self.known[code]


def _window(column: Mapped[datetime], since: datetime | None,
            until: datetime | None) -> list[ColumnElement[bool]]:
    clauses = []
    if since is not None:
        clauses.append(column > since)
    if until is not None:
        clauses.append(column <= until)
    return clauses


def _build_news(engine: Engine, gazetteer: Gazetteer, wanted: list[Region], since: datetime | None,
                until: datetime | None) -> _News | None:
    covered = _Coverage(gazetteer, wanted)
    with Session(engine) as session:
        # No ORDER BY: with one, SQLite walks the (region, metric) index over the whole table instead of
        # the created_at range; the few new rows are ordered here.
        facts = [f for f in session.exec(select(Fact).where(*_window(col(Fact.created_at), since, until))).all()
                 if covered(f.region_code)]
        rankings = [r for r in _new_rankings(session, since, until)
                    if not wanted or any(covered(c) for c in r[1] if c)]
        if not facts and not rankings:
            return None
        articles = session.exec(select(col(Article.id), col(Article.title)).where(
            *_window(col(Article.updated_at), since, until)).order_by(col(Article.id)).limit(_MAX_ARTICLES)).all()
        body = _render_new(session, gazetteer, sorted(facts, key=lambda f: (f.region_code, f.id or 0)), rankings,
                           [title or "" for _, title in articles])
    return _News(body, len(facts) + len(rankings))


RankingRow = tuple[Ranking, list[str | None], list[str]]


def _new_rankings(session: Session, since: datetime | None, until: datetime | None) -> list[RankingRow]:
    rankings = list(session.exec(select(Ranking).where(*_window(col(Ranking.created_at), since, until))
                                 .order_by(col(Ranking.id))).all())
    entries: dict[int, list[RankingEntry]] = defaultdict(list)
    ids = [r.id for r in rankings if r.id is not None]
    for start in range(0, len(ids), 500):
        for entry in session.exec(select(RankingEntry).where(col(RankingEntry.ranking_id).in_(ids[start:start + 500]))
                                  .order_by(col(RankingEntry.id))).all():
            entries[entry.ranking_id].append(entry)
    return [(r, [e.region_code for e in entries[r.id or 0]], [e.name for e in entries[r.id or 0]])
            for r in rankings]


def _source(session: Session, fact: Fact, limit: int) -> str:
    """来源:《title》(date)“snippet”, for one shown fact: its sentence and article loaded alone."""
    row = session.exec(select(col(SentenceRow.text), col(Article.title), col(Article.published))
                       .join(Article, col(Article.id) == col(SentenceRow.article_id))
                       .where(col(SentenceRow.id) == fact.sentence_id)).first()
    if row is None:
        return ""
    text, title, published = row
    when = f"({published.isoformat()})" if published else ""
    return f"来源:《{title}》{when}“{snippet_around(text, fact.value_text, limit=limit)}”"


def _render_new(session: Session, gazetteer: Gazetteer, facts: list[Fact], rankings: list[RankingRow],
                titles: list[str]) -> str:
    by_region: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_region[fact.region_code].append(fact)
    blocks = []
    # The regions with the most new facts first; the rest are counted, so a digest stays one or two messages.
    ranked = sorted(by_region.items(), key=lambda item: -len(item[1]))
    for code, rows in ranked[:_MAX_REGIONS]:
        region = gazetteer.get(code)
        lines = [f"【{region.name}】"]
        lines.extend("· " + fact_line(fact) for fact in rows[:_MAX_FACTS_PER_REGION])
        if len(rows) > _MAX_FACTS_PER_REGION:
            lines.append(f"……另有 {len(rows) - _MAX_FACTS_PER_REGION} 条")
        if source := _source(session, rows[0], 60):
            lines.append(source)
        blocks.append("\n".join(lines))
    if len(ranked) > _MAX_REGIONS:
        rest = ranked[_MAX_REGIONS:]
        blocks.append(f"……另有 {len(rest)} 个地区的 {sum(len(rows) for _, rows in rest)} 条新数据")
    for ranking, _codes, names in rankings[:_MAX_RANKINGS]:
        top = "、".join(f"{i}.{n}" for i, n in enumerate(names[:5], 1))
        blocks.append(f"【排名】《{ranking.title}》:{top}" + ("……" if len(names) > 5 else ""))
    if len(rankings) > _MAX_RANKINGS:
        blocks.append(f"……另有 {len(rankings) - _MAX_RANKINGS} 个排名")
    if titles:
        blocks.append("新文章:" + ";".join(f"《{t}》" for t in titles))
    return "\n\n".join(blocks)


def _highlight(engine: Engine, gazetteer: Gazetteer, wanted: list[Region], day: date,
               recent: AbstractSet[str], cache: DigestCache) -> tuple[str, str] | None:
    """A notable stored fact this chat has not had recently, chosen deterministically for the day."""
    for fact_id in _candidates(engine, gazetteer, wanted, day):
        if f"fact:{fact_id}" in recent:
            continue
        found = cache.line(fact_id, partial(_highlight_line, engine, gazetteer, fact_id))
        if found is not None:  # None: removed by a reload since the list was made
            return found
    return None


def _highlight_line(engine: Engine, gazetteer: Gazetteer, fact_id: int) -> HighlightLine:
    with Session(engine) as session:
        fact = session.get(Fact, fact_id)
        if fact is None:
            return None
        region = gazetteer.get(fact.region_code)
        return f"fact:{fact.id}", f"{fact_line(fact, region.name)}\n{_source(session, fact, 80)}"


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
    covered = _Coverage(gazetteer, wanted)
    picked = [(metric not in known, _day_hash(day, fact_id), fact_id) for fact_id, code, metric in rows
              if fact_id is not None and covered(code)]
    ids = [fact_id for *_, fact_id in sorted(picked)[:_HIGHLIGHT_CANDIDATES]]
    with _candidate_lock:
        for stale in [k for k in _candidate_cache if k[1] != day]:
            del _candidate_cache[stale]
        _candidate_cache[key] = ids
    return ids


def _day_hash(day: date, fact_id: int) -> str:
    return hashlib.sha1(f"{day.isoformat()}:{fact_id}".encode()).hexdigest()
