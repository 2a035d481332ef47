"""The fake Bot API, exercised through a real PTB Bot: messages, updates, commands and files."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageEntityType
from telegram.error import BadRequest

from .botapi import TEST_TOKEN, FakeBotAPI


async def test_get_me_returns_the_test_bot_user(bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.id, me.is_bot, me.username, me.first_name) == (999, True, "regionbot_test_bot", "RegionBot")


async def test_ptb_joins_base_url_token_and_method_as_documented(fake: FakeBotAPI, bot: Bot) -> None:
    assert bot.base_url == f"{fake.url}/bot{TEST_TOKEN}"
    assert bot.base_file_url == f"{fake.url}/file/bot{TEST_TOKEN}"
    assert fake.url.startswith("http://127.0.0.1:")
    assert [call.method for call in fake.calls] == ["getMe"]


async def test_send_message_numbers_messages_per_chat(fake: FakeBotAPI, bot: Bot) -> None:
    first = await bot.send_message(42, "第一条")
    second = await bot.send_message(42, "第二条")
    other_chat = await bot.send_message(43, "别的聊天")

    assert (first.message_id, second.message_id, other_chat.message_id) == (1, 2, 1)
    assert first.from_user is not None and first.from_user.id == 999
    assert first.chat.id == 42 and first.chat.type == "private"
    assert [m.text for m in fake.messages_to(42)] == ["第一条", "第二条"]


async def test_html_message_is_recorded_raw_and_delivered_with_utf16_entities(fake: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(42, "😀<b>济南</b> GDP &lt;1&gt;", parse_mode="HTML")

    assert sent.text == "😀济南 GDP <1>"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [(MessageEntityType.BOLD, 2, 2)]
    assert sent.parse_entities() == {sent.entities[0]: "济南"}
    [record] = fake.messages_to(42)
    assert (record.parse_mode, record.raw_text, record.text) == (
        "HTML",
        "😀<b>济南</b> GDP &lt;1&gt;",
        sent.text,
    )


async def test_unescaped_html_is_refused_like_telegram_does(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(42, "GDP <增长> 5%", parse_mode="HTML")


async def test_reply_markup_sent_as_json_form_field_is_decoded(fake: FakeBotAPI, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("济南", callback_data="city:jinan")]])

    sent = await bot.send_message(42, "选城市", reply_markup=keyboard)

    assert sent.reply_markup == keyboard
    assert fake.messages_to(42)[0].callback_data == ["city:jinan"]
    assert fake.calls_of("sendMessage")[0].params["reply_markup"]["inline_keyboard"][0][0]["text"] == "济南"


async def test_edit_message_text_changes_the_stored_message(fake: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(42, "处理中…")

    edited = await bot.edit_message_text("<i>完成</i>", chat_id=42, message_id=sent.message_id, parse_mode="HTML")

    assert edited.text == "完成" and edited.edit_date is not None
    assert fake.message(42, sent.message_id)["text"] == "完成"
    assert [m.edited for m in fake.messages_to(42, include_edits=True)] == [False, True]
    assert fake.messages_to(42)[-1].text == "处理中…"


async def test_edit_with_identical_content_is_not_modified_error(bot: Bot) -> None:
    sent = await bot.send_message(42, "一样")

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("一样", chat_id=42, message_id=sent.message_id)


async def test_edit_reply_markup_and_delete_message(fake: FakeBotAPI, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("更多", callback_data="more")]])
    sent = await bot.send_message(42, "列表", reply_markup=keyboard)

    await bot.edit_message_reply_markup(chat_id=42, message_id=sent.message_id, reply_markup=None)
    assert "reply_markup" not in fake.message(42, sent.message_id)

    assert await bot.delete_message(42, sent.message_id) is True
    assert fake.message(42, sent.message_id) is None
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(42, sent.message_id)


async def test_get_updates_returns_a_queued_text_update_once(fake: FakeBotAPI, bot: Bot) -> None:
    queued = fake.send_text(42, "青岛的GDP是多少？")

    updates = await bot.get_updates(timeout=1)
    again = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=1)

    assert [u.update_id for u in updates] == [queued["update_id"]]
    message = updates[0].message
    assert message is not None and message.text == "青岛的GDP是多少？"
    assert message.chat.id == 42 and message.from_user is not None and message.from_user.id == 42
    assert again == ()
    assert fake.pending_updates == []


async def test_get_updates_long_poll_wakes_when_an_update_arrives(fake: FakeBotAPI, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await fake.wait_for(lambda: fake.calls_of("getUpdates"), what="the poll to arrive")
    await asyncio.sleep(0.05)

    fake.send_text(42, "烟台")
    updates = await asyncio.wait_for(poll, 5)

    assert [u.message.text for u in updates if u.message] == ["烟台"]


async def test_get_updates_times_out_empty_when_nothing_is_queued(bot: Bot) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()

    updates = await bot.get_updates(timeout=1)

    assert updates == ()
    assert loop.time() - started >= 0.9


async def test_get_updates_honours_limit(fake: FakeBotAPI, bot: Bot) -> None:
    for text in ("一", "二", "三"):
        fake.send_text(42, text)

    first_two = await bot.get_updates(limit=2)
    rest = await bot.get_updates(offset=first_two[-1].update_id + 1)

    assert [u.message.text for u in first_two if u.message] == ["一", "二"]
    assert [u.message.text for u in rest if u.message] == ["三"]


async def test_answer_callback_query_after_a_button_press(fake: FakeBotAPI, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("潍坊", callback_data="city:weifang")]])
    sent = await bot.send_message(42, "选城市", reply_markup=keyboard)
    fake.press_button(42, sent.message_id, "city:weifang")

    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None and query.data == "city:weifang"
    assert query.message is not None and query.message.message_id == sent.message_id

    assert await bot.answer_callback_query(query.id, text="好的") is True
    assert fake.state.answered_callbacks[query.id]["text"] == "好的"
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query("no-such-query")


async def test_press_button_refuses_data_the_message_does_not_offer(fake: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(42, "没有按钮")

    with pytest.raises(ValueError, match=r"(?i)has no button"):
        fake.press_button(42, sent.message_id, "ghost")


async def test_send_chat_action_is_recorded(fake: FakeBotAPI, bot: Bot) -> None:
    assert await bot.send_chat_action(42, "typing") is True

    [call] = fake.calls_of("sendChatAction")
    assert (call.chat_id, call.params["action"]) == (42, "typing")


async def test_commands_round_trip_per_scope(fake: FakeBotAPI, bot: Bot) -> None:
    commands = [BotCommand("start", "开始"), BotCommand("help", "帮助")]
    group_scope = BotCommandScopeAllGroupChats()

    await bot.set_my_commands(commands)
    await bot.set_my_commands([BotCommand("digest", "摘要")], scope=group_scope)

    assert await bot.get_my_commands() == tuple(commands)
    assert [c.command for c in await bot.get_my_commands(scope=group_scope)] == ["digest"]
    assert [c["command"] for c in fake.commands()] == ["start", "help"]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_invalid_command_name_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Start-Now", "不合法")])


async def test_user_document_downloads_through_get_file(fake: FakeBotAPI, bot: Bot) -> None:
    content = "济南市2024年地区生产总值……\n".encode()
    fake.send_document(42, "jinan.txt", content, "text/plain")
    [update] = await bot.get_updates()
    document = update.message.document if update.message else None
    assert document is not None and document.file_name == "jinan.txt"

    file = await bot.get_file(document.file_id)

    assert file.file_path == f"{fake.base_file_url}{TEST_TOKEN}/documents/file_1.txt"
    assert bytes(await file.download_as_bytearray()) == content


async def test_send_photo_bytes_is_a_multipart_upload(fake: FakeBotAPI, bot: Bot) -> None:
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

    sent = await bot.send_photo(42, photo=picture, caption="<b>图表</b>", parse_mode="HTML")

    [call] = fake.calls_of("sendPhoto")
    assert call.files["photo"].content == picture
    assert sent.caption == "图表" and sent.caption_entities[0].type == MessageEntityType.BOLD
    file = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == picture


async def test_send_document_upload_keeps_its_filename(fake: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_document(42, document=b"a,b\n1,2\n", filename="digest.csv")

    assert sent.document is not None and sent.document.file_name == "digest.csv"
    assert fake.messages_to(42)[0].method == "sendDocument"
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("no-such-file")
