"""Issue 9 through the fake Bot API: forged buttons, malformed updates, floods, uploads, odd questions."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import Session, select

from bot.flood import FloodGuard
from knowledge.store.engine import make_engine
from knowledge.store.models import QuestionLog, Subscription
from tests.botkit import ADMIN, button, running_bot

USER = 1001


@pytest.fixture
async def bot(tmp_path):
    async with running_bot(tmp_path) as running:
        yield running


def _subscriptions(running) -> list[Subscription]:
    with Session(make_engine(running.settings.database_url)) as session:
        return list(session.exec(select(Subscription)).all())


async def test_a_forged_subscription_button_is_answered_and_stores_nothing_and_the_bot_restarts(tmp_path):
    async with running_bot(tmp_path) as running:
        running.fake.send_command(USER, "/subscribe 07:30")
        await running.fake.wait_for_message(USER, timeout=10)
        mark = running.fake.mark()
        running.fake.send_command(USER, "/subscription")
        [shown] = await running.fake.wait_for_message(USER, since=mark, timeout=10)
        for forged in ("sub:time:25:00", "sub:x", "", "sub:time:0²:00"):
            update = running.fake.press_button(USER, shown.message_id, forged, strict=False)
            query_id = update["callback_query"]["id"]
            await running.fake.wait_for(lambda q=query_id: q in running.fake.state.answered_callbacks, timeout=10,
                                        what=f"an answer to the forged button {forged!r}")
        assert [s.send_time for s in _subscriptions(running)] == ["07:30"]
    async with running_bot(tmp_path) as again:  # the same database: the start must not fail
        again.fake.send_text(USER, "冠县排第几")
        [reply] = await again.fake.wait_for_message(USER, timeout=10)
        assert "第2名" in reply.text


async def test_a_bad_stored_subscription_is_skipped_at_start_and_named_in_stats(tmp_path):
    async with running_bot(tmp_path):
        pass  # creates and migrates the database
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    with Session(make_engine(url)) as session:
        session.add(Subscription(chat_id=31337, send_time="25:00"))
        session.add(Subscription(chat_id=31338, send_time="07:00"))
        session.commit()
    async with running_bot(tmp_path) as running:
        jobs = {job.name for job in running.app.job_queue.jobs()}
        assert "digest:31338" in jobs and "digest:31337" not in jobs
        running.fake.send_command(ADMIN, "/stats")
        [stats] = await running.fake.wait_for_message(ADMIN, timeout=10)
        assert "无法安排的订阅 1 个" in stats.text and "31337" in stats.text


@pytest.mark.parametrize("message", [
    "a message that is a string",
    {"message_id": 1, "text": "no chat, no date"},
    {"message_id": 2, "date": "yesterday", "chat": {"id": USER, "type": "private"}, "text": "date as text"},
], ids=["string", "no-chat-no-date", "date-as-string"])
async def test_a_malformed_update_is_dropped_and_the_next_is_answered(bot, message):
    bot.fake.push_update({"message": message})
    bot.fake.send_text(USER, "冠县排第几")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "第2名" in reply.text


async def test_every_kind_of_update_is_flood_guarded(tmp_path):
    async with running_bot(tmp_path, flood_limit_per_minute=3) as running:
        fake = running.fake
        for _ in range(10):
            fake.send_command(USER, "/start")
        for _ in range(10):
            fake.send_sticker(USER)
        await fake.wait_for_message(USER, count=4, timeout=10)
        await asyncio.sleep(0.5)
        texts = [m.text for m in fake.messages_to(USER)]
        assert len(texts) == 4 and sum("太频繁" in t for t in texts) == 1


def test_the_flood_guard_forgets_users_idle_for_a_window():
    now = [0.0]
    guard = FloodGuard(limit=5, window=60.0, clock=lambda: now[0])
    for user in range(100_000):
        guard.check(user)
        now[0] += 0.01  # 1,000 s in all: most users have been idle for far longer than the window
    assert len(guard) <= 60.0 / 0.01 + 1


async def test_answer_buttons_cannot_be_guessed_from_another_chat(bot):
    bot.fake.send_text(USER, "临清上半年生产总值是多少?")
    [answer] = await bot.fake.wait_for_message(USER, timeout=10)
    assert button(answer, "来源")
    other = 2002
    bot.fake.send_text(other, "冠县排第几")
    [mine] = await bot.fake.wait_for_message(other, timeout=10)
    for guess in ("src:1", "src:2", "rel:1", "q:1:0", "ex:0"):
        bot.fake.press_button(other, mine.message_id, guess, strict=False)
    await bot.fake.wait_for(lambda: len(bot.fake.state.answered_callbacks) >= 5, timeout=10)
    await asyncio.sleep(0.3)
    assert [m.message_id for m in bot.fake.messages_to(other)] == [mine.message_id]  # no sources leaked


async def test_a_nul_in_a_question_is_answered_and_logged_without_it(bot):
    bot.fake.send_text(USER, "临清\x00上半年生产总值是多少?")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "140.08" in reply.text
    engine = make_engine(bot.settings.database_url)

    def logged() -> list[str]:
        with Session(engine) as session:
            return list(session.exec(select(QuestionLog.question)).all())

    for _ in range(100):  # the log is written off the event loop, after the reply
        if rows := await asyncio.to_thread(logged):
            break
        await asyncio.sleep(0.05)
    assert rows == ["临清上半年生产总值是多少?"]


async def test_subscribing_to_too_many_regions_is_refused_with_the_limit(bot):
    gazetteer = bot.app.bot_data["regionbot.services"].kb.gazetteer
    names = sorted({r.name for r in gazetteer.regions() if r.level == "county" and gazetteer.resolve(r.name)})[:79]
    assert len(names) == 79
    bot.fake.send_command(USER, "/subscribe 07:30 " + " ".join(names))
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "最多订阅 20 个地区" in reply.text
    assert _subscriptions(bot) == []
