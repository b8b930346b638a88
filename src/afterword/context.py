"""Who, what and when of one rejection: the facts a draft must agree with.

Plain frozen dataclasses built from the context JSON of the contract in DESIGN.md.
Parsing is strict about types and lenient about absence: every field is optional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FEEDBACK_VALUES = ("offered", "declined", "unknown")
CHANNEL_VALUES = ("email", "note")
STAGE_VALUES = ("application", "interview", "unknown")
FUTURE_VALUES = ("invited", "on_file", "unknown")


def reader_signals(stage: str | None, feedback: str | None, future: str | None) -> dict[str, str]:
    """What the reader (or the tracker) says of a rejection, in the context's values.

    The reader speaks of "not_mentioned" and "kept_on_file"; a context knows "unknown" and
    "on_file". Values already in the context's terms pass through.
    """
    return {
        "stage": stage if stage in STAGE_VALUES else "unknown",
        "feedback": feedback if feedback in FEEDBACK_VALUES else "unknown",
        "future": "on_file"
        if future == "kept_on_file"
        else future
        if future in FUTURE_VALUES
        else "unknown",
    }


class ContextError(ValueError):
    """The context JSON has a field of the wrong type or an unknown value."""


@dataclass(frozen=True)
class Context:
    """The facts of one rejection that a follow-up should match."""

    sender_name: str | None = None
    recipient_name: str | None = None
    company: str | None = None
    role: str | None = None
    rejection_date: dt.date | None = None
    send_date: dt.date | None = None
    interview_date: dt.date | None = None
    previous_followups: int = 0
    skills: tuple[str, ...] = ()
    company_detail: str | None = None
    feedback: str = "unknown"
    channel: str = "email"
    extra_names: tuple[str, ...] = field(default=())
    # What the rejection said and how to answer it (filled by the reader, or by hand).
    stage: str = "unknown"
    future: str = "unknown"
    recipient_email: str | None = None
    their_subject: str | None = None
    # The sender's signature details, from their profile.
    sender_email: str | None = None
    sender_phone: str | None = None
    sender_linkedin: str | None = None

    @property
    def after_interview(self) -> bool:
        return self.stage == "interview" or self.interview_date is not None

    @property
    def days_to_send(self) -> int | None:
        """Days between the rejection and the send date, when both are known."""
        if self.rejection_date is None or self.send_date is None:
            return None
        return (self.send_date - self.rejection_date).days

    def names(self) -> tuple[str, ...]:
        """Every proper name the context knows, for spelling and consistency checks."""
        found = [
            self.sender_name,
            self.recipient_name,
            self.company,
            self.role,
            *self.extra_names,
        ]
        return tuple(name for name in found if name)


_TEXT_FIELDS = (
    "sender_name",
    "recipient_name",
    "company",
    "role",
    "company_detail",
    "recipient_email",
    "their_subject",
    "sender_email",
    "sender_phone",
    "sender_linkedin",
)
_DATE_FIELDS = ("rejection_date", "send_date", "interview_date")


def context_from_dict(data: Mapping[str, Any] | None) -> Context:
    """Build a Context from decoded JSON, raising ContextError on a bad field."""
    if data is None:
        return Context()
    if not isinstance(data, Mapping):
        raise ContextError("the context must be a JSON object")
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        values[name] = _text(data, name)
    for name in _DATE_FIELDS:
        values[name] = _date(data, name)
    values["previous_followups"] = _count(data, "previous_followups")
    values["skills"] = _strings(data, "skills")
    values["extra_names"] = _strings(data, "extra_names")
    values["feedback"] = _choice(data, "feedback", FEEDBACK_VALUES, "unknown")
    values["channel"] = _choice(data, "channel", CHANNEL_VALUES, "email")
    values["stage"] = _choice(data, "stage", STAGE_VALUES, "unknown")
    values["future"] = _choice(data, "future", FUTURE_VALUES, "unknown")
    return Context(**values)


def _text(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContextError(f"context field {name!r} must be a string")
    value = " ".join(value.split())
    return value or None


def _date(data: Mapping[str, Any], name: str) -> dt.date | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ContextError(f"context field {name!r} must be a date like 2024-05-17")
    try:
        # A full timestamp is accepted; only its day matters for the timing rules.
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ContextError(f"context field {name!r} is not a date like 2024-05-17") from None


def _count(data: Mapping[str, Any], name: str) -> int:
    value = data.get(name, 0)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ContextError(f"context field {name!r} must be a whole number, 0 or more")
    return value


def _strings(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = data.get(name)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContextError(f"context field {name!r} must be a list of strings")
    return tuple(item.strip() for item in value if item.strip())


def _choice(data: Mapping[str, Any], name: str, allowed: tuple[str, ...], default: str) -> str:
    value = data.get(name)
    if value is None or value == "":
        return default
    if value not in allowed:
        raise ContextError(f"context field {name!r} must be one of: {', '.join(allowed)}")
    return value
