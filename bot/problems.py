"""Configuration problems as one line each (bad settings, an unusable database), for the CLI's exit status 2."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError


def database_label(url: str) -> str:
    """The database a URL names, password hidden; a SQLite file as its absolute path."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        return f"sqlite:///{Path(parsed.database).expanduser().resolve()}"
    return parsed.render_as_string(hide_password=True)


def config_problem(exc: BaseException, *, database_url: str | None = None) -> str | None:
    """One line saying what is wrong, or None when `exc` is not a configuration problem (a bug)."""
    where = f" ({database_label(database_url)})" if database_url else ""
    if isinstance(exc, ValidationError):
        return "invalid settings: " + "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper() or 'settings'}: {e['msg']}" for e in exc.errors())
    if isinstance(exc, ArgumentError | NoSuchModuleError):
        return f"DATABASE_URL is not a database URL regionbot can use{where}: {_first_line(exc)}"
    if isinstance(exc, ImportError) and database_url:
        return f"DATABASE_URL needs a database driver that is not installed{where}: {exc}"
    if isinstance(exc, DBAPIError):
        return f"cannot use the database{where}: {_first_line(exc.orig) if exc.orig else _first_line(exc)}"
    if isinstance(exc, SQLAlchemyError):
        return f"cannot use the database{where}: {_first_line(exc)}"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else exc.__class__.__name__
