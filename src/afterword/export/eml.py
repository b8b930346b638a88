"""A draft as an RFC 5322 message that mail clients open as an unsent draft."""

from __future__ import annotations

import datetime as dt
import hashlib
from email import policy
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

# CRLF line ends, as RFC 5322 asks; headers beyond ASCII are RFC 2047 encoded.
POLICY = policy.SMTP
DEFAULT_DOMAIN = "afterword.invalid"


class ExportError(ValueError):
    """The message cannot be built as asked (an address that is not one, say)."""


def message_id(subject: str | None, body: str, *, now: dt.datetime, domain: str) -> str:
    """A Message-ID from the message and the time: the same inputs give the same id."""
    digest = hashlib.sha256(
        "\x1f".join((now.isoformat(), subject or "", body)).encode("utf-8")
    ).hexdigest()
    return f"<{now.strftime('%Y%m%d%H%M%S')}.{digest[:20]}@{_domain(domain)}>"


def eml_message(
    subject: str | None,
    body: str,
    *,
    now: dt.datetime,
    domain: str = DEFAULT_DOMAIN,
    to_email: str | None = None,
    to_name: str | None = None,
    from_email: str | None = None,
    from_name: str | None = None,
    in_reply_to: str | None = None,
) -> EmailMessage:
    """The draft as an EmailMessage with To (when known), Subject, Date, Message-ID, X-Unsent.

    With `in_reply_to` (the rejection's Message-ID) mail clients thread the reply under it.
    """
    message = EmailMessage(policy=POLICY)
    if from_email:
        message["From"] = _address(from_name, from_email, "sender")
    if to_email:
        message["To"] = _address(to_name, to_email, "recipient")
    if subject:
        message["Subject"] = _one_line(subject)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(subject, body, now=now, domain=domain)
    if in_reply_to:
        original = _one_line(in_reply_to)
        message["In-Reply-To"] = original
        message["References"] = original
    # Outlook, Apple Mail and Thunderbird open a message marked this way as a draft to send.
    message["X-Unsent"] = "1"
    text = body.replace("\r\n", "\n")
    message.set_content(text if text.endswith("\n") else text + "\n", cte="quoted-printable")
    return message


def eml_bytes(subject: str | None, body: str, **options: object) -> bytes:
    """The draft as the bytes of an .eml file; options as for eml_message."""
    return eml_message(subject, body, **options).as_bytes()  # type: ignore[arg-type]


def check_address(email: str, who: str = "recipient") -> str:
    """The address as given, trimmed, or ExportError when it is not one plain address."""
    return _address(None, email, who).addr_spec


def _address(name: str | None, email: str, who: str) -> Address:
    email = email.strip()
    try:
        address = Address(display_name=_one_line(name or ""), addr_spec=email)
    except (MessageError, ValueError, IndexError):
        raise ExportError(f"the {who}'s address {email!r} is not an email address") from None
    if not address.username or not address.domain:
        raise ExportError(f"the {who}'s address {email!r} is not an email address")
    return address


def _one_line(text: str) -> str:
    """Header values may not hold line breaks: fold any whitespace run to one space."""
    return " ".join(text.split())


def _domain(domain: str) -> str:
    cleaned = "".join(ch for ch in domain.strip().lower() if ch.isalnum() or ch in ".-")
    cleaned = cleaned.strip(".-")
    return cleaned if cleaned.isascii() and cleaned else DEFAULT_DOMAIN
