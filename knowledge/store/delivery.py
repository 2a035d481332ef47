"""The delivery log as a work queue: enqueue today's due digests, claim them exclusively, mark each part.

A claim has an owner and an expiry; no sender takes a live claim (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite
serialises writers, so one conditional UPDATE is atomic). One lease row keeps to one broadcast at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from knowledge.store.models import BroadcastLease, DeliveryLog, Subscription, utcnow

BROADCAST_LEASE = "digest-broadcast"
_LOG = DeliveryLog.__table__  # type: ignore[attr-defined]  # SQLModel declares __table__ only at run time
_SUB = Subscription.__table__  # type: ignore[attr-defined]
_LEASE = BroadcastLease.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Claimed:
    """One delivery this sender now owns: what is left to send of it."""

    id: int
    chat_id: int
    digest_date: date
    attempts: int
    body: str | None
    parts_sent: int
    until: datetime  # the row's enqueue time: the digest covers what was stored up to it, no later


def acquire_lease(*, engine: Engine, owner: str, seconds: float, name: str = BROADCAST_LEASE,
                  now: datetime | None = None, renew: bool = False) -> bool:
    """Take the lease (False while any lease is live, this owner's own too), or renew the one it holds."""
    now = now or utcnow()
    until = now + timedelta(seconds=seconds)
    held = _LEASE.c.owner == owner if renew else _LEASE.c.expires_at < now
    with engine.begin() as conn:
        if conn.execute(update(_LEASE).where(_LEASE.c.name == name, held)
                        .values(owner=owner, expires_at=until)).rowcount:
            return True
    if renew:
        return False
    try:
        with engine.begin() as conn:
            conn.execute(insert(_LEASE).values(name=name, owner=owner, expires_at=until))
        return True
    except IntegrityError:  # the row exists and someone else holds it
        return False


def release_lease(*, engine: Engine, owner: str, name: str = BROADCAST_LEASE) -> None:
    with engine.begin() as conn:
        conn.execute(update(_LEASE).where(_LEASE.c.name == name, _LEASE.c.owner == owner)
                     .values(expires_at=datetime(2000, 1, 1, tzinfo=utcnow().tzinfo)))


def renew_claims(*, engine: Engine, owner: str, seconds: float, now: datetime | None = None) -> int:
    """Push out the expiry of every claim this owner still holds (the heartbeat does, with the lease)."""
    until = (now or utcnow()) + timedelta(seconds=seconds)
    with engine.begin() as conn:
        return conn.execute(update(_LOG).where(_LOG.c.owner == owner, _LOG.c.status == "sending")
                            .values(claimed_until=until)).rowcount


def _insert_ignoring_duplicates(conn: Connection, rows: list[dict[str, object]]) -> int:
    if not rows:
        return 0
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(_LOG).on_conflict_do_nothing(index_elements=["chat_id", "digest_date"])
    return conn.execute(statement, rows).rowcount or 0


def digest_days(now: datetime, timezones: Iterable[str]) -> set[date]:
    return {now.astimezone(ZoneInfo(tz)).date() for tz in timezones}


def enqueue(*, engine: Engine, now: datetime, due_only: bool, chat_ids: Iterable[int] | None = None,
            retry_failed: bool = False) -> set[date]:
    """Give active subscribers a pending row for their local today; returns the days in play.

    due_only: only chats whose send time today has passed and that were subscribed by then (a start
    resumes what it missed; a subscription made at 21:00 for 08:00 starts tomorrow). retry_failed puts
    today's failed rows back in the queue (an admin's /digest_now does; the minute sweep does not).
    """
    query = select(_SUB.c.chat_id, _SUB.c.send_time, _SUB.c.timezone, _SUB.c.created_at).where(
        _SUB.c.active.is_(True))
    if chat_ids is not None:
        query = query.where(_SUB.c.chat_id.in_(list(chat_ids)))
    with engine.begin() as conn:
        subs = conn.execute(query).all()
        timezones = {tz for (tz,) in conn.execute(select(_SUB.c.timezone).where(_SUB.c.active.is_(True))
                                                  .distinct()).all()}
        days = digest_days(now, timezones)
        rows = []
        for sub in subs:
            local = now.astimezone(ZoneInfo(sub.timezone))
            if due_only and not _due(local, sub.send_time, sub.created_at):
                continue
            rows.append({"chat_id": sub.chat_id, "digest_date": local.date(), "status": "pending", "attempts": 0,
                         "parts_total": 0, "parts_sent": 0, "created_at": now})
        for start in range(0, len(rows), 1000):
            _insert_ignoring_duplicates(conn, rows[start:start + 1000])
        if retry_failed and days:
            active = select(_SUB.c.chat_id).where(_SUB.c.active.is_(True))
            conn.execute(update(_LOG).where(_LOG.c.status == "failed", _LOG.c.digest_date.in_(days),
                                            _LOG.c.chat_id.in_(active))
                         .values(status="pending", owner=None, claimed_until=None))
    return days


def _due(local: datetime, send_time: str, created_at: datetime) -> bool:
    hour, minute = (int(x) for x in send_time.split(":"))
    slot = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    created = created_at if created_at.tzinfo else created_at.replace(tzinfo=utcnow().tzinfo)
    return created <= slot <= local


def claim(*, engine: Engine, owner: str, days: Iterable[date], seconds: float, limit: int = 1,
          now: datetime | None = None) -> list[Claimed]:
    """Claim up to `limit` rows of `days` for `owner`: pending ones, then lapsed claims (a dead sender's).

    Equality lookups on (digest_date, status), each touching only the rows it takes, rather than one OR
    that read the whole day's log per claim (24 ms a claim at 10,000 rows on SQLite); while rows are
    pending, a claim is one statement. A dead sender's lease and claims lapse together, so its rows are
    taken when the pending ones run out, within the same broadcast.
    """
    now = now or utcnow()
    day_list = list(days)
    in_days = _LOG.c.digest_date.in_(day_list)
    lapsed = and_(in_days, _LOG.c.status == "sending", _LOG.c.claimed_until < now)
    pending = and_(in_days, _LOG.c.status == "pending")
    out: list[Claimed] = []
    with engine.begin() as conn:
        for claimable in (pending, lapsed):
            if len(out) >= limit:
                break
            # SQLAlchemy drops FOR UPDATE on SQLite, where the single UPDATE is atomic anyway.
            pick = select(_LOG.c.id).where(claimable).limit(limit - len(out)).with_for_update(skip_locked=True)
            rows = conn.execute(update(_LOG).where(_LOG.c.id.in_(pick.scalar_subquery()), claimable)
                                .values(status="sending", owner=owner, claimed_until=now + timedelta(seconds=seconds))
                                .returning(_LOG.c.id, _LOG.c.chat_id, _LOG.c.digest_date, _LOG.c.attempts,
                                           _LOG.c.body, _LOG.c.parts_sent, _LOG.c.created_at)).all()
            out.extend(Claimed(r.id, r.chat_id, r.digest_date, r.attempts, r.body, r.parts_sent, r.created_at)
                       for r in rows)
    return out


def save_body(*, engine: Engine, claimed: Claimed, owner: str, body: str, parts_total: int,
              highlight: str | None = None) -> bool:
    """Store the digest once, so a resume sends the same remaining parts; False if the claim was lost."""
    with engine.begin() as conn:
        return bool(conn.execute(update(_LOG).where(_LOG.c.id == claimed.id, _LOG.c.owner == owner,
                                                    _LOG.c.status == "sending")
                                 .values(body=body, parts_total=parts_total, highlight=highlight)).rowcount)


def mark_part(*, engine: Engine, claimed: Claimed, owner: str, parts_sent: int) -> bool:
    """Record that the first `parts_sent` parts are out; False if the claim was lost to another sender."""
    with engine.begin() as conn:
        return bool(conn.execute(update(_LOG).where(_LOG.c.id == claimed.id, _LOG.c.owner == owner,
                                                    _LOG.c.status == "sending")
                                 .values(parts_sent=parts_sent)).rowcount)


def finish(*, engine: Engine, claimed: Claimed, owner: str, status: str, attempts: int,
           error: str | None = None) -> None:
    """Close the delivery (sent | failed | skipped) and release the claim.

    A sent digest moves the chat's last_digest_at to the row's enqueue time (what the digest covered, the
    same for every chat of one broadcast, so they share one build next time), never backwards.
    """
    values: dict[str, object] = {"status": status, "attempts": attempts, "error": (error or "")[:300] or None,
                                 "owner": None, "claimed_until": None}
    with engine.begin() as conn:
        if status == "sent":
            values["sent_at"] = utcnow()
            behind = or_(_SUB.c.last_digest_at.is_(None), _SUB.c.last_digest_at < claimed.until)
            conn.execute(update(_SUB).where(_SUB.c.chat_id == claimed.chat_id, behind)
                         .values(last_digest_at=claimed.until))
        conn.execute(update(_LOG).where(_LOG.c.id == claimed.id, _LOG.c.owner == owner).values(**values))


def release(*, engine: Engine, claimed: Claimed, owner: str) -> None:
    """Hand an unstarted claim back (a stop came before its first part went out)."""
    with engine.begin() as conn:
        conn.execute(update(_LOG).where(_LOG.c.id == claimed.id, _LOG.c.owner == owner, _LOG.c.status == "sending")
                     .values(status="pending", owner=None, claimed_until=None))


def outstanding(*, engine: Engine, days: Iterable[date]) -> int:
    """Rows of `days` still to send (pending, or claimed and not finished)."""
    with engine.begin() as conn:
        return int(conn.execute(select(func.count()).select_from(_LOG).where(
            _LOG.c.digest_date.in_(list(days)), _LOG.c.status.in_(("pending", "sending")))).scalar_one())
