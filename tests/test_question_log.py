"""Issue 9 (11): the question log is written on SQLite and on PostgreSQL, whose text columns refuse NUL."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.app import build_application
from knowledge.service import KnowledgeBase
from knowledge.store.models import QuestionLog
from tests.botkit import make_settings
from tests.fakes.botapi import FakeBotAPI

USER = 1001
QUESTIONS = ("临清\x00上半年生产总值是多少?", "\x00\x00冠县排第几\x00")


def _logged(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(QuestionLog.question).order_by(QuestionLog.id)).all())


async def test_questions_with_nul_are_answered_and_logged_on_each_database(engine: Engine, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake:
        settings = make_settings(fake.url, tmp_path)
        # the bot on the fixture's database (a throwaway PostgreSQL schema, or SQLite)
        app = build_application(settings, kb=KnowledgeBase(engine, settings.knowledge_dir))
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            replies = []
            for question in QUESTIONS:
                mark = fake.mark()
                fake.send_text(USER, question)
                [reply] = await fake.wait_for_message(USER, since=mark, timeout=20)
                replies.append(reply.text)
            for _ in range(200):  # the log is written off the event loop, after the reply
                if len(rows := await asyncio.to_thread(_logged, engine)) == len(QUESTIONS):
                    break
                await asyncio.sleep(0.05)
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
    assert "140.08" in replies[0] and "第2名" in replies[1]
    assert rows == ["临清上半年生产总值是多少?", "冠县排第几"]
