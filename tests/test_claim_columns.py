"""Stored claims keep the scope and period they were extracted with (migration 0007), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge.store.engine import current_revision, migrate
from knowledge.store.ingest import ingest_paths
from knowledge.store.models import Claim
from tests.migration_kit import blank as blank  # the fixture: an empty database of each kind
from tests.migration_kit import columns, downgrade, insert_article_with_a_sentence

ARTICLE = "2023年,潍坊市实现地区生产总值7600亿元,增长6.0%,总量居全省第4位。\n"


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
        insert_article_with_a_sentence(conn)
        conn.execute(text("insert into claim (id, subject, subject_kind, claim, position, article_id, sentence_id, "
                          "created_at) values (1, '潍坊市', 'region', '全省第4位', 4, 1, 1, '2024-01-01')"))
    assert "period_label" not in columns(blank, "claim")
    migrate(blank)
    assert current_revision(blank) == "0007"
    assert {"scope_name", "period_label"} <= columns(blank, "claim")
    with blank.connect() as conn:
        rows = conn.execute(text("select subject, position, scope_name, period_label from claim")).all()
    assert [tuple(r) for r in rows] == [("潍坊市", 4, None, None)]


def test_downgrade_drops_the_columns(blank: Engine) -> None:
    migrate(blank)
    downgrade(blank, "0006")
    assert not {"scope_name", "period_label"} & columns(blank, "claim")
    assert current_revision(blank) == "0006"
