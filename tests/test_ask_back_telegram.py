"""An ask-back in Telegram: the options are buttons, and pressing one answers for that place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.botkit import button, running_bot
from tests.qa.test_ask_back import ARTICLES

USER = 4242


@pytest.fixture
async def bot(tmp_path: Path):  # type: ignore[no-untyped-def]
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    async with running_bot(tmp_path) as running:
        yield running


async def test_a_shared_name_is_asked_back_with_buttons_that_settle_it(bot) -> None:  # type: ignore[no-untyped-def]
    bot.fake.send_text(USER, "鼓楼区2023年GDP是多少?")
    [reply] = await bot.fake.wait_for_message(USER, timeout=15)
    assert "你指的是" in reply.text and "2301.5" not in reply.text
    labels = {b.get("text") for b in reply.buttons}
    assert {"南京市鼓楼区", "福州市鼓楼区"} <= labels
    mark = bot.fake.mark()
    bot.fake.press_button(USER, reply.message_id, button(reply, "南京市鼓楼区"))
    [answer] = await bot.fake.wait_for_message(USER, since=mark, timeout=15)
    assert "2301.5亿元" in answer.text and "1502.7" not in answer.text


async def test_a_typed_follow_up_settles_it_too(bot) -> None:  # type: ignore[no-untyped-def]
    bot.fake.send_text(USER, "鼓楼区2023年GDP是多少?")
    await bot.fake.wait_for_message(USER, timeout=15)
    mark = bot.fake.mark()
    bot.fake.send_text(USER, "福州的")
    [answer] = await bot.fake.wait_for_message(USER, since=mark, timeout=15)
    assert "1502.7亿元" in answer.text
