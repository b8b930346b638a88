"""Samples shared across the tests: one rejection as a context, and as the email itself."""

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

# A rejection as pasted into the app, and the one detail a user adds about the company.
REJECTION = """\
From: Priya Raman <priya.raman@lumenfield.example>
Subject: Your application for Data Analyst at Lumenfield

Hi Jordan,

Thank you for interviewing with us for the Data Analyst role at Lumenfield. After careful
consideration we have decided to move forward with another candidate. We would be happy to
keep your CV on file for future roles.

Best regards,
Priya Raman
Talent Partner, Lumenfield
"""
DETAIL = "the way your analysts publish every dashboard with its method notes"
