"""Admin commands (/reload, /stats, /digest_now) and article uploads, behind one filters.User(ADMIN_IDS)."""

from __future__ import annotations

import asyncio
import html
import logging
from datetime import UTC, datetime

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.digests import broadcast
from bot.render import split_message
from bot.services import AnyApp, BotContext, Services, services_of
from bot.uploads import check_upload, save_upload
from handlers.commands import ADMIN_COMMANDS
from handlers.common import origin
from knowledge.errors import RegionbotError
from knowledge.store.engine import session_scope
from knowledge.store.stats import Stats, collect

log = logging.getLogger(__name__)


async def refuse(update: Update, context: BotContext) -> None:
    """Anyone not in ADMIN_IDS: a refusal in private chats, silence in groups, and a log line either way."""
    if (where := origin(update)) is None:
        return
    log.warning("refused %s for user %s in chat %s", "an upload" if where.message.document else where.message.text,
                where.user_id, where.chat.id)
    if where.chat.type == "private" or not where.message.document:
        await where.message.reply_text("抱歉,这个功能只对管理员开放。")


async def reload_command(update: Update, context: BotContext) -> None:
    """Re-ingest KNOWLEDGE_DIR and UPLOAD_DIR atomically and report what changed."""
    if (where := origin(update)) is None:
        return
    await where.message.reply_text("正在重新载入资料……(期间提问照常回答)")
    await context.bot.send_chat_action(where.chat.id, ChatAction.TYPING)
    try:
        report = await asyncio.to_thread(context.services.reload)
    except RegionbotError as exc:
        await where.message.reply_text(f"重新载入失败,原有资料保持不变:{exc.zh}")
        return
    text = "重新载入完成。\n" + "\n".join(report.summary_lines_zh())
    for part in split_message(html.escape(text)):
        await where.message.reply_text(part, parse_mode=ParseMode.HTML)


def _stats(services: Services) -> Stats:
    with session_scope(services.kb.engine) as session:
        return collect(session=session, tz=services.settings.tz, subscribers=services.subscriber_count())


async def stats_command(update: Update, context: BotContext) -> None:
    """Base size, subscribers, questions today, the most frequent unanswered questions, unscheduled rows."""
    if (where := origin(update)) is None:
        return
    services = context.services
    s = await asyncio.to_thread(_stats, services)
    lines = [f"文章 {s.articles} 篇,数据 {s.facts} 条,排名/名单 {s.rankings} 个,说法 {s.claims} 条",
             f"订阅 {s.subscribers} 个", f"今日提问:已回答 {s.answered_today},未能回答 {s.unanswered_today}"]
    if s.top_unanswered:
        lines.append("最常见的未回答问题:")
        lines += [f"{i}. {html.escape(q[:60])} ×{n}" for i, (q, n) in enumerate(s.top_unanswered, 1)]
    if services.bad_subscriptions:
        lines.append(f"无法安排的订阅 {len(services.bad_subscriptions)} 个(启动时跳过):")
        lines += [f"· {html.escape(bad)}" for bad in services.bad_subscriptions[:10]]
    for part in split_message("\n".join(lines)):
        await where.message.reply_text(part, parse_mode=ParseMode.HTML)


async def digest_now_command(update: Update, context: BotContext) -> None:
    """Send today's digest now to every active subscriber who has not had it."""
    if (where := origin(update)) is None:
        return
    services = context.services
    await where.message.reply_text("正在发送今日简报……")
    counts = await broadcast(context.bot, services, now=datetime.now(UTC), stop=services.stopping, wait=5.0)
    if counts["busy"]:
        await where.message.reply_text("另一次简报发送正在进行(可能在另一个进程中),今日简报由它发出,不会重复发送。")
        return
    await where.message.reply_text(
        f"今日简报:发送 {counts['sent']},跳过 {counts['skipped']},失败 {counts['failed']},"
        f"停用 {counts['deactivated']}")


async def upload(update: Update, context: BotContext) -> None:
    """An admin sends .txt/.md/.html: ingest it, keep it in UPLOAD_DIR, report the new facts."""
    if (where := origin(update)) is None or (document := where.message.document) is None:
        return
    services = context.services
    name = document.file_name or "upload.txt"
    limit = services.settings.max_upload_bytes
    try:
        check_upload(name, document.file_size, max_bytes=limit)  # before downloading anything
        await context.bot.send_chat_action(where.chat.id, ChatAction.TYPING)
        data = bytes(await (await document.get_file()).download_as_bytearray())
        summary = await asyncio.to_thread(save_upload, services.kb, services.settings.upload_dir, name, data,
                                          max_bytes=limit, caption=where.message.caption)
    except RegionbotError as exc:
        await where.message.reply_text(f"无法导入 {name}:{exc.zh}。资料库没有任何改动。")
        return
    for part in split_message(html.escape(summary)):
        await where.message.reply_text(part, parse_mode=ParseMode.HTML)


def register(app: AnyApp) -> None:
    admins = services_of(app).admins
    app.add_handler(CommandHandler("reload", reload_command, filters=admins))
    app.add_handler(CommandHandler("stats", stats_command, filters=admins))
    app.add_handler(CommandHandler("digest_now", digest_now_command, filters=admins))
    app.add_handler(CommandHandler(list(ADMIN_COMMANDS), refuse, filters=~admins))
    documents = filters.Document.ALL & filters.UpdateType.MESSAGE
    app.add_handler(MessageHandler(documents & admins, upload))
    app.add_handler(MessageHandler(documents & ~admins, refuse))
