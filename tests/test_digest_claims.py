"""Digest delivery under overlap: exclusive claims, one broadcast at a time, parts sent once each."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert
from sqlmodel import Session, select

import bot.delivery
from bot.digests import broadcast
from knowledge.store import delivery as queue
from knowledge.store.models import DeliveryLog, Subscription
from tests.botkit import ADMIN, running_bot

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def add_subscribers(engine, chats, *, send_time="08:00", created=NOW - timedelta(days=1)):  # type: ignore[no-untyped-def]
    rows = [{"chat_id": c, "chat_type": "private", "send_time": send_time, "timezone": "Asia/Shanghai",
             "regions": "", "active": True, "created_at": created, "updated_at": created} for c in chats]
    with Session(engine) as s:
        s.execute(insert(Subscription), rows)
        s.commit()


def digests_per_chat(fake, chats) -> Counter[int]:  # type: ignore[no-untyped-def]
    wanted = set(chats)
    return Counter(m.chat_id for m in fake.sent if m.chat_id in wanted and "区域经济日报" in m.text)


def test_concurrent_claimers_never_share_a_row(engine):
    """Eight threads claiming at once (SKIP LOCKED on PostgreSQL): every row is claimed exactly once."""
    chats = list(range(500, 620))
    add_subscribers(engine, chats)
    days = queue.enqueue(engine=engine, now=NOW, due_only=True)
    taken: list[int] = []
    lock = threading.Lock()

    def claimer(owner: str) -> None:
        while batch := queue.claim(engine=engine, owner=owner, days=days, seconds=60, limit=3, now=NOW):
            with lock:
                taken.extend(c.chat_id for c in batch)

    threads = [threading.Thread(target=claimer, args=(f"owner-{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == chats


def test_a_live_claim_is_not_taken_and_a_lapsed_one_is(engine):
    add_subscribers(engine, [1])
    days = queue.enqueue(engine=engine, now=NOW, due_only=True)
    [first] = queue.claim(engine=engine, owner="a", days=days, seconds=30, now=NOW)
    assert queue.claim(engine=engine, owner="b", days=days, seconds=30, now=NOW + timedelta(seconds=29)) == []
    [again] = queue.claim(engine=engine, owner="b", days=days, seconds=30, now=NOW + timedelta(seconds=31))
    assert again.id == first.id
    # The old owner's late mark is refused: it no longer holds the claim.
    assert not queue.mark_part(engine=engine, claimed=first, owner="a", parts_sent=1)


def test_only_one_lease_holder_until_it_lapses(engine):
    assert queue.acquire_lease(engine=engine, owner="a", seconds=30, now=NOW)
    assert not queue.acquire_lease(engine=engine, owner="b", seconds=30, now=NOW + timedelta(seconds=10))
    assert not queue.acquire_lease(engine=engine, owner="a", seconds=30, now=NOW + timedelta(seconds=10))
    assert queue.acquire_lease(engine=engine, owner="a", seconds=30, now=NOW + timedelta(seconds=10), renew=True)
    assert queue.acquire_lease(engine=engine, owner="b", seconds=30, now=NOW + timedelta(seconds=41))


@pytest.mark.parametrize(("send_time", "created", "due"),
                         [("08:00", NOW - timedelta(days=1), True), ("11:00", NOW - timedelta(days=1), False),
                          ("08:00", NOW - timedelta(minutes=5), False)],
                         ids=["passed", "later-today", "subscribed-after-the-slot"])
def test_due_means_the_send_time_passed_while_subscribed(engine, send_time, created, due):
    add_subscribers(engine, [7], send_time=send_time, created=created)
    days = queue.enqueue(engine=engine, now=NOW, due_only=True)
    assert bool(queue.claim(engine=engine, owner="a", days=days, seconds=30, now=NOW)) is due


async def _digest_now_reports(running, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    replies = await running.fake.wait_for(
        lambda: [m for m in running.fake.messages_to(ADMIN) if m.text.startswith(("今日简报", "另一次"))][:count]
        if len([m for m in running.fake.messages_to(ADMIN) if m.text.startswith(("今日简报", "另一次"))]) >= count
        else None, timeout=60)
    return [m.text for m in replies]


async def test_two_overlapping_digest_nows_send_each_chat_one_digest(tmp_path):
    chats = list(range(9000, 9060))
    async with running_bot(tmp_path) as running:
        add_subscribers(running.app.bot_data["regionbot.services"].kb.engine, chats, created=datetime.now(UTC))
        running.fake.send_command(ADMIN, "/digest_now")
        running.fake.send_command(ADMIN, "/digest_now")
        reports = await _digest_now_reports(running, 2)
        await asyncio.sleep(0.3)
        per_chat = digests_per_chat(running.fake, chats)
    assert per_chat == Counter({c: 1 for c in chats}), reports
    assert any("发送 60" in r for r in reports)


async def test_an_edited_digest_now_does_not_send_twice(tmp_path):
    chats = list(range(9100, 9140))
    async with running_bot(tmp_path) as running:
        add_subscribers(running.app.bot_data["regionbot.services"].kb.engine, chats, created=datetime.now(UTC))
        update = running.fake.send_command(ADMIN, "/digest_now")
        message = update["message"]
        running.fake.edit_user_message(ADMIN, message["message_id"], "/digest_now")
        await _digest_now_reports(running, 1)
        await asyncio.sleep(1.5)  # time for the edit to run as a second /digest_now, if it is run
        per_chat = digests_per_chat(running.fake, chats)
    assert per_chat == Counter({c: 1 for c in chats})


async def test_two_bots_on_one_database_broadcast_at_once_without_duplicates(tmp_path):
    chats = list(range(9200, 9280))
    async with running_bot(tmp_path) as a, running_bot(tmp_path) as b:
        services_a, services_b = (r.app.bot_data["regionbot.services"] for r in (a, b))
        add_subscribers(services_a.kb.engine, chats, created=datetime.now(UTC))
        now = datetime.now(UTC)
        # Two owners, as two processes would be: one broadcasts, the other waits for the lease.
        first = broadcast(a.app.bot, services_a, now=now, owner="process-a")
        second = broadcast(b.app.bot, services_b, now=now, owner="process-b", wait=30)
        counts = await asyncio.gather(first, second)
        together = digests_per_chat(a.fake, chats) + digests_per_chat(b.fake, chats)
    assert together == Counter({c: 1 for c in chats}), counts
    assert counts[0]["sent"] + counts[1]["sent"] == len(chats)


async def _long_digest_chat(running, monkeypatch, chat: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bot.delivery, "MESSAGE_LIMIT", 60)  # so one digest is several messages
    monkeypatch.setattr(bot.delivery, "BACKOFF_SECONDS", 0.01)
    add_subscribers(running.app.bot_data["regionbot.services"].kb.engine, [chat], created=datetime.now(UTC))


async def test_a_timeout_on_part_one_still_sends_the_other_parts(tmp_path, monkeypatch):
    import httpx

    async with running_bot(tmp_path) as running:
        await _long_digest_chat(running, monkeypatch, 77)
        running.app.bot._request[1]._client.timeout = httpx.Timeout(0.3)
        running.fake.inject_fault("sendMessage", kind="timeout", chat_id=77, times=1, delay=1.0)
        await broadcast(running.app.bot, running.app.bot_data["regionbot.services"], now=datetime.now(UTC))
        await asyncio.sleep(1.2)
        with Session(running.app.bot_data["regionbot.services"].kb.engine) as s:
            row = s.exec(select(DeliveryLog).where(DeliveryLog.chat_id == 77)).one()
        texts = [m.text for m in running.fake.messages_to(77)]
    parts = bot.delivery.body_parts(row.body or "")
    assert len(parts) >= 3 and row.status == "sent"
    assert Counter(texts) == Counter(parts)  # each part once (the timed-out first one lands last)


async def test_a_resumed_digest_sends_only_the_parts_not_yet_out(tmp_path, monkeypatch):
    async with running_bot(tmp_path) as running:
        await _long_digest_chat(running, monkeypatch, 78)
        services = running.app.bot_data["regionbot.services"]
        engine = services.kb.engine
        now = datetime.now(UTC)
        days = queue.enqueue(engine=engine, now=now, due_only=False)
        [claimed] = queue.claim(engine=engine, owner="dead", days=days, seconds=0.1)
        body = "\n\n".join(f"第{i}段 " + "数据" * 20 for i in range(4)) + "\n\n区域经济日报"
        queue.save_body(engine=engine, claimed=claimed, owner="dead", body=body, parts_total=4)
        queue.mark_part(engine=engine, claimed=claimed, owner="dead", parts_sent=2)  # then the process died
        running.fake.inject_fault("sendMessage", kind="server_error", chat_id=78, times=1)
        await asyncio.sleep(0.2)
        counts = await broadcast(running.app.bot, services, now=now)
        texts = [m.text for m in running.fake.messages_to(78)]
    assert counts["sent"] == 1
    assert texts == bot.delivery.body_parts(body)[2:]  # a 500 on the third part retried that part only


def test_a_sent_digest_moves_last_digest_at_to_the_enqueue_time_and_never_back(engine):
    """Every chat of one broadcast gets the same mark (so their next digests share one build)."""
    add_subscribers(engine, [1, 2, 3])
    with Session(engine) as s:  # chat 3 already had a digest covering up to later than this broadcast
        sub = s.exec(select(Subscription).where(Subscription.chat_id == 3)).one()
        sub.last_digest_at = NOW + timedelta(hours=1)
        s.add(sub)
        s.commit()
    days = queue.enqueue(engine=engine, now=NOW, due_only=False)
    claimed = queue.claim(engine=engine, owner="a", days=days, seconds=60, limit=10, now=NOW + timedelta(minutes=3))
    for one in claimed:
        queue.finish(engine=engine, claimed=one, owner="a", status="sent", attempts=1)
    with Session(engine) as s:
        marks = {sub.chat_id: sub.last_digest_at for sub in s.exec(select(Subscription)).all()}
    assert marks == {1: NOW, 2: NOW, 3: NOW + timedelta(hours=1)}
