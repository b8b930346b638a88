"""Turn a rejection (an .eml file's bytes, pasted text, or typed fields) into facts to file. Pure."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from afterword.tracker.errors import TrackerError

if TYPE_CHECKING:
    from afterword.inbox import Email
from afterword.tracker.matching import requisition_of

STAGES = ("application", "interview", "unknown")
FEEDBACK = ("offered", "declined", "not_mentioned", "unknown")
FUTURE = ("invited", "kept_on_file", "on_file", "not_mentioned", "unknown")
CONTACT_ROLES = ("recruiter", "hiring_manager", "interviewer", "referrer")
NAME_LIMIT = 300
URL_LIMIT = 2000


@dataclass(frozen=True)
class NewRejection:
    """Everything the tracker files for one rejection."""

    company: str
    role: str
    received_on: date
    received_at: datetime | None = None  # UTC, naive: what the database stores
    contact_name: str | None = None
    contact_email: str | None = None
    contact_role: str = "recruiter"
    stage: str = "unknown"
    feedback: str = "unknown"
    future: str = "unknown"
    suggested_strategy: str = "none"
    reply_advised: bool = True
    summary: str = ""
    requisition: str | None = None
    application_url: str | None = None
    message_id: str | None = None
    original: bytes | None = None
    original_kind: str | None = None


def clean(text: str) -> str:
    """Text any database can hold: no NUL characters, no unpaired surrogates."""
    if not isinstance(text, str):
        raise TrackerError("expected text")
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _fit(value: str | None, limit: int) -> str | None:
    """Trim what the reader found to what the columns hold."""
    if value is None or not value.strip():
        return None
    value = " ".join(clean(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def required(value: str | None, what: str, limit: int = NAME_LIMIT) -> str:
    """A name the user typed: present, one line, and not absurdly long."""
    cleaned = optional(value, what, limit)
    if cleaned is None:
        raise TrackerError(f"give the {what}")
    return cleaned


def optional(value: str | None, what: str, limit: int = NAME_LIMIT) -> str | None:
    if value is None or not clean(value).strip():
        return None
    cleaned = " ".join(clean(value).split())
    if len(cleaned) > limit:
        raise TrackerError(f"the {what} is too long (over {limit} characters)")
    return cleaned


def choice(value: str, what: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise TrackerError(f"unknown {what} {value!r}; choose {', '.join(allowed)}")
    return value


def utc_naive(moment: datetime | None) -> datetime | None:
    """Store instants as UTC without a zone, the same on SQLite and PostgreSQL."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_email(
    raw: bytes | str,
    *,
    today: date,
    company: str | None = None,
    role: str | None = None,
    application_url: str | None = None,
    parsed: Email | None = None,
    kind: str | None = None,
) -> NewRejection:
    """Read the rejection with afterword.inbox and keep the original as it came.

    `parsed` is the reader's Email when the shell has already read the file (an Outlook
    .msg, or a big .eml streamed), and `kind` then names the original: eml, msg or text.
    """
    from afterword.inbox import parse_email, parse_pasted, read_rejection

    original = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    kind = kind or ("text" if isinstance(raw, str) else "eml")
    if parsed is not None:
        email = parsed
    elif isinstance(raw, str):
        email = parse_pasted(raw)
    else:
        email = parse_email(original)
    if not original.strip():
        raise TrackerError("the rejection is empty: save the email (.eml) or paste its text")
    reading = read_rejection(email)
    company = optional(company, "company name") or _fit(reading.company, NAME_LIMIT)
    if company is None:
        raise TrackerError(
            "afterword could not tell which company this rejection is from; give it with --company"
        )
    received_on = date.fromisoformat(reading.received_date) if reading.received_date else today
    received_at = None
    if email.date is not None and email.date.date() == received_on:
        received_at = utc_naive(email.date)  # the time is known only for the mail itself
    return NewRejection(
        company=company,
        role=optional(role, "role") or _fit(reading.role, NAME_LIMIT) or "",
        received_on=received_on,
        received_at=received_at,
        contact_name=_fit(reading.contact_name, NAME_LIMIT),
        contact_email=_fit(reading.contact_email, 320),
        stage=reading.stage,
        feedback=reading.feedback,
        future=reading.future,
        suggested_strategy=reading.suggested_strategy,
        reply_advised=reading.reply_advised,
        summary=clean(reading.summary),
        requisition=requisition_of(email.subject, email.text[:5000]),
        application_url=optional(application_url, "application link", URL_LIMIT),
        message_id=_fit(email.message_id, 998),
        original=original,
        original_kind=kind,
    )


def from_fields(facts: NewRejection) -> NewRejection:
    """Check what the user typed, field by field, with a one-line reason for anything wrong."""
    return replace(
        facts,
        company=required(facts.company, "company name"),
        role=optional(facts.role, "role") or "",
        contact_name=optional(facts.contact_name, "contact's name"),
        contact_email=optional(facts.contact_email, "contact's e-mail address", 320),
        contact_role=choice(facts.contact_role, "contact role", CONTACT_ROLES),
        stage=choice(facts.stage, "stage", STAGES),
        feedback=choice(facts.feedback, "feedback value", FEEDBACK),
        future=choice(facts.future, "future value", FUTURE),
        requisition=optional(facts.requisition, "requisition number", 100),
        application_url=optional(facts.application_url, "application link", URL_LIMIT),
        received_at=utc_naive(facts.received_at),
        suggested_strategy=strategy_for(facts.stage, facts.feedback, facts.future),
    )


def strategy_for(stage: str, feedback: str, future: str) -> str:
    """The composer's strategy for typed-in facts, as the reader would suggest it."""
    if future in ("invited", "kept_on_file", "on_file"):
        return "future"
    if stage == "interview" and feedback != "declined":
        return "feedback"
    return "gratitude"
