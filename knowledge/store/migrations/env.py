"""Alembic environment: runs migrations on the connection handed in by knowledge.store.engine.migrate()."""

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlmodel import SQLModel

import knowledge.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("no connection was handed in and sqlalchemy.url is not set")
        with create_engine(url).begin() as conn:
            _configure_and_run(conn)
    else:
        _configure_and_run(connection)


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
