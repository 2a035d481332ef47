"""The fake driving a whole PTB Application, running in a thread, waiting and shutting down."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot, Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from .botapi import TEST_TOKEN, FakeBotAPI


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the received text."""
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(f"收到：{update.effective_message.text}")


async def test_polling_application_replies_through_its_message_handler(fake: FakeBotAPI) -> None:
    builder = Application.builder().token(TEST_TOKEN)
    app = builder.base_url(fake.base_url).base_file_url(fake.base_file_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)  # type: ignore[union-attr]
        try:
            fake.send_text(42, "威海")
            [reply] = await fake.wait_for_message(42, timeout=10)
        finally:
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()

    assert reply.text == "收到：威海"
    assert [c.method for c in fake.calls_of("deleteWebhook")] == ["deleteWebhook"]
    assert fake.pending_updates == []


async def test_wait_for_message_times_out_with_a_clear_error(fake: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(42, "不是你要等的")

    with pytest.raises(TimeoutError, match=r"2 message\(s\) to chat 42 containing '烟台'.*不是你要等的"):
        await fake.wait_for_message(42, count=2, contains="烟台", timeout=0.2)


async def test_wait_for_message_since_ignores_earlier_messages(fake: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(42, "旧消息")
    mark = fake.mark()
    later = asyncio.create_task(bot.send_message(42, "新消息"))

    [message] = await fake.wait_for_message(42, since=mark, timeout=5)
    await later

    assert message.text == "新消息"


async def test_stop_releases_a_pending_long_poll() -> None:
    fake = FakeBotAPI()
    await fake.start()
    async with Bot(TEST_TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as bot:
        poll = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=35))
        await fake.wait_for(lambda: fake.calls_of("getUpdates"), what="the poll")

        await asyncio.wait_for(fake.stop(), 5)

        assert await asyncio.wait_for(poll, 5) == ()
    with pytest.raises(RuntimeError, match="not started"):
        _ = fake.url


async def test_threaded_server_serves_a_bot_in_another_loop() -> None:
    with FakeBotAPI().run_in_thread() as handle:
        async with Bot(TEST_TOKEN, base_url=handle.base_url, base_file_url=handle.base_file_url) as bot:
            handle.send_text(42, "来自主线程")
            [update] = await bot.get_updates(timeout=1)
            await bot.send_message(42, "回复")

            assert update.message is not None and update.message.text == "来自主线程"
            [reply] = await handle.acall(handle.api.wait_for_message, 42, timeout=5)
            assert reply.text == "回复"
            assert [c.method for c in handle.calls()] == ["getMe", "getUpdates", "sendMessage"]
    assert handle.api._runner is None
