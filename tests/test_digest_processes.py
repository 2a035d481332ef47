"""Real `regionbot run` processes against the fake Bot API: SIGKILL mid-broadcast, then a restart; SIGTERM."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from knowledge.store.engine import make_engine, migrate
from knowledge.store.models import DeliveryLog, Subscription
from knowledge.text.corpus import BUNDLED_DIR
from tests.botkit import TOKEN
from tests.fakes.botapi import FakeBotAPI

ROOT = Path(__file__).resolve().parents[1]
CHATS = list(range(50_000, 50_240))


@pytest.fixture
def fake() -> Iterator:  # type: ignore[type-arg]
    with FakeBotAPI().run_in_thread() as threaded:
        yield threaded


def prepare(tmp: Path) -> str:
    url = f"sqlite:///{tmp / 'bot.db'}"
    shutil.copytree(BUNDLED_DIR, tmp / "articles")
    engine = make_engine(url)
    migrate(engine)
    yesterday = datetime.now(UTC) - timedelta(days=1)
    rows = [{"chat_id": c, "chat_type": "private", "send_time": "00:00", "timezone": "Asia/Shanghai",
             "regions": "", "active": True, "created_at": yesterday, "updated_at": yesterday} for c in CHATS]
    with engine.begin() as conn:
        conn.execute(insert(Subscription), rows)  # due since midnight: the start resumes them
    engine.dispose()
    return url


@contextmanager
def bot_process(tmp: Path, url: str, fake, name: str) -> Iterator[subprocess.Popen[bytes]]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.url, "DATABASE_URL": url,
           "KNOWLEDGE_DIR": str(tmp / "articles"), "UPLOAD_DIR": str(tmp / "uploads"), "ADMIN_IDS": "1",
           "DIGEST_LEASE_SECONDS": "2", "LOG_LEVEL": "INFO"}
    with open(tmp / f"{name}.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=tmp, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(10)


def digests(fake) -> Counter[int]:  # type: ignore[no-untyped-def]
    sent = fake.call(lambda: list(fake.api.sent))
    return Counter(m.chat_id for m in sent if "区域经济日报" in m.text)


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def in_flight(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(DeliveryLog)
                             .where(DeliveryLog.status == "sending")).scalar_one()  # type: ignore[arg-type]
    engine.dispose()
    return int(count)


def test_sigkill_mid_broadcast_then_restart_misses_none_and_resends_at_most_the_in_flight(tmp_path, fake):
    url = prepare(tmp_path)
    with bot_process(tmp_path, url, fake, "first") as first:
        wait_until(lambda: sum(digests(fake).values()) >= 60, 90, "60 digests from the first process")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    before = digests(fake)
    claimed_when_killed = in_flight(url)
    assert 60 <= sum(before.values()) < len(CHATS)
    with bot_process(tmp_path, url, fake, "second"):
        wait_until(lambda: set(digests(fake)) >= set(CHATS), 90, "every chat's digest after the restart")
        time.sleep(1.0)
    after = digests(fake)
    duplicates = sum(n - 1 for n in after.values() if n > 1)
    assert set(after) == set(CHATS)  # 0 misses
    assert duplicates <= claimed_when_killed, (duplicates, claimed_when_killed)


def test_sigterm_mid_broadcast_exits_within_ten_seconds_and_leaves_the_rest_queued(tmp_path, fake):
    url = prepare(tmp_path)
    with bot_process(tmp_path, url, fake, "term") as process:
        wait_until(lambda: sum(digests(fake).values()) >= 40, 90, "40 digests")
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(30)
        took = time.monotonic() - started
    sent = digests(fake)
    assert took <= 10, took
    assert process.returncode == 0
    assert max(sent.values()) == 1 and len(sent) < len(CHATS)  # it stopped handing out sends
    assert in_flight(url) == 0  # every send in flight was recorded before the exit
