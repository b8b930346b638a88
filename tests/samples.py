"""A context shared by the CLI and behaviour tests: one rejection, fully described."""

from typing import Any

CONTEXT: dict[str, Any] = {
    "sender_name": "Tomás O'Brien-Lund",
    "recipient_name": "Aiko Tanaka",
    "company": "Bellweather Bakery",
    "role": "Pastry Chef",
    "rejection_date": "2025-04-07",
    "send_date": "2025-04-09",
    "previous_followups": 0,
    "feedback": "unknown",
    "channel": "email",
}
