"""Migration 0004 drops the unused entity.region_code and keeps every company and its mentions."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

from knowledge.store.engine import HEAD_REVISION, current_revision, migrate
from tests.migration_kit import blank as blank  # the fixture: an empty database of each kind
from tests.migration_kit import columns, downgrade, insert_article_with_a_sentence


def _seed_company(engine: Engine) -> None:
    with engine.begin() as conn:
        insert_article_with_a_sentence(conn)
        conn.execute(text("insert into entity (id, kind, name, short, region_code) "
                          "values (1, 'company', '山东某某集团有限公司', '某某集团', '370300')"))
        conn.execute(text("insert into mention (id, entity_id, article_id, sentence_id) values (1, 1, 1, 1)"))


def test_upgrade_drops_region_code_and_keeps_companies_and_mentions(blank: Engine) -> None:
    migrate(blank, "0003")
    _seed_company(blank)
    migrate(blank)
    assert current_revision(blank) == HEAD_REVISION
    assert "region_code" not in columns(blank, "entity")
    with blank.connect() as conn:
        rows = conn.execute(text("select e.name, e.short, m.sentence_id from entity e "
                                 "join mention m on m.entity_id = e.id")).all()
    assert [tuple(r) for r in rows] == [("山东某某集团有限公司", "某某集团", 1)]


def test_downgrade_brings_the_column_back_empty(blank: Engine) -> None:
    migrate(blank)
    downgrade(blank, "0003")
    assert "region_code" in columns(blank, "entity")
    assert current_revision(blank) == "0003"
