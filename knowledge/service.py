"""The knowledge base as a service: ingest on first use, build the index, answer questions, swap on reload.

Questions asked while a reload is running are answered from the old index; the new one replaces it in
a single assignment when it is complete. The base's version (article count and newest change) is checked
at most once a second before a question, so articles ingested by another process (a CLI ingest, another
replica's upload or reload) are seen without a restart.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from knowledge.extract.metrics import surfaces
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.answer import Answer
from knowledge.qa.index import Index, build_index
from knowledge.qa.parse import Conversation, parse_question, remember
from knowledge.qa.registry import Answerer
from knowledge.qa.suggest import MAX_EXAMPLES, candidate_questions
from knowledge.store.engine import migrate
from knowledge.store.models import Article
from knowledge.text.normalize import to_traditional
from knowledge.text.segment import add_words

if TYPE_CHECKING:
    from knowledge.store.ingest import IngestReport

FRESHNESS_SECONDS = 1.0


def base_version(engine: Engine) -> tuple[int, datetime | None]:
    """What changes whenever an ingest adds, replaces or prunes an article: a count and the newest change."""
    with Session(engine) as session:
        count, newest = session.exec(select(func.count(col(Article.id)), func.max(col(Article.updated_at)))).one()
    return int(count), newest


@dataclass(frozen=True, slots=True)
class Asked:
    answer: Answer
    state: Conversation
    latency_ms: float


class KnowledgeBase:
    """Owns the engine, the gazetteer and the current index."""

    def __init__(self, engine: Engine, knowledge_dir: Path, *, gazetteer: Gazetteer | None = None) -> None:
        self.engine = engine
        self.knowledge_dir = knowledge_dir
        self.gazetteer = gazetteer or Gazetteer.load()
        self._answerer = Answerer(Index(), self.gazetteer)
        self._reload_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._version: tuple[int, datetime | None] | None = None
        self._checked_at = 0.0
        self.freshness_seconds = FRESHNESS_SECONDS

    @property
    def index(self) -> Index:
        return self._answerer.index

    def start(self, *, warm: bool = True) -> IngestReport | None:
        """Migrate, ingest the corpus if the base is empty, warm jieba and build the index.

        `warm` also builds the typo/pinyin tables and the example questions now (the bot does; a one-shot
        `ask` need not: they are made when first needed).
        """
        migrate(self.engine)
        report = None
        with Session(self.engine) as session:
            empty = session.exec(select(Article.id).limit(1)).first() is None
        if empty:
            from knowledge.store.ingest import ingest_paths  # the extractors load only when something is ingested

            report = ingest_paths([self.knowledge_dir], engine=self.engine, gazetteer=self.gazetteer)
        self.refresh(warm=warm, examples=warm)
        if warm:
            self.gazetteer.suggest("预热")  # builds the pinyin and typo tables now, not on a user's question
        return report

    def refresh(self, *, warm: bool = True, examples: bool = True) -> Index:
        """Build a new index from the database and swap it in atomically.

        `warm` also loads jieba and builds the topic postings now; otherwise the first topic question does.
        `examples` makes the example questions now; otherwise the first answer that shows them does.
        """
        self._version, self._checked_at = base_version(self.engine), time.monotonic()
        index = build_index(self.engine, version=self.index.version + 1)

        def warm_dictionary() -> None:
            self._warm_dictionary()
            add_words(name for name in index.companies if len(name) <= 20)

        index.warm_hook = warm_dictionary
        if warm:
            index.ensure_postings()
        answerer = Answerer(index, self.gazetteer)
        index.examples_source = lambda: self._answerable(answerer, candidate_questions(index, self.gazetteer))
        if examples:  # asking each candidate takes most of a second: not on a user's /start
            index.ensure_examples()
        self._answerer = answerer
        return index

    @property
    def examples(self) -> list[str]:
        """Example questions about what the base holds, each one checked to be answered."""
        return self.index.examples

    def _answerable(self, answerer: Answerer, questions: list[str]) -> list[str]:
        kept = []
        for question in questions:
            query = parse_question(question, gazetteer=self.gazetteer, index=answerer.index)
            if answerer.answer(query).found:
                kept.append(question)
            if len(kept) == MAX_EXAMPLES:
                break
        return kept

    def reload(self) -> IngestReport:
        """Re-ingest the knowledge folder (removing articles that left it) and swap the index."""
        from knowledge.store.ingest import ingest_paths

        with self._reload_lock:
            report = ingest_paths([self.knowledge_dir], engine=self.engine, gazetteer=self.gazetteer, prune=True)
            if report.touched:
                self.refresh(warm=True)
            return report

    def ask(self, question: str, state: Conversation | None = None) -> Asked:
        """Answer one question; `state` carries the conversation for follow-ups."""
        started = time.perf_counter()
        self._catch_up()
        answerer = self._answerer  # one consistent index for the whole question
        query = parse_question(question, gazetteer=self.gazetteer, index=answerer.index, state=state)
        answer = answerer.answer(query)
        if query.script == "hant":
            answer.text = to_traditional(answer.text)
        return Asked(answer, remember(query, answer, state), (time.perf_counter() - started) * 1000)

    def _catch_up(self) -> None:
        """Rebuild the index when another process changed the base; one rebuild at a time, others go on."""
        now = time.monotonic()
        if now - self._checked_at < self.freshness_seconds or self._reload_lock.locked():
            return
        self._checked_at = now
        if not self._refresh_lock.acquire(blocking=False):
            return
        try:
            if base_version(self.engine) != self._version:
                self.refresh(warm=False)
        finally:
            self._refresh_lock.release()

    def _warm_dictionary(self) -> None:
        """Regions and metric names stay whole tokens (周村区, 规上工业增加值)."""
        add_words(w for w in [form for form, _ in self.gazetteer.surfaces()] + surfaces() if len(w) <= 20)
