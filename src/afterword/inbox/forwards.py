"""Forwarded originals and quoted history inside a body: what to read and what to set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.inbox.headers import first_address

__all__ = [
    "FWD_MARKERS",
    "Original",
    "find_forward",
    "header_block",
    "split_reply",
    "strip_quote_marks",
]

FWD_MARKERS = re.compile(
    r"^[ \t>]*(?:-{3,}\s*Forwarded message\s*-{3,}|Begin forwarded message:|"
    r"-{3,}\s*Original Message\s*-{3,}|_{10,})[ \t]*$",
    re.I | re.M,
)
_HEADER_LINE = re.compile(r"^[ \t>*]*(From|Sent|Date|To|Cc|Subject|Reply-To)\s*:\s*(.*)$", re.I)
_WROTE = re.compile(r"^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$", re.M)
_QUOTED_LINE = re.compile(r"^[ \t]*>", re.M)


def header_block(text: str) -> tuple[dict[str, str], str] | None:
    """Parse 'From: ... / Sent: ... / Subject: ...' lines at the start of text."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    last = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            if fields:
                break
            i += 1
            continue
        found = _HEADER_LINE.match(line)
        if found:
            last = found.group(1).lower()
            fields.setdefault(last, found.group(2).strip())
        elif last and fields and line.startswith((" ", "\t")):
            fields[last] += " " + line.strip()
        else:
            break
        i += 1
    if "from" not in fields or len(fields) < 2:
        return None
    return fields, "\n".join(lines[i:])


def strip_quote_marks(text: str) -> str:
    return re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)


def split_reply(text: str) -> tuple[str, str]:
    """Newest part of a reply and its quoted history."""
    cuts = []
    wrote = _WROTE.search(text)
    if wrote:
        cuts.append(wrote.start())
    for marker in FWD_MARKERS.finditer(text):
        if header_block(text[marker.end() :]):
            cuts.append(marker.start())
            break
    for found in re.finditer(r"^[ \t]*From\s*:", text, re.M | re.I):
        block = header_block(text[found.start() :])
        if block and ("sent" in block[0] or "date" in block[0]) and found.start() > 0:
            cuts.append(found.start())
            break
    quoted = _QUOTED_LINE.search(text)
    if quoted:
        # A run of "> " lines at the end is quoted history.
        tail = text[quoted.start() :].strip().split("\n")
        if (
            sum(1 for line in tail if line.lstrip().startswith(">") or not line.strip())
            >= len(tail) * 0.8
        ):
            cuts.append(quoted.start())
    if not cuts:
        return text, ""
    cut = min(cuts)
    return text[:cut].strip(), text[cut:]


@dataclass(frozen=True)
class Original:
    fields: dict[str, str]
    body: str
    note: str


def find_forward(
    text: str, outer_from: str | None, outer_to: str | None, subject: str
) -> Original | None:
    """The forwarded original inside a body, or None when the body is a plain reply."""
    marker = FWD_MARKERS.search(text)
    start = marker.end() if marker else None
    explicit = bool(marker and re.search(r"forward", marker.group(0), re.I))
    block = header_block(text[start:]) if start is not None else None
    if block is None:
        for found in re.finditer(r"^[ \t>]*From\s*:", text, re.M | re.I):
            block = header_block(text[found.start() :])
            if block:
                start = found.start()
                break
    if block is None or start is None:
        return None
    fields, body = block
    _, block_to = first_address(fields.get("to", ""))
    _, block_from = first_address(fields.get("from", ""))
    is_fwd_subject = bool(re.match(r"^\s*(fwd?|fw)\s*:", subject, re.I))
    is_reply_subject = bool(re.match(r"^\s*(re|aw|sv)\s*:", subject, re.I))
    note = text[: marker.start() if marker else start].strip()
    if explicit or is_fwd_subject:
        pass
    elif is_reply_subject or (block_from and block_from == outer_to):
        return None
    elif outer_from and block_to == outer_from and block_from != outer_from:
        # The original was sent to the person who now passes it on.
        pass
    elif outer_from is None and not note:
        pass  # pasted text that starts with the original's headers
    elif len(note) < 200 and len(body) > len(note) * 2:
        pass
    else:
        return None
    return Original(
        fields, strip_quote_marks(body) if body.lstrip().startswith(">") else body, note
    )
