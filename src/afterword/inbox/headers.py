"""Header text and charsets: RFC 2047 words, addresses, and bytes decoded despite lying labels."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr

from afterword.inbox.limits import MAX_TEXT

__all__ = ["clean_header", "decode_payload", "first_address", "header_text"]


def clean_header(value: object) -> str:
    text = str(value or "")
    return re.sub(r"\s+", " ", text).strip()


def header_text(msg: Message, name: str) -> str:
    """A header's decoded text (RFC 2047 encoded-words resolved, lying charsets tolerated)."""
    try:
        raw = msg.get(name)
    except Exception:
        return ""
    if raw is None:
        return ""
    if not isinstance(raw, str) or "=?" not in raw:
        return clean_header(raw)
    try:
        return clean_header(make_header(decode_header(raw)))
    except Exception:
        pieces = []
        try:
            for chunk, charset in decode_header(raw):
                if isinstance(chunk, bytes):
                    pieces.append(decode_payload(chunk, charset))
                else:
                    pieces.append(chunk)
        except Exception:
            return clean_header(raw)
        return clean_header("".join(pieces))


def first_address(value: str) -> tuple[str | None, str | None]:
    try:
        pairs = getaddresses([value])
    except Exception:
        pairs = [parseaddr(value)] if value else []
    for name, addr in pairs:
        name = clean_header(name).strip("\"' ") or None
        addr = addr.strip().lower() or None
        if addr and "@" not in addr:
            addr = None
        if name or addr:
            return name, addr
    return None, None


def decode_payload(payload: bytes, charset: str | None) -> str:
    payload = payload[: MAX_TEXT * 2]
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return payload.decode("cp1252", errors="replace")
