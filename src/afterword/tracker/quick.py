"""`afterword track due` without SQLAlchemy: the same statements on the bare driver.

Used only when the database is already at the newest schema; anything else (a new file, an
older schema, an error) returns None and the caller opens the full Tracker, which migrates
or explains the problem in one line.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from afterword.tracker import policy, reminders
from afterword.tracker.schema import HEAD


def due(url: str, *, owner: str, now: datetime) -> list[policy.DueItem] | None:
    """The due list, or None when the fast way does not apply."""
    if url.startswith("sqlite:///"):
        return _sqlite(url, owner, now)
    if url.startswith(("postgresql", "postgres:")):
        return _postgresql(url, owner, now)
    return None


def _compute(execute, owner: str, now: datetime) -> list[policy.DueItem] | None:
    version = execute("SELECT version_num FROM alembic_version", {})
    if not version or version[0][0] != HEAD:
        return None
    facts, openings, last, timing = reminders.load(execute, owner=owner, today=now.date())
    return policy.due(facts, openings, last, now=now, timing=timing)


def _sqlite(url: str, owner: str, now: datetime) -> list[policy.DueItem] | None:
    import sqlite3

    path, _, query = url[len("sqlite:///") :].partition("?")
    if not path or query or not Path(path).is_file():
        return None
    try:
        connection = sqlite3.connect(path, timeout=15)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only = ON")
        return _compute(lambda sql, params: connection.execute(sql, params).fetchall(), owner, now)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _postgresql(url: str, owner: str, now: datetime) -> list[policy.DueItem] | None:
    try:
        import psycopg
    except ImportError:
        return None
    rest = url.partition("://")[2]
    try:
        with psycopg.connect("postgresql://" + rest) as connection:
            connection.read_only = True

            def execute(sql, params):
                return connection.execute(reminders.pyformat(sql), params).fetchall()

            return _compute(execute, owner, now)
    except psycopg.Error:
        return None
