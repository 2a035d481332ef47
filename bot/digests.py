"""Digest scheduling (PTB's JobQueue on APScheduler) and delivery with Telegram's error semantics.

Delivery is exactly-once per (chat, local date): the delivery log row is claimed before sending and
marked sent right after. Errors: RetryAfter is honoured; network errors and 5xx are retried with
backoff a bounded number of times and then recorded as failed; Forbidden and "chat not found"
deactivate the subscription. A timed-out send is not retried (Telegram may have delivered it).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfoNotFoundError

from sqlalchemy.engine import Engine
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.render import MESSAGE_LIMIT, split_message
from bot.services import AnyApp, BotContext, Services, services_of
from knowledge.digest.build import Digest, build_digest
from knowledge.store.engine import session_scope
from knowledge.store.models import Subscription
from knowledge.store.subscriptions import (
    active_subscriptions,
    claim_delivery,
    deactivate,
    digest_date,
    finish_delivery,
    get_subscription,
    is_valid_send_time,
    local_time,
    recent_highlights,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
BACKOFF_SECONDS = 0.5
MAX_RETRY_AFTER_WAITS = 5
BROADCAST_CONCURRENCY = 64


def job_name(chat_id: int) -> str:
    return f"digest:{chat_id}"


def schedule(app: AnyApp, sub: Subscription) -> None:
    """(Re)place this chat's daily job; an inactive subscription just loses its job.

    Raises ValueError for a row that cannot be scheduled (a bad time or timezone), before touching its job.
    """
    jobs = app.job_queue
    if jobs is None:
        raise RuntimeError("the Application has no JobQueue (install python-telegram-bot[job-queue])")
    when = None
    if sub.active:
        if not is_valid_send_time(sub.send_time):
            raise ValueError(f"send time {sub.send_time!r} is not HH:MM")
        try:
            when = local_time(sub.send_time, sub.timezone)
        except (ValueError, ZoneInfoNotFoundError) as exc:
            raise ValueError(f"timezone {sub.timezone!r} is unknown") from exc
    for job in jobs.get_jobs_by_name(job_name(sub.chat_id)):
        job.schedule_removal()
    if when is not None:
        jobs.run_daily(_digest_job, when, name=job_name(sub.chat_id), chat_id=sub.chat_id)


async def schedule_all(app: AnyApp) -> int:
    """Rebuild every job from the subscription table (the database is the source of truth).

    A row that cannot be scheduled is skipped and logged, and /stats names it: it never blocks a start.
    """
    services = services_of(app)
    subs = await asyncio.to_thread(_active, services)
    scheduled = 0
    services.bad_subscriptions.clear()
    for sub in subs:
        try:
            schedule(app, sub)
        except ValueError as exc:
            log.warning("subscription of chat %s skipped: %s", sub.chat_id, exc)
            services.bad_subscriptions.append(f"chat {sub.chat_id}: {exc}")
            continue
        scheduled += 1
    return scheduled


def _active(services: Services) -> list[Subscription]:
    with session_scope(services.kb.engine) as session:
        return active_subscriptions(session=session)


def _one(services: Services, chat_id: int) -> Subscription | None:
    with session_scope(services.kb.engine) as session:
        return get_subscription(session=session, chat_id=chat_id)


async def _digest_job(context: BotContext) -> None:
    services = context.services
    if context.job is None or context.job.chat_id is None:
        return
    chat_id = context.job.chat_id
    sub = await asyncio.to_thread(_one, services, chat_id)
    if sub is None or not sub.active:
        return
    outcome = await deliver(context.bot, services, sub, now=datetime.now(UTC))
    log.info("digest for chat %s: %s", chat_id, outcome)


async def deliver(bot: Bot, services: Services, sub: Subscription, *, now: datetime) -> str:
    """Send today's digest to one subscriber; returns sent | skipped | failed | deactivated."""
    engine, day = services.kb.engine, digest_date(now, sub.timezone)
    claimed = await asyncio.to_thread(partial(claim_delivery, engine=engine, chat_id=sub.chat_id, day=day))
    if claimed is None:
        return "skipped"
    digest = await asyncio.to_thread(_build, services, sub, day)
    if digest is None:
        await asyncio.to_thread(partial(finish_delivery, engine=engine, chat_id=sub.chat_id, day=day,
                                        status="skipped", attempts=0))
        return "skipped"
    attempts, waits = 0, 0
    while True:
        attempts += 1
        try:
            for part in digest_parts(digest):
                await bot.send_message(sub.chat_id, part)
        except RetryAfter as exc:
            waits += 1
            if waits > MAX_RETRY_AFTER_WAITS:
                return await _finish(engine, sub, day, "failed", attempts, f"rate limited: {exc}")
            attempts -= 1
            await asyncio.sleep(_seconds(exc.retry_after))
        except Forbidden as exc:
            await asyncio.to_thread(_deactivate, engine, sub.chat_id)
            return await _finish(engine, sub, day, "failed", attempts, f"forbidden: {exc}", "deactivated")
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                await asyncio.to_thread(_deactivate, engine, sub.chat_id)
                return await _finish(engine, sub, day, "failed", attempts, f"bad request: {exc}", "deactivated")
            return await _finish(engine, sub, day, "failed", attempts, f"bad request: {exc}")
        except TimedOut:
            # Telegram may well have delivered it: a retry would risk a duplicate, so record and stop.
            return await _finish(engine, sub, day, "sent", attempts, "reply timed out; not retried", "sent",
                                 digest.highlight)
        except NetworkError as exc:
            if attempts >= MAX_ATTEMPTS:
                return await _finish(engine, sub, day, "failed", attempts, f"network: {exc}")
            await asyncio.sleep(BACKOFF_SECONDS * 2 ** (attempts - 1))
        else:
            return await _finish(engine, sub, day, "sent", attempts, None, "sent", digest.highlight)


