"""/subscribe, /unsubscribe, /subscription (with buttons); every database call runs off the event loop."""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.digests import schedule
from bot.services import AnyApp, BotContext, Services
from handlers.callbacks import SubscriptionButton
from handlers.common import Origin, origin
from knowledge.errors import UsageError
from knowledge.places.gazetteer import Region
from knowledge.store.engine import session_scope
from knowledge.store.models import Subscription
from knowledge.store.subscriptions import (
    SubscribeRequest,
    get_subscription,
    is_valid_send_time,
    parse_subscribe_args,
    subscribe,
    unsubscribe,
)

log = logging.getLogger(__name__)
USAGE = "用法:/subscribe [HH:MM] [地区 …],例如 /subscribe 07:30 聊城 淄博(时间默认 {time},{tz})"
TIME_CHOICES = ("07:00", "08:00", "12:00", "18:00", "21:00")


async def _may_change(where: Origin, context: BotContext) -> bool:
    """Private chats: always. Groups: only the group's administrators."""
    if where.chat.type == "private":
        return True
    if where.user is not None:
        member = await context.bot.get_chat_member(where.chat.id, where.user.id)
        if member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
            return True
    await where.message.reply_text("只有群管理员可以修改本群的订阅。")
    return False


def _store(services: Services, chat_id: int, chat_type: str, request: SubscribeRequest) -> Subscription:
    with session_scope(services.kb.engine) as session:
        return subscribe(session=session, chat_id=chat_id, chat_type=chat_type, request=request,
                         tz=services.settings.timezone)


def _stop(services: Services, chat_id: int) -> tuple[bool, Subscription | None]:
    with session_scope(services.kb.engine) as session:
        stopped = unsubscribe(session=session, chat_id=chat_id)
        return stopped, get_subscription(session=session, chat_id=chat_id)


def _current(services: Services, chat_id: int) -> Subscription | None:
    with session_scope(services.kb.engine) as session:
        return get_subscription(session=session, chat_id=chat_id)


def _regions(services: Services, sub: Subscription | None) -> tuple[Region, ...]:
    """The subscription's regions that the gazetteer still knows."""
    found = []
    for code in (sub.regions.split(",") if sub else []):
        try:
            found.append(services.kb.gazetteer.get(code))
        except KeyError:
            continue  # empty, or a code the gazetteer no longer has
    return tuple(found)


async def subscribe_command(update: Update, context: BotContext) -> None:
    """Subscribe this chat (or update its time and regions)."""
    if (where := origin(update)) is None:
        return
    services = context.services
    settings = services.settings
    try:
        request = parse_subscribe_args(context.args or [], default_time=settings.digest_time,
                                       gazetteer=services.kb.gazetteer)
    except UsageError as exc:
        await where.message.reply_text(f"{exc}\n" + USAGE.format(time=settings.digest_time, tz=settings.timezone))
        return
    if await _may_change(where, context):
        await _save(where, context, request)


async def _save(where: Origin, context: BotContext, request: SubscribeRequest) -> None:
    services = context.services
    try:
        sub = await asyncio.to_thread(_store, services, where.chat.id, where.chat.type, request)
    except UsageError as exc:
        await where.message.reply_text(str(exc))
        return
    schedule(context.application, sub)
    regions = "、".join(r.name for r in request.regions) or "全部地区"
    await where.message.reply_text(
        f"已订阅每日简报:每天 {sub.send_time}({sub.timezone}),范围:{regions}。\n"
        "查看或修改:/subscription;退订:/unsubscribe")


async def unsubscribe_command(update: Update, context: BotContext) -> None:
    """Stop this chat's digest."""
    if (where := origin(update)) is not None and await _may_change(where, context):
        await _unsubscribe(where, context)


async def _unsubscribe(where: Origin, context: BotContext) -> None:
    stopped, sub = await asyncio.to_thread(_stop, context.services, where.chat.id)
    if sub is not None:
        schedule(context.application, sub)
    await where.message.reply_text("已退订每日简报。" if stopped else "本聊天没有订阅每日简报。")


async def subscription_command(update: Update, context: BotContext) -> None:
    """Show the current settings with buttons to change the time or stop."""
    if (where := origin(update)) is None:
        return
    services = context.services
    sub = await asyncio.to_thread(_current, services, where.chat.id)
    if sub is None or not sub.active:
        await where.message.reply_text("本聊天还没有订阅。发送 /subscribe 订阅每日简报。")
        return
    names = [region.name for region in _regions(services, sub)]
    text = (f"<b>每日简报</b>\n时间:{html.escape(sub.send_time)}({html.escape(sub.timezone)})\n"
            f"地区:{html.escape('、'.join(names) or '全部地区')}")
    rows = [[InlineKeyboardButton(t, callback_data=SubscriptionButton("time", t)) for t in TIME_CHOICES],
            [InlineKeyboardButton("退订", callback_data=SubscriptionButton("stop"))]]
    await where.message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=InlineKeyboardMarkup(rows))


async def subscription_button(update: Update, context: BotContext) -> None:
    """Buttons under /subscription: a new time, or stop. The payload is checked before anything is stored."""
    query = update.callback_query
    if query is None or not isinstance(query.data, SubscriptionButton):
        return
    button = query.data
    if button.action == "time" and not is_valid_send_time(button.send_time):
        await query.answer("这个按钮无效。")
        return
    await query.answer()
    if (where := origin(update)) is None or not await _may_change(where, context):
        return
    if button.action == "stop":
        await _unsubscribe(where, context)
        return
    services = context.services
    sub = await asyncio.to_thread(_current, services, where.chat.id)
    await _save(where, context, SubscribeRequest(button.send_time, _regions(services, sub)))


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("subscribe", subscribe_command))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe_command))
    app.add_handler(CommandHandler("subscription", subscription_command))
    app.add_handler(CallbackQueryHandler(subscription_button, pattern=SubscriptionButton))
