"""Bounds that keep the reader's work small whatever it is handed, and the trim that keeps them."""

from __future__ import annotations

import re

__all__ = ["MAX_BYTES", "MAX_PARTS", "MAX_TEXT", "PAYLOAD_KEEP", "is_payload_line", "trim_payloads"]

MAX_TEXT = 200_000
MAX_BYTES = 2_000_000
MAX_PARTS = 200
# Of a long run of base64 lines (an attachment), only this much is kept: enough for any text
# part the reader would look at, so a text part after a big attachment still fits MAX_BYTES.
PAYLOAD_KEEP = MAX_TEXT * 2

_PAYLOAD_LINE = rb"[A-Za-z0-9+/]{40,}={0,2}\r?\n"
_PAYLOAD_RUN = re.compile(rb"(?m)^(?:" + _PAYLOAD_LINE + rb")+")
_ONE_PAYLOAD_LINE = re.compile(_PAYLOAD_LINE)


def is_payload_line(line: bytes) -> bool:
    """Whether a raw line looks like a line of a base64 payload."""
    return _ONE_PAYLOAD_LINE.fullmatch(line) is not None


def trim_payloads(data: bytes) -> bytes:
    """The message with every base64 run cut to its first PAYLOAD_KEEP bytes (whole lines)."""
    pieces = []
    kept_to = 0
    for run in _PAYLOAD_RUN.finditer(data):
        if run.end() - run.start() <= PAYLOAD_KEEP:
            continue
        cut = data.rfind(b"\n", run.start(), run.start() + PAYLOAD_KEEP) + 1
        pieces.append(data[kept_to : cut or run.start()])
        kept_to = run.end()
    if not pieces:
        return data
    pieces.append(data[kept_to:])
    return b"".join(pieces)
