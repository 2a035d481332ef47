"""What inline buttons carry (PTB's arbitrary_callback_data keeps these objects; Telegram sees only ids).

A forged, guessed, empty or stale button resolves to InvalidCallbackData (or nothing) and gets a short
answer, so the spinner always stops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.services import AnyApp, BotContext
from knowledge.qa.answer import Answer


@dataclass(frozen=True, slots=True)
class AskButton:
    """Ask this question (examples under /start, related questions)."""

    question: str


@dataclass(frozen=True, slots=True)
class SourcesButton:
    answer: Answer


@dataclass(frozen=True, slots=True)
class RelatedButton:
    answer: Answer


@dataclass(frozen=True, slots=True)
class SubscriptionButton:
    action: Literal["time", "stop"]
    send_time: str = ""


async def expired(update: Update, context: BotContext) -> None:
    """A button this process did not make (forged, or from before a restart): say so, stop the spinner."""
    if update.callback_query is not None:
        await update.callback_query.answer("这个按钮已过期,请重新提问或发送 /start。")


BUTTONS = (AskButton, SourcesButton, RelatedButton, SubscriptionButton)


def not_ours(data: object) -> bool:
    """Callback data that is none of our buttons: InvalidCallbackData, or anything else."""
    return not isinstance(data, BUTTONS)


def register(app: AnyApp) -> None:
    """Registered before the features: PTB hands a query with empty data to the first callback handler."""
    app.add_handler(CallbackQueryHandler(expired, pattern=not_ours))
