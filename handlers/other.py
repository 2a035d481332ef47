"""Updates that are not questions: stickers, photos, files from non-admins, edits, joins, channel posts."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, MessageHandler, filters

from bot.services import BotContext


async def not_text(update: Update, context: BotContext) -> None:
    """In a private chat, say what the bot understands; in groups stay quiet."""
    await update.effective_message.reply_text("我只能回答文字问题,例如:临清上半年生产总值是多少?")


def register(app: Application) -> None:  # type: ignore[type-arg]
    media = (filters.Sticker.ALL | filters.PHOTO | filters.VIDEO | filters.VOICE | filters.AUDIO
             | filters.ANIMATION | filters.LOCATION | filters.CONTACT)
    app.add_handler(MessageHandler(media & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, not_text))
    # Edits, joins, channel posts and group media reach no handler at all: they are ignored by design.
