"""What inline buttons carry (PTB's arbitrary_callback_data keeps these objects; Telegram sees only ids).

A forged, guessed, empty or stale button resolves to InvalidCallbackData (or nothing) and gets a short
answer, so the spinner always stops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.render import SOURCE_KEYS, SourceCard
from bot.services import AnyApp, BotContext
from knowledge.qa.answer import Answer


@dataclass(frozen=True, slots=True)
class AskButton:
    """Ask this question (examples under /start, related questions)."""

    question: str


# The cache keeps every button of its last keyboards: a button holds only what pressing it shows, never
# the whole answer (its facts, text and sources would be kept alive for thousands of keyboards).
@dataclass(frozen=True, slots=True)
class SourcesButton:
    """来源: the answer's sources, each cut to what the sources message shows."""

    sources: tuple[SourceCard, ...]

    @classmethod
    def of(cls, answer: Answer) -> SourcesButton:
        return cls(tuple(tuple((k, str(v)) for k in SOURCE_KEYS if (v := src.get(k))) for src in answer.sources))


@dataclass(frozen=True, slots=True)
class RelatedButton:
    """相关: the related questions."""

    questions: tuple[str, ...]

    @classmethod
    def of(cls, answer: Answer, limit: int = 5) -> RelatedButton:
        return cls(tuple(answer.suggestions[:limit]))


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
