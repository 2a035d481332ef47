"""Simulated users: the updates the fake queues must parse into the PTB objects a bot expects."""

from __future__ import annotations

import pytest
from telegram import Bot, Update
from telegram.constants import ChatMemberStatus, MessageEntityType

from .botapi import FakeBotAPI


async def _only_update(bot: Bot) -> Update:
    [update] = await bot.get_updates()
    await bot.get_updates(offset=update.update_id + 1)
    return update


async def test_command_has_a_bot_command_entity_in_utf16_units(fake: FakeBotAPI, bot: Bot) -> None:
    fake.send_command(42, "/region@regionbot_test_bot 济南 😀")

    message = (await _only_update(bot)).message
    assert message is not None
    [entity] = message.entities
    assert (entity.type, entity.offset, entity.length) == (MessageEntityType.BOT_COMMAND, 0, 26)
    assert message.parse_entity(entity) == "/region@regionbot_test_bot"


async def test_group_message_has_a_titled_chat_and_a_separate_sender(fake: FakeBotAPI, bot: Bot) -> None:
    fake.send_text(-100123, "大家好", user_id=5, chat_type="supergroup", title="山东经济群", username="zhang")

    update = await _only_update(bot)
    assert update.effective_chat is not None and update.effective_user is not None
    assert (update.effective_chat.type, update.effective_chat.title) == ("supergroup", "山东经济群")
    assert (update.effective_user.id, update.effective_user.username) == (5, "zhang")


async def test_reply_to_a_bot_message_carries_the_original(fake: FakeBotAPI, bot: Bot) -> None:
    question = await bot.send_message(42, "你想查哪个城市？")
    fake.send_text(42, "临沂", reply_to_message_id=question.message_id)

    message = (await _only_update(bot)).message
    assert message is not None and message.reply_to_message is not None
    assert message.reply_to_message.text == "你想查哪个城市？"
    assert message.message_id == question.message_id + 1


async def test_sticker_photo_and_edit_updates(fake: FakeBotAPI, bot: Bot) -> None:
    fake.send_sticker(42, emoji="🎉")
    assert (await _only_update(bot)).message.sticker.emoji == "🎉"  # type: ignore[union-attr]

    fake.send_photo_from_user(42, b"jpeg-bytes", caption="看图")
    photo_message = (await _only_update(bot)).message
    assert photo_message is not None and photo_message.caption == "看图"
    file = await bot.get_file(photo_message.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == b"jpeg-bytes"

    original = fake.send_text(42, "淄博")
    await _only_update(bot)
    fake.edit_user_message(42, original["message"]["message_id"], "淄博烧烤")
    edited = (await _only_update(bot)).edited_message
    assert edited is not None and edited.text == "淄博烧烤" and edited.edit_date is not None


async def test_bot_joining_a_group_and_a_channel_post(fake: FakeBotAPI, bot: Bot) -> None:
    fake.new_chat_members(-555, [999], by_user_id=5, title="测试群")
    joined = (await _only_update(bot)).message
    assert joined is not None and [u.id for u in joined.new_chat_members] == [999]
    assert joined.chat.type == "group" and joined.from_user is not None and joined.from_user.id == 5

    fake.channel_post(-100777, "今日摘要", title="山东频道")
    post = (await _only_update(bot)).channel_post
    assert post is not None and post.chat.type == "channel" and post.sender_chat == post.chat


async def test_push_update_accepts_raw_payloads(fake: FakeBotAPI, bot: Bot) -> None:
    raw = {
        "my_chat_member": {
            "chat": {"id": -9, "type": "group", "title": "群"},
            "from": {"id": 5, "is_bot": False, "first_name": "Zhang"},
            "date": 1_700_000_000,
            "old_chat_member": {"status": "left", "user": fake.bot_user},
            "new_chat_member": {"status": "member", "user": fake.bot_user},
        }
    }

    pushed = fake.push_update(raw)

    update = await _only_update(bot)
    assert update.update_id == pushed["update_id"]
    assert update.my_chat_member is not None and update.my_chat_member.new_chat_member.status == "member"


async def test_chat_members_default_and_configured_admins(fake: FakeBotAPI, bot: Bot) -> None:
    assert (await bot.get_chat_member(42, 42)).status == ChatMemberStatus.OWNER
    assert (await bot.get_chat_member(-100123, 5)).status == ChatMemberStatus.MEMBER

    fake.set_chat_admins(-100123, [5, 6], owner_id=1)

    assert (await bot.get_chat_member(-100123, 5)).status == ChatMemberStatus.ADMINISTRATOR
    admins = await bot.get_chat_administrators(-100123)
    assert [(a.user.id, a.status) for a in admins] == [
        (1, "creator"),
        (5, "administrator"),
        (6, "administrator"),
    ]


async def test_get_chat_describes_known_chats(fake: FakeBotAPI, bot: Bot) -> None:
    fake.send_text(-100123, "hi", chat_type="supergroup", title="山东经济群")

    chat = await bot.get_chat(-100123)

    assert (chat.id, chat.type, chat.title) == (-100123, "supergroup", "山东经济群")


async def test_webhook_round_trip_blocks_polling(fake: FakeBotAPI, bot: Bot) -> None:
    fake.send_text(42, "等待中")
    await bot.set_webhook("https://example.invalid/hook", secret_token="s3cret")

    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("https://example.invalid/hook", 1)
    with pytest.raises(Exception, match=r"(?i)webhook is active"):
        await bot.get_updates()

    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()
