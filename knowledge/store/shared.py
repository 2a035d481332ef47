"""State that replicas share through the database: follow-up context, flood counts and button keyboards.

Each function is one short statement or transaction, so any process on the same database sees the others' writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from knowledge.store.models import CallbackKeyboard, ConversationState, FloodCount, utcnow

# Core tables: typed columns for SQLAlchemy's select/where (the SQLModel attributes type as plain values).
_CONV = ConversationState.__table__  # type: ignore[attr-defined]
_FLOOD = FloodCount.__table__  # type: ignore[attr-defined]
_KEYS = CallbackKeyboard.__table__  # type: ignore[attr-defined]


def _upsert(engine: Engine) -> Callable[[Table], Any]:
    """The dialect's INSERT … ON CONFLICT builder (both SQLite and PostgreSQL spell it the same way)."""
    return postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert


def save_conversation(*, engine: Engine, chat_id: int, state: str, now: datetime | None = None) -> None:
    """Store (or replace) a chat's follow-up context, as the JSON the caller made of it."""
    moment = now or utcnow()
    statement = _upsert(engine)(_CONV).values(chat_id=chat_id, state=state, updated_at=moment)
    statement = statement.on_conflict_do_update(index_elements=["chat_id"],
                                                set_={"state": state, "updated_at": moment})
    with engine.begin() as conn:
        conn.execute(statement)


def load_conversation(*, engine: Engine, chat_id: int) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(_CONV.c.state).where(_CONV.c.chat_id == chat_id)).scalar()


def prune_conversations(*, engine: Engine, keep: int) -> int:
    """Forget all but the `keep` chats seen most recently; how many were forgotten."""
    with engine.begin() as conn:
        total = conn.execute(select(func.count()).select_from(_CONV)).scalar_one()
        if total <= keep:
            return 0
        cutoff = conn.execute(select(_CONV.c.updated_at).order_by(_CONV.c.updated_at.desc())
                              .offset(keep).limit(1)).scalar_one()
        return conn.execute(delete(_CONV).where(_CONV.c.updated_at <= cutoff)).rowcount


def count_update(*, engine: Engine, user_id: int, minute: int) -> int:
    """Count one update of `user_id` in `minute` (whole minutes since the epoch) and return that minute's total."""
    statement = _upsert(engine)(_FLOOD).values(user_id=user_id, minute=minute, count=1)
    statement = statement.on_conflict_do_update(index_elements=["user_id", "minute"],
                                                set_={"count": _FLOOD.c.count + 1})
    with engine.begin() as conn:
        return int(conn.execute(statement.returning(_FLOOD.c.count)).scalar_one())


def prune_flood_counts(*, engine: Engine, before_minute: int) -> int:
    with engine.begin() as conn:
        return conn.execute(delete(_FLOOD).where(_FLOOD.c.minute < before_minute)).rowcount


def put_keyboard(*, engine: Engine, keyboard_uuid: str, data: bytes) -> None:
    with engine.begin() as conn:
        conn.execute(_KEYS.insert().values(
            keyboard_uuid=keyboard_uuid, data=data, created_at=utcnow()))


def get_keyboard(*, engine: Engine, keyboard_uuid: str) -> bytes | None:
    with engine.connect() as conn:
        return conn.execute(select(_KEYS.c.data)
                            .where(_KEYS.c.keyboard_uuid == keyboard_uuid)).scalar()


def drop_keyboards(*, engine: Engine, keyboard_uuid: str | None = None, older_than: timedelta | None = None) -> int:
    """Delete one keyboard, those older than `older_than`, or (with neither) all of them."""
    statement = delete(_KEYS)
    if keyboard_uuid is not None:
        statement = statement.where(_KEYS.c.keyboard_uuid == keyboard_uuid)
    if older_than is not None:
        statement = statement.where(_KEYS.c.created_at < utcnow() - older_than)
    with engine.begin() as conn:
        return conn.execute(statement).rowcount


def keep_newest_keyboards(*, engine: Engine, keep: int) -> int:
    """Drop all but the newest `keep` keyboards (their buttons then answer as expired)."""
    with engine.begin() as conn:
        newest = conn.execute(select(_KEYS.c.id).order_by(_KEYS.c.id.desc())
                              .offset(keep).limit(1)).scalar()
        if newest is None:
            return 0
        return conn.execute(delete(_KEYS).where(_KEYS.c.id <= newest)).rowcount


def keyboard_uuids(*, engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(_KEYS.c.keyboard_uuid)).scalars())
