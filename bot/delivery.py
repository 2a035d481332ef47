"""Sending one claimed digest with Telegram's error semantics, part by part, each part marked as it goes out.

RetryAfter is honoured; network errors and 5xx are retried with backoff a bounded number of times and then
recorded as failed; Forbidden and "chat not found" deactivate the subscription; a timed-out part is taken as
delivered (Telegram may have delivered it) and the next part follows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.render import MESSAGE_LIMIT, split_message
from knowledge.digest.build import Digest, DigestCache, build_digest
from knowledge.places.gazetteer import Gazetteer
from knowledge.store import delivery as queue
from knowledge.store.engine import session_scope
from knowledge.store.subscriptions import deactivate, digest_since, recent_highlights

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_ATTEMPTS = 4
BACKOFF_SECONDS = 0.5
MAX_RETRY_AFTER_WAITS = 5
UNSUBSCRIBE_LINE = "退订请发送 /unsubscribe,修改时间或地区请发送 /subscription"


def digest_parts(digest: Digest) -> list[str]:
    """The digest as Telegram messages: its text, how to unsubscribe, split under the message limit."""
    return body_parts(digest_body(digest))


def digest_body(digest: Digest) -> str:
    return f"{digest.text}\n\n{UNSUBSCRIBE_LINE}"


def body_parts(body: str) -> list[str]:
    return split_message(body, MESSAGE_LIMIT)


class Pacer:
    """At most `rate` sends a second, evenly spaced: no burst, no credit saved up while idle.

    A broadcast paced just under the rate limiter's overall rate leaves the limiter's queue empty, so an
    answer to a question is sent at once instead of waiting behind every digest already queued there.
    """

    def __init__(self, rate: float) -> None:
        self.gap = 1.0 / rate if rate > 0 else 0.0
        self.next = 0.0

    async def wait(self) -> None:
        if not self.gap:
            return
        now = asyncio.get_running_loop().time()
        slot = max(now, self.next)
        self.next = slot + self.gap  # taken before sleeping: the event loop runs one waiter at a time here
        if slot > now:
            await asyncio.sleep(slot - now)


@dataclass(frozen=True, slots=True)
class Sender:
    """What sending needs: the bot, the database, a runner for blocking work (the digest pool), the owner,
    and the builds this broadcast shares between chats (one Sender per broadcast)."""

    bot: Bot
    engine: Engine
    gazetteer: Gazetteer
    owner: str
    skip_quiet: bool
    run: Callable[[Callable[[], Any]], Awaitable[Any]]
    cache: DigestCache = field(default_factory=DigestCache)
    pacer: Pacer = field(default_factory=lambda: Pacer(0))

    async def call(self, fn: Callable[..., T], **kwargs: Any) -> T:
        result: T = await self.run(partial(fn, **kwargs))
        return result


def build_for(engine: Engine, gazetteer: Gazetteer, claimed: queue.Claimed, skip_quiet: bool,
              cache: DigestCache | None = None) -> Digest | None:
    """Today's digest for one chat: what was stored after its last digest and up to the row's enqueue time
    (None: quiet day, skipped). Chats sharing a filter and a window share one build through `cache`."""
    found = digest_since(engine=engine, chat_id=claimed.chat_id)
    if found is None:
        return None
    since, regions = found

    def recent() -> set[str]:  # only a quiet day's highlight needs them
        with session_scope(engine) as session:
            return recent_highlights(session=session, chat_id=claimed.chat_id)

    return build_digest(engine, gazetteer, since=since, until=claimed.until, regions=regions,
                        day=claimed.digest_date, recent_highlights=recent, skip_quiet=skip_quiet, cache=cache)


def _deactivate(engine: Engine, chat_id: int) -> None:
    with session_scope(engine) as session:
        deactivate(session=session, chat_id=chat_id)


async def send_claimed(sender: Sender, claimed: queue.Claimed) -> str:
    """Send what is left of one claimed digest: sent | skipped | failed | deactivated | lost."""
    body = claimed.body
    if body is None:
        digest = await sender.run(partial(build_for, sender.engine, sender.gazetteer, claimed, sender.skip_quiet,
                                          sender.cache))
        if digest is None:
            await _finish(sender, claimed, "skipped", claimed.attempts, None)
            return "skipped"
        body = digest_body(digest)
        saved = await sender.call(queue.save_body, engine=sender.engine, claimed=claimed, owner=sender.owner,
                                  body=body, parts_total=len(body_parts(body)), highlight=digest.highlight)
        if not saved:
            return "lost"
    parts = body_parts(body)
    done, attempts, waits = claimed.parts_sent, claimed.attempts, 0
    while done < len(parts):
        try:
            await sender.pacer.wait()
            await sender.bot.send_message(claimed.chat_id, parts[done])
        except RetryAfter as exc:
            waits += 1
            if waits > MAX_RETRY_AFTER_WAITS:
                return await _finish(sender, claimed, "failed", attempts + 1, f"rate limited: {exc}")
            await asyncio.sleep(_seconds(exc.retry_after))
            continue
        except Forbidden as exc:
            await sender.run(partial(_deactivate, sender.engine, claimed.chat_id))
            return await _finish(sender, claimed, "failed", attempts + 1, f"forbidden: {exc}", "deactivated")
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                await sender.run(partial(_deactivate, sender.engine, claimed.chat_id))
                return await _finish(sender, claimed, "failed", attempts + 1, f"bad request: {exc}", "deactivated")
            return await _finish(sender, claimed, "failed", attempts + 1, f"bad request: {exc}")
        except TimedOut:
            # Telegram may well have delivered it: resending risks a duplicate, so count it and go on.
            log.info("digest part %d to chat %s timed out; taken as delivered", done + 1, claimed.chat_id)
        except NetworkError as exc:
            attempts += 1
            if attempts >= MAX_ATTEMPTS:
                return await _finish(sender, claimed, "failed", attempts, f"network: {exc}")
            await asyncio.sleep(BACKOFF_SECONDS * 2 ** (attempts - 1))
            continue
        done += 1
        if done < len(parts) and not await sender.call(queue.mark_part, engine=sender.engine, claimed=claimed,
                                                       owner=sender.owner, parts_sent=done):
            return "lost"
    return await _finish(sender, claimed, "sent", attempts + 1, None)


async def _finish(sender: Sender, claimed: queue.Claimed, status: str, attempts: int, error: str | None,
                  outcome: str | None = None) -> str:
    await sender.call(queue.finish, engine=sender.engine, claimed=claimed, owner=sender.owner, status=status,
                      attempts=attempts, error=error)
    if status == "failed":
        log.warning("digest to chat %s failed after %d attempt(s): %s", claimed.chat_id, attempts, error)
    return outcome or status


def _seconds(value: object) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 1.0
