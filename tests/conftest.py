"""Shared fixtures: a fresh database per test (SQLite, and PostgreSQL when reachable) and the gazetteer."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import make_engine, migrate

SEEDS = Path(__file__).resolve().parents[1] / "knowledge" / "articles"
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_engine() -> Engine | None:
    engine = make_engine(PG_URL)
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except Exception:
        engine.dispose()
        return None
    return engine


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database: a temp SQLite file, or a throwaway schema in PostgreSQL."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        migrate(eng)
        yield eng
        eng.dispose()
        return
    with throwaway_schema("t") as schema:
        eng = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        migrate(eng)
        try:
            yield eng
        finally:
            eng.dispose()


@contextmanager
def throwaway_schema(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL schema's name, dropped after; the test is skipped when PostgreSQL is unreachable,
    or fails when REGIONBOT_REQUIRE_POSTGRES says it must be there."""
    base = _postgres_engine()
    if base is None:
        if os.environ.get("REGIONBOT_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here but {PG_URL} is unreachable")
        pytest.skip("PostgreSQL not reachable")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with base.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    base.dispose()
    try:
        yield schema
    finally:
        cleanup = make_engine(PG_URL)
        with cleanup.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        cleanup.dispose()


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus: third-party text read in place. Skipped when absent locally, required in CI."""
    if not CORPUS.is_dir():
        if os.environ.get("REGIONBOT_REQUIRE_CORPUS"):
            pytest.fail(f"the development corpus is required here but {CORPUS} is missing")
        pytest.skip("../shared/corpus not present")
    return CORPUS
