"""End to end: users talk to the real bot over PTB's HTTP stack through the fake Bot API server."""

from __future__ import annotations

import pytest

from tests.botkit import ADMIN, button, running_bot

USER = 1001


@pytest.fixture
async def bot(tmp_path):
    async with running_bot(tmp_path) as running:
        yield running


async def test_start_greets_with_example_buttons(bot):
    bot.fake.send_command(USER, "/start")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "你好" in reply.text and reply.callback_data


async def test_commands_are_registered_and_listed_in_help(bot):
    from handlers import COMMANDS

    registered = {c["command"] for c in bot.fake.commands()}
    assert registered == {name for name, _ in COMMANDS}
    bot.fake.send_command(USER, "/help")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert all(f"/{name}" in reply.text for name, _ in COMMANDS)


async def test_figure_question_answers_with_value_and_source_then_follow_up(bot):
    bot.fake.send_text(USER, "临清上半年生产总值是多少?")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "140.08" in reply.text and "来源" in reply.text and reply.parse_mode == "HTML"
    mark = bot.fake.mark()
    bot.fake.send_text(USER, "那一般公共预算收入呢?")
    [follow] = await bot.fake.wait_for_message(USER, since=mark, timeout=10)
    assert "11.9" in follow.text


async def test_sources_button_expands_the_sources(bot):
    bot.fake.send_text(USER, "临清上半年生产总值是多少?")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    source_button = button(reply, "来源")
    assert len(source_button.encode()) <= 64
    mark = bot.fake.mark()
    bot.fake.press_button(USER, reply.message_id, source_button)
    [sources] = await bot.fake.wait_for_message(USER, since=mark, timeout=10)
    assert "特色产业抢占制造业强市新赛道" in sources.text and "140.08" in sources.text


async def test_hostile_html_in_the_question_is_escaped(bot):
    bot.fake.send_text(USER, "<script>alert(1)</script><b>临清</b>上半年生产总值是多少?")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "140.08" in reply.text and "<script>" not in reply.raw_text


async def test_a_4000_character_message_gets_a_clear_reply(bot):
    bot.fake.send_text(USER, "临清" * 2000)
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "太长" in reply.text


async def test_typing_is_shown_when_an_answer_is_slow(bot, monkeypatch):
    import time

    import handlers.ask

    kb = bot.app.bot_data["regionbot.services"].kb
    real_ask = kb.ask
    monkeypatch.setattr(handlers.ask, "TYPING_DELAY", 0.05)
    monkeypatch.setattr(kb, "ask", lambda *a, **k: (time.sleep(0.3), real_ask(*a, **k))[1])
    bot.fake.send_text(USER, "冠县排第几")
    await bot.fake.wait_for_message(USER, timeout=10)
    assert any(c.method == "sendChatAction" and c.chat_id == USER for c in bot.fake.calls)


async def test_sticker_gets_a_hint_and_does_not_crash(bot):
    bot.fake.send_sticker(USER)
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "文字问题" in reply.text


async def test_group_plain_text_is_ignored_but_ask_and_mentions_are_answered(bot):
    group = -500
    bot.fake.send_text(group, "大家好,今天开会", chat_type="group", user_id=USER)
    bot.fake.send_command(group, "/ask 冠县排第几", chat_type="group", user_id=USER)
    [reply] = await bot.fake.wait_for_message(group, timeout=10)
    assert "第2名" in reply.text
    mark = bot.fake.mark()
    bot.fake.send_text(group, "@regionbot_test_bot 聊城综合评议第一名是谁?", chat_type="group", user_id=USER)
    [mention] = await bot.fake.wait_for_message(group, since=mark, timeout=10)
    assert "茌平区" in mention.text
    assert len(bot.fake.messages_to(group)) == 2


async def test_non_admin_reload_is_refused_and_admin_reload_reports(bot):
    bot.fake.send_command(USER, "/reload")
    [refusal] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "管理员" in refusal.text
    bot.fake.send_command(ADMIN, "/reload")
    replies = await bot.fake.wait_for_message(ADMIN, count=2, timeout=20)
    assert "重新载入完成" in replies[-1].text and "未变 5 篇" in replies[-1].text


async def test_admin_upload_is_ingested_and_answerable(bot):
    article = "日期:2024-03-01\n2023年,莘县地区生产总值完成512.3亿元,同比增长5.1%。\n".encode()
    bot.fake.send_document(ADMIN, "shenxian.txt", article, "text/plain")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "已导入" in summary.text and "512.3" in summary.text and "新增 1 篇" in summary.text
    assert any(c.method == "sendChatAction" and c.chat_id == ADMIN for c in bot.fake.calls)
    assert (bot.settings.upload_dir / "shenxian.txt").read_bytes() == article
    assert not (bot.settings.knowledge_dir / "shenxian.txt").exists()
    mark = bot.fake.mark()
    bot.fake.send_text(ADMIN, "莘县2023年GDP是多少?")
    [answer] = await bot.fake.wait_for_message(ADMIN, since=mark, timeout=10)
    assert "512.3" in answer.text


