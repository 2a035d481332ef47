"""Digest scheduling (PTB's JobQueue) and broadcasts: one at a time across processes, claim-send-mark per chat.

Each chat's daily job queues its row and wakes a sweep; a minute sweep resumes what is due and unsent (after a
restart, or a dead replica's lapsed claims). Blocking work runs in the digest pool, never in the questions' one.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfoNotFoundError

from telegram import Bot

from bot.delivery import UNSUBSCRIBE_LINE, Pacer, Sender, digest_parts, send_claimed
from bot.services import AnyApp, BotContext, Services, services_of
from knowledge.store import delivery as queue
from knowledge.store.engine import session_scope
from knowledge.store.models import Subscription
from knowledge.store.subscriptions import (
    active_count,
    active_subscriptions,
    is_valid_send_time,
    local_time,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
__all__ = ["UNSUBSCRIBE_LINE", "broadcast", "digest_parts", "job_name", "schedule", "schedule_all"]

# AIORateLimiter (bot/app.py) holds every chat-bound request of a process to Telegram's 30/s. A broadcast
# paces itself just under that, so the limiter never queues and questions answered meanwhile are not held
# behind digests; one broadcast at a time across processes (the lease) keeps the token's total near it too.
DIGEST_SENDS_PER_SECOND = 29.0
BROADCAST_CONCURRENCY = 8  # digests in flight: enough to keep the pace, few enough that a queue is short
CLAIM_BATCH = 4  # rows a worker claims at once (one statement), sent one by one; unstarted ones go back on a stop
DIGEST_THREADS = 2  # the digest pool: builds and log writes never take the threads questions use
SWEEP_SECONDS = 60.0
SWEEP_JOB = "digest:sweep"
# Unique per process: a restarted process is a new owner and takes over its old claims once they lapse.
OWNER = f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"
_pool: ThreadPoolExecutor | None = None
# Its own thread: a renewal must never wait behind queued digest builds, or the lease would lapse.
_lease_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest-lease")
_SWEEPER = "regionbot.digests.sweeper"


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
    if app.job_queue is not None:
        # Resumes today's due-but-unsent digests right after start, then catches lapsed claims every minute.
        app.job_queue.run_repeating(_sweep_job, interval=SWEEP_SECONDS, first=0.5, name=SWEEP_JOB)
    app.bot_data[_SWEEPER] = _Sweeper(app, asyncio.create_task(_watch_stop(app)))
    return scheduled


def _active(services: Services) -> list[Subscription]:
    with session_scope(services.kb.engine) as session:
        return active_subscriptions(session=session)




async def _watch_stop(app: AnyApp) -> None:
    """Set `stopping` as soon as the Application starts to stop.

    PTB waits for running handlers and jobs before it calls post_stop, so a broadcast that only looked at
    post_stop would send to everyone first; Application.stop() clears `running` as its first step.
    """
    while not app.running:
        await asyncio.sleep(0.1)
    while app.running:
        await asyncio.sleep(0.1)
    services_of(app).stopping.set()


class _Sweeper:
    """Coalesces wake-ups: thousands of jobs firing at 08:00 make one sweep (and one more if woken meanwhile)."""

    def __init__(self, app: AnyApp, watcher: asyncio.Task[None]) -> None:
        self.app, self.watcher = app, watcher
        self.running, self.again = False, False

    async def sweep(self) -> None:
        if self.running:
            self.again = True
            return
        self.running = True
        try:
            while True:
                self.again = False
                counts = await broadcast(self.app.bot, services_of(self.app), now=datetime.now(UTC), due_only=True)
                if counts:
                    log.info("digest sweep: %s", dict(counts))
                if counts["busy"] or not self.again:
                    return  # busy: another process holds the lease and its claim loop takes the new rows
        finally:
            self.running = False


def _sweeper(app: AnyApp) -> _Sweeper | None:
    found = app.bot_data.get(_SWEEPER)
    return found if isinstance(found, _Sweeper) else None


async def _sweep_job(context: BotContext) -> None:
    if (sweeper := _sweeper(context.application)) is not None:
        await sweeper.sweep()


async def _digest_job(context: BotContext) -> None:
    """This chat's send time: queue its row for today and wake the sweep that sends it."""
    services = context.services
    if context.job is None or context.job.chat_id is None or services.stopping.is_set():
        return
    chat_id = context.job.chat_id
    await _run(partial(queue.enqueue, engine=services.kb.engine, now=datetime.now(UTC), due_only=False,
                       chat_ids=[chat_id]))
    if (sweeper := _sweeper(context.application)) is not None:
        await sweeper.sweep()
    else:
        await broadcast(context.bot, services, now=datetime.now(UTC), due_only=True)


