"""Raw rejection (.eml bytes or pasted text) -> Email: headers and the readable original body.

Pure and total: any input gives an Email, never an exception. The work is bounded: at most
``MAX_BYTES`` of the raw message are parsed and at most ``MAX_TEXT`` characters of body text
are looked at; attachment payloads are never decoded (an attached message/rfc822 is read as
a forwarded original).
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from bs4 import BeautifulSoup, NavigableString, Tag

__all__ = ["MAX_BYTES", "MAX_TEXT", "Email", "parse_email", "parse_pasted"]

MAX_TEXT = 200_000
MAX_BYTES = 2_000_000
MAX_PARTS = 200


@dataclass(frozen=True)
class Email:
    subject: str = ""
    from_name: str | None = None
    from_address: str | None = None
    reply_to_address: str | None = None
    to_name: str | None = None
    to_address: str | None = None
    date: datetime | None = None
    message_id: str | None = None
    text: str = ""
    notices: tuple[str, ...] = ()
    # Extras for the signal reader: quoted history (for the candidate's signature), whether the
    # body came from a forwarded original, and whether the sender marked the mail automated.
    quoted: str = ""
    forwarded: bool = False
    automated: bool = False


# ---------------------------------------------------------------- small helpers


def _clean_header(value: object) -> str:
    text = str(value or "")
    return re.sub(r"\s+", " ", text).strip()


def _header(msg: Message, name: str) -> str:
    """A header's decoded text (RFC 2047 encoded-words resolved, lying charsets tolerated)."""
    try:
        raw = msg.get(name)
    except Exception:
        return ""
    if raw is None:
        return ""
    if not isinstance(raw, str) or "=?" not in raw:
        return _clean_header(raw)
    try:
        return _clean_header(make_header(decode_header(raw)))
    except Exception:
        pieces = []
        try:
            for chunk, charset in decode_header(raw):
                if isinstance(chunk, bytes):
                    pieces.append(_decode(chunk, charset))
                else:
                    pieces.append(chunk)
        except Exception:
            return _clean_header(raw)
        return _clean_header("".join(pieces))


def _address(value: str) -> tuple[str | None, str | None]:
    try:
        pairs = getaddresses([value])
    except Exception:
        pairs = [parseaddr(value)] if value else []
    for name, addr in pairs:
        name = _clean_header(name).strip("\"' ") or None
        addr = addr.strip().lower() or None
        if addr and "@" not in addr:
            addr = None
        if name or addr:
            return name, addr
    return None, None


def _aware(moment: datetime | None, fallback: timezone | None = None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=fallback or UTC)
    return moment


def _rfc_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(parsedate_to_datetime(value))
    except Exception:
        return None


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_LOOSE_DATES = [
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
]
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?")
# Common zone abbreviations mail clients print in forwarded headers (minutes east of UTC).
_ZONES = {
    "UTC": 0, "GMT": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "WET": 0, "WEST": 60, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "AEST": 600, "AEDT": 660, "JST": 540, "SGT": 480,
}  # fmt: skip
_OFFSET = re.compile(r"(?:UTC|GMT)?\s*(?P<sign>[+-])(?P<hh>\d{2}):?(?P<mm>\d{2})\b")


