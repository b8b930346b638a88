"""Rejection emails for the tracker tests, built the way a mail client saves them."""

from __future__ import annotations

import hashlib
from email.message import EmailMessage


def rejection_email(
    *,
    company: str = "Harbourline Ferries",
    domain: str = "harbourline.example",
    role: str = "Operations Coordinator",
    sender: str = "Adaeze Okoro",
    date: str = "Mon, 02 Mar 2026 09:30:00 +0000",
    subject: str | None = None,
    kept_on_file: bool = True,
    message_id: str | None = None,
) -> bytes:
    """An interview-stage rejection signed by a person, as .eml bytes."""
    message = EmailMessage()
    address = sender.lower().replace(" ", ".") + "@" + domain
    message["From"] = f"{sender} <{address}>"
    message["To"] = "Jordan Ellis <jordan@example.com>"
    message["Subject"] = subject or f"Your application for {role}"
    message["Date"] = date
    digest = hashlib.sha1(f"{company}|{role}|{date}".encode()).hexdigest()[:16]
    message["Message-ID"] = message_id or f"<{digest}@{domain}>"
    future = (
        "We will keep your CV on file and will be in touch if a suitable role opens up."
        if kept_on_file
        else "We wish you every success in your search."
    )
    message.set_content(
        f"Dear Jordan,\n\nThank you for taking the time to interview with us for the {role} "
        f"position at {company}. After careful consideration we have decided to move forward "
        f"with another candidate.\n\n{future}\n\nKind regards,\n{sender}\nTalent Partner, "
        f"{company}\n"
    )
    return bytes(message)
