"""Digest subscriptions and the delivery log: parsing /subscribe arguments, storing, claiming a delivery.

The database is the source of truth: the scheduler is rebuilt from it at start; the delivery log and its
claims (knowledge.store.delivery) keep a digest from being sent twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.errors import UsageError
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.store.models import DeliveryLog, Subscription, utcnow

_TIME_RE = re.compile(r"^([01]?[0-9]|2[0-3])[::.]([0-5][0-9])$", re.ASCII)
_STORED_TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", re.ASCII)  # str.isdigit() would take "²"
MAX_REGIONS = 20  # the regions column holds comma-separated codes in 500 characters


@dataclass(frozen=True, slots=True)
class SubscribeRequest:
    send_time: str
    regions: tuple[Region, ...]


def parse_subscribe_args(args: list[str], *, default_time: str, gazetteer: Gazetteer) -> SubscribeRequest:
    """`/subscribe [HH:MM] [地区 …]` → a request; UsageError names what is wrong."""
    send_time = default_time
    regions: list[Region] = []
    for i, arg in enumerate(a for a in args if a.strip()):
        m = _TIME_RE.match(arg.strip())
        if m:
            if i != 0:
                raise UsageError(f"时间 {arg} 要写在地区前面,例如 /subscribe 07:30 聊城")
            send_time = f"{int(m[1]):02d}:{m[2]}"
            continue
        if re.fullmatch(r"[\d::.]+", arg):
            raise UsageError(f"时间 {arg} 无效,请用 24 小时制 HH:MM,例如 07:30")
        region = gazetteer.resolve(arg)
        if region is None:
            raise UsageError(f"不认识地区“{arg}”,请用山东的市、县、区名,例如 聊城 淄博 临清")
        if region not in regions:
            regions.append(region)
    if len(regions) > MAX_REGIONS:
        raise UsageError(f"最多订阅 {MAX_REGIONS} 个地区,这次写了 {len(regions)} 个")
    return SubscribeRequest(send_time, tuple(regions))


def is_valid_send_time(value: str) -> bool:
    """HH:MM in 24 hours, ASCII digits only: what may be stored and scheduled."""
    return bool(_STORED_TIME_RE.match(value))


def local_time(send_time: str, tz: str) -> time:
    hour, minute = send_time.split(":")
    return time(int(hour), int(minute), tzinfo=ZoneInfo(tz))


def subscribe(*, session: Session, chat_id: int, chat_type: str, request: SubscribeRequest, tz: str) -> Subscription:
    """Create or update this chat's subscription (subscribing again updates the settings)."""
    if not is_valid_send_time(request.send_time) or len(request.regions) > MAX_REGIONS:
        raise UsageError(f"订阅设置无效:时间 {request.send_time!r},{len(request.regions)} 个地区")
    sub = session.exec(select(Subscription).where(Subscription.chat_id == chat_id)).first()
    if sub is None:
        sub = Subscription(chat_id=chat_id, chat_type=chat_type)
    sub.send_time, sub.timezone, sub.active = request.send_time, tz, True
    sub.regions = ",".join(r.code for r in request.regions)
    sub.updated_at = utcnow()
    session.add(sub)
    session.flush()
    return sub


def unsubscribe(*, session: Session, chat_id: int) -> bool:
    sub = session.exec(select(Subscription).where(Subscription.chat_id == chat_id)).first()
    if sub is None or not sub.active:
        return False
    sub.active, sub.updated_at = False, utcnow()
    session.add(sub)
    return True


def digest_since(*, engine: Engine, chat_id: int) -> tuple[datetime, list[str]] | None:
    """Where this chat's next digest starts (its last digest's mark, or when it subscribed) and its region
    codes; None without a subscription. One indexed row, no ORM object: a broadcast asks once per chat."""
    with engine.connect() as conn:
        row = conn.execute(select(col(Subscription.last_digest_at), col(Subscription.created_at),
                                  col(Subscription.regions)).where(col(Subscription.chat_id) == chat_id)).first()
    if row is None:
        return None
    last, created, regions = row
    return last or created, [c for c in regions.split(",") if c]


def get_subscription(*, session: Session, chat_id: int) -> Subscription | None:
    return session.exec(select(Subscription).where(Subscription.chat_id == chat_id)).first()


def active_subscriptions(*, session: Session) -> list[Subscription]:
    return list(session.exec(select(Subscription).where(col(Subscription.active).is_(True))
                             .order_by(col(Subscription.chat_id))).all())


def active_count(engine: Engine) -> int:
    with Session(engine) as session:
        query = select(func.count()).select_from(Subscription).where(col(Subscription.active).is_(True))
        return int(session.exec(query).one())


def deactivate(*, session: Session, chat_id: int) -> None:
    session.execute(update(Subscription).where(col(Subscription.chat_id) == chat_id)
                    .values(active=False, updated_at=utcnow()))


def digest_date(now: datetime, tz: str) -> date:
    """The digest's calendar date in the subscriber's timezone (the day boundary is local midnight)."""
    return now.astimezone(ZoneInfo(tz)).date()


def recent_highlights(*, session: Session, chat_id: int, limit: int = 30) -> set[str]:
    rows = session.exec(select(DeliveryLog.highlight).where(DeliveryLog.chat_id == chat_id,
                                                            DeliveryLog.highlight.is_not(None))  # type: ignore[union-attr]
                        .order_by(DeliveryLog.digest_date.desc()).limit(limit)).all()  # type: ignore[attr-defined]
    return {h for h in rows if h}