async def _finish(engine: Engine, sub: Subscription, day: date, status: str, attempts: int,
                  error: str | None, outcome: str | None = None, highlight: str | None = None) -> str:
    await asyncio.to_thread(partial(finish_delivery, engine=engine, chat_id=sub.chat_id, day=day, status=status,
                                    attempts=attempts, error=error, highlight=highlight))
    if status == "failed":
        log.warning("digest to chat %s failed after %d attempt(s): %s", sub.chat_id, attempts, error)
    return outcome or status


def _build(services: Services, sub: Subscription, day: date) -> Digest | None:
    with session_scope(services.kb.engine) as session:
        recent = recent_highlights(session=session, chat_id=sub.chat_id)
    since = sub.last_digest_at or sub.created_at
    regions = [c for c in sub.regions.split(",") if c]
    return build_digest(services.kb.engine, services.kb.gazetteer, since=since, regions=regions, day=day,
                        recent_highlights=recent, skip_quiet=services.settings.digest_skip_quiet_days)


def _deactivate(engine: Engine, chat_id: int) -> None:
    with session_scope(engine) as session:
        deactivate(session=session, chat_id=chat_id)


def _seconds(value: object) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 1.0


async def broadcast(bot: Bot, services: Services, *, now: datetime,
                    stop: asyncio.Event | None = None) -> Counter[str]:
    """Today's digest to every active subscriber who has not had it: counts by outcome.

    Setting `stop` (the bot does on shutdown) lets the sends in flight finish and be recorded, and
    starts no new ones; a later broadcast picks up exactly the subscribers left.
    """
    subs = await asyncio.to_thread(_active, services)
    gate = asyncio.Semaphore(BROADCAST_CONCURRENCY)

    async def one(sub: Subscription) -> str:
        async with gate:
            if stop is not None and stop.is_set():
                return "deferred"
            try:
                return await deliver(bot, services, sub, now=now)
            except Exception:
                log.exception("digest to chat %s crashed", sub.chat_id)
                return "failed"

    return Counter(await asyncio.gather(*(one(s) for s in subs)))


UNSUBSCRIBE_LINE = "退订请发送 /unsubscribe,修改时间或地区请发送 /subscription"


def digest_parts(digest: Digest) -> list[str]:
    """The digest as Telegram messages: its text, how to unsubscribe, split under the message limit."""
    return split_message(f"{digest.text}\n\n{UNSUBSCRIBE_LINE}", MESSAGE_LIMIT)
