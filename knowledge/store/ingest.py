"""Ingest article files into the fact base: incremental by content hash, atomic, bad files reported.

All files are parsed first; the database is then changed in one transaction, so a failure part-way
leaves the previous fact base exactly as it was.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.context
import os
import threading
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from knowledge.errors import BadArticleError, IngestError, Note, chinese
from knowledge.extract.pipeline import ParsedArticle, parse_article, parse_in_worker, parse_or_error, warm_parser
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import session_scope
from knowledge.store.queries import article_hashes, remove_article, save_articles, sync_regions
from knowledge.store.workers import PARSE_GC_THRESHOLD, init_worker
from knowledge.text.corpus import MAX_ARTICLE_BYTES, ArticleMeta, RawArticle, discover, read_file

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did; `exit_code` follows the CLI's documented statuses."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    bad: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason: a Note)
    warnings: list[str] = field(default_factory=list)  # Notes: English as str, Chinese as .zh
    skipped: list[str] = field(default_factory=list)  # a folder's README/SOURCES-style files, not articles
    added: Counter[str] = field(default_factory=Counter)
    facts_removed: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.new or self.changed or self.removed)

    @property
    def exit_code(self) -> int:
        return 1 if self.bad else 0

    def summary_lines(self) -> list[str]:
        lines = [
            f"articles: {len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed",
            "facts added: " + (", ".join(f"{n} {kind}" for kind, n in sorted(self.added.items())) or "none"),
        ]
        if self.facts_removed:
            lines.append(f"facts removed: {self.facts_removed}")
        lines.extend(f"bad file {name}: {reason}" for name, reason in self.bad)
        if self.skipped:
            lines.append("skipped (documentation, not articles): " + ", ".join(self.skipped))
        lines.extend(f"warning: {w}" for w in self.warnings)
        return lines

    def summary_lines_zh(self) -> list[str]:
        """The same summary in Chinese, for admins in Telegram."""
        added = self.added
        lines = [
            f"文章:新增 {len(self.new)} 篇,更新 {len(self.changed)} 篇,未变 {len(self.unchanged)} 篇,"
            f"移除 {len(self.removed)} 篇",
            f"新增数据:数字 {added['figures']} 条,排名/名单 {added['rankings']} 个(名次 {added['ranking entries']} 条),"
            f"说法 {added['claims']} 条",
        ]
        if self.facts_removed:
            lines.append(f"移除数据:{self.facts_removed} 条")
        lines.extend(f"无法导入 {name}:{chinese(reason)}" for name, reason in self.bad)
        if self.skipped:
            lines.append("已跳过(说明文件,不是文章):" + "、".join(self.skipped))
        lines.extend(f"提醒:{chinese(w)}" for w in self.warnings)
        return lines


Progress = Callable[[str], None]


def ingest_paths(
    paths: Iterable[Path], *, engine: Engine, gazetteer: Gazetteer, prune: bool = False,
    progress: Progress | None = None, max_bytes: int = MAX_ARTICLE_BYTES, workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders. With `prune`, stored articles missing from `paths` are removed.

    Large runs parse in a process pool (one worker per core) while this process writes what is parsed so
    far; the whole write is still one transaction, so a failure part-way changes nothing.
    """
    report = IngestReport()
    skipped: list[Path] = []
    try:
        files = discover(paths, skipped=skipped)
    except BadArticleError as exc:
        raise IngestError(str(exc), zh=exc.zh) from exc
    report.skipped = sorted(p.name for p in skipped)
    with session_scope(engine) as session:
        known = article_hashes(session=session)
    seen: set[str] = set()
    manifests: dict[Path, dict[str, ArticleMeta]] = {}
    todo: list[RawArticle] = []
    taken: dict[str, Path] = {}
    for path in files:
        if (first := taken.setdefault(path.name, path)) != path:
            # an article is known by its file name (answers cite it, the manifest keys on it)
            report.bad.append((path.name, Note(f"{path} has the same file name as {first}, read first; "
                                               "give one of them another name",
                                               f"{path} 与先读到的 {first} 同名,请给其中一个改名")))
            continue
        try:
            raw = read_file(path, manifests=manifests, max_bytes=max_bytes)
        except BadArticleError as exc:
            report.bad.append((path.name, exc.note()))
            seen.add(path.name)  # a bad new version never deletes the good old one
            continue
        seen.add(raw.source)
        if known.get(raw.source) == raw.content_hash:
            report.unchanged.append(raw.source)
            if progress:
                progress(path.name)
        else:
            todo.append(raw)
    stale = sorted(set(known) - seen) if prune else []
    parsing = _parse_all(todo, gazetteer, workers)
    try:
        with _fewer_collections():
            _write(engine, gazetteer, _batches(zip(todo, parsing, strict=True), known, report, progress), stale,
                   report)
    finally:
        parsing.close()  # on a failed write, stop the workers instead of finishing the parse
    return report


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector run less often while articles are parsed and written (workers.PARSE_GC_THRESHOLD);
    the process's own thresholds come back after."""
    before = gc.get_threshold()
    gc.set_threshold(*PARSE_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_BATCH = 500  # articles written per batch while the next are parsed; keeps IN (…) lists under SQLite's 999


def _batches(results: Iterable[tuple[RawArticle, ParsedArticle | BadArticleError]], known: dict[str, str],
             report: IngestReport, progress: Progress | None) -> Iterator[list[ParsedArticle]]:
    batch: list[ParsedArticle] = []
    for raw, result in results:
        if progress:
            progress(raw.source)
        if isinstance(result, BadArticleError):
            report.bad.append((raw.source, result.note()))
            continue
        (report.changed if raw.source in known else report.new).append(raw.source)
        report.warnings.extend(Note(f"{raw.source}: {w}", f"{raw.source}:{chinese(w)}") for w in result.warnings)
        batch.append(result)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


_PARALLEL_FROM = 200


def _parse_all(todo: list[RawArticle], gazetteer: Gazetteer,
               workers: int | None) -> Generator[ParsedArticle | BadArticleError, None, None]:
    count = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if count <= 1 or len(todo) < _PARALLEL_FROM:
        yield from (parse_or_error(raw, gazetteer) for raw in todo)
        return
    context = _start_method()
    if context.get_start_method() == "fork":
        warm_parser()  # loaded once here, not once in every worker
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=init_worker)
    try:
        yield from pool.map(parse_in_worker, todo, chunksize=32)
    except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): the run is abandoned
        raise IngestError("a parsing process stopped unexpectedly (out of memory?); nothing was changed",
                          zh="解析进程意外退出(内存不足?),资料库没有任何改动") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method() -> multiprocessing.context.BaseContext:
    """fork where it is safe (a process with one thread: the CLI), else spawn (the bot's reload thread).

    Forking a process that runs other threads can copy a lock another thread holds and hang the child.
    """
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def ingest_bytes(
    name: str, data: bytes, *, engine: Engine, gazetteer: Gazetteer, meta: ArticleMeta | None = None,
) -> tuple[IngestReport, ParsedArticle | None]:
    """Ingest one uploaded file held in memory (used by the bot's admin upload)."""
    report = IngestReport()
    raw = RawArticle(name, data, meta or ArticleMeta())
    with session_scope(engine) as session:
        known = article_hashes(session=session)
    if known.get(name) == raw.content_hash:
        report.unchanged.append(name)
        return report, None
    article = parse_article(raw, gazetteer)  # BadArticleError propagates to the caller
    (report.changed if name in known else report.new).append(name)
    report.warnings.extend(article.warnings)
    _write(engine, gazetteer, [[article]], [], report)
    return report, article


