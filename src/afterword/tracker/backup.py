"""A copy of the database that is whole even while afterword is writing to it."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from afterword.tracker.database import Database
from afterword.tracker.errors import TrackerError


def backup_name(database: Database, now: datetime) -> str:
    """A dated file name whose suffix says what the backup holds: a .db file or a .json export."""
    suffix = ".db" if database.dialect == "sqlite" else ".json"
    return f"afterword-backup-{now:%Y-%m-%d-%H%M%S}{suffix}"


def backup(database: Database, destination: Path, export: Callable[[], dict[str, Any]]) -> Path:
    """SQLite: a consistent copy of the file. PostgreSQL: the user's data as a JSON export."""
    destination = Path(destination).expanduser()
    folder = destination.parent
    if not folder.is_dir():
        raise TrackerError(f"cannot write the backup: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{destination.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if database.dialect == "sqlite":
            raw = database.engine.raw_connection()
            try:
                # VACUUM INTO copies one consistent snapshot, WAL included, and compacts it.
                raw.driver_connection.execute("VACUUM INTO ?", (temporary,))
            finally:
                raw.close()
        else:
            data = json.dumps(export(), ensure_ascii=False, indent=1).encode("utf-8")
            with open(temporary, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, destination)
    except TrackerError:
        Path(temporary).unlink(missing_ok=True)
        raise
    except Exception as error:
        Path(temporary).unlink(missing_ok=True)
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
        raise TrackerError(f"could not write the backup {destination}: {reason}") from None
    return destination
