"""Thin Telegram handlers, one module per feature; `register_all` orders them, free text last."""

from __future__ import annotations

from telegram import BotCommand
from telegram.ext import Application

from handlers import admin, ask, errors, other, start, subscribe

# Every command the bot answers; /help and set_my_commands are both built from this list.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "开始使用,看示例问题"),
    ("help", "命令和示例"),
    ("ask", "提问(群聊中使用),例如 /ask 临清上半年生产总值"),
    ("subscribe", "订阅每日简报:/subscribe [HH:MM] [地区 …]"),
    ("unsubscribe", "退订每日简报"),
    ("subscription", "查看或修改订阅"),
    ("reload", "管理员:重新载入资料库"),
    ("stats", "管理员:统计信息"),
    ("digest_now", "管理员:立即发送今日简报"),
)


def bot_commands() -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in COMMANDS]


def register_all(app: Application) -> None:  # type: ignore[type-arg]
    """Register every feature; the catch-all free-text question handler goes last."""
    for module in (start, subscribe, admin, other, ask):
        module.register(app)
    errors.register(app)
