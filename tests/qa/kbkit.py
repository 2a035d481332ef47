"""A knowledge base built from short articles written for a test, and the answer body without its quote."""

from __future__ import annotations

from pathlib import Path

from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine


def base_from(folder: Path, articles: dict[str, str]) -> KnowledgeBase:
    """Write `articles` (file name → text) into `folder`/articles and start a base on a fresh SQLite file."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    base = KnowledgeBase(make_engine(f"sqlite:///{folder / 'kb.db'}"), folder / "articles")
    base.start(warm=False)
    return base


def body(text: str) -> str:
    """The answer itself: everything before the quoted source."""
    return text.split("\n来源")[0]
