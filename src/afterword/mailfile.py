"""Mail files as people save them (.eml, .mbox, Outlook .msg): the I/O the pure reader leaves out.

The pure reader (afterword.inbox) takes bytes and text. This module tells the kinds of file
apart by their first bytes, streams big files line by line so an mbox folder of any size
reads in bounded memory, and turns an Outlook .msg (read with extract-msg, imported only
when one arrives) into the same Email an .eml gives.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from email.message import Message
from email.utils import format_datetime
from typing import Any, BinaryIO

from afterword.inbox import Email, parse_email, parse_parts, parse_pasted
from afterword.inbox.mbox import gather_message

__all__ = [
    "MailFileError",
    "MailStream",
    "email_from_msg",
    "email_from_outlook",
    "load_email",
    "sniff",
]

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
HEAD_BYTES = 8192
MAX_PASTED_BYTES = 1_000_000
# extract-msg needs the whole compound file in memory; Outlook itself caps a message near this.
MAX_MSG_BYTES = 100_000_000
_EMAIL_HEAD = re.compile(
    rb"^(?:from|to|subject|date|received|return-path|delivered-to|message-id|mime-version|"
    rb"x-[\w-]+|reply-to|sender|content-type|dkim-signature|arc-[\w-]+|authentication-results)"
    rb"[ \t]*:",
    re.I | re.M,
)
_MBOX_START = re.compile(rb"From \S*\s.*\d{1,2}:\d{2}.*\d{4}")
_HEADERS = (
    "From",
    "To",
    "Reply-To",
    "Subject",
    "Date",
    "Message-ID",
    "Auto-Submitted",
    "Precedence",
)


class MailFileError(Exception):
    """A mail file that cannot be read; the message is the one line the user will see."""


def sniff(head: bytes, name: str = "") -> str:
    """What the first bytes are: 'msg', 'mbox', 'eml', 'text', 'binary' or 'empty'."""
    if not head or head.isspace():
        return "empty"
    if head.startswith(OLE_MAGIC):
        return "msg"
    if (head.startswith(b"From ") and _MBOX_START.match(head)) or name.lower().endswith(".mbox"):
        return "mbox"
    if _looks_binary(head):
        return "binary"
    start = head.lstrip()[:2048]
    if len(_EMAIL_HEAD.findall(start)) >= 2 or start.lower().startswith(b"mime-version:"):
        return "eml"
    return "text"


def _looks_binary(head: bytes) -> bool:
    sample = head[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control > len(sample) * 0.05


class MailStream:
    """A binary stream read in chunks: its lines, and how many bytes have been read so far."""

    def __init__(self, stream: BinaryIO, head: bytes = b"", chunk: int = 1 << 16) -> None:
        self._stream = stream
        self._head = head
        self._chunk = chunk
        self.consumed = 0

    def lines(self, max_line: int = 1 << 16) -> Iterator[bytes]:
        """Each line with its ending; a line longer than max_line comes in pieces."""
        pending = b""
        data = self._head
        self._head = b""
        while True:
            if not data:
                data = self._stream.read(self._chunk)
                if not data:
                    break
            self.consumed += len(data)
            pending += data
            data = b""
            *complete, pending = pending.split(b"\n")
            for line in complete:
                yield line + b"\n"
            while len(pending) > max_line:
                yield pending[:max_line]
                pending = pending[max_line:]
        if pending:
            yield pending

    def rest(self, limit: int) -> bytes:
        """The head and up to limit further bytes."""
        data = self._head + self._stream.read(limit)
        self._head = b""
        self.consumed += len(data)
        return data


def load_email(stream: MailStream, kind: str, name: str) -> Email:
    """One message from an .eml, .msg or pasted-text stream (sniff() gave the kind)."""
    if kind == "eml":
        return parse_email(gather_message(stream.lines()))
    if kind == "msg":
        data = stream.rest(MAX_MSG_BYTES + 1)
        if len(data) > MAX_MSG_BYTES:
            raise MailFileError(f"{name} is over 100 MB, too big for an Outlook message")
        return email_from_msg(data, name)
    if kind == "text":
        data = stream.rest(MAX_PASTED_BYTES)
        return parse_pasted(data.decode("utf-8", errors="replace"))
    if kind == "empty":
        raise MailFileError(f"{name} is empty: save the rejection email (.eml) or paste its text")
    raise MailFileError(
        f"{name} looks like a binary file, not an email: save the rejection as .eml, .msg or "
        ".mbox, or paste its text"
    )


def email_from_msg(data: bytes, name: str = "the file") -> Email:
    """An Outlook .msg file's message as an Email, read with extract-msg."""
    try:
        import extract_msg
    except ImportError:  # pragma: no cover - extract-msg is a dependency
        raise MailFileError("reading Outlook .msg files needs the extract-msg package") from None
    # extract-msg reports oddities of real files through logging; the user gets our one line.
    logging.getLogger("extract_msg").setLevel(logging.CRITICAL + 1)
    try:
        message = extract_msg.openMsg(data, delayAttachments=True)
    except Exception:
        raise MailFileError(
            f"{name} could not be read as an Outlook message (.msg); it may be damaged"
        ) from None
    try:
        return email_from_outlook(message)
    finally:
        with contextlib.suppress(Exception):
            message.close()


def email_from_outlook(message: Any) -> Email:
    """An Email from an extract-msg Message (or anything with its attributes)."""
    headers: dict[str, str] = {}
    transport = _attribute(message, "header")
    if isinstance(transport, Message):
        for field in _HEADERS:
            value = transport.get(field)
            if value:
                headers[field] = str(value)
    fallbacks = {
        "From": _attribute(message, "sender"),
        "To": _attribute(message, "to"),
        "Subject": _attribute(message, "subject"),
        "Date": _attribute(message, "date"),
        "Message-ID": _attribute(message, "messageId"),
    }
    for field, value in fallbacks.items():
        if field in headers or not value:
            continue
        if field == "Date":
            try:
                value = format_datetime(value)
            except (AttributeError, TypeError, ValueError):
                continue
        headers[field] = str(value)
    plain = _attribute(message, "body")
    html = _attribute(message, "htmlBody")
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    return parse_parts(
        headers,
        plain=plain if isinstance(plain, str) else "",
        html=html if isinstance(html, str) else "",
    )


def _attribute(message: Any, name: str) -> Any:
    # extract-msg computes most attributes lazily; a damaged property raises on access.
    try:
        return getattr(message, name, None)
    except Exception:
        return None
