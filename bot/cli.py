"""The `regionbot` command line (typer): ingest, ask, chat, run, digest.

Exit statuses: 0 success; 1 some input was bad but the rest was done; 2 usage or configuration error
(bad arguments, missing or malformed token); 3 the operation failed and nothing was changed.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer
from rich.console import Console

from bot.logs import configure_logging
from knowledge.errors import RegionbotError

# The settings, the database and the knowledge base are imported where a command needs them, with the
# collector paused (see _collector_paused): most of a one-shot ask's start is importing them.
if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from bot.settings import Settings
    from knowledge.places.gazetteer import Gazetteer
    from knowledge.qa.parse import Conversation
    from knowledge.service import KnowledgeBase
    from knowledge.store.ingest import IngestReport

# Plain click help: typer's rich help prints "<bool>" beside every flag.
app = typer.Typer(help="regionbot: figures about Shandong's regional economies, with their sources.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)
console = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
_run_state: dict[str, Any] = {"verbose": False, "database_url": None}


EMPTY_QUESTION: dict[str, Any] = {"found": False, "intent": None, "text": "问题是空的。例如:临清上半年生产总值是多少?",
                  "facts": [], "sources": [], "suggestions": []}


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                               help="log debug output; tracebacks with errors")] = False) -> None:
    """regionbot command line."""
    _run_state["verbose"] = verbose
    configure_logging(logging.DEBUG if verbose else logging.WARNING)


def one_line_errors(command: F) -> F:
    """A configuration problem (settings, database) is one line and exit 2; --verbose adds the traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            from bot.problems import config_problem

            problem = config_problem(exc, database_url=_run_state["database_url"])
            if problem is None:
                raise
            if _run_state["verbose"]:
                err.print_exception()
            raise _fail(problem, 2) from None

    return cast(F, wrapper)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the block runs, and what is alive after it frozen out of the collector's
    sight for the rest of the process (gc.freeze).

    What imports and start-up make (modules, classes, the gazetteer, the index: ~100k objects) lives as long
    as a command does, and holds little garbage. Collected meanwhile, or left in view, it is walked by every
    full collection, and by the interpreter's last one at exit: a third of a one-shot ask's 0.8 s. The
    price: a cycle among these objects that later turns to garbage is never freed, and start-up leaves few.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _settings() -> Settings:
    with _collector_paused():
        from bot.settings import get_settings

        settings = get_settings()
    _run_state["database_url"] = settings.database_url
    return settings


@app.command()
@one_line_errors
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="files or folders (default: KNOWLEDGE_DIR)")] = None,
    prune: Annotated[bool, typer.Option(help="remove stored articles that are no longer in PATHS")] = False,
) -> None:
    """Ingest articles into the fact base (incremental, atomic)."""
    from bot.problems import database_label
    from knowledge.places.gazetteer import Gazetteer
    from knowledge.store.engine import make_engine, migrate
    from knowledge.text.corpus import discover

    settings = _settings()
    uploads = [settings.upload_dir] if settings.upload_dir.is_dir() else []
    targets = paths or [settings.knowledge_dir, *uploads]
    try:
        total = len(discover(targets))
    except RegionbotError as exc:
        raise _fail(str(exc), 2) from None
    engine = make_engine(settings.database_url)
    migrate(engine)
    err.print(f"[dim]base: {database_label(settings.database_url)}[/dim]", highlight=False)
    gazetteer = Gazetteer.load()
    try:
        report = _ingest_with_progress(targets, total, engine, gazetteer, prune)
    except RegionbotError as exc:
        raise _fail(str(exc), 3) from None
    _print_report(report)
    raise typer.Exit(report.exit_code)


def _ingest_with_progress(targets: list[Path], total: int, engine: Engine, gazetteer: Gazetteer,
                          prune: bool) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from knowledge.store.ingest import ingest_paths  # the extractors load only when something is ingested

    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    # Refreshed from the ingest's own callback rather than rich's timer thread: a process with one thread
    # may fork its parse workers, which is faster than spawning them (see knowledge.store.ingest).
    with Progress(*columns, console=err, transient=True, disable=total < 20, auto_refresh=False) as progress:
        task = progress.add_task("", total=total)
        shown = [0.0]

        def step(name: str) -> None:
            progress.update(task, advance=1, description=name)
            if (now := time.monotonic()) - shown[0] >= 0.1:
                shown[0] = now
                progress.refresh()

        return ingest_paths(targets, engine=engine, gazetteer=gazetteer, prune=prune, progress=step)


def _print_report(report: IngestReport) -> None:
    for line in report.summary_lines():
        style = "red" if line.startswith("bad file") else ("yellow" if line.startswith("warning") else None)
        console.print(line, style=style, highlight=False, soft_wrap=True)


def _knowledge_base(*, warm: bool = False) -> KnowledgeBase:
    settings = _settings()
    with _collector_paused():
        from knowledge.service import KnowledgeBase
        from knowledge.store.engine import make_engine

        kb = KnowledgeBase(make_engine(settings.database_url), settings.knowledge_dir)
    try:
        report = kb.start(warm=warm)  # collecting as usual: a first use ingests
    except RegionbotError as exc:
        raise _fail(str(exc), 3) from None
    gc.freeze()  # the index and the rest of the start: as above
    if report is not None:  # say where: a relative SQLite path run from another folder makes a second base
        from bot.problems import database_label

        err.print(f"[dim]first use: built {database_label(settings.database_url)} with {len(report.new)} "
                  f"articles from {settings.knowledge_dir}[/dim]", highlight=False)
    return kb


