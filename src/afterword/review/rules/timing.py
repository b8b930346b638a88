"""Timing: reply within a week, once, and not in the heat of the moment."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import body_hit

LATE_AFTER_DAYS = 7
_UPSET = re.compile(
    r"(?i)\b(frustrat\w*|angry|upset|unfair|disappoint\w*|devastated|heartbroken|crushed|"
    r"annoyed|hurt|shocked|surprised|frankly|to be honest|begging|reconsider|expect|deserve)\b|!!"
)


@declare(
    code="timing.late",
    id="timing.late",
    severity=Severity.WARNING,
    message="This goes out more than a week after the rejection; send it soon, or let this one go.",
    why="Timely response: respond within a reasonable timeframe, generally within a week of receiving the rejection.",
    fix="If you send it now, keep it short and do not dwell on the delay.",
    bad=(
        (
            "Dear Sam,\n\nThank you for your time.\n\nBest,\nLee",
            {"rejection_date": "2024-03-01", "send_date": "2024-03-12"},
        ),
    ),
    good=(
        (
            "Dear Sam,\n\nThank you for your time.\n\nBest,\nLee",
            {"rejection_date": "2024-03-01", "send_date": "2024-03-08"},
        ),
    ),
)
def late(case: Case) -> Iterator[Hit]:
    days = case.context.days_to_send
    if days is not None and days > LATE_AFTER_DAYS:
        yield body_hit(
            case,
            message=f"This goes out {days} days after the rejection; a week is the usual limit, so send it soon or let this one go.",
        )


@declare(
    code="timing.repeat",
    id="timing.repeat",
    severity=Severity.WARNING,
    message="You have already followed up about this rejection; one message is usually enough.",
    why="Follow up respectfully: avoid excessive follow-up; one communication is typically sufficient.",
    fix="Hold this one back; revisit the company when a new role opens.",
    bad=(("Dear Sam,\n\nThank you again.\n\nBest,\nLee", {"previous_followups": 1}),),
    good=(("Dear Sam,\n\nThank you.\n\nBest,\nLee", {"previous_followups": 0}),),
)
def repeat(case: Case) -> Iterator[Hit]:
    count = case.context.previous_followups
    if count >= 1:
        times = "once" if count == 1 else f"{count} times"
        yield body_hit(
            case,
            message=f"You have already followed up {times} about this rejection; one message is usually enough.",
        )


@declare(
    code="timing.cooldown",
    id="timing.cooldown",
    severity=Severity.SUGGESTION,
    message="You are writing on the day of the rejection and the draft sounds upset; consider sleeping on it.",
    why="Professionalism above all, regardless of disappointment: a day's distance keeps the message gracious.",
    fix="Save the draft, reread it tomorrow, then send.",
    bad=(
        (
            "Dear Sam,\n\nThank you. I was [[frustrated]] by the news.\n\nBest,\nLee",
            {"rejection_date": "2024-03-01", "send_date": "2024-03-01"},
        ),
    ),
    good=(
        (
            "Dear Sam,\n\nThank you. I was frustrated by the news.\n\nBest,\nLee",
            {"rejection_date": "2024-03-01", "send_date": "2024-03-03"},
        ),
    ),
)
def cooldown(case: Case) -> Iterator[Hit]:
    if case.context.days_to_send != 0:
        return
    match = _UPSET.search(case.text, case.doc.body.start, case.doc.body.end)
    if match:
        yield Hit(match.start(), match.end())
