"""/subscribe, /unsubscribe, /subscription (with buttons) and the admin's /digest_now."""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.digests import broadcast, schedule
from bot.services import BotContext
from knowledge.errors import UsageError
from knowledge.store.engine import session_scope
from knowledge.store.subscriptions import (
    SubscribeRequest,
    get_subscription,
    parse_subscribe_args,
    subscribe,
    unsubscribe,
)

log = logging.getLogger(__name__)
USAGE = "用法:/subscribe [HH:MM] [地区 …],例如 /subscribe 07:30 聊城 淄博(时间默认 {time},{tz})"
TIME_CHOICES = ("07:00", "08:00", "12:00", "18:00", "21:00")


async def _may_change(update: Update, context: BotContext) -> bool:
    """Private chats: always. Groups: only the group's administrators."""
    chat, user = update.effective_chat, update.effective_user
    if chat.type == "private":
        return True
    member = await context.bot.get_chat_member(chat.id, user.id)
    if member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
        return True
    await update.effective_message.reply_text("只有群管理员可以修改本群的订阅。")
    return False


async def subscribe_command(update: Update, context: BotContext) -> None:
    """Subscribe this chat (or update its time and regions)."""
    services = context.services
    settings = services.settings
    try:
        request = parse_subscribe_args(context.args or [], default_time=settings.digest_time,
                                       gazetteer=services.kb.gazetteer)
    except UsageError as exc:
        await update.effective_message.reply_text(f"{exc}\n" + USAGE.format(time=settings.digest_time,
                                                                              tz=settings.timezone))
        return
    if not await _may_change(update, context):
        return
    await _save(update, context, request)


async def _save(update: Update, context: BotContext, request: SubscribeRequest) -> None:
    services = context.services
    chat = update.effective_chat
    with session_scope(services.kb.engine) as session:
        sub = subscribe(session=session, chat_id=chat.id, chat_type=chat.type, request=request,
                        tz=services.settings.timezone)
    schedule(context.application, sub)
    regions = "、".join(r.name for r in request.regions) or "全部地区"
    await update.effective_message.reply_text(
        f"已订阅每日简报:每天 {sub.send_time}({sub.timezone}),范围:{regions}。\n"
        "查看或修改:/subscription;退订:/unsubscribe")


async def unsubscribe_command(update: Update, context: BotContext) -> None:
    """Stop this chat's digest."""
    if not await _may_change(update, context):
        return
    services = context.services
    with session_scope(services.kb.engine) as session:
        stopped = unsubscribe(session=session, chat_id=update.effective_chat.id)
        sub = get_subscription(session=session, chat_id=update.effective_chat.id)
    if sub is not None:
        schedule(context.application, sub)
    await update.effective_message.reply_text("已退订每日简报。" if stopped else "本聊天没有订阅每日简报。")


async def subscription_command(update: Update, context: BotContext) -> None:
    """Show the current settings with buttons to change the time or stop."""
    services = context.services
    with session_scope(services.kb.engine) as session:
        sub = get_subscription(session=session, chat_id=update.effective_chat.id)
    if sub is None or not sub.active:
        await update.effective_message.reply_text("本聊天还没有订阅。发送 /subscribe 订阅每日简报。")
        return
    names = [services.kb.gazetteer.get(c).name for c in sub.regions.split(",") if c]
    text = (f"<b>每日简报</b>\n时间:{sub.send_time}({html.escape(sub.timezone)})\n"
            f"地区:{html.escape('、'.join(names) or '全部地区')}")
    rows = [[InlineKeyboardButton(t, callback_data=f"sub:time:{t}") for t in TIME_CHOICES],
            [InlineKeyboardButton("退订", callback_data="sub:stop")]]
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML,
                                              reply_markup=InlineKeyboardMarkup(rows))


async def subscription_button(update: Update, context: BotContext) -> None:
    """Buttons under /subscription: a new time, or stop."""
    query = update.callback_query
    await query.answer()
    if not await _may_change(update, context):
        return
    services = context.services
    if query.data == "sub:stop":
        await unsubscribe_command(update, context)
        return
    send_time = (query.data or "").removeprefix("sub:time:")
    with session_scope(services.kb.engine) as session:
        sub = get_subscription(session=session, chat_id=update.effective_chat.id)
    regions = tuple(services.kb.gazetteer.get(c) for c in (sub.regions.split(",") if sub else []) if c)
    await _save(update, context, SubscribeRequest(send_time, regions))


async def digest_now_command(update: Update, context: BotContext) -> None:
    """Admin: send today's digest now to every active subscriber who has not had it."""
    services = context.services
    user = update.effective_user
    if not services.is_admin(user.id if user else None):
        log.warning("refused /digest_now for user %s", user.id if user else None)
        await update.effective_message.reply_text("抱歉,这个命令只对管理员开放。")
        return
    await update.effective_message.reply_text("正在发送今日简报……")
    counts = await broadcast(context.bot, services, now=datetime.now(UTC), stop=services.stopping)
    await update.effective_message.reply_text(
        f"今日简报:发送 {counts['sent']},跳过 {counts['skipped']},失败 {counts['failed']},"
        f"停用 {counts['deactivated']}")


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("subscribe", subscribe_command))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe_command))
    app.add_handler(CommandHandler("subscription", subscription_command))
    app.add_handler(CommandHandler("digest_now", digest_now_command))
    app.add_handler(CallbackQueryHandler(subscription_button, pattern=r"^sub:"))
