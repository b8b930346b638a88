"""The schema: built from empty by the migrations, upgraded from the first, in step with the models."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from afterword.tracker.database import normalise_url, open_database
from afterword.tracker.errors import TrackerError
from afterword.tracker.models import Base
from afterword.tracker.schema import HEAD, KNOWN_REVISIONS, MIGRATIONS
from afterword.tracking import open_tracker


def _upgrade_to(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_migrations_build_the_whole_schema_from_an_empty_database(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        # The models and the newest migration describe the same tables, columns and indexes.
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.engine.dispose()
    assert version == HEAD
    assert tables == {*Base.metadata.tables, "alembic_version"}
    assert differences == []


def test_upgrade_from_the_first_migration_keeps_the_data(database_url: str) -> None:
    _upgrade_to(database_url, KNOWN_REVISIONS[0])
    engine = create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO companies (id, owner, name, name_key, archived) "
                "VALUES (1, 'me', 'Harbourline Ferries', 'harbourline ferries', false)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO applications (id, company_id, role, role_key, stage) "
                "VALUES (1, 1, 'Deckhand', 'deckhand', 'interview')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO rejections (id, application_id, received_on, stage, feedback, "
                "future, suggested_strategy, reply_advised, summary) VALUES (1, 1, :day, "
                "'interview', 'declined', 'kept_on_file', 'future', true, '')"
            ),
            {"day": date(2026, 3, 2)},
        )
        assert not inspect(connection).has_table("profiles")
    engine.dispose()

    tracker = open_tracker(database_url)
    try:
        [rejection] = tracker.rejections()
        assert (rejection.company, rejection.role, rejection.received_on) == (
            "Harbourline Ferries",
            "Deckhand",
            date(2026, 3, 2),
        )
        assert tracker.profile().check_in_days == 90  # the table the second migration added
        tracker.update_profile(check_in_days=60)
        assert tracker.profile().check_in_days == 60
    finally:
        tracker.close()


def test_reopening_an_up_to_date_database_runs_no_migration(database_url: str) -> None:
    open_tracker(database_url).close()
    tracker = open_tracker(database_url)
    tracker.close()
    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


def test_known_revisions_match_the_migration_files() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS))
    assert scripts.get_current_head() == HEAD
    walked = [script.revision for script in scripts.walk_revisions()]
    assert tuple(reversed(walked)) == KNOWN_REVISIONS


def test_a_database_from_a_newer_afterword_is_refused(database_url: str) -> None:
    open_tracker(database_url).close()
    engine = create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(TrackerError, match="newer afterword"):
        open_tracker(database_url)


def test_a_database_of_another_program_is_left_alone(database_url: str) -> None:
    engine = create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key, total integer)"))
    engine.dispose()
    with pytest.raises(TrackerError, match="other tables"):
        open_tracker(database_url)
    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) == {"invoices"}
    engine.dispose()


def test_sqlite_database_is_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.engine.dispose()


def test_due_queries_search_indexes_instead_of_scanning_tables(tmp_path: Path) -> None:
    import sqlite3

    from afterword.tracker import reminders

    path = tmp_path / "a.db"
    open_tracker(f"sqlite:///{path}").close()
    params = {
        "owner": "me",
        "archived": False,
        "since": date(2026, 1, 1),
        "opened_since": date(2026, 1, 1),
        "follow_up_since": date(2026, 3, 1),
    }
    with sqlite3.connect(path) as connection:
        for sql in (reminders.REJECTIONS_SQL, reminders.OPENINGS_SQL, reminders.CHECK_INS_SQL):
            used = {key: value for key, value in params.items() if f":{key}" in sql}
            steps = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, used)]
            assert any(step.startswith("SEARCH") for step in steps)
            assert not [s for s in steps if s.startswith("SCAN") and "INDEX" not in s], steps
