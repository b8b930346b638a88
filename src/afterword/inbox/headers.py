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
    """A header's decoded text (RFC 2047 words and raw 8-bit bytes, lying charsets tolerated)."""
    try:
        raw = msg.get(name)
    except Exception:
        return ""
    if raw is None:
        return ""
    # A str without encoded words is plain ASCII; anything else (encoded words, or a Header
    # holding raw 8-bit bytes) is decoded chunk by chunk with the same care as a body.
    if isinstance(raw, str) and "=?" not in raw:
        return clean_header(raw)
    try:
        chunks = [_honest_chunk(chunk, charset) for chunk, charset in decode_header(raw)]
        return clean_header(make_header(chunks))
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


def _honest_chunk(chunk: bytes | str, charset: str | None) -> tuple[bytes | str, str | None]:
    """One decoded-header chunk, its bytes read as what they are rather than what they claim."""
    label = (charset or "").lower()
    if isinstance(chunk, str) or (label in _ASCII and chunk.isascii()):
        return chunk, charset
    text = decode_payload(chunk, None if label in ("", "unknown-8bit") else charset)
    return text, None if label in _ASCII else "utf-8"


def first_address(value: str) -> tuple[str | None, str | None]:
    if value and not re.search(r"[@<>:;]", value) and _BARE_NAME.fullmatch(value.strip()):
        # A name without an address, as Outlook writes a forwarded header ("From: Kim Vogt").
        return clean_header(value).strip("\"' ") or None, None
    try:
        pairs = getaddresses([value])
    except Exception:
        pairs = [parseaddr(value)] if value else []
    for i, (name, addr) in enumerate(pairs):
        name = clean_header(name).strip("\"' ") or None
        addr = addr.strip().lower() or None
        if addr and "@" not in addr:
            # "Zieliński, Tomasz <t@x>" once its encoded word is decoded: the comma belongs
            # to the name, not between two addresses.
            following = pairs[i + 1] if i + 1 < len(pairs) else ("", "")
            if not name and following[0] and "@" in following[1] and _BARE_NAME.fullmatch(addr):
                return f"{pairs[i][1].strip()}, {clean_header(following[0])}", following[1].lower()
            addr = None
        if name or addr:
            return name, addr
    return None, None


# One to four words of letters ("Kim Vogt", "Vogt, Kim"): a name where an address would be.
_BARE_NAME = re.compile(r"[^\W\d_][\w'’.\-]*(?:,? [^\W\d_][\w'’.\-]*){0,3}")


_ASCII = frozenset(["", "us-ascii", "ascii"])
# Labels mail clients put on text that is often really Windows-1252 or UTF-8.
_WESTERN = frozenset(
    ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin-1", "latin1", "l1", "windows-1252", "cp1252",
     "iso-8859-15", "us-ascii", "ascii"]
)  # fmt: skip


def decode_payload(payload: bytes, charset: str | None) -> str:
    """Text from bytes, trusting the declared charset only as far as the bytes agree."""
    cut = len(payload) > MAX_TEXT * 2
    payload = payload[: MAX_TEXT * 2]
    label = (charset or "").strip().lower()
    if label in _WESTERN:
        # Valid UTF-8 with non-ASCII bytes is almost never an accident, and browsers read
        # Latin-1 labels as Windows-1252 (curly quotes, euro sign); Latin-1 always succeeds.
        candidates: tuple[str | None, ...] = ("utf-8", "cp1252", "latin-1")
    else:
        candidates = (charset, "utf-8")
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return _decode_strict(payload, candidate, cut)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return payload.decode("cp1252", errors="replace")


def _decode_strict(payload: bytes, codec: str, cut: bool) -> str:
    try:
        return payload.decode(codec)
    except UnicodeDecodeError as error:
        # A payload cut short may end inside a multi-byte character: drop only that tail.
        if cut and error.start >= len(payload) - 4:
            return payload[: error.start].decode(codec)
        raise
