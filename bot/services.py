"""What handlers need, exposed as typed properties over `bot_data` (never bare dict keys in handlers)."""

from __future__ import annotations

import asyncio
import itertools
from collections import OrderedDict
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext, ExtBot

from bot.flood import FloodGuard
from bot.settings import Settings
from knowledge.qa.answer import Answer
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.subscriptions import active_count

_SERVICES = "regionbot.services"


@dataclass(slots=True)
class AnswerCache:
    """Recent answers by a short key, so inline buttons (≤ 64 bytes of callback data) can refer to them."""

    size: int = 2000
    _items: OrderedDict[str, Answer] = field(default_factory=OrderedDict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def put(self, answer: Answer) -> str:
        key = format(next(self._ids), "x")
        self._items[key] = answer
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Answer | None:
        return self._items.get(key)


@dataclass(slots=True)
class Services:
    settings: Settings
    kb: KnowledgeBase
    flood: FloodGuard
    answers: AnswerCache = field(default_factory=AnswerCache)
    conversations: dict[int, Conversation] = field(default_factory=dict)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)  # set on shutdown: broadcasts wind down

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_ids

    def subscriber_count(self) -> int:
        """Active digest subscriptions."""
        return active_count(self.kb.engine)


def attach(app: Application, services: Services) -> None:  # type: ignore[type-arg]
    app.bot_data[_SERVICES] = services


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):  # type: ignore[type-arg]
    """The handlers' context type: `context.services` instead of `context.bot_data[...]`."""

    @property
    def services(self) -> Services:
        return self.bot_data[_SERVICES]
