"""Questions: any text in a private chat; /ask, a mention or a reply in groups; the answer buttons."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.render import answer_html, sources_html, split_message
from bot.services import BotContext, Services
from knowledge.qa.answer import EXAMPLES, Answer
from knowledge.store.engine import session_scope
from knowledge.store.stats import log_question

log = logging.getLogger(__name__)
MAX_QUESTION = 500
TYPING_DELAY = 0.3
_MAX_CONVERSATIONS = 10_000


async def ask_private(update: Update, context: BotContext) -> None:
    """Any text in a private chat is a question."""
    await answer_question(update, context, update.effective_message.text or "")


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask 问题 — the way to ask in a group (works in private chats too)."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text("用法:/ask 问题,例如 /ask 临清上半年生产总值是多少?")
        return
    await answer_question(update, context, question)


async def ask_in_group(update: Update, context: BotContext) -> None:
    """In groups, answer only a mention of the bot or a reply to one of its messages."""
    message = update.effective_message
    username = f"@{context.bot.username}" if context.bot.username else None
    text = message.text or ""
    replied = message.reply_to_message
    if username and username.lower() in text.lower():
        await answer_question(update, context, text.replace(username, "").replace(username.lower(), ""))
    elif replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:
        await answer_question(update, context, text)


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Flood check, typing…, answer with buttons, log."""
    services = context.services
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    verdict = services.flood.check(user.id if user else chat.id)
    if verdict == "drop":
        return
    if verdict == "warn":
        await message.reply_text("消息太频繁了,请一分钟后再问。")
        return
    if len(question) > MAX_QUESTION:
        await message.reply_text(f"问题太长了({len(question)} 字)。请用一两句话提问,不超过 {MAX_QUESTION} 字。")
        return
    # "typing…" only when the answer is not ready at once: most answers take a millisecond, and every
    # extra request counts against Telegram's 30-per-second budget.
    typing = asyncio.create_task(_typing_after(context, chat.id, TYPING_DELAY))
    try:
        asked = await asyncio.to_thread(services.kb.ask, question, services.conversations.get(chat.id))
    finally:
        typing.cancel()
    _remember(services, chat.id, asked.state)
    await send_answer(message, services, asked.answer)
    await asyncio.to_thread(_log, services, chat.id, user.id if user else None, question, asked.answer,
                            asked.latency_ms)


async def _typing_after(context: BotContext, chat_id: int, delay: float) -> None:
    await asyncio.sleep(delay)
    await context.bot.send_chat_action(chat_id, ChatAction.TYPING)


async def send_answer(message: Message, services: Services, answer: Answer) -> None:
    key = services.answers.put(answer)
    buttons = []
    if answer.sources:
        buttons.append(InlineKeyboardButton("来源", callback_data=f"src:{key}"))
    if answer.suggestions:
        buttons.append(InlineKeyboardButton("相关", callback_data=f"rel:{key}"))
    parts = split_message(answer_html(answer))
    for i, part in enumerate(parts):
        markup = InlineKeyboardMarkup([buttons]) if buttons and i == len(parts) - 1 else None
        await message.reply_text(part, parse_mode=ParseMode.HTML, reply_markup=markup)


async def on_button(update: Update, context: BotContext) -> None:
    """来源 expands the sources; 相关 lists related questions; pressing one asks it."""
    query = update.callback_query
    services = context.services
    kind, _, rest = (query.data or "").partition(":")
    if kind == "ex" and rest.isdigit() and int(rest) < len(EXAMPLES):
        await query.answer()
        await answer_question(update, context, EXAMPLES[int(rest)])
        return
    key, _, index = rest.partition(":")
    answer = services.answers.get(key)
    if answer is None:
        await query.answer("这条回答已过期,请重新提问。", show_alert=False)
        return
    await query.answer()
    if kind == "src":
        for part in split_message(sources_html(answer)):
            await query.message.reply_text(part, parse_mode=ParseMode.HTML)
    elif kind == "rel":
        rows = [[InlineKeyboardButton(text[:40], callback_data=f"q:{key}:{i}")]
                for i, text in enumerate(answer.suggestions[:5])]
        await query.message.reply_text("相关问题:", reply_markup=InlineKeyboardMarkup(rows))
    elif kind == "q" and index.isdigit() and int(index) < len(answer.suggestions):
        await answer_question(update, context, answer.suggestions[int(index)])


def _remember(services: Services, chat_id: int, state) -> None:  # type: ignore[no-untyped-def]
    if len(services.conversations) > _MAX_CONVERSATIONS:
        services.conversations.clear()  # rare; losing follow-up context beats unbounded memory
    services.conversations[chat_id] = state


def _log(services: Services, chat_id: int, user_id: int | None, question: str, answer: Answer, ms: float) -> None:
    try:
        with session_scope(services.kb.engine) as session:
            log_question(session=session, chat_id=chat_id, user_id=user_id, question=question,
                         intent=answer.intent, found=answer.found, latency_ms=ms)
    except Exception:
        log.exception("could not log a question")


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CallbackQueryHandler(on_button))
    text = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    app.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, ask_private))
    app.add_handler(MessageHandler(text & filters.ChatType.GROUPS, ask_in_group))

