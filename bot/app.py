"""Building the PTB Application: settings → services → handlers, rate limiter, start-up and shutdown."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import AIORateLimiter, Application, ContextTypes

from bot.digests import schedule_all
from bot.flood import FloodGuard
from bot.services import BotContext, Services, attach
from bot.settings import Settings
from handlers import bot_commands, register_all
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine

log = logging.getLogger(__name__)


def build_application(settings: Settings, *, kb: KnowledgeBase | None = None) -> Application:  # type: ignore[type-arg]
    """A ready-to-run Application; the knowledge base is started in post_init, before any update."""
    token = settings.bot_token()
    builder = (
        Application.builder()
        .token(token)
        .context_types(ContextTypes(context=BotContext))
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_stop(_post_stop)
    )
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    app = builder.build()
    knowledge = kb or KnowledgeBase(make_engine(settings.database_url), settings.knowledge_dir)
    attach(app, Services(settings, knowledge, FloodGuard(limit=settings.flood_limit_per_minute)))
    register_all(app)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    """Ingest if empty, warm jieba, build the index, then register the command list."""
    services: Services = app.bot_data["regionbot.services"]
    report = await asyncio.to_thread(services.kb.start)
    if report is not None:
        log.info("first start: ingested %d articles", len(report.new))
    await app.bot.set_my_commands(bot_commands())
    jobs = schedule_all(app)
    log.info("digest jobs scheduled: %d", jobs)
    log.info("ready: %d facts, %d rankings", len(services.kb.index.facts), len(services.kb.index.rankings))


async def _post_stop(app: Application) -> None:  # type: ignore[type-arg]
    """Let a broadcast in flight finish what it has started and start nothing new."""
    app.bot_data["regionbot.services"].stopping.set()


def run(settings: Settings, *, webhook: bool = False) -> None:
    """Run until SIGINT/SIGTERM: long polling, or PTB's webhook server when asked to."""
    app = build_application(settings)
    if webhook or settings.webhook_url:
        if not settings.webhook_url:
            raise ValueError("--webhook needs WEBHOOK_URL (the public https URL Telegram should call)")
        app.run_webhook(
            listen=settings.webhook_listen, port=settings.webhook_port, url_path="telegram",
            webhook_url=settings.webhook_url.rstrip("/") + "/telegram",
            secret_token=settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
            allowed_updates=Update.ALL_TYPES, drop_pending_updates=False,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)
