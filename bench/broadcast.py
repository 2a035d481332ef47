"""Broadcast a digest to N subscribers through the fake Bot API with AIORateLimiter at Telegram's limit.

    .venv/bin/python bench/broadcast.py --subscribers 10000

Prints messages per second (sustained, over the whole broadcast), duplicates (chats that got more
than one digest) and losses (active subscribers that got none).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from bot.digests import broadcast
from knowledge.store.engine import session_scope
from knowledge.store.models import Subscription
from tests.botkit import running_bot


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()
    first_chat = 100_000
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(Path(tmp)) as running:
            services = running.app.bot_data["regionbot.services"]
            with session_scope(services.kb.engine) as session:
                rows = [{"chat_id": first_chat + i, "chat_type": "private", "send_time": "08:00",
                         "timezone": "Asia/Shanghai", "regions": "" if i % 2 else "371500", "active": True,
                         "created_at": datetime.now(UTC), "updated_at": datetime.now(UTC)}
                        for i in range(args.subscribers)]
                session.execute(insert(Subscription), rows)
            mark = running.fake.mark()
            started = time.perf_counter()
            counts = await broadcast(running.app.bot, services, now=datetime.now(UTC))
            elapsed = time.perf_counter() - started
            per_chat = Counter(m.chat_id for m in running.fake.sent[mark:] if "区域经济日报" in m.text)
    messages = sum(per_chat.values())
    duplicates = sum(1 for n in per_chat.values() if n > 1)
    losses = sum(1 for i in range(args.subscribers) if per_chat[first_chat + i] == 0)
    print(f"subscribers {args.subscribers}: {messages} digests in {elapsed:.1f} s = {messages / elapsed:.1f} msg/s")
    print(f"outcomes {dict(counts)}; duplicates {duplicates}; losses {losses}")


if __name__ == "__main__":
    asyncio.run(main())
