"""Migration 0004 drops the unused entity.region_code and keeps every company and its mentions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from knowledge.store.engine import HEAD_REVISION, current_revision, make_engine, migrate
from tests.conftest import PG_URL, _postgres_engine


@pytest.fixture(params=["sqlite", "postgres"])
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database with no schema yet: a temp SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    else:
        base = _postgres_engine()
        if base is None:
            pytest.skip("PostgreSQL not reachable")
        schema = f"m_{uuid.uuid4().hex[:12]}"
        with base.begin() as conn:
            conn.execute(text(f'create schema "{schema}"'))
        base.dispose()
        eng = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    yield eng
    eng.dispose()


def _entity_columns(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("entity")}


def _seed_company(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("insert into article (id, source, content_hash, script, encoding, original_text, text, "
                          "ingested_at, updated_at) values (1, 'a.txt', 'h', 'hans', 'utf-8', 'x', 'x', "
                          "'2024-01-01', '2024-01-01')"))
        conn.execute(text("insert into sentence (id, article_id, position, paragraph, text, original) "
                          "values (1, 1, 0, 0, 'x', 'x')"))
        conn.execute(text("insert into entity (id, kind, name, short, region_code) "
                          "values (1, 'company', '山东某某集团有限公司', '某某集团', '370300')"))
        conn.execute(text("insert into mention (id, entity_id, article_id, sentence_id) values (1, 1, 1, 1)"))


def test_upgrade_drops_region_code_and_keeps_companies_and_mentions(blank: Engine) -> None:
    migrate(blank, "0003")
    _seed_company(blank)
    migrate(blank)
    assert current_revision(blank) == HEAD_REVISION
    assert "region_code" not in _entity_columns(blank)
    with blank.connect() as conn:
        rows = conn.execute(text("select e.name, e.short, m.sentence_id from entity e "
                                 "join mention m on m.entity_id = e.id")).all()
    assert [tuple(r) for r in rows] == [("山东某某集团有限公司", "某某集团", 1)]


def test_downgrade_brings_the_column_back_empty(blank: Engine) -> None:
    from alembic import command

    from knowledge.store.engine import alembic_config

    migrate(blank)
    config = alembic_config()
    with blank.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    assert "region_code" in _entity_columns(blank)
    assert current_revision(blank) == "0003"
