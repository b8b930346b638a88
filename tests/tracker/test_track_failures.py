"""When things go wrong: a damaged or busy database, a full disk, an unreachable server."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from rejection_mail import rejection_email
from sqlalchemy import event
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from afterword.cli import app
from afterword.tracking import TrackerError, open_tracker

DAY = date(2026, 3, 2)


def cli(*args: str):
    return CliRunner().invoke(app, ["track", *args])


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(home: Path) -> None:
    path = home / "afterword.db"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(TrackerError, match="damaged or is not an afterword database"):
        open_tracker(f"sqlite:///{path}")
    for command in (["list"], ["due"], ["add", "--company", "A", "--role", "B"]):
        result = cli(*command, "--database", f"sqlite:///{path}")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_damaged_database_says_so_and_is_not_changed(home: Path) -> None:
    path = home / "afterword.db"
    with open_tracker(f"sqlite:///{path}") as tracker:
        for n in range(40):
            tracker.add_rejection(
                rejection_email(company=f"Company {n}", domain=f"c{n}.example"), today=DAY
            )
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 4096 + data[8192 : len(data) // 2])
    before = path.read_bytes()
    result = cli("list", "--database", f"sqlite:///{path}")
    assert result.exit_code == 2 and "damaged" in result.stderr, result.stderr
    assert path.read_bytes() == before


def test_a_busy_sqlite_database_gives_up_cleanly(home: Path) -> None:
    path = home / "afterword.db"
    url = f"sqlite:///{path}"
    with open_tracker(url) as tracker:
        tracker.add_rejection(rejection_email(), today=DAY)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program is writing and holds the lock
    try:
        with (
            open_tracker(url, lock_timeout=0.2) as tracker,
            pytest.raises(
                TrackerError, match=r"is busy: another program holds it.*nothing was changed"
            ),
        ):
            tracker.add_rejection_fields(company="Northwind", role="Analyst", received=DAY)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_tracker(url) as tracker:
        assert [r.company for r in tracker.rejections()] == ["Harbourline Ferries"]


def test_a_busy_postgresql_table_gives_up_cleanly(postgres) -> None:
    import psycopg

    url = postgres.url(postgres.create_database())
    with open_tracker(url) as tracker:
        tracker.add_rejection(rejection_email(), today=DAY)
    with psycopg.connect("postgresql://" + url.split("://", 1)[1]) as other:
        other.execute("LOCK TABLE companies IN ACCESS EXCLUSIVE MODE")  # held until rollback
        with (
            open_tracker(url, lock_timeout=0.2) as tracker,
            pytest.raises(TrackerError, match="is busy"),
        ):
            tracker.add_rejection_fields(company="Northwind", role="Analyst", received=DAY)
        other.rollback()
    with open_tracker(url) as tracker:
        assert len(tracker.rejections()) == 1


def test_a_full_disk_halfway_through_a_write_changes_nothing(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_tracker(database_url) as tracker:
        tracker.add_rejection(rejection_email(), today=DAY)
        before = tracker.export_json()
        real_flush = Session.flush

        def flush_then_fill_the_disk(self, *args, **kwargs):
            real_flush(self, *args, **kwargs)  # the rows reach the database, uncommitted...
            raise OSError(errno.ENOSPC, "No space left on device")  # ...and then the disk fills

        monkeypatch.setattr(Session, "flush", flush_then_fill_the_disk)
        with pytest.raises(TrackerError, match="the disk is full; nothing was changed"):
            tracker.add_rejection(
                rejection_email(company="Northwind", domain="nw.example"), today=DAY
            )
        with pytest.raises(TrackerError, match="the disk is full"):
            tracker.log_feedback(1, text="Team fit.", received=DAY)
        monkeypatch.setattr(Session, "flush", real_flush)
        assert tracker.export_json() == before


def test_a_sqlite_file_that_cannot_grow_changes_nothing(home: Path) -> None:
    path = home / "afterword.db"
    with open_tracker(f"sqlite:///{path}") as tracker:
        tracker.add_rejection(rejection_email(), today=DAY)
        before = tracker.export_json()
        tracker._db.engine.dispose()

        @event.listens_for(tracker._db.engine, "connect")
        def _no_more_pages(connection, _record) -> None:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")  # what a full disk does

        big = rejection_email(company="Northwind", domain="nw.example") + b"x" * 500_000
        with pytest.raises(TrackerError, match="the disk is full; nothing was changed"):
            tracker.add_rejection(big, today=DAY)
        assert tracker.export_json() == before


def test_an_unreachable_server_is_one_line(home: Path, tmp_path: Path) -> None:
    url = f"postgresql+psycopg://nobody@/afterword?host={tmp_path / 'no-server-here'}"
    result = cli("list", "--database", url)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "cannot reach the database" in result.stderr
    due = cli("due", "--database", url)
    assert due.exit_code == 2 and "cannot reach the database" in due.stderr


def test_a_folder_that_does_not_exist_is_named(home: Path) -> None:
    result = cli("list", "--database", f"sqlite:///{home / 'nowhere' / 'afterword.db'}")
    assert (
        result.exit_code == 2
        and "the folder" in result.stderr
        and "does not exist" in result.stderr
    )
    assert not (home / "nowhere").exists()


def test_an_unknown_kind_of_database_url_is_refused(home: Path) -> None:
    result = cli("list", "--database", "mysql://me@localhost/jobs")
    assert result.exit_code == 2 and "must start with sqlite:/// or postgresql://" in result.stderr


def test_backup_to_a_missing_folder_is_refused_and_writes_nothing(home: Path) -> None:
    url = f"sqlite:///{home / 'afterword.db'}"
    cli("add", "--company", "Alder", "--role", "Chef", "--database", url)
    result = cli("backup", "--out", str(home / "missing" / "copy.db"), "--database", url)
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert sorted(p.name for p in home.iterdir() if p.suffix == ".tmp") == []


def test_backup_is_a_whole_database_that_opens(home: Path) -> None:
    url = f"sqlite:///{home / 'afterword.db'}"
    with open_tracker(url) as tracker:
        tracker.add_rejection(rejection_email(), today=DAY)
        copy = tracker.backup(home / "copy.db")
    shutil.copy(copy, home / "restored.db")
    with open_tracker(f"sqlite:///{home / 'restored.db'}") as restored:
        assert [r.company for r in restored.rejections()] == ["Harbourline Ferries"]
