"""Two replicas on one database act as one bot: follow-ups, buttons, flood counts and reloads cross between them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest

from knowledge.store.engine import HEAD_REVISION, current_revision, make_engine
from knowledge.text.corpus import BUNDLED_DIR
from tests.botkit import ADMIN, button, running_bot
from tests.conftest import PG_URL, throwaway_schema
from tests.fakes.botapi import FakeBotAPI
from tests.test_digest_processes import bot_process, wait_until

USER = 2002
NEW_ARTICLE = ("日期:2025-07-20\n"
               "2025年上半年,冠县实现地区生产总值123.45亿元,同比增长5.1%。\n")


def services(running: Any) -> Any:
    return running.app.bot_data["regionbot.services"]


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A DATABASE_URL for a throwaway PostgreSQL schema (search_path in the URL, as a deployment could set it)."""
    with throwaway_schema("r") as schema:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"


async def test_two_replicas_on_postgresql_share_the_follow_up_and_the_buttons(tmp_path, pg_schema_url):
    async with running_bot(tmp_path, database_url=pg_schema_url) as a, \
            running_bot(tmp_path, database_url=pg_schema_url) as b:
        a.fake.send_text(USER, "临清上半年生产总值是多少?")
        [first] = await a.fake.wait_for_message(USER, timeout=20)
        b.fake.send_text(USER, "那一般公共预算收入呢?")
        [follow] = await b.fake.wait_for_message(USER, timeout=20)
        message = a.fake.message(USER, first.message_id)
        b.fake.state.callback_queries.add("cbq-pg")
        b.fake.push_update({"callback_query": {"id": "cbq-pg", "from": {"id": USER, "is_bot": False,
                            "first_name": "u"}, "message": message, "chat_instance": f"ci{USER}",
                            "data": button(first, "来源")}})
        [_, sources] = await b.fake.wait_for_message(USER, count=2, timeout=20)
    assert "140.08" in first.text and "11.9" in follow.text
    assert "140.08" in sources.text


async def test_a_follow_up_is_answered_by_replica_b_after_replica_a_took_the_question(tmp_path):
    async with running_bot(tmp_path) as a, running_bot(tmp_path) as b:
        a.fake.send_text(USER, "临清上半年生产总值是多少?")
        [first] = await a.fake.wait_for_message(USER, timeout=10)
        b.fake.send_text(USER, "那一般公共预算收入呢?")
        [follow] = await b.fake.wait_for_message(USER, timeout=10)
    assert "140.08" in first.text
    assert "11.9" in follow.text  # B knew the region and period from A's question


async def test_a_button_made_by_replica_a_works_on_replica_b(tmp_path):
    async with running_bot(tmp_path) as a, running_bot(tmp_path) as b:
        a.fake.send_text(USER, "临清上半年生产总值是多少?")
        [reply] = await a.fake.wait_for_message(USER, timeout=10)
        message = a.fake.message(USER, reply.message_id)
        # The same press, delivered to B (as a load balancer would), with A's message attached.
        b.fake.state.callback_queries.add("cbq-b1")
        b.fake.push_update({"callback_query": {"id": "cbq-b1", "from": {"id": USER, "is_bot": False,
                            "first_name": "u"}, "message": message, "chat_instance": f"ci{USER}",
                            "data": button(reply, "来源")}})
        [sources] = await b.fake.wait_for_message(USER, timeout=10)
    assert "特色产业抢占制造业强市新赛道" in sources.text and "140.08" in sources.text


async def test_a_forged_button_still_answers_as_expired_with_shared_keyboards(tmp_path):
    async with running_bot(tmp_path) as a:
        a.fake.send_text(USER, "临清上半年生产总值是多少?")
        [reply] = await a.fake.wait_for_message(USER, timeout=10)
        a.fake.press_button(USER, reply.message_id, "0" * 64, strict=False)
        answered = await a.fake.wait_for(lambda: a.fake.calls_of("answerCallbackQuery"), timeout=10)
    assert "过期" in answered[0].params.get("text", "")


