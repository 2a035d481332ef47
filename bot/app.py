"""Building the PTB Application: settings → services → handlers, rate limiter, start-up and shutdown."""

from __future__ import annotations

import asyncio
import logging
import secrets

from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import AIORateLimiter, Application, ContextTypes

from bot.digests import schedule_all
from bot.flood import SharedFloodGuard
from bot.replicas import SharedConversations, share_keyboards
from bot.services import MAX_CONVERSATIONS, AnyApp, BotContext, Services, attach, services_of
from bot.settings import Settings
from bot.wire import SanitizingRequest
from handlers import bot_commands, register_all
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine

log = logging.getLogger(__name__)

# Keyboards whose buttons still work (older ones answer "已过期"): PTB keeps each keyboard's buttons and
# each pressed query's data, so memory grows with this until the cache is full.
CALLBACK_CACHE = 1024
CONNECT_BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)


def build_application(settings: Settings, *, kb: KnowledgeBase | None = None) -> AnyApp:
    """A ready-to-run Application; the knowledge base is started in post_init, before any update."""
    token = settings.bot_token()
    builder = (
        Application.builder()
        .token(token)
        .context_types(ContextTypes(context=BotContext))
        .rate_limiter(AIORateLimiter(max_retries=3))
        # Buttons carry objects kept in memory, so forged or guessed callback data resolves to nothing.
        .arbitrary_callback_data(CALLBACK_CACHE)
        .get_updates_request(SanitizingRequest(connection_pool_size=1))
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_stop(_post_stop)
    )
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    app = builder.build()
    knowledge = kb or KnowledgeBase(make_engine(settings.database_url), settings.knowledge_dir)
    # Follow-ups, flood counts and buttons live in the database, so any replica can take any update.
    engine = knowledge.engine
    share_keyboards(app.bot, engine, CALLBACK_CACHE)
    flood = SharedFloodGuard(engine, limit=settings.flood_limit_per_minute)
    attach(app, Services(settings, knowledge, flood, SharedConversations(engine, keep=MAX_CONVERSATIONS)))
    register_all(app)
    return app


async def _post_init(app: AnyApp) -> None:
    """Ingest if empty, warm jieba, build the index, then register the command list and the digest jobs."""
    services = services_of(app)
    report = await asyncio.to_thread(services.kb.start)
    if report is not None:
        log.info("first start: ingested %d articles", len(report.new))
        if len(services.folders()) > 1:  # an empty base: admin uploads come back too
            await asyncio.to_thread(services.reload)
    await app.bot.set_my_commands(bot_commands())
    jobs = await schedule_all(app)
    log.info("digest jobs scheduled: %d", jobs)
    log.info("ready: %d facts, %d rankings", len(services.kb.index.facts), len(services.kb.index.rankings))


async def _post_stop(app: AnyApp) -> None:
    """Let a broadcast in flight finish what it has started and start nothing new."""
    services_of(app).stopping.set()


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or a fresh random one: webhook mode never runs without a secret."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    log.info("WEBHOOK_SECRET is not set: using a random secret for this run (registered with setWebhook)")
    return secrets.token_urlsafe(32)


async def wait_for_telegram(settings: Settings, *, backoff: tuple[float, ...] = CONNECT_BACKOFF) -> None:
    """Call getMe until Telegram answers, one log line per failed attempt; InvalidToken is raised at once."""
    base = (settings.telegram_api_base_url or "https://api.telegram.org").rstrip("/")
    attempt = 0
    while True:
        attempt += 1
        try:
            async with Bot(settings.bot_token(), base_url=f"{base}/bot") as bot:
                await bot.get_me()
            return
        except InvalidToken:
            raise
        except NetworkError as exc:
            delay = backoff[min(attempt - 1, len(backoff) - 1)]
            log.warning("Telegram unreachable (attempt %d: %s); retrying in %.0f s", attempt, exc, delay)
            await asyncio.sleep(delay)


def run(settings: Settings, *, webhook: bool = False) -> None:
    """Run until SIGINT/SIGTERM: long polling, or PTB's webhook server when asked to."""
    if webhook and not settings.webhook_url:
        raise ValueError("--webhook needs WEBHOOK_URL (the public https URL Telegram should call)")
    # PTB's run_* methods use the current event loop: probe on that same loop rather than asyncio.run's own.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(wait_for_telegram(settings))
    app = build_application(settings)
    if settings.webhook_url:
        app.run_webhook(
            listen=settings.webhook_listen, port=settings.webhook_port, url_path="telegram",
            webhook_url=settings.webhook_url.rstrip("/") + "/telegram", secret_token=webhook_secret(settings),
            allowed_updates=Update.ALL_TYPES, drop_pending_updates=False,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)
