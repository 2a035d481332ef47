"""Daily digests end to end: subscribing, the scheduler, region filters, /digest_now, faults, restarts."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from bot.digests import broadcast, job_name
from knowledge.store.models import DeliveryLog, Subscription
from knowledge.store.subscriptions import digest_date
from tests.botkit import ADMIN, running_bot

USER = 2002
ARTICLE = "日期:2026-11-20\n2026年前三季度,莘县地区生产总值完成388.6亿元,同比增长5.3%。\n".encode()


@pytest.fixture
async def bot(tmp_path):
    async with running_bot(tmp_path) as running:
        yield running


def services(bot):  # type: ignore[no-untyped-def]
    return bot.app.bot_data["regionbot.services"]


def subscription(bot, chat_id: int) -> Subscription | None:  # type: ignore[no-untyped-def]
    with Session(services(bot).kb.engine) as s:
        return s.exec(select(Subscription).where(Subscription.chat_id == chat_id)).first()


async def command(bot, chat_id: int, text: str, **kw) -> str:  # type: ignore[no-untyped-def]
    mark = bot.fake.mark()
    bot.fake.send_command(chat_id, text, **kw)
    [reply] = await bot.fake.wait_for_message(chat_id, since=mark, timeout=10)
    return reply.text


async def test_subscribe_change_time_and_unsubscribe(bot):
    assert "07:30" in await command(bot, USER, "/subscribe 07:30 聊城")
    sub = subscription(bot, USER)
    assert sub.send_time == "07:30" and sub.regions == "371500" and sub.active
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(USER))
    assert job.next_t.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M") == "07:30"
    assert "21:00" in await command(bot, USER, "/subscribe 21:00 聊城")
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(USER))
    assert job.next_t.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M") == "21:00"
    assert "已退订" in await command(bot, USER, "/unsubscribe")
    await asyncio.sleep(0.05)
    assert not subscription(bot, USER).active and not bot.app.job_queue.get_jobs_by_name(job_name(USER))


@pytest.mark.parametrize(("args", "problem"), [("25:00", "无效"), ("火星", "不认识"), ("聊城 07:30", "前面")],
                         ids=["bad-time", "unknown-region", "time-after-region"])
async def test_bad_subscribe_arguments_get_a_usage_reply(bot, args, problem):
    reply = await command(bot, USER, f"/subscribe {args}")
    assert problem in reply and "用法" in reply and subscription(bot, USER) is None


def test_digest_date_follows_the_subscribers_day_boundary():
    late_utc = datetime(2026, 11, 21, 16, 30, tzinfo=UTC)  # 00:30 on the 22nd in Shanghai
    assert digest_date(late_utc, "Asia/Shanghai") == date(2026, 11, 22)
    assert digest_date(late_utc - timedelta(hours=1), "Asia/Shanghai") == date(2026, 11, 21)


async def test_a_scheduled_job_fires_and_delivers_new_facts_for_the_region(bot):
    await command(bot, USER, "/subscribe 08:00 聊城")
    await command(bot, USER + 1, "/subscribe 08:00 淄博")
    bot.fake.send_document(ADMIN, "shen.txt", ARTICLE, "text/plain")
    await bot.fake.wait_for_message(ADMIN, timeout=20)
    for chat in (USER, USER + 1):
        [job] = bot.app.job_queue.get_jobs_by_name(job_name(chat))
        mark = bot.fake.mark()
        await job.run(bot.app)  # the clock is driven by running the job, not by waiting for 08:00
        [digest] = await bot.fake.wait_for_message(chat, since=mark, timeout=10)
        if chat == USER:
            assert "莘县" in digest.text and "388.6" in digest.text and "/unsubscribe" in digest.text
        else:
            assert "莘县" not in digest.text and "今日一数" in digest.text


async def test_group_subscription_needs_a_group_admin(bot):
    group = -700
    bot.fake.set_chat_admins(group, [ADMIN])
    refused = await command(bot, group, "/subscribe 09:00", chat_type="group", user_id=USER)
    assert "群管理员" in refused and subscription(bot, group) is None
    accepted = await command(bot, group, "/subscribe 09:00", chat_type="group", user_id=ADMIN)
    assert "已订阅" in accepted and subscription(bot, group).chat_type == "group"


async def test_digest_now_twice_sends_nothing_new_the_second_time(bot):
    for chat in (USER, USER + 1, USER + 2):
        await command(bot, chat, "/subscribe")
    bot.fake.send_command(ADMIN, "/digest_now")
    replies = await bot.fake.wait_for_message(ADMIN, count=2, timeout=20)
    assert "发送 3" in replies[-1].text
    mark = bot.fake.mark()
    bot.fake.send_command(ADMIN, "/digest_now")
    again = await bot.fake.wait_for_message(ADMIN, count=2, since=mark, timeout=20)
    assert "发送 0" in again[-1].text and "跳过 3" in again[-1].text
    for chat in (USER, USER + 1, USER + 2):
        assert sum("区域经济日报" in m.text for m in bot.fake.messages_to(chat)) == 1


async def test_non_admin_digest_now_is_refused(bot):
    assert "管理员" in await command(bot, USER, "/digest_now")


@pytest.mark.parametrize(
    ("kind", "times", "status", "active", "delivered"),
    [("retry_after", 1, "sent", True, 1), ("forbidden", 1, "failed", False, 0),
     ("chat_not_found", 1, "failed", False, 0), ("server_error", 1, "sent", True, 1),
     ("server_error", None, "failed", True, 0), ("timeout", 1, "sent", True, 1)],
    ids=["429-honoured", "403-deactivates", "chat-not-found-deactivates", "500-retried", "500-gives-up",
         "timeout-not-retried"],
)
async def test_faults_have_the_right_outcome(tmp_path, monkeypatch, kind, times, status, active, delivered):
    import bot.delivery

    monkeypatch.setattr(bot.delivery, "BACKOFF_SECONDS", 0.01)
    async with running_bot(tmp_path) as running:
        await command(running, USER, "/subscribe")
        running.fake.inject_fault("sendMessage", kind=kind, chat_id=USER, times=times, retry_after=1, delay=1.0)
        if kind == "timeout":
            running.app.bot._request[1]._client.timeout = __import__("httpx").Timeout(0.3)
        await broadcast(running.app.bot, services(running), now=datetime.now(UTC))
        await asyncio.sleep(1.2 if kind == "timeout" else 0.05)
        with Session(services(running).kb.engine) as s:
            row = s.exec(select(DeliveryLog).where(DeliveryLog.chat_id == USER)).one()
        assert row.status == status
        assert subscription(running, USER).active is active
        digests = [m for m in running.fake.messages_to(USER) if "区域经济日报" in m.text]
        assert len(digests) == delivered


async def test_a_restart_mid_broadcast_neither_duplicates_nor_misses(tmp_path, monkeypatch):
    import bot.delivery

    monkeypatch.setattr(bot.delivery, "BACKOFF_SECONDS", 0.01)
    chats = list(range(3000, 3012))
    async with running_bot(tmp_path) as first:
        for chat in chats:
            await command(first, chat, "/subscribe")
        for chat in chats[6:]:
            first.fake.inject_fault("sendMessage", kind="network", chat_id=chat, times=None)
        # The first process is stopped half-way: six digests went out, the others hit a dead network.
        stop = asyncio.Event()
        task = asyncio.create_task(broadcast(first.app.bot, services(first), now=datetime.now(UTC), stop=stop))
        await first.fake.wait_for(lambda: sum(1 for m in first.fake.sent if "区域经济日报" in m.text) >= 6,
                                  timeout=20)
        stop.set()
        await task
        sent_before = {m.chat_id for m in first.fake.sent if "区域经济日报" in m.text}
    async with running_bot(tmp_path) as second:  # same database and folder: a restart
        counts = await broadcast(second.app.bot, services(second), now=datetime.now(UTC))
        sent_after = [m.chat_id for m in second.fake.sent if "区域经济日报" in m.text]
    assert sent_before == set(chats[:6])
    assert sorted(sent_after) == chats[6:]  # no duplicate of the first six, none of the rest missed
    assert counts["sent"] == 6 and counts["skipped"] == 6