async def test_bad_upload_gets_a_reason_and_changes_nothing(bot):
    before = len(bot.app.bot_data["regionbot.services"].kb.index.facts)
    bot.fake.send_document(ADMIN, "broken.txt", b"\x00\x01\x02\x03" * 64, "text/plain")
    [reply] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "无法导入" in reply.text and "二进制" in reply.text and "binary" not in reply.text
    assert not (bot.settings.upload_dir / "broken.txt").exists()
    assert len(bot.app.bot_data["regionbot.services"].kb.index.facts) == before


async def test_non_admin_upload_is_refused(bot):
    bot.fake.send_document(USER, "a.txt", "2023年,莘县地区生产总值完成512.3亿元。".encode(), "text/plain")
    [reply] = await bot.fake.wait_for_message(USER, timeout=10)
    assert "管理员" in reply.text


async def test_flood_guard_sends_one_notice_then_drops(tmp_path):
    async with running_bot(tmp_path, flood_limit_per_minute=3) as running:
        for _ in range(6):
            running.fake.send_text(USER, "冠县排第几")
        await running.fake.wait_for_message(USER, count=4, timeout=10)
        import asyncio

        await asyncio.sleep(0.5)
        texts = [m.text for m in running.fake.messages_to(USER)]
        assert len(texts) == 4 and sum("太频繁" in t for t in texts) == 1


async def test_stats_counts_questions_and_top_unanswered(bot):
    for text in ("临清上半年生产总值是多少?", "北京GDP是多少", "北京GDP是多少"):
        mark = bot.fake.mark()
        bot.fake.send_text(USER, text)
        await bot.fake.wait_for_message(USER, since=mark, timeout=10)
    import asyncio

    await asyncio.sleep(0.3)  # the question log is written off the event loop
    bot.fake.send_command(ADMIN, "/stats")
    [stats] = await bot.fake.wait_for_message(ADMIN, timeout=10)
    assert "已回答 1" in stats.text and "未能回答 2" in stats.text and "北京GDP是多少 ×2" in stats.text


async def test_questions_during_a_reload_are_still_answered(bot, monkeypatch):
    import asyncio
    import threading
    import time

    services = bot.app.bot_data["regionbot.services"]
    real_reload, started = services.reload, threading.Event()

    def slow_reload():  # type: ignore[no-untyped-def]
        started.set()
        time.sleep(1.0)
        return real_reload()

    monkeypatch.setattr(services, "reload", slow_reload)
    bot.fake.send_command(ADMIN, "/reload")
    await asyncio.to_thread(started.wait, 10)
    bot.fake.send_text(USER, "冠县排第几")
    [answer] = await bot.fake.wait_for_message(USER, timeout=5)
    assert "第2名" in answer.text
    assert not any("重新载入完成" in m.text for m in bot.fake.messages_to(ADMIN))  # still reloading
    replies = await bot.fake.wait_for_message(ADMIN, count=2, timeout=20)
    assert "重新载入完成" in replies[-1].text


async def test_webhook_mode_receives_updates_with_the_secret_and_refuses_without(tmp_path):
    import socket

    import httpx

    from bot.app import build_application
    from tests.botkit import make_settings
    from tests.fakes.botapi import FakeBotAPI

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with FakeBotAPI() as fake:
        settings = make_settings(fake.url, tmp_path, webhook_url=f"http://127.0.0.1:{port}",
                                 webhook_port=port, webhook_secret="s3cret-token")
        app = build_application(settings)
        await app.initialize()
        await app.post_init(app)
        await app.start()
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="telegram",
                                        webhook_url=f"http://127.0.0.1:{port}/telegram", secret_token="s3cret-token")
        try:
            assert fake.calls_of("setWebhook")[-1].params["url"].endswith("/telegram")
            update = {"update_id": 1, "message": {"message_id": 5, "date": 0, "chat": {"id": 88, "type": "private"},
                                                   "from": {"id": 88, "is_bot": False, "first_name": "U"},
                                                   "text": "冠县排第几"}}
            async with httpx.AsyncClient() as client:
                refused = await client.post(f"http://127.0.0.1:{port}/telegram", json=update)
                accepted = await client.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                             headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"})
            assert refused.status_code == 403 and accepted.status_code == 200
            [reply] = await fake.wait_for_message(88, timeout=10)
            assert "第2名" in reply.text
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
