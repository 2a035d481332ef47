"""What the migration tests share: an empty database of each kind, a stored article with one sentence, the
columns of a table, and a downgrade to a revision."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine

from knowledge.store.engine import make_engine
from tests.conftest import PG_URL, throwaway_schema


@pytest.fixture(params=["sqlite", "postgres"])
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database with no schema yet: a temp SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
        yield eng
        eng.dispose()
        return
    with throwaway_schema("m") as schema:
        eng = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        try:
            yield eng
        finally:
            eng.dispose()


def columns(engine: Engine, table: str) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def insert_article_with_a_sentence(conn: Connection) -> None:
    """Article 1 with its sentence 1, as rows of any revision since 0001 hold them."""
    conn.execute(text("insert into article (id, source, content_hash, script, encoding, original_text, text, "
                      "ingested_at, updated_at) values (1, 'a.txt', 'h', 'hans', 'utf-8', 'x', 'x', "
                      "'2024-01-01', '2024-01-01')"))
    conn.execute(text("insert into sentence (id, article_id, position, paragraph, text, original) "
                      "values (1, 1, 0, 0, 'x', 'x')"))


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    from knowledge.store.engine import alembic_config

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
