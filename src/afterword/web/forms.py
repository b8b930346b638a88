"""The New follow-up form's fields: parsed from a posted form, checked, and turned into a Context.

The steps of the flow carry these fields from page to page in the form itself, so the
server keeps nothing between requests.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from afterword.context import (
    FEEDBACK_VALUES,
    FUTURE_VALUES,
    STAGE_VALUES,
    Context,
    reader_signals,
)

STRATEGY_VALUES = ("auto", "gratitude", "feedback", "future")
TONE_VALUES = ("warm", "formal")
LENGTH_VALUES = ("standard", "short")
MAX_FIELD = 2_000
MAX_ORIGINAL = 2 * 1024 * 1024


@dataclass(frozen=True)
class FollowUp:
    """Everything the New follow-up steps know about one rejection and the reply to it."""

    company: str = ""
    role: str = ""
    contact_name: str = ""
    contact_email: str = ""
    received: str = ""
    stage: str = "unknown"
    feedback: str = "unknown"
    future: str = "unknown"
    their_subject: str = ""
    your_name: str = ""
    company_detail: str = ""
    skills: str = ""
    strategy: str = "auto"
    tone: str = "warm"
    length: str = "standard"
    # Carried along, not edited: where the rejection came from and what the reader advised.
    rejection_id: str = ""
    original: str = ""
    original_kind: str = ""
    suggested: str = ""
    reply_reason: str = ""
    summary: str = ""

    @classmethod
    def from_form(cls, form: Mapping[str, Any]) -> FollowUp:
        """The fields from a posted form; unknown choices fall back to their default."""
        values: dict[str, str] = {}
        for item in fields(cls):
            raw = form.get(item.name)
            if isinstance(raw, str):
                limit = MAX_ORIGINAL if item.name == "original" else MAX_FIELD
                values[item.name] = (
                    raw[:limit] if item.name == "original" else " ".join(raw.split())[:limit]
                )
        found = cls(**values)
        return replace(
            found,
            stage=_choice(found.stage, STAGE_VALUES),
            feedback=_choice(found.feedback, FEEDBACK_VALUES),
            future=_choice(found.future, FUTURE_VALUES),
            strategy=_choice(found.strategy, STRATEGY_VALUES),
            tone=_choice(found.tone, TONE_VALUES),
            length=_choice(found.length, LENGTH_VALUES),
            original_kind=found.original_kind if found.original_kind in ("eml", "text") else "",
        )

    @classmethod
    def from_reading(
        cls, reading: Mapping[str, Any], *, original: bytes | str, today: dt.date
    ) -> FollowUp:
        """The fields the reader found in a rejection, ready for the user to check."""
        if isinstance(original, bytes):
            # base64 grows the bytes by a third, and the form keeps MAX_ORIGINAL characters.
            fits = 0 < len(original) <= MAX_ORIGINAL * 3 // 4
            kept = base64.b64encode(original).decode() if fits else ""
            kind = "eml" if kept else ""
        else:
            kept, kind = original, "text"
        return cls(
            company=reading.get("company") or "",
            role=reading.get("role") or "",
            contact_name=reading.get("contact_name") or "",
            contact_email=reading.get("contact_email") or "",
            received=reading.get("received_date") or today.isoformat(),
            **reader_signals(reading.get("stage"), reading.get("feedback"), reading.get("future")),
            your_name=reading.get("candidate_name") or "",
            original=kept,
            original_kind=kind,
            suggested=reading.get("suggested_strategy") or "",
            reply_reason=reading.get("reply_reason") or "",
            summary=reading.get("summary") or "",
        )

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def received_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.received)
        except ValueError:
            return None

    @property
    def skill_list(self) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.skills.split(",") if item.strip())

    def original_raw(self) -> bytes | str | None:
        """The rejection as it arrived: .eml bytes, pasted text, or None."""
        if self.original_kind == "text" and self.original:
            return self.original
        if self.original_kind == "eml" and self.original:
            try:
                return base64.b64decode(self.original, validate=True)
            except (binascii.Error, ValueError):
                return None
        return None

    def problems(self) -> dict[str, str]:
        """What must change before a draft can be written: field name -> a sentence."""
        found = {}
        if not self.company:
            found["company"] = "Add the company's name: every follow-up names it."
        if self.received and self.received_date is None:
            found["received"] = "Give the date as year-month-day, like 2026-03-14."
        if self.contact_email and ("@" not in self.contact_email or " " in self.contact_email):
            found["contact_email"] = "This does not look like an email address."
        if self.strategy == "feedback" and self.feedback == "declined":
            found["strategy"] = (
                "They said they don't give feedback, so asking for it would strain things: "
                "choose another approach."
            )
        return found

    def context(self, *, profile: Any = None, send_date: dt.date | None = None) -> Context:
        """The facts a draft must agree with, signed with the user's profile."""
        return Context(
            sender_name=self.your_name or _get(profile, "name") or None,
            recipient_name=self.contact_name or None,
            company=self.company or None,
            role=self.role or None,
            rejection_date=self.received_date,
            send_date=send_date,
            skills=self.skill_list,
            company_detail=self.company_detail or None,
            feedback=self.feedback,
            stage=self.stage,
            future=self.future,
            recipient_email=self.contact_email or None,
            their_subject=self.their_subject or None,
            sender_email=_get(profile, "email") or None,
            sender_phone=_get(profile, "phone") or None,
            sender_linkedin=_get(profile, "linkedin") or None,
        )


def context_json(context: Context) -> dict[str, Any]:
    """A Context back as the context JSON of the contract, for the page's live review."""
    data: dict[str, Any] = {}
    for item in fields(Context):
        value = getattr(context, item.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        if value not in (None, [], ""):
            data[item.name] = value
    return data


def split_subject(text: str) -> tuple[str | None, str]:
    """The editor's text as mail parts: "Subject: ..." on the first line, then the body."""
    first, _, rest = text.replace("\r\n", "\n").partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:") :].strip() or None, rest.lstrip("\n")
    return None, text.replace("\r\n", "\n")


def as_sentence(reason: str) -> str:
    """A core reason ("no clean draft is possible: ...") as a sentence for the page."""
    text = reason.strip()
    # "... applied for. (“Data Analyst”)" reads better with the quote inside the sentence.
    text = re.sub(r"\.\s*\((“[^”]*”)\)\.?$", r" (\1).", text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    """The value when it is one of the choices, else the choices' neutral default."""
    if value in allowed:
        return value
    return "unknown" if "unknown" in allowed else allowed[0]


def _get(profile: Any, name: str) -> str:
    return (getattr(profile, name, "") or "") if profile is not None else ""
