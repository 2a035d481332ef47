"""Stored claims keep the scope and period they were extracted with (migration 0007), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge.store.engine import current_revision, migrate
from knowledge.store.ingest import ingest_paths
from knowledge.store.models import Claim
from tests.test_migrations import blank as blank  # the fixture: an empty database of each kind

ARTICLE = "2023年,潍坊市实现地区生产总值7600亿元,增长6.0%,总量居全省第4位。\n"


def _claim_columns(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("claim")}


def test_a_stored_claim_keeps_its_scope_and_period(engine, gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "潍坊市2023年经济运行.txt"
    path.write_text(f"潍坊市2023年经济运行\n\n{ARTICLE}", encoding="utf-8")
    ingest_paths([path], engine=engine, gazetteer=gazetteer)
    with Session(engine) as s:
        claim = s.exec(select(Claim).where(Claim.position == 4)).one()
    assert (claim.subject, claim.scope, claim.scope_name, claim.period_label) == ("潍坊市", "全省", "山东省", "2023")


def test_upgrade_adds_the_columns_and_keeps_older_claims(blank: Engine) -> None:
    migrate(blank, "0006")
    with blank.begin() as conn:
        conn.execute(text("insert into article (id, source, content_hash, script, encoding, original_text, text, "
                          "ingested_at, updated_at) values (1, 'a.txt', 'h', 'hans', 'utf-8', 'x', 'x', "
                          "'2024-01-01', '2024-01-01')"))
        conn.execute(text("insert into sentence (id, article_id, position, paragraph, text, original) "
                          "values (1, 1, 0, 0, 'x', 'x')"))
        conn.execute(text("insert into claim (id, subject, subject_kind, claim, position, article_id, sentence_id, "
                          "created_at) values (1, '潍坊市', 'region', '全省第4位', 4, 1, 1, '2024-01-01')"))
    assert "period_label" not in _claim_columns(blank)
    migrate(blank)
    assert current_revision(blank) == "0007"
    assert {"scope_name", "period_label"} <= _claim_columns(blank)
    with blank.connect() as conn:
        rows = conn.execute(text("select subject, position, scope_name, period_label from claim")).all()
    assert [tuple(r) for r in rows] == [("潍坊市", 4, None, None)]


def test_downgrade_drops_the_columns(blank: Engine) -> None:
    from alembic import command

    from knowledge.store.engine import alembic_config

    migrate(blank)
    config = alembic_config()
    with blank.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    assert not {"scope_name", "period_label"} & _claim_columns(blank)
    assert current_revision(blank) == "0006"
