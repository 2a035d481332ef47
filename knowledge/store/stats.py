"""The question log and the figures /stats shows: base size, subscribers, questions today, top misses."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from knowledge.store.models import QuestionLog
from knowledge.store.queries import counts


@dataclass(slots=True)
class Stats:
    articles: int
    facts: int
    rankings: int
    claims: int
    subscribers: int
    answered_today: int
    unanswered_today: int
    top_unanswered: list[tuple[str, int]]


def log_question(*, session: Session, chat_id: int, user_id: int | None, question: str, intent: str,
                 found: bool, latency_ms: float) -> None:
    session.add(QuestionLog(chat_id=chat_id, user_id=user_id, question=question[:500], intent=intent,
                            found=found, latency_ms=round(latency_ms, 3)))


def collect(*, session: Session, tz: ZoneInfo, now: datetime | None = None, subscribers: int = 0) -> Stats:
    """Counts for /stats; "today" is the calendar day in `tz`."""
    now = now or datetime.now(tz)
    start = datetime.combine(now.astimezone(tz).date(), time(0), tz)
    base = counts(session=session)
    today = (QuestionLog.created_at >= start, QuestionLog.created_at < start + timedelta(days=1))
    rows = session.exec(select(QuestionLog.found, func.count()).where(*today).group_by(col(QuestionLog.found))).all()
    by_found = {bool(found): int(n) for found, n in rows}
    misses = session.exec(select(QuestionLog.question).where(col(QuestionLog.found).is_(False))
                          .order_by(col(QuestionLog.id).desc()).limit(5000)).all()
    top = Counter(q.strip() for q in misses).most_common(10)
    return Stats(base.articles, base.facts, base.rankings, base.claims, subscribers,
                 by_found.get(True, 0), by_found.get(False, 0), top)
