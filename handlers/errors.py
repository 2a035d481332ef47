"""The global error handler: log with context first, then a short apology — never a traceback."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Conflict, TelegramError

from bot.services import AnyApp, BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure with the update that caused it, then apologise to that chat."""
    if update is None and isinstance(context.error, Conflict):  # a second poller: one line, not a traceback
        context.services.polling.seen(context.error)
        return
    summary = update.to_dict() if isinstance(update, Update) else repr(update)
    log.error("error while handling an update: %.2000s", summary, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, "抱歉,处理这条消息时出错了,请稍后再试。")
        except TelegramError:
            log.warning("could not send the apology", exc_info=True)


def register(app: AnyApp) -> None:
    app.add_error_handler(on_error)
