"""What handlers need, exposed as typed properties over `bot_data` (never bare dict keys in handlers)."""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, filters

from bot.flood import FloodGuard
from bot.settings import Settings
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.ingest import IngestReport, ingest_paths
from knowledge.store.subscriptions import active_count

_SERVICES = "regionbot.services"
AnyApp = Application[Any, Any, Any, Any, Any, Any]
MAX_CONVERSATIONS = 10_000


@dataclass
class Services:
    settings: Settings
    kb: KnowledgeBase
    flood: FloodGuard
    conversations: OrderedDict[int, Conversation] = field(default_factory=OrderedDict)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)  # set on shutdown: broadcasts wind down
    bad_subscriptions: list[str] = field(default_factory=list)  # rows that could not be scheduled at start
    _reload_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def admins(self) -> filters.User:
        """The one admin check: PTB's user filter over ADMIN_IDS."""
        return filters.User(user_id=self.settings.admin_ids)

    def conversation(self, chat_id: int) -> Conversation | None:
        return self.conversations.get(chat_id)

    def remember(self, chat_id: int, state: Conversation) -> None:
        """Keep the chat's follow-up context; the chat idle longest is forgotten first."""
        self.conversations[chat_id] = state
        self.conversations.move_to_end(chat_id)
        while len(self.conversations) > MAX_CONVERSATIONS:
            self.conversations.popitem(last=False)

    def subscriber_count(self) -> int:
        """Active digest subscriptions (blocking: call from a thread)."""
        return active_count(self.kb.engine)

    def folders(self) -> list[Any]:
        """What /reload and a first start read: the corpus folder, and the upload folder once it exists."""
        upload = self.settings.upload_dir
        return [self.kb.knowledge_dir, *([upload] if upload.is_dir() else [])]

    def reload(self) -> IngestReport:
        """Re-ingest both folders atomically (removing articles that left them) and swap the index (blocking)."""
        with self._reload_lock:
            report = ingest_paths(self.folders(), engine=self.kb.engine, gazetteer=self.kb.gazetteer, prune=True)
            if report.touched:
                self.kb.refresh(warm=True)
            return report


def attach(app: AnyApp, services: Services) -> None:
    app.bot_data[_SERVICES] = services


def services_of(app: AnyApp) -> Services:
    services: Services = app.bot_data[_SERVICES]
    return services


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The handlers' context type: `context.services` instead of `context.bot_data[...]`."""

    @property
    def services(self) -> Services:
        services: Services = self.bot_data[_SERVICES]
        return services