async def test_the_flood_limit_counts_updates_on_both_replicas_together(tmp_path):
    if time.time() % 60 > 50:  # the shared counter is per calendar minute: keep the burst inside one
        time.sleep(61 - time.time() % 60)
    async with running_bot(tmp_path, flood_limit_per_minute=4) as a, \
            running_bot(tmp_path, flood_limit_per_minute=4) as b:
        for fake in (a.fake, b.fake, a.fake, b.fake):
            fake.send_command(USER, "/help")
        await a.fake.wait_for_message(USER, count=2, timeout=10)
        await b.fake.wait_for_message(USER, count=2, timeout=10)
        b.fake.send_command(USER, "/help")  # the fifth in this minute, whichever replica takes it
        [*_, notice] = await b.fake.wait_for_message(USER, count=3, timeout=10)
        a.fake.send_command(USER, "/help")
        await a.fake.wait_for(lambda: len(a.fake.calls_of("getUpdates")) > 3, timeout=5)
        time.sleep(0.5)
        replies_on_a = a.fake.messages_to(USER)
    assert "太频繁" in notice.text
    assert len(replies_on_a) == 2  # the sixth is dropped without a reply


async def test_a_reload_on_replica_a_reaches_a_question_on_replica_b(tmp_path):
    async with running_bot(tmp_path) as a, running_bot(tmp_path) as b:
        b.fake.send_text(USER, "冠县上半年生产总值是多少?")
        [before] = await b.fake.wait_for_message(USER, timeout=10)
        (a.settings.knowledge_dir / "冠县经济.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        a.fake.send_command(ADMIN, "/reload")
        await a.fake.wait_for_message(ADMIN, contains="重新载入完成", timeout=60)
        time.sleep(1.1)  # B checks the base version at most once a second
        mark = b.fake.mark()
        b.fake.send_text(USER, "冠县上半年生产总值是多少?")
        [after] = await b.fake.wait_for_message(USER, since=mark, timeout=20)
    assert "123.45" not in before.text
    assert "123.45" in after.text


MIGRATE_AT = """
import sys, time
from knowledge.store.engine import make_engine, migrate
engine = make_engine(sys.argv[1], connect_args={"options": "-csearch_path=" + sys.argv[2]})
time.sleep(max(0.0, float(sys.argv[3]) - time.time()))  # both processes start migrating at the same moment
migrate(engine)
"""


def test_two_processes_migrating_an_empty_postgres_schema_together_both_succeed(tmp_path):
    with throwaway_schema("r") as schema:
        start = time.time() + 4.0  # after both have imported SQLAlchemy and connected
        processes = [subprocess.Popen([sys.executable, "-c", MIGRATE_AT, PG_URL, schema, str(start)],
                                      stderr=subprocess.PIPE) for _ in range(2)]
        results = [(p.wait(60), p.stderr.read().decode() if p.stderr else "") for p in processes]
        engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        revision = current_revision(engine)
        engine.dispose()
    assert [code for code, _ in results] == [0, 0], [err[-600:] for _, err in results]
    assert revision == HEAD_REVISION


def polls(fake: Any) -> int:
    return sum(1 for c in fake.call(lambda: list(fake.api.state.calls)) if c.method == "getUpdates")


def polls_over(fake: Any, *, seconds: float) -> list[float]:
    """When each getUpdates call arrived during the next `seconds`, sampled every 20 ms."""
    seen, times, deadline = polls(fake), [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = polls(fake)
        times += [time.monotonic()] * (now - seen)
        seen = now
        time.sleep(0.02)
    return times


def test_a_second_poller_gets_one_clear_log_line_and_a_backoff_not_a_stream_of_tracebacks(tmp_path):
    """Telegram answers getUpdates with 409 while another poller (or a webhook) holds the token."""
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    shutil.copytree(BUNDLED_DIR, tmp_path / "articles")
    with FakeBotAPI().run_in_thread() as fake, bot_process(tmp_path, url, fake, "poller") as process:
        log = tmp_path / "poller.log"
        wait_until(lambda: "ready:" in log.read_text(errors="replace"), 90, "the bot to be ready")
        in_flight = polls(fake)  # the long poll under way when the conflict starts still succeeds
        fake.call(lambda: fake.api.state.webhook.update(url="https://elsewhere.example/telegram"))
        wait_until(lambda: polls(fake) > in_flight, 20, "the first getUpdates refused with 409")
        refused = polls_over(fake, seconds=6.0)
        fake.call(lambda: fake.api.state.webhook.clear())  # the other poller went away
        fake.send_text(USER, "临清上半年生产总值是多少?")
        [answer] = fake.wait_for_message(USER, timeout=40)
        assert process.poll() is None
        text_of_log = log.read_text(errors="replace")
    gaps = [later - earlier for earlier, later in pairwise(refused)]
    assert "140.08" in answer.text  # polling resumed by itself
    assert text_of_log.count("409 Conflict") == 1, text_of_log[-3000:]
    assert "Traceback" not in text_of_log
    assert 2 <= len(refused) <= 8 and gaps == sorted(gaps) and gaps[-1] >= 1.0, gaps  # backing off
