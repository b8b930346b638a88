"""Inbox reader: a raw rejection (.eml bytes or pasted text) -> Email -> Reading. Pure."""

from __future__ import annotations

from afterword.inbox.mime import Email, parse_email, parse_parts, parse_pasted
from afterword.inbox.signals import Reading, read_rejection
from afterword.inbox.triage import is_rejection

__all__ = [
    "Email",
    "Reading",
    "is_rejection",
    "parse_email",
    "parse_parts",
    "parse_pasted",
    "read",
    "read_rejection",
]


def read(data: bytes | str) -> Reading:
    """Read a rejection: bytes are parsed as an .eml message, text as pasted mail."""
    if isinstance(data, str):
        return read_rejection(parse_pasted(data))
    return read_rejection(parse_email(bytes(data)))
