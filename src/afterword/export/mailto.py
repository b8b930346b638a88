"""A draft as a mailto: link (RFC 6068) that opens the user's mail client, filled in."""

from __future__ import annotations

from urllib.parse import quote


def mailto_link(subject: str | None, body: str, to_email: str | None = None) -> str:
    """`mailto:to?subject=...&body=...`, every part percent-encoded as UTF-8.

    Line breaks in the body are sent as %0D%0A, as RFC 6068 asks.
    """
    address = quote(to_email.strip(), safe="@") if to_email and to_email.strip() else ""
    fields = []
    if subject:
        fields.append("subject=" + quote(" ".join(subject.split()), safe=""))
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    fields.append("body=" + quote(text, safe=""))
    return f"mailto:{address}?{'&'.join(fields)}"
