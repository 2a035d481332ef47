"""Project-wide checks: style, and settings documented in .env.example."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).parents[1]

def test_ruff_is_clean():
    """The project keeps ruff's checks clean (pyproject.toml [tool.ruff])."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_every_setting_is_documented_in_env_example():
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z_]+)=", (ROOT / ".env.example").read_text("utf-8"), re.M))
    assert {name.upper() for name in Settings.model_fields} <= documented


def test_head_revision_constant_matches_alembic():
    from alembic.script import ScriptDirectory

    from knowledge.store.engine import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrated_schema_matches_the_models(engine):
    """Alembic's autogenerate finds nothing to add: the migrations and the SQLModel tables agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import knowledge.store.models  # noqa: F401

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