def _write(engine: Engine, gazetteer: Gazetteer, batches: Iterable[list[ParsedArticle]], stale: list[str],
           report: IngestReport) -> None:
    """One transaction for the whole run; batches are written as they arrive (parsing goes on meanwhile)."""
    try:
        with session_scope(engine) as session:
            sync_regions(session=session, gazetteer=gazetteer)
            for parsed in batches:
                replacing = set(report.changed)
                for article in parsed:
                    if article.source in replacing:
                        report.facts_removed += remove_article(session=session, source=article.source)
                save_articles(session=session, parsed=parsed)
                for article in parsed:
                    report.added["figures"] += len(article.facts)
                    report.added["rankings"] += len(article.rankings)
                    report.added["ranking entries"] += sum(len(r.entries) for r in article.rankings)
                    report.added["claims"] += len(article.claims)
            for source in stale:
                report.facts_removed += remove_article(session=session, source=source)
                report.removed.append(source)
    except SQLAlchemyError as exc:
        log.error("ingest transaction failed (%s); the previous fact base is kept", exc.__class__.__name__)
        log.debug("ingest failure details", exc_info=True)
        raise IngestError(f"the database rejected the ingest ({exc.__class__.__name__}); nothing was changed",
                          zh=f"数据库拒绝了这次导入({exc.__class__.__name__}),资料库没有任何改动") from exc
