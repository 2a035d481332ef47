"""Questions: any text in a private chat; /ask, a mention or a reply in groups; the answer buttons."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.render import answer_html, sources_html, split_message
from bot.services import AnyApp, BotContext, Services
from handlers.callbacks import AskButton, RelatedButton, SourcesButton
from handlers.common import Origin, origin
from knowledge.qa.answer import Answer
from knowledge.store.engine import session_scope
from knowledge.store.stats import log_question

log = logging.getLogger(__name__)
MAX_QUESTION = 500
TYPING_DELAY = 0.3
# NUL breaks PostgreSQL text columns; other C0 controls and bidi overrides only confuse matching.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_question(text: str) -> str:
    return _CONTROL_RE.sub("", text).strip()


async def ask_private(update: Update, context: BotContext) -> None:
    """Any text in a private chat is a question."""
    if (where := origin(update)) is not None:
        await answer_question(where, context, where.message.text or "")


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask 问题 — the way to ask in a group (works in private chats too)."""
    if (where := origin(update)) is None:
        return
    question = " ".join(context.args or [])
    if not clean_question(question):
        await where.message.reply_text("用法:/ask 问题,例如 /ask 临清上半年生产总值是多少?")
        return
    await answer_question(where, context, question)


async def ask_in_group(update: Update, context: BotContext) -> None:
    """In groups, answer only a mention of the bot or a reply to one of its messages."""
    if (where := origin(update)) is None:
        return
    username = f"@{context.bot.username}" if context.bot.username else None
    text = where.message.text or ""
    replied = where.message.reply_to_message
    if username and username.lower() in text.lower():
        question = re.sub(re.escape(username), "", text, flags=re.IGNORECASE)
        await answer_question(where, context, question)
    elif replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:
        await answer_question(where, context, text)


async def answer_question(where: Origin, context: BotContext, question: str) -> None:
    """typing… when slow, the answer with its buttons, then the question log (off the event loop)."""
    services = context.services
    question = clean_question(question)
    if not question:
        await where.message.reply_text("请用文字提问,例如:临清上半年生产总值是多少?")
        return
    if len(question) > MAX_QUESTION:
        await where.message.reply_text(f"问题太长了({len(question)} 字)。请用一两句话提问,不超过 {MAX_QUESTION} 字。")
        return
    chat_id = where.chat.id
    # "typing…" only when the answer is not ready at once: most answers take a millisecond, and every
    # extra request counts against Telegram's 30-per-second budget.
    typing = asyncio.create_task(_typing_after(context, chat_id, TYPING_DELAY))
    try:
        asked = await asyncio.to_thread(services.ask, chat_id, question)  # context read and kept in the database
    finally:
        typing.cancel()
    await send_answer(where, asked.answer)
    await asyncio.to_thread(_log, services, chat_id, where.user_id, question, asked.answer, asked.latency_ms)


async def _typing_after(context: BotContext, chat_id: int, delay: float) -> None:
    await asyncio.sleep(delay)
    await context.bot.send_chat_action(chat_id, ChatAction.TYPING)


async def send_answer(where: Origin, answer: Answer) -> None:
    buttons = []
    if answer.sources:
        buttons.append(InlineKeyboardButton("来源", callback_data=SourcesButton.of(answer)))
    if answer.suggestions:
        buttons.append(InlineKeyboardButton("相关", callback_data=RelatedButton.of(answer)))
    rows = [buttons] if buttons else []
    if answer.choices:  # an ask-back: each option is a button that asks the question it stands for
        rows = [[InlineKeyboardButton(choice[:40], callback_data=AskButton(question))]
                for choice, question in zip(answer.choices, answer.suggestions, strict=False)]
    parts = split_message(answer_html(answer))
    for i, part in enumerate(parts):
        markup = InlineKeyboardMarkup(rows) if rows and i == len(parts) - 1 else None
        await where.message.reply_text(part, parse_mode=ParseMode.HTML, reply_markup=markup)


async def on_sources(update: Update, context: BotContext) -> None:
    """来源: the full sources of the answer under which it was pressed."""
    query = update.callback_query
    if query is None or not isinstance(query.data, SourcesButton):
        return
    await query.answer()
    if (where := origin(update)) is not None:
        for part in split_message(sources_html(query.data.sources)):
            await where.message.reply_text(part, parse_mode=ParseMode.HTML)


async def on_related(update: Update, context: BotContext) -> None:
    """相关: the related questions, each a button that asks it."""
    query = update.callback_query
    if query is None or not isinstance(query.data, RelatedButton):
        return
    await query.answer()
    if (where := origin(update)) is not None:
        rows = [[InlineKeyboardButton(text[:40], callback_data=AskButton(text))]
                for text in query.data.questions]
        await where.message.reply_text("相关问题:", reply_markup=InlineKeyboardMarkup(rows))


async def on_ask_button(update: Update, context: BotContext) -> None:
    """An example or related question pressed: ask it."""
    query = update.callback_query
    if query is None or not isinstance(query.data, AskButton):
        return
    await query.answer()
    if (where := origin(update)) is not None:
        await answer_question(where, context, query.data.question)


def _log(services: Services, chat_id: int, user_id: int | None, question: str, answer: Answer, ms: float) -> None:
    try:
        with session_scope(services.kb.engine) as session:
            log_question(session=session, chat_id=chat_id, user_id=user_id, question=question,
                         intent=answer.intent, found=answer.found, latency_ms=ms)
    except Exception:
        log.exception("could not log a question")


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CallbackQueryHandler(on_sources, pattern=SourcesButton))
    app.add_handler(CallbackQueryHandler(on_related, pattern=RelatedButton))
    app.add_handler(CallbackQueryHandler(on_ask_button, pattern=AskButton))
    text = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, ask_private))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS, ask_in_group))
