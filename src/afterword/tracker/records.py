"""The records the tracker hands out: frozen, plain, and JSON-safe through to_dict(). Pure."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any


def plain(value: Any) -> Any:
    """Dates as ISO strings, tuples as lists, records as dicts: what json.dumps accepts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


class Record:
    """Mixin: every record serialises the same way."""

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclasses.dataclass(frozen=True)
class RejectionRecord(Record):
    id: int
    company_id: int
    company: str
    application_id: int
    role: str
    requisition: str | None
    received_on: date
    received_at: datetime | None
    stage: str
    feedback: str
    future: str
    suggested_strategy: str
    reply_advised: bool
    summary: str
    contact_id: int | None
    contact: str | None
    contact_email: str | None
    follow_up: str  # none | draft | sent
    replied: bool


@dataclasses.dataclass(frozen=True)
class Filing(Record):
    """A rejection as filed, and whether its company, application and contact were new."""

    rejection: RejectionRecord
    new_company: bool
    new_application: bool
    new_contact: bool


@dataclasses.dataclass(frozen=True)
class ApplicationRecord(Record):
    id: int
    company_id: int
    company: str
    role: str
    requisition: str | None
    url: str | None
    stage: str
    applied_on: date | None


@dataclasses.dataclass(frozen=True)
class MessageRecord(Record):
    id: int
    rejection_id: int
    kind: str  # follow_up | check_in | reply
    status: str  # draft | sent | received
    subject: str
    body: str
    strategy: str
    verdict: str
    findings: tuple[dict[str, Any], ...]
    sent_at: datetime | None
    received_on: date | None


@dataclasses.dataclass(frozen=True)
class FeedbackRecord(Record):
    id: int
    rejection_id: int
    company: str
    role: str
    text: str
    received_on: date
    themes: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ContactRecord(Record):
    id: int
    name: str
    email: str | None
    linkedin: str | None
    notes: str
    last_contact: date | None
    do_not_contact: bool
    company: str | None
    company_id: int | None
    role: str | None = None  # their part in one application, when shown with it


@dataclasses.dataclass(frozen=True)
class CompanySummary(Record):
    id: int
    name: str
    applications: int
    rejections: int
    last_contact: date | None
    archived: bool


@dataclasses.dataclass(frozen=True)
class HistoryEvent(Record):
    day: date
    kind: str  # applied | rejected | follow_up | check_in | reply | feedback | opening | draft
    role: str
    text: str
    rejection_id: int | None = None


@dataclasses.dataclass(frozen=True)
class CompanyDetail(Record):
    id: int
    name: str
    archived: bool
    applications: tuple[ApplicationRecord, ...]
    contacts: tuple[ContactRecord, ...]
    history: tuple[HistoryEvent, ...]
    last_contact: date | None


@dataclasses.dataclass(frozen=True)
class RejectionDetail(Record):
    rejection: RejectionRecord
    company: CompanySummary
    application: ApplicationRecord
    contacts: tuple[ContactRecord, ...]
    messages: tuple[MessageRecord, ...]
    feedback: tuple[FeedbackRecord, ...]
    original: str | None  # the email as filed, as text (None for an Outlook .msg)
    original_kind: str | None  # eml | msg | text


@dataclasses.dataclass(frozen=True)
class WeekCounts(Record):
    week_start: date
    applications: int
    rejections: int
    follow_ups: int
    replies: int


@dataclasses.dataclass(frozen=True)
class Profile(Record):
    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    signature: str = ""
    skills: tuple[str, ...] = ()
    follow_up_days: int = 7
    check_in_days: int = 90
    disabled_rules: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class ImportSummary(Record):
    companies: int
    contacts: int
    applications: int
    rejections: int
    messages: int
    feedback: int
    openings: int

    def describe(self) -> str:
        """What an import added, as one sentence for the CLI and the web app alike."""
        return (
            f"Imported {_counted(self.rejections, 'rejection')} at "
            f"{_counted(self.companies, 'company', 'companies')}, "
            f"{_counted(self.contacts, 'contact')}, {_counted(self.messages, 'message')} and "
            f"{_counted(self.feedback, 'piece')} of feedback."
        )


def _counted(count: int, noun: str, many: str | None = None) -> str:
    return f"{count} {noun if count == 1 else many or noun + 's'}"
