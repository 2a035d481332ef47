"""/start and /help: a greeting, the commands, and example questions as buttons."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler

from bot.services import AnyApp, BotContext
from handlers.callbacks import AskButton
from handlers.commands import COMMANDS
from handlers.common import origin


def example_keyboard(examples: list[str]) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(q, callback_data=AskButton(q))] for q in examples[:4]]
    return InlineKeyboardMarkup(rows)


async def start(update: Update, context: BotContext) -> None:
    """Greet the user and offer example questions."""
    if (where := origin(update)) is None:
        return
    examples = context.services.kb.examples
    text = "你好!我回答各地的经济问题:数字、排名和名单,每条都注明出处。\n直接发问题即可"
    text += ",例如下面这些:" if examples else "。"
    await where.message.reply_text(text, reply_markup=example_keyboard(examples) if examples else None)


async def help_command(update: Update, context: BotContext) -> None:
    """List the commands and example questions."""
    if (where := origin(update)) is None:
        return
    lines = ["<b>命令</b>"] + [f"/{name} — {html.escape(desc)}" for name, desc in COMMANDS]
    lines += ["", "<b>示例问题</b>"] + [f"· {html.escape(q)}" for q in context.services.kb.examples]
    lines += ["", "群聊中请用 /ask 问题,或 @我,或回复我的消息。"]
    await where.message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
