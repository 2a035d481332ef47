"""Thin Telegram handlers, one module per feature; `register_all` orders them, free text last."""

from __future__ import annotations

from bot.services import AnyApp
from handlers import admin, ask, callbacks, errors, guard, other, start, subscribe
from handlers.commands import COMMANDS, bot_commands

__all__ = ["COMMANDS", "bot_commands", "register_all"]


def register_all(app: AnyApp) -> None:
    """The flood guard first (group -1), then unknown buttons, every feature, and free-text questions last."""
    for module in (guard, callbacks, start, subscribe, admin, other, ask):
        module.register(app)
    errors.register(app)
