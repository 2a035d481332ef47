"""Question-to-reply latency and throughput through PTB's real HTTP stack and the fake Bot API server.

    .venv/bin/python bench/bot_roundtrip.py --questions 200 --chats 200

Latency: one chat asks questions one after another; each is timed from the update being queued on the
fake server to the bot's reply arriving there (long polling, loopback). Throughput: `--chats` chats ask
at once; prints replies per second and the error count.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.botkit import running_bot

QUESTIONS = [
    "临清上半年生产总值是多少?", "冠县排第几", "聊城综合评议第一名是谁?", "周村区2024年规上工业总产值增长多少?",
    "淄博氢能相关企业有多少家?", "北京GDP是多少",
]


async def latency(running, n: int, gap: float = 0.1) -> list[float]:  # type: ignore[no-untyped-def]
    """Questions 100 ms apart: a busy user, not a flood that would queue behind the rate limiter."""
    times = []
    chat = 10_001
    for i in range(n):
        mark = running.fake.mark()
        started = time.perf_counter()
        running.fake.send_text(chat, QUESTIONS[i % len(QUESTIONS)])
        await running.fake.wait_for_message(chat, since=mark, timeout=10)
        times.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(gap)
    return times


async def throughput(running, chats: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    mark = running.fake.mark()
    started = time.perf_counter()
    for c in range(chats):
        running.fake.send_text(20_000 + c, QUESTIONS[c % len(QUESTIONS)])
    errors = 0
    for c in range(chats):
        try:
            await running.fake.wait_for_message(20_000 + c, since=mark, timeout=60)
        except TimeoutError:
            errors += 1
    elapsed = time.perf_counter() - started
    apologies = sum("出错" in m.text for m in running.fake.sent[mark:])
    return chats / elapsed, errors + apologies


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--chats", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(Path(tmp), flood_limit_per_minute=10_000) as running:
            await latency(running, 10)  # warm-up
            times = sorted(await latency(running, args.questions))
            rate, errors = await throughput(running, args.chats)
    p99 = times[max(0, int(len(times) * 0.99) - 1)]
    print(f"latency over {len(times)} questions: p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms")
    print(f"throughput with {args.chats} chats at once: {rate:.0f} replies/s, errors {errors}")


if __name__ == "__main__":
    asyncio.run(main())
