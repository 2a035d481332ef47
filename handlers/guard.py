"""The flood guard in front of every handler: each kind of update counts, not only questions."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.services import AnyApp, BotContext

log = logging.getLogger(__name__)
NOTICE = "消息太频繁了,请一分钟后再试。"


async def flood_guard(update: Update, context: BotContext) -> None:
    """Beyond the per-user limit: one notice, then nothing at all (not even a request) until it calms down."""
    sender = update.effective_user or update.effective_chat
    if sender is None:
        return
    verdict = await asyncio.to_thread(context.services.flood.check, sender.id)  # shared: a database call
    if verdict == "ok":
        return
    if verdict == "warn":
        log.info("flood guard: %s is over the limit; dropping its updates for now", sender.id)
        if update.callback_query is not None:
            await update.callback_query.answer(NOTICE)
        elif update.message is not None:
            await update.message.reply_text(NOTICE)
    raise ApplicationHandlerStop


def register(app: AnyApp) -> None:
    app.add_handler(TypeHandler(Update, flood_guard), group=-1)