@app.command()
@one_line_errors
def ask(
    question: Annotated[str, typer.Argument(metavar="QUESTION",
                                            help="the question, or - to read one question per line from stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object per question")] = False,
) -> None:
    """Answer a question as the bot would (no Telegram needed)."""
    if not question.strip():
        if as_json:
            sys.stdout.write(json.dumps(EMPTY_QUESTION, ensure_ascii=False) + "\n")
            return
        raise _fail('the question is empty; try: regionbot ask "临清上半年生产总值是多少?"', 2)
    kb = _knowledge_base()
    questions = (line.strip() for line in sys.stdin) if question == "-" else iter([question])
    for text in questions:
        if not text:
            continue
        answer = kb.ask(text).answer
        if as_json:
            sys.stdout.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            console.print(answer.text, highlight=False, soft_wrap=True)


@app.command()
@one_line_errors
def chat() -> None:
    """An offline chat that keeps follow-up context: the quickest way to try regionbot."""
    from bot.problems import database_label

    kb = _knowledge_base(warm=True)
    err.print(f"[dim]base: {database_label(_run_state['database_url'])}[/dim]", highlight=False)
    console.print("regionbot 问答(离线)。输入问题,例如:临清上半年生产总值是多少? 空行或 Ctrl-D 退出。", highlight=False)
    state: Conversation | None = None
    while True:
        try:
            text = console.input("[bold cyan]问> [/bold cyan]")
        except (EOFError, KeyboardInterrupt):
            break
        if not text.strip():
            break
        asked = kb.ask(text, state)
        state = asked.state
        console.print(asked.answer.text, highlight=False, soft_wrap=True)
        if asked.answer.suggestions and not asked.answer.found:
            console.print("[dim]试试:" + " / ".join(asked.answer.suggestions[:3]) + "[/dim]", highlight=False)


@app.command()
@one_line_errors
def run(webhook: Annotated[bool, typer.Option("--webhook", help="use PTB's webhook server (needs WEBHOOK_URL)")]
        = False) -> None:
    """Run the Telegram bot (long polling, or a webhook with --webhook / WEBHOOK_URL)."""
    from telegram.error import InvalidToken

    from bot.app import run as run_bot
    from bot.problems import database_label
    from knowledge.store.engine import make_engine, migrate

    settings = _settings()
    try:
        token = settings.bot_token()
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    configure_logging(logging.DEBUG if _run_state["verbose"] else settings.log_level, secrets=[token, secret])
    migrate(make_engine(settings.database_url))  # a bad database is one line here, before Telegram is tried
    logging.getLogger(__name__).info("base: %s", database_label(settings.database_url))
    try:
        run_bot(settings, webhook=webhook)
    except InvalidToken:
        raise _fail("Telegram rejected TELEGRAM_BOT_TOKEN (revoked, or for another server?)", 2) from None
    except ValueError as exc:
        raise _fail(str(exc), 2) from None


@app.command()
@one_line_errors
def digest(
    names: Annotated[list[str] | None, typer.Argument(metavar="[REGION]...", help="more region names")] = None,
    preview: Annotated[bool, typer.Option("--preview/--no-preview",
                                          help="print the digest (the only mode here; the bot sends)")] = True,
    chat: Annotated[int | None, typer.Option("--chat", help="preview for this chat's subscription")] = None,
    regions: Annotated[list[str] | None, typer.Option("--regions", help="region names, repeatable or "
                                                      "comma-separated: --regions 聊城 淄博, --regions 聊城,淄博")]
    = None,
) -> None:
    """Print what today's digest would say (for a chat's subscription, or for some regions)."""
    from datetime import UTC, datetime

    from bot.digests import digest_parts
    from knowledge.digest.build import build_digest
    from knowledge.store.engine import session_scope
    from knowledge.store.subscriptions import digest_date, get_subscription

    if not preview:
        raise _fail("digests are sent by the running bot (or an admin's /digest_now); use --preview here", 2)
    settings = _settings()
    kb = _knowledge_base()
    since, codes = None, []
    if chat is not None:
        with session_scope(kb.engine) as session:
            sub = get_subscription(session=session, chat_id=chat)
        if sub is None:
            raise _fail(f"chat {chat} has no subscription", 2)
        since, codes = sub.last_digest_at or sub.created_at, [c for c in sub.regions.split(",") if c]
    wanted = [n for value in [*(regions or []), *(names or [])] for n in value.replace("，", ",").split(",")]
    for name in (n.strip() for n in wanted if n.strip()):
        region = kb.gazetteer.resolve(name)
        if region is None:
            raise _fail(f"unknown region {name!r}", 2)
        codes.append(region.code)
    day = digest_date(datetime.now(UTC), settings.timezone)
    result = build_digest(kb.engine, kb.gazetteer, since=since, regions=codes, day=day,
                          skip_quiet=settings.digest_skip_quiet_days)
    shown = "\n\n".join(digest_parts(result)) if result else "(quiet day: nothing would be sent)"
    console.print(shown, highlight=False, soft_wrap=True)