def _loose_date(value: str, fallback: timezone | None) -> datetime | None:
    """Dates as mail clients print them in forwards: 'Wed, May 7, 2025 at 10:02 AM'."""
    strict = _rfc_date(value)
    if strict is not None:
        return strict
    for pattern in _LOOSE_DATES:
        found = pattern.search(value)
        if not found:
            continue
        parts = found.groupdict()
        month = _MONTHS.get((parts.get("mon") or "").lower()) or int(parts.get("mnum") or 0)
        try:
            day = datetime(int(parts["year"]), month, int(parts["day"]))
        except (ValueError, TypeError):
            continue
        rest = value[found.end() :]
        clock = _TIME.search(rest)
        if clock:
            hour = int(clock["h"]) % 24
            ampm = (clock["ampm"] or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            if ampm.startswith("a") and hour == 12:
                hour = 0
            day = day.replace(hour=hour, minute=min(int(clock["m"]), 59))
        zone = fallback
        named = re.search(r"\b([A-Z]{2,5})\b", rest)
        if named and named.group(1) in _ZONES:
            zone = timezone(timedelta(minutes=_ZONES[named.group(1)]))
        offset = _OFFSET.search(rest)
        if offset:
            delta = timedelta(hours=int(offset["hh"]) % 24, minutes=int(offset["mm"]) % 60)
            zone = timezone(-delta if offset["sign"] == "-" else delta)
        return day.replace(tzinfo=zone or UTC)
    return None


# ---------------------------------------------------------------- bodies


def _decode(payload: bytes, charset: str | None) -> str:
    payload = payload[: MAX_TEXT * 2]
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return payload.decode("cp1252", errors="replace")


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        try:
            charset = part.get_content_charset()
        except Exception:
            charset = None
        return _decode(payload, charset)
    raw = part.get_payload()
    return raw[:MAX_TEXT] if isinstance(raw, str) else ""


_BLOCKS = [
    "p",
    "div",
    "br",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
]
_PARAGRAPHS = frozenset(["p", "h1", "h2", "h3", "h4", "blockquote", "table"])
_DROP = [
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "img",
    "svg",
    "meta",
    "link",
    "object",
    "iframe",
]


def html_to_text(html: str) -> str:
    """Clean readable text from an HTML body with BeautifulSoup (scripts, styles, images dropped)."""
    try:
        soup = BeautifulSoup(html[:MAX_TEXT], "html.parser")
        for tag in soup.find_all(_DROP):
            tag.decompose()
        for tag in soup.find_all(style=re.compile(r"display\s*:\s*none", re.I)):
            tag.decompose()
        # One linear walk (no tree edits): a block element starts a new line, a paragraph a
        # new paragraph; comments and doctypes are skipped.
        pieces: list[str] = []
        for node in soup.descendants:
            if isinstance(node, Tag):
                if node.name in _PARAGRAPHS:
                    pieces.append("\n\n")
                elif node.name in _BLOCKS:
                    pieces.append("\n")
            elif type(node) is NavigableString:
                pieces.append(str(node))
        text = "".join(pieces)
    except Exception:
        return ""
    return normalise(text)


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _is_attachment(part: Message) -> bool:
    try:
        return (part.get_content_disposition() or "") == "attachment"
    except Exception:
        return False


def _inner_message(part: Message) -> Message | None:
    try:
        payload = part.get_payload()
    except Exception:
        return None
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return payload[0]
    if isinstance(payload, Message):
        return payload
    return None


def _bodies(msg: Message) -> tuple[str, str, Message | None]:
    """First plain and HTML body texts, and an attached message/rfc822 if any."""
    plain = html = ""
    attached: Message | None = None
    try:
        parts = msg.walk()
        for count, part in enumerate(parts):
            if count > MAX_PARTS:
                break
            ctype = part.get_content_type()
            if ctype == "message/rfc822":
                if attached is None:
                    attached = _inner_message(part)
                continue
            if part.is_multipart() or _is_attachment(part):
                continue
            if ctype == "text/plain" and not plain:
                plain = _part_text(part)
            elif ctype == "text/html" and not html:
                html = _part_text(part)
    except Exception:
        pass
    return plain, html, attached


# ---------------------------------------------------------------- forwards and replies

_FWD_MARKERS = re.compile(
    r"^[ \t>]*(?:-{3,}\s*Forwarded message\s*-{3,}|Begin forwarded message:|"
    r"-{3,}\s*Original Message\s*-{3,}|_{10,})[ \t]*$",
    re.I | re.M,
)
_HEADER_LINE = re.compile(r"^[ \t>*]*(From|Sent|Date|To|Cc|Subject|Reply-To)\s*:\s*(.*)$", re.I)
_WROTE = re.compile(r"^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$", re.M)
_QUOTED_LINE = re.compile(r"^[ \t]*>", re.M)


def _header_block(text: str) -> tuple[dict[str, str], str] | None:
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


def _strip_quote_marks(text: str) -> str:
    return re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)


def split_reply(text: str) -> tuple[str, str]:
    """Newest part of a reply and its quoted history."""
    cuts = []
    wrote = _WROTE.search(text)
    if wrote:
        cuts.append(wrote.start())
    for marker in _FWD_MARKERS.finditer(text):
        if _header_block(text[marker.end() :]):
            cuts.append(marker.start())
            break
    for found in re.finditer(r"^[ \t]*From\s*:", text, re.M | re.I):
        block = _header_block(text[found.start() :])
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
class _Original:
    fields: dict[str, str]
    body: str
    note: str


def _find_forward(
    text: str, outer_from: str | None, outer_to: str | None, subject: str
) -> _Original | None:
    """The forwarded original inside a body, or None when the body is a plain reply."""
    marker = _FWD_MARKERS.search(text)
    start = marker.end() if marker else None
    explicit = bool(marker and re.search(r"forward", marker.group(0), re.I))
    block = _header_block(text[start:]) if start is not None else None
    if block is None:
        for found in re.finditer(r"^[ \t>]*From\s*:", text, re.M | re.I):
            block = _header_block(text[found.start() :])
            if block:
                start = found.start()
                break
    if block is None or start is None:
        return None
    fields, body = block
    _, block_to = _address(fields.get("to", ""))
    _, block_from = _address(fields.get("from", ""))
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
    return _Original(
        fields, _strip_quote_marks(body) if body.lstrip().startswith(">") else body, note
    )


# ---------------------------------------------------------------- assembling an Email


