"""The `regionbot` command line (typer): ingest, ask, chat, run, digest.

Exit statuses: 0 success; 1 some input was bad but the rest was done; 2 usage or configuration error
(bad arguments, missing or malformed token); 3 the operation failed and nothing was changed.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.settings import get_settings
from knowledge.errors import RegionbotError
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine, migrate
from knowledge.store.ingest import IngestReport, ingest_paths
from knowledge.text.corpus import discover

app = typer.Typer(help="regionbot: figures about Shandong's regional economies, with their sources.",
                  no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log debug output")] = False) -> None:
    """regionbot command line."""
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="files or folders (default: KNOWLEDGE_DIR)")] = None,
    prune: Annotated[bool, typer.Option(help="remove stored articles that are no longer in PATHS")] = False,
) -> None:
    """Ingest articles into the fact base (incremental, atomic)."""
    settings = get_settings()
    targets = paths or [settings.knowledge_dir]
    try:
        total = len(discover(targets))
    except RegionbotError as exc:
        raise _fail(str(exc), 2) from None
    engine = make_engine(settings.database_url)
    migrate(engine)
    gazetteer = Gazetteer.load()
    try:
        report = _ingest_with_progress(targets, total, engine, gazetteer, prune)
    except RegionbotError as exc:
        raise _fail(str(exc), 3) from None
    _print_report(report)
    raise typer.Exit(report.exit_code)


def _ingest_with_progress(targets: list[Path], total: int, engine, gazetteer, prune: bool) -> IngestReport:  # type: ignore[no-untyped-def]
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
    settings = get_settings()
    kb = KnowledgeBase(make_engine(settings.database_url), settings.knowledge_dir)
    try:
        report = kb.start(warm=warm)
    except RegionbotError as exc:
        raise _fail(str(exc), 3) from None
    if report is not None:
        err.print(f"[dim]first use: ingested {len(report.new)} articles from {settings.knowledge_dir}[/dim]")
    return kb


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question, or - to read one question per line from stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object per question")] = False,
) -> None:
    """Answer a question as the bot would (no Telegram needed)."""
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
def chat() -> None:
    """An offline chat that keeps follow-up context: the quickest way to try regionbot."""
    kb = _knowledge_base(warm=True)
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
def run(webhook: Annotated[bool, typer.Option("--webhook", help="use PTB's webhook server (needs WEBHOOK_URL)")]
        = False) -> None:
    """Run the Telegram bot (long polling, or a webhook with --webhook / WEBHOOK_URL)."""
    from pydantic import ValidationError

    from bot.app import run as run_bot

    try:
        settings = get_settings()
        settings.bot_token()
    except ValidationError as exc:
        raise _fail("invalid settings: " + "; ".join(e["msg"] for e in exc.errors()), 2) from None
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    logging.getLogger().setLevel(settings.log_level.upper())
    try:
        run_bot(settings, webhook=webhook)
    except ValueError as exc:
        raise _fail(str(exc), 2) from None


@app.command()
def digest(
    preview: Annotated[bool, typer.Option("--preview", help="print the digest instead of sending it")] = True,
    chat: Annotated[int | None, typer.Option("--chat", help="preview for this chat's subscription")] = None,
    regions: Annotated[list[str] | None, typer.Option("--regions", help="region names (repeatable)")] = None,
) -> None:
    """Print what today's digest would say (for a chat's subscription, or for some regions)."""
    from datetime import UTC, datetime

    from bot.digests import digest_parts
    from knowledge.digest.build import build_digest
    from knowledge.store.engine import session_scope
    from knowledge.store.subscriptions import digest_date, get_subscription

    if not preview:
        raise _fail("digests are sent by the running bot (or an admin's /digest_now); use --preview here", 2)
    settings = get_settings()
    kb = _knowledge_base()
    since, codes = None, []
    if chat is not None:
        with session_scope(kb.engine) as session:
            sub = get_subscription(session=session, chat_id=chat)
        if sub is None:
            raise _fail(f"chat {chat} has no subscription", 2)
        since, codes = sub.last_digest_at or sub.created_at, [c for c in sub.regions.split(",") if c]
    for name in regions or []:
        region = kb.gazetteer.resolve(name)
        if region is None:
            raise _fail(f"unknown region {name!r}", 2)
        codes.append(region.code)
    day = digest_date(datetime.now(UTC), settings.timezone)
    result = build_digest(kb.engine, kb.gazetteer, since=since, regions=codes, day=day,
                          skip_quiet=settings.digest_skip_quiet_days)
    shown = "\n\n".join(digest_parts(result)) if result else "(quiet day: nothing would be sent)"
    console.print(shown, highlight=False, soft_wrap=True)
