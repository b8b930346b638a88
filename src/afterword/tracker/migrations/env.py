"""Alembic environment: migrations run on the connection the tracker hands over."""

from __future__ import annotations

from alembic import context

from afterword.tracker.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` from the command line, for writing a new migration
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