def _digest_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=DIGEST_THREADS, thread_name_prefix="digest")
    return _pool


async def _run(fn: Callable[[], T]) -> T:
    return await asyncio.get_running_loop().run_in_executor(_digest_pool(), fn)


async def broadcast(bot: Bot, services: Services, *, now: datetime, stop: asyncio.Event | None = None,
                    due_only: bool = False, wait: float = 0.0, owner: str = OWNER) -> Counter[str]:
    """Today's digest to every active subscriber who has not had it: counts by outcome.

    due_only: only chats whose send time has passed (the sweeps); otherwise everyone (an admin's
    /digest_now, which also retries today's failures). `busy`: another broadcast holds the lease (waited
    for up to `wait` s); `owner` names this sender, one per process. A stop (`stop`, or the bot's
    shutdown) hands out no new sends; what is left stays queued for the next sweep, here or elsewhere.
    """
    engine, ttl = services.kb.engine, services.settings.digest_lease_seconds

    def stopped() -> bool:
        return services.stopping.is_set() or (stop is not None and stop.is_set())

    if not await _take_lease(engine, owner, ttl, wait, stopped):
        return Counter({"busy": 1})
    lost = asyncio.Event()
    heartbeat = asyncio.create_task(_heartbeat(engine, owner, ttl, lost))
    counts: Counter[str] = Counter()
    try:
        days = await _run(partial(queue.enqueue, engine=engine, now=now, due_only=due_only,
                                  retry_failed=not due_only))
        total = await _run(partial(active_count, engine))
        sender = Sender(bot, engine, services.kb.gazetteer, owner, services.settings.digest_skip_quiet_days, _run,
                        pacer=Pacer(DIGEST_SENDS_PER_SECOND))

        async def worker() -> None:
            while not stopped() and not lost.is_set():
                batch = await _run(partial(queue.claim, engine=engine, owner=owner, days=days, seconds=ttl,
                                           limit=CLAIM_BATCH))
                if not batch:
                    return
                for i, claimed in enumerate(batch):
                    if stopped() or lost.is_set():  # hand back what was claimed and not started
                        for rest in batch[i:]:
                            await _run(partial(queue.release, engine=engine, claimed=rest, owner=owner))
                        return
                    counts[await _send(sender, claimed)] += 1

        if days:
            await asyncio.gather(*(worker() for _ in range(BROADCAST_CONCURRENCY)))
        if not due_only:
            counts["skipped"] += max(0, total - sum(counts.values()))
        if stopped() or lost.is_set():
            counts["deferred"] = await _run(partial(queue.outstanding, engine=engine, days=days))
    finally:
        heartbeat.cancel()
        await _run(partial(queue.release_lease, engine=engine, owner=owner))
    return +counts


async def _take_lease(engine: Any, owner: str, ttl: float, wait: float, stopped: Callable[[], bool]) -> bool:
    deadline = asyncio.get_running_loop().time() + wait
    while not stopped():
        if await _run(partial(queue.acquire_lease, engine=engine, owner=owner, seconds=ttl)):
            return True
        if asyncio.get_running_loop().time() >= deadline:
            return False
        await asyncio.sleep(0.2)
    return False


async def _heartbeat(engine: Any, owner: str, ttl: float, lost: asyncio.Event) -> None:
    """Renew the lease and this process's claims well inside their expiry; a lost lease stops the workers."""
    while True:
        await asyncio.sleep(ttl / 3)
        try:
            loop = asyncio.get_running_loop()
            held = await loop.run_in_executor(_lease_pool, partial(queue.acquire_lease, engine=engine, owner=owner,
                                                                   seconds=ttl, renew=True))
            await loop.run_in_executor(_lease_pool, partial(queue.renew_claims, engine=engine, owner=owner,
                                                            seconds=ttl))
        except Exception:
            log.exception("digest lease renewal failed")
            continue
        if not held:
            log.warning("digest broadcast lease lost to another process; stopping this broadcast")
            lost.set()
            return


async def _send(sender: Sender, claimed: queue.Claimed) -> str:
    try:
        return await send_claimed(sender, claimed)
    except Exception:
        log.exception("digest to chat %s crashed", claimed.chat_id)
        await _run(partial(queue.finish, engine=sender.engine, claimed=claimed, owner=sender.owner,
                           status="failed", attempts=claimed.attempts + 1, error="crashed"))
        return "failed"
