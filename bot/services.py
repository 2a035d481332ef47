"""What handlers need, exposed as typed properties over `bot_data` (never bare dict keys in handlers)."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from typing import Any, Protocol

from telegram.ext import Application, CallbackContext, ExtBot, filters

from bot.flood import Verdict
from bot.polling import PollingConflicts
from bot.replicas import SharedConversations
from bot.settings import Settings
from knowledge.qa.parse import Conversation
from knowledge.service import Asked, KnowledgeBase
from knowledge.store.ingest import IngestReport, ingest_paths
from knowledge.store.subscriptions import active_count

_SERVICES = "regionbot.services"
AnyApp = Application[Any, Any, Any, Any, Any, Any]
MAX_CONVERSATIONS = 10_000


class Flood(Protocol):
    def check(self, user_id: int) -> Verdict: ...


@dataclass
class Services:
    settings: Settings
    kb: KnowledgeBase
    flood: Flood  # blocking when shared through the database: call from a thread
    conversations: SharedConversations
    polling: PollingConflicts = field(default_factory=PollingConflicts)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)  # set on shutdown: broadcasts wind down
    bad_subscriptions: list[str] = field(default_factory=list)  # rows that could not be scheduled at start
    _reload_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def admins(self) -> filters.User:
        """The one admin check: PTB's user filter over ADMIN_IDS."""
        return filters.User(user_id=self.settings.admin_ids)

    def conversation(self, chat_id: int) -> Conversation | None:
        """The chat's follow-up context, whichever replica stored it (blocking: call from a thread)."""
        return self.conversations.get(chat_id)

    def remember(self, chat_id: int, state: Conversation) -> None:
        """Keep the chat's follow-up context for every replica (blocking: call from a thread)."""
        self.conversations.put(chat_id, state)

    def ask(self, chat_id: int, question: str) -> Asked:
        """Answer in the chat's context and keep the new context (blocking: call from a thread)."""
        asked = self.kb.ask(question, self.conversation(chat_id))
        self.remember(chat_id, asked.state)
        return asked

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
