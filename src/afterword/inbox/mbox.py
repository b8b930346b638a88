"""Raw lines of a mail file -> one message's bytes at a time, with memory bounded per message.

An mbox folder starts each message with a 'From ' line (RFC 4155) and quotes body lines
that start with 'From ' as '>From ' (mboxrd), which is undone here. Long base64 runs
(attachments) are trimmed as they stream past, and a message keeps at most MAX_BYTES, so
a message of any size costs the same small amount of memory. Pure: lines in, bytes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from afterword.inbox.limits import MAX_BYTES, PAYLOAD_KEEP, is_payload_line

__all__ = ["gather_message", "split_mbox"]

# A separator line carries a sender and a date with a time and a year, so a body line that
# merely starts with 'From ' (left unquoted by a careless writer) does not split a message.
_SEPARATOR = re.compile(rb"From \S*\s.*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}\b")
_QUOTED_FROM = re.compile(rb">+From ")


class _Message:
    """One message being collected: trims payload runs and stops growing at MAX_BYTES."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.size = 0
        self.run = 0

    def add(self, line: bytes) -> None:
        if is_payload_line(line):
            self.run += len(line)
            if self.run > PAYLOAD_KEEP:
                return
        else:
            self.run = 0
        if self.size + len(line) <= MAX_BYTES:
            self.lines.append(line)
            self.size += len(line)

    def data(self) -> bytes:
        return b"".join(self.lines)


def gather_message(lines: Iterable[bytes]) -> bytes:
    """A single message's bytes from its lines, trimmed the same way as in an mbox."""
    message = _Message()
    for line in lines:
        message.add(line)
    return message.data()


def split_mbox(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Each message of an mbox folder, in order, as its own bytes (without the 'From ' line).

    ``lines`` are raw lines with their line endings; an over-long line may come in pieces,
    and only a piece that starts a line can be a separator.
    """
    message: _Message | None = None
    at_line_start = True
    for line in lines:
        starts_line = at_line_start
        at_line_start = line.endswith(b"\n")
        if starts_line and line.startswith(b"From ") and _SEPARATOR.match(line):
            if message is not None:
                yield _without_final_blank(message.data())
            message = _Message()
            continue
        if starts_line and _QUOTED_FROM.match(line):
            line = line[1:]
        if message is None:
            if not line.strip():
                continue
            message = _Message()  # text before the first separator: read it as a message
        message.add(line)
    if message is not None:
        yield _without_final_blank(message.data())


def _without_final_blank(data: bytes) -> bytes:
    # The blank line before the next separator belongs to the folder, not to the message.
    if data.endswith(b"\r\n\r\n"):
        return data[:-2]
    if data.endswith(b"\n\n"):
        return data[:-1]
    return data
