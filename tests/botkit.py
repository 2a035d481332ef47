"""Starting the real bot against the fake Bot API server, for end-to-end tests and benchmarks."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from knowledge.text.corpus import BUNDLED_DIR
from tests.fakes.botapi import FakeBotAPI, SentMessage

TOKEN = "123456789:AAHfakeTokenForRegionbotTests_0123456"
ADMIN = 4242


@dataclass
class Running:
    fake: FakeBotAPI
    app: Application  # type: ignore[type-arg]
    settings: Settings


def make_settings(fake_url: str, tmp: Path, **overrides: object) -> Settings:
    knowledge = tmp / "articles"
    if not knowledge.exists():
        shutil.copytree(BUNDLED_DIR, knowledge)
    values: dict[str, object] = {
        "telegram_bot_token": TOKEN, "telegram_api_base_url": fake_url, "admin_ids": str(ADMIN),
        "database_url": f"sqlite:///{tmp / 'bot.db'}", "knowledge_dir": knowledge, "upload_dir": tmp / "uploads",
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def button(message: SentMessage, text: str) -> str:
    """The callback data of the button labelled `text` (opaque ids: the bot uses arbitrary_callback_data)."""
    return next(b["callback_data"] for b in message.buttons if b.get("text") == text)


@asynccontextmanager
async def running_bot(tmp: Path, **overrides: object) -> AsyncIterator[Running]:
    """A fake server plus the real Application polling it; everything stopped afterwards."""
    async with FakeBotAPI() as fake:
        settings = make_settings(fake.url, tmp, **overrides)
        app = build_application(settings)
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield Running(fake, app, settings)
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
