"""Write the user's files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from afterword.cli.inputs import InputError


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write to a temporary file beside the target, then rename it into place.

    A crash, a full disk or Ctrl-C leaves either the old file or the new one, never half.
    """
    target = Path(path)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    return target
