"""The command list: /help and set_my_commands are both built from it (its own module, so no cycle)."""

from __future__ import annotations

from telegram import BotCommand

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
ADMIN_COMMANDS = ("reload", "stats", "digest_now")


def bot_commands() -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in COMMANDS]
