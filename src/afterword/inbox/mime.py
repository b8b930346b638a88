"""Raw rejection (.eml bytes or pasted text) -> Email: headers and the readable original body.

Pure and total: any input gives an Email, never an exception. The work is bounded: at most
``MAX_BYTES`` of the raw message are parsed and at most ``MAX_TEXT`` characters of body text
are looked at; attachment payloads are never decoded (an attached message/rfc822 is read as
a forwarded original).
"""

from __future__ import annotations

import email
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email import policy
from email.message import Message

from afterword.inbox.bodies import find_bodies, html_to_text, normalise
from afterword.inbox.dates import loose_date, rfc_date
from afterword.inbox.forwards import (
    FWD_MARKERS,
    find_forward,
    header_block,
    split_reply,
    strip_quote_marks,
)
from afterword.inbox.headers import clean_header, first_address, header_text
from afterword.inbox.limits import MAX_BYTES, MAX_TEXT, trim_payloads

__all__ = ["MAX_BYTES", "MAX_TEXT", "Email", "parse_email", "parse_parts", "parse_pasted"]


@dataclass(frozen=True)
class Email:
    """One message's headers and the readable text of its original body."""

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


def _finish(
    base: dict,
    text: str,
    notices: list[str],
    outer_zone: timezone | None,
) -> Email:
    text = normalise(text)
    original = find_forward(
        text, base.get("from_address"), base.get("to_address"), base.get("subject", "")
    )
    forwarded = False
    if original is not None:
        fields = original.fields
        forwarded = True
        name, addr = first_address(fields.get("from", ""))
        if name or addr:
            base["from_name"], base["from_address"] = name, addr
            base["reply_to_address"] = None
        to_name, to_addr = first_address(fields.get("to", ""))
        if to_name or to_addr:
            base["to_name"], base["to_address"] = to_name, to_addr
        if fields.get("subject"):
            base["subject"] = clean_header(fields["subject"])
        when = fields.get("date") or fields.get("sent") or ""
        base["date"] = loose_date(when, outer_zone) if when else None
        text = original.body
        notices.append("Read the forwarded original; the forwarding note was set aside.")
    newest, quoted = split_reply(text)
    if quoted and newest:
        notices.append("Quoted history below the newest message was set aside.")
        text = newest
    return Email(
        text=normalise(text),
        quoted=normalise(strip_quote_marks(quoted))[:MAX_TEXT],
        forwarded=forwarded,
        notices=tuple(notices),
        **base,
    )


def _message_base(msg: Message) -> dict:
    subject = header_text(msg, "subject")
    from_name, from_addr = first_address(header_text(msg, "from"))
    _, reply_to = first_address(header_text(msg, "reply-to"))
    to_name, to_addr = first_address(header_text(msg, "to"))
    message_id = header_text(msg, "message-id") or None
    return {
        "subject": subject,
        "from_name": from_name,
        "from_address": from_addr,
        "reply_to_address": reply_to,
        "to_name": to_name,
        "to_address": to_addr,
        "date": rfc_date(header_text(msg, "date")),
        "message_id": message_id,
        "automated": bool(
            re.match(r"auto-", header_text(msg, "auto-submitted"), re.I)
            or header_text(msg, "precedence").lower() in ("bulk", "auto_reply", "junk")
        ),
    }


def _read_message(msg: Message, notices: list[str], depth: int = 0) -> Email:
    base = _message_base(msg)
    plain, html, attached = find_bodies(msg)
    if attached is not None and depth < 3:
        inner = _read_message(attached, notices, depth + 1)
        if inner.text or inner.from_address:
            notices.append("Read the attached original message; the forwarding note was set aside.")
            return replace(inner, forwarded=True, notices=tuple(dict.fromkeys(notices)))
    text = _body_text(plain, html, notices)
    zone = base["date"].tzinfo if base["date"] is not None else None
    found = _finish(base, text, notices, zone)  # type: ignore[arg-type]
    if found.forwarded and found.from_name and not found.from_address and plain and html:
        # Outlook's plain part names a forwarded sender ("From: Kim Vogt") without the address
        # its HTML part still shows.
        address = _address_beside(found.from_name, html_to_text(html))
        if address:
            found = replace(found, from_address=address)
    return found


_BRACKETED_ADDRESS = re.compile(r"\s*[<\[(](?:mailto:)?([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)[>\])]")


def _address_beside(name: str, text: str) -> str | None:
    """The address written in brackets right after a name: 'Kim Vogt <kim@acme.example>'."""
    start = text.find(name)
    while start >= 0:
        found = _BRACKETED_ADDRESS.match(text, start + len(name))
        if found:
            return found.group(1).lower()
        start = text.find(name, start + 1)
    return None


def _body_text(plain: str, html: str, notices: list[str]) -> str:
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
    return text


def parse_email(data: bytes) -> Email:
    """Parse raw RFC 5322 bytes. Never raises; problems become notices."""
    notices: list[str] = []
    try:
        if not isinstance(data, bytes | bytearray | memoryview):
            data = str(data).encode("utf-8", "replace")
        data = bytes(data)
        if len(data) > MAX_BYTES:
            data = trim_payloads(data)
        if len(data) > MAX_BYTES:
            data = data[:MAX_BYTES]
            notices.append("The message was very large; only its first 2 MB were read.")
        if not data or data.isspace():
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


def parse_parts(headers: Mapping[str, str], plain: str = "", html: str = "") -> Email:
    """An Email from a container that keeps headers and bodies apart, such as an Outlook .msg.

    Header values are as in a message (encoded words allowed); the plain body is read unless
    it is blank, else the HTML one. Never raises; problems become notices.
    """
    notices: list[str] = []
    try:
        msg = Message()
        for name, value in headers.items():
            if value:
                msg[name] = re.sub(r"[\r\n]+", " ", str(value))
        base = _message_base(msg)
        text = _body_text(str(plain or ""), str(html or ""), notices)
        zone = base["date"].tzinfo if base["date"] is not None else None
        return _finish(base, text, notices, zone)
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
        block = header_block(text)
        if block is not None and not FWD_MARKERS.match(text.lstrip()):
            fields, rest = block
            base["from_name"], base["from_address"] = first_address(fields.get("from", ""))
            base["to_name"], base["to_address"] = first_address(fields.get("to", ""))
            _, base["reply_to_address"] = first_address(fields.get("reply-to", ""))
            base["subject"] = clean_header(fields.get("subject", ""))
            when = fields.get("date") or fields.get("sent") or ""
            base["date"] = loose_date(when, None) if when else None
            text = rest
        elif block is None:
            subject = re.match(r"\s*Subject\s*:\s*(.*)\n", text, re.I)
            if subject:
                base["subject"] = clean_header(subject.group(1))
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