def _finish(
    base: dict,
    text: str,
    notices: list[str],
    outer_zone: timezone | None,
) -> Email:
    text = normalise(text)
    original = _find_forward(
        text, base.get("from_address"), base.get("to_address"), base.get("subject", "")
    )
    forwarded = False
    if original is not None:
        fields = original.fields
        forwarded = True
        name, addr = _address(fields.get("from", ""))
        if name or addr:
            base["from_name"], base["from_address"] = name, addr
            base["reply_to_address"] = None
        to_name, to_addr = _address(fields.get("to", ""))
        if to_name or to_addr:
            base["to_name"], base["to_address"] = to_name, to_addr
        if fields.get("subject"):
            base["subject"] = _clean_header(fields["subject"])
        when = fields.get("date") or fields.get("sent") or ""
        base["date"] = _loose_date(when, outer_zone) if when else None
        text = original.body
        notices.append("Read the forwarded original; the forwarding note was set aside.")
    newest, quoted = split_reply(text)
    if quoted and newest:
        notices.append("Quoted history below the newest message was set aside.")
        text = newest
    return Email(
        text=normalise(text),
        quoted=normalise(_strip_quote_marks(quoted))[:MAX_TEXT],
        forwarded=forwarded,
        notices=tuple(notices),
        **base,
    )


def _message_base(msg: Message) -> dict:
    subject = _header(msg, "subject")
    from_name, from_addr = _address(_header(msg, "from"))
    _, reply_to = _address(_header(msg, "reply-to"))
    to_name, to_addr = _address(_header(msg, "to"))
    message_id = _header(msg, "message-id") or None
    return {
        "subject": subject,
        "from_name": from_name,
        "from_address": from_addr,
        "reply_to_address": reply_to,
        "to_name": to_name,
        "to_address": to_addr,
        "date": _rfc_date(_header(msg, "date")),
        "message_id": message_id,
        "automated": bool(
            re.match(r"auto-", _header(msg, "auto-submitted"), re.I)
            or _header(msg, "precedence").lower() in ("bulk", "auto_reply", "junk")
        ),
    }


def _read_message(msg: Message, notices: list[str], depth: int = 0) -> Email:
    base = _message_base(msg)
    plain, html, attached = _bodies(msg)
    if attached is not None and depth < 3:
        inner = _read_message(attached, notices, depth + 1)
        if inner.text or inner.from_address:
            notices.append("Read the attached original message; the forwarding note was set aside.")
            return replace(inner, forwarded=True, notices=tuple(dict.fromkeys(notices)))
    if plain.strip():
        text = plain
    elif html.strip():
        text = html_to_text(html)
        notices.append("The message had no plain-text part; its HTML was turned into text.")
    else:
        text = ""
        notices.append("No readable text was found in the message.")
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        notices.append("The body was cut to its first 200 KB.")
    zone = base["date"].tzinfo if base["date"] is not None else None
    return _finish(base, text, notices, zone)  # type: ignore[arg-type]


def parse_email(data: bytes) -> Email:
    """Parse raw RFC 5322 bytes. Never raises; problems become notices."""
    notices: list[str] = []
    try:
        if not isinstance(data, bytes | bytearray | memoryview):
            data = str(data).encode("utf-8", "replace")
        data = bytes(data)
        if len(data) > MAX_BYTES:
            data = data[:MAX_BYTES]
            notices.append("The message was very large; only its first 2 MB were read.")
        if not data.strip():
            return Email(notices=("The message was empty.",))
        # compat32 parses several times faster than policy.default; headers are decoded above.
        msg = email.message_from_bytes(data, policy=policy.compat32)
        result = _read_message(msg, notices)
        if msg.defects:
            result = replace(
                result, notices=(*result.notices, "The message was malformed; read what could be.")
            )
        return result
    except Exception:
        return Email(notices=(*notices, "The message could not be read."))


def parse_pasted(text: str) -> Email:
    """Parse text pasted from a mail client, optionally starting with From:/Sent:/Subject: lines."""
    notices: list[str] = []
    try:
        if isinstance(text, bytes | bytearray):
            text = bytes(text).decode("utf-8", "replace")
        text = str(text)
        if len(text) > MAX_TEXT:
            text = text[:MAX_TEXT]
            notices.append("The text was cut to its first 200 KB.")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        base: dict = {
            "subject": "",
            "from_name": None,
            "from_address": None,
            "reply_to_address": None,
            "to_name": None,
            "to_address": None,
            "date": None,
            "message_id": None,
        }
        block = _header_block(text)
        if block is not None and not _FWD_MARKERS.match(text.lstrip()):
            fields, rest = block
            base["from_name"], base["from_address"] = _address(fields.get("from", ""))
            base["to_name"], base["to_address"] = _address(fields.get("to", ""))
            _, base["reply_to_address"] = _address(fields.get("reply-to", ""))
            base["subject"] = _clean_header(fields.get("subject", ""))
            when = fields.get("date") or fields.get("sent") or ""
            base["date"] = _loose_date(when, None) if when else None
            text = rest
        elif block is None:
            subject = re.match(r"\s*Subject\s*:\s*(.*)\n", text, re.I)
            if subject:
                base["subject"] = _clean_header(subject.group(1))
                text = text[subject.end() :]
        zone = base["date"].tzinfo if base["date"] is not None else None
        return _finish(base, text, notices, zone)
    except Exception:
        return Email(
            text=str(text)[:MAX_TEXT] if isinstance(text, str) else "",
            notices=(
                *notices,
                "The text could not be fully read.",
            ),
        )
