"""Open the database, bring its schema to the newest migration, and run safe transactions."""

from __future__ import annotations

import errno
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.schema import HEAD, KNOWN_REVISIONS, MIGRATIONS

T = TypeVar("T")
WRITE_ATTEMPTS = 5
# Any constant will do: it only has to be the same for every afterword process.
MIGRATION_LOCK = 0x61667465


def normalise_url(url: str) -> str:
    """PostgreSQL goes through psycopg 3, whichever way the URL names it."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def where(url: str) -> str:
    """The database as a person would name it: a file path, or the server without password."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :].split("?")[0] or "memory"
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparseable URL is reported as given
        return url


def create(url: str, *, lock_timeout: float = 15.0) -> Engine:
    """An engine with SQLite's WAL mode, foreign keys and busy timeout, or psycopg 3."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": lock_timeout})

        @event.listens_for(engine, "connect")
        def _sqlite_settings(dbapi_connection, _record) -> None:
            # SQLAlchemy's own BEGIN (below) replaces the driver's, so writes can take the
            # lock up front: two writers never deadlock upgrading a read lock.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection) -> None:
            immediate = connection.get_execution_options().get("afterword_write", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    if url.startswith("postgresql"):
        # A row or table another program holds makes us wait this long, then give up cleanly.
        options = f"-c lock_timeout={int(lock_timeout * 1000)}"
        return create_engine(url, pool_pre_ping=True, connect_args={"options": options})
    raise TrackerError(
        "the database URL must start with sqlite:/// or postgresql://, "
        f"not {url.split(':', 1)[0]!r}"
    )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration, once, even with several processes at it."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    writer = engine.execution_options(afterword_write=True)
    with writer.connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        found = _revision(connection)
        if found == HEAD:
            return
        if found is None and _foreign_tables(connection):
            raise TrackerError(
                "this database holds other tables, not afterword's; give afterword its own "
                "database or file"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        revision = _revision(connection)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise TrackerError(
            "this database was made by a newer afterword; update afterword to open it"
        )
    return revision


def _revision(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _foreign_tables(connection) -> list[str]:
    return [name for name in inspect(connection).get_table_names() if name != "alembic_version"]


class Database:
    """Transactions that either finish whole or change nothing, with one-line errors."""

    def __init__(self, engine: Engine, place: str) -> None:
        self.engine = engine
        self.place = place
        self._writer = engine.execution_options(afterword_write=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def read(self, work: Callable[[Session], T]) -> T:
        """Run a read-only unit of work."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return work(session)
        except TrackerError:
            raise
        except (SQLAlchemyError, OSError) as error:
            raise TrackerError(self.explain(error, writing=False)) from None

    def write(self, work: Callable[[Session], T], *, owner: str = "") -> T:
        """Run a unit of work in one transaction, retried when another writer raced it.

        One owner's writes take turns, as SQLite's BEGIN IMMEDIATE makes every write do:
        two processes filing the same recruiter at once then find, not duplicate, each
        other's rows. Different owners on PostgreSQL still write side by side.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with Session(self._writer, expire_on_commit=False) as session, session.begin():
                    if self.dialect == "postgresql":
                        key = zlib.crc32(owner.encode("utf-8"))
                        session.execute(
                            text("SELECT pg_advisory_xact_lock(:a, :b)"),
                            {"a": MIGRATION_LOCK, "b": key - 2**31},
                        )
                    return work(session)
            except TrackerError:
                raise
            except (IntegrityError, OperationalError) as error:
                # Two processes creating the same company at once, or a PostgreSQL
                # deadlock or serialisation failure: the loser starts over and finds the
                # winner's rows. A real conflict still fails on the last attempt.
                if attempt + 1 < WRITE_ATTEMPTS and _retryable(error):
                    continue
                raise TrackerError(self.explain(error, writing=True)) from None
            except (SQLAlchemyError, OSError) as error:
                raise TrackerError(self.explain(error, writing=True)) from None
        raise AssertionError("unreachable")

    def explain(self, error: BaseException, *, writing: bool) -> str:
        """One line that says what went wrong and that nothing was changed."""
        unchanged = "; nothing was changed" if writing else ""
        cause = error.orig if isinstance(error, DBAPIError) and error.orig else error
        message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
        lowered = message.lower()
        if (
            isinstance(cause, OSError) and cause.errno == errno.ENOSPC
        ) or "disk is full" in lowered:
            return f"could not save to {self.place}: the disk is full{unchanged}"
        if isinstance(cause, OSError):
            return f"could not use {self.place}: {cause.strerror or message}{unchanged}"
        if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
            return (
                f"{self.place} is busy: another program holds it; try again in a moment" + unchanged
            )
        if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
            return (
                f"{self.place} is damaged or is not an afterword database; "
                "restore a backup (afterword track backup makes one)"
            )
        if "unable to open" in lowered:
            return f"cannot open {self.place}: check that its folder exists and is writable"
        if "readonly" in lowered or "read-only" in lowered:
            return f"cannot write to {self.place}: it is read-only{unchanged}"
        if isinstance(error, IntegrityError):
            return f"could not save: it conflicts with what is already on file{unchanged}"
        if "connection" in lowered or "server" in lowered or "could not" in lowered:
            return f"cannot reach the database at {self.place}: {message}"
        return f"the database at {self.place} failed: {message}{unchanged}"


def _retryable(error: SQLAlchemyError) -> bool:
    if isinstance(error, IntegrityError):
        return True
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    return code in {"40001", "40P01"}  # serialization failure, deadlock detected


def open_database(url: str, *, lock_timeout: float = 15.0) -> Database:
    """Connect, check the file is ours, and migrate to the newest schema."""
    place = where(url)
    if url.startswith("sqlite:///") and place != "memory":
        folder = Path(place).expanduser().parent
        if not folder.is_dir():
            raise TrackerError(f"cannot open {place}: the folder {folder} does not exist")
    engine = create(url, lock_timeout=lock_timeout)
    database = Database(engine, place)
    try:
        upgrade(engine)
    except TrackerError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as error:
        engine.dispose()
        raise TrackerError(database.explain(error, writing=False)) from None
    return database
