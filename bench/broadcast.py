"""Broadcast a digest to N subscribers on a base of F facts through the fake Bot API (AIORateLimiter at 30/s).

    .venv/bin/python bench/broadcast.py --subscribers 10000 --facts 100000 --bots 1
    .venv/bin/python bench/broadcast.py --subscribers 10000 --facts 100000 --bots 2

--bots 2 runs two Applications on one database, each with its own engine, fake server and owner (as two
processes would be), both broadcasting at once. Prints msg/s sustained, duplicates, losses, digest build
time per subscriber (and how many distinct bodies were built: chats sharing a region filter and a window share
one), and p50/p99 latency of questions other users ask during the broadcast. --seconds stops the broadcast
after that long (as a SIGTERM would) and counts what it left queued, for a quick sustained-rate figure.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

import bot.delivery
import knowledge.digest.build
from bench.fact_base import build, questions, universe
from bot.digests import broadcast
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import make_engine, migrate
from knowledge.store.models import Subscription
from tests.botkit import running_bot

FIRST_CHAT = 1_000_000
builds: list[float] = []
bodies: list[float] = []  # the distinct digest bodies actually built (the rest were shared)


def timed(original, into: list[float]):  # type: ignore[no-untyped-def]
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - started)
    return wrapper


def prepare(tmp: Path, n_facts: int, n_subs: int) -> tuple[str, list[tuple[str, str]]]:
    url = f"sqlite:///{tmp / 'bot.db'}"
    engine = make_engine(url)
    migrate(engine)
    rng = random.Random(7)
    rows = universe(Gazetteer.load())
    rng.shuffle(rows)
    old, new = rows[:n_facts], rows[n_facts:n_facts + 200]
    answers = build(engine, old, rng)
    time.sleep(0.01)
    now = datetime.now(UTC)  # after the base was written: only the 200 below are new to the subscribers
    subs = [{"chat_id": FIRST_CHAT + i, "chat_type": "private", "send_time": "08:00", "timezone": "Asia/Shanghai",
             "regions": "" if i % 2 else "371500", "active": True, "created_at": now,
             "updated_at": now} for i in range(n_subs)]
    with engine.begin() as conn:
        conn.execute(insert(Subscription), subs)
    from knowledge.store.engine import session_scope
    from knowledge.store.models import Article

    with session_scope(engine) as s:  # 200 facts new since the subscriptions: what today's digest lists
        s.add(Article(source="today", content_hash="1" * 64, title="今日新闻", original_text="", text=""))
    _add_new(engine, new, rng)
    qs = questions(old, answers, rng, 400)
    engine.dispose()
    return url, qs


def _add_new(engine, rows, rng) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from knowledge.store.models import Fact, SentenceRow

    with engine.begin() as conn:
        first_sentence = (conn.execute(select(func.max(SentenceRow.id))).scalar() or 0) + 1  # type: ignore[arg-type]
        article = conn.execute(select(func.max(Fact.article_id))).scalar() or 1
    shifted = []
    for i, row in enumerate(rows):
        shifted.append((i + first_sentence, row))
    answers_engine = engine
    from decimal import Decimal

    with answers_engine.begin() as conn:
        for sid, (region, year, period, metric) in shifted:
            value = f"{rng.uniform(1, 9000):.2f}"
            text = f"{year}年{period[0]},{region.name}{metric}完成{value}亿元。"
            conn.execute(insert(SentenceRow).values(id=sid, article_id=article, position=sid, paragraph=sid,
                                                    text=text, original=text))
            conn.execute(insert(Fact).values(article_id=article, sentence_id=sid, region_code=region.code,
                                             region_surface=region.name, metric=metric, metric_surface=metric,
                                             value=Decimal(value), value_text=value, unit="亿元",
                                             period_kind="year", period_year=year, period_label=str(year)))


async def bystanders(running, qs: list[tuple[str, str]], done: asyncio.Event) -> list[float]:  # type: ignore[no-untyped-def]
    latencies = []
    for i, (question, _answer) in enumerate(qs):
        if done.is_set():
            break
        chat = 5_000 + i  # a new user each time: the flood guard counts per user
        mark = running.fake.mark()
        started = time.perf_counter()
        running.fake.send_text(chat, question)
        await running.fake.wait_for_message(chat, since=mark, timeout=60)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.5)
    return latencies


async def progress(bots, total: int, done: asyncio.Event, every: float) -> None:  # type: ignore[no-untyped-def]
    """One line every `every` seconds, so a slow run on a busy machine shows how far it got."""
    started = time.perf_counter()
    while not done.is_set():
        await asyncio.sleep(every)
        sent = sum(1 for b in bots for m in b.fake.sent if m.chat_id >= FIRST_CHAT and "区域经济日报" in m.text)
        took = time.perf_counter() - started
        print(f"  … {took:.0f} s: {sent}/{total} digests ({sent / took:.1f} msg/s), {len(builds)} built",
              flush=True)


def stage(label: str, since: float) -> float:
    now = time.perf_counter()
    print(f"{label}: {now - since:.1f} s", flush=True)
    return now


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--bots", type=int, choices=(1, 2), default=1)
    parser.add_argument("--progress", type=float, default=15.0, help="seconds between progress lines")
    parser.add_argument("--seconds", type=float, default=0.0, help="stop the broadcast after this long (0: never)")
    args = parser.parse_args()
    clock = time.perf_counter()
    bot.delivery.build_for = timed(bot.delivery.build_for, builds)  # type: ignore[assignment]
    if hasattr(knowledge.digest.build, "_build_news"):
        knowledge.digest.build._build_news = timed(knowledge.digest.build._build_news, bodies)
    with tempfile.TemporaryDirectory() as tmp:
        url, qs = prepare(Path(tmp), args.facts, args.subscribers)
        clock = stage(f"prepared {args.facts} facts and {args.subscribers} subscribers", clock)
        async with AsyncExitStack() as stack:
            bots = [await stack.enter_async_context(running_bot(Path(tmp) / f"bot{i}", database_url=url))
                    for i in range(args.bots)]
            clock = stage(f"{args.bots} bot(s) started (index built)", clock)
            done = asyncio.Event()
            asker = asyncio.create_task(bystanders(bots[0], qs, done))
            reporter = asyncio.create_task(progress(bots, args.subscribers, done, args.progress))
            stop = asyncio.Event()
            if args.seconds:
                asyncio.get_running_loop().call_later(args.seconds, stop.set)
            started = time.perf_counter()
            counts = await asyncio.gather(*(
                broadcast(b.app.bot, b.app.bot_data["regionbot.services"], now=datetime.now(UTC),
                          owner=f"bench-{i}", wait=3600, stop=stop) for i, b in enumerate(bots)))
            elapsed = time.perf_counter() - started
            done.set()
            latencies = await asker
            reporter.cancel()
            per_chat: Counter[int] = Counter()
            for b in bots:
                per_chat.update(m.chat_id for m in b.fake.sent if m.chat_id >= FIRST_CHAT and "区域经济日报" in m.text)
    messages = sum(per_chat.values())
    duplicates = sum(1 for n in per_chat.values() if n > 1)
    deferred = sum(c.get("deferred", 0) for c in counts)  # left queued by --seconds: not lost, not yet sent
    losses = sum(1 for i in range(args.subscribers) if per_chat[FIRST_CHAT + i] == 0) - deferred
    print(f"{args.bots} bot(s), {args.subscribers} subscribers, {args.facts} facts (+200 new)")
    print(f"digests {messages} in {elapsed:.1f} s = {messages / elapsed:.1f} msg/s; duplicates {duplicates}; "
          f"losses {losses}; outcomes {[dict(c) for c in counts]}")
    print(f"build per subscriber: mean {statistics.mean(builds) * 1000:.1f} ms, "
          f"p99 {sorted(builds)[int(len(builds) * 0.99)] * 1000:.1f} ms"
          + (f"; {len(bodies)} distinct bodies built, mean {statistics.mean(bodies) * 1000:.0f} ms" if bodies else ""))
    if latencies:
        ordered = sorted(latencies)
        print(f"bystander questions: {len(ordered)}, p50 {statistics.median(ordered) * 1000:.0f} ms, "
              f"p99 {ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
