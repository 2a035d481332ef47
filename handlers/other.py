"""Updates that are not questions: stickers, photos and other media in private chats get a hint."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.services import AnyApp, BotContext
from handlers.common import origin


async def not_text(update: Update, context: BotContext) -> None:
    """In a private chat, say what the bot understands; in groups stay quiet."""
    if (where := origin(update)) is not None:
        await where.message.reply_text("我只能回答文字问题,例如:临清上半年生产总值是多少?")


def register(app: AnyApp) -> None:
    media = (filters.Sticker.ALL | filters.PHOTO | filters.VIDEO | filters.VOICE | filters.AUDIO
             | filters.ANIMATION | filters.LOCATION | filters.CONTACT)
    app.add_handler(MessageHandler(media & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, not_text))
    # Edits, joins, channel posts and group media reach no handler at all: they are ignored by design.
