"""Admin commands (/reload, /stats) and article uploads; everyone else is refused and the refusal logged."""

from __future__ import annotations

import asyncio
import html
import logging
from pathlib import Path

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.render import split_message
from bot.services import BotContext
from bot.uploads import save_upload
from knowledge.errors import RegionbotError
from knowledge.store.engine import session_scope
from knowledge.store.stats import collect
from knowledge.text.corpus import ARTICLE_SUFFIXES

log = logging.getLogger(__name__)


async def _refuse_unless_admin(update: Update, context: BotContext, what: str) -> bool:
    user = update.effective_user
    if context.services.is_admin(user.id if user else None):
        return False
    log.warning("refused %s for user %s in chat %s", what, user.id if user else None, update.effective_chat.id)
    await update.effective_message.reply_text("抱歉,这个命令只对管理员开放。")
    return True


async def reload_command(update: Update, context: BotContext) -> None:
    """Re-ingest KNOWLEDGE_DIR atomically and report what changed."""
    if await _refuse_unless_admin(update, context, "/reload"):
        return
    await update.effective_message.reply_text("正在重新载入资料……(期间提问照常回答)")
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    try:
        report = await asyncio.to_thread(context.services.kb.reload)
    except RegionbotError as exc:
        await update.effective_message.reply_text(f"重新载入失败,原有资料保持不变:{exc.zh}")
        return
    text = "重新载入完成。\n" + "\n".join(report.summary_lines_zh())
    for part in split_message(html.escape(text)):
        await update.effective_message.reply_text(part, parse_mode=ParseMode.HTML)


async def stats_command(update: Update, context: BotContext) -> None:
    """Base size, subscribers, questions today and the most frequent unanswered questions."""
    if await _refuse_unless_admin(update, context, "/stats"):
        return
    services = context.services

    def gather():  # type: ignore[no-untyped-def]
        with session_scope(services.kb.engine) as session:
            return collect(session=session, tz=services.settings.tz, subscribers=services.subscriber_count())

    s = await asyncio.to_thread(gather)
    lines = [f"文章 {s.articles} 篇,数据 {s.facts} 条,排名/名单 {s.rankings} 个,说法 {s.claims} 条",
             f"订阅 {s.subscribers} 个", f"今日提问:已回答 {s.answered_today},未能回答 {s.unanswered_today}"]
    if s.top_unanswered:
        lines.append("最常见的未回答问题:")
        lines += [f"{i}. {html.escape(q[:60])} ×{n}" for i, (q, n) in enumerate(s.top_unanswered, 1)]
    await update.effective_message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


async def upload(update: Update, context: BotContext) -> None:
    """An admin sends .txt/.md/.html: save it into KNOWLEDGE_DIR, ingest it, report the new facts."""
    message = update.effective_message
    document = message.document
    if not context.services.is_admin(update.effective_user.id if update.effective_user else None):
        if update.effective_chat.type == "private":
            await message.reply_text("抱歉,只有管理员可以上传文章。")
        log.warning("refused an upload from user %s", update.effective_user.id if update.effective_user else None)
        return
    name = Path(document.file_name or "upload.txt").name
    limit = context.services.settings.max_upload_bytes
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        await message.reply_text(f"无法导入 {name}:只接受 .txt、.md 或 .html 文件。")
        return
    if document.file_size and document.file_size > limit:
        await message.reply_text(f"无法导入 {name}:文件 {document.file_size:,} 字节,超过 {limit:,} 字节的上限。")
        return
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    data = bytes(await (await document.get_file()).download_as_bytearray())
    services = context.services
    try:
        summary = await asyncio.to_thread(save_upload, services.kb, name, data, max_bytes=limit)
    except RegionbotError as exc:
        await message.reply_text(f"无法导入 {name}:{exc.zh}。资料库没有任何改动。")
        return
    for part in split_message(html.escape(summary)):
        await message.reply_text(part, parse_mode=ParseMode.HTML)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("reload", reload_command))
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(MessageHandler(filters.Document.ALL & filters.UpdateType.MESSAGE, upload))
