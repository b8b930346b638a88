"""Shared query pieces and the conversion of table rows into records."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import Select, and_, case, func, select, update
from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.models import Application, Company, Contact, Message, Rejection
from afterword.tracker.records import (
    ApplicationRecord,
    ContactRecord,
    MessageRecord,
    RejectionRecord,
)


def aware(moment: datetime | None) -> datetime | None:
    """The database keeps UTC without a zone; records carry the zone."""
    return moment.replace(tzinfo=UTC) if moment is not None else None


def _flag(condition) -> object:
    return func.max(case((condition, 1), else_=0))


def message_flags():
    """Per rejection: a follow-up sent, a follow-up drafted, a reply received."""
    return (
        select(
            Message.rejection_id.label("rejection_id"),
            _flag(and_(Message.kind == "follow_up", Message.status == "sent")).label("sent"),
            _flag(and_(Message.kind == "follow_up", Message.status == "draft")).label("draft"),
            _flag(Message.kind == "reply").label("replied"),
        )
        .group_by(Message.rejection_id)
        .subquery()
    )


def rejection_query(owner: str) -> Select:
    """Rejections with their application, company, contact and follow-up state."""
    flags = message_flags()
    return (
        select(
            Rejection, Application, Company, Contact, flags.c.sent, flags.c.draft, flags.c.replied
        )
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .outerjoin(Contact, Contact.id == Rejection.contact_id)
        .outerjoin(flags, flags.c.rejection_id == Rejection.id)
        .where(Company.owner == owner)
    )


def rejection_record(row) -> RejectionRecord:
    rejection, application, company, contact, sent, draft, replied = row
    return RejectionRecord(
        id=rejection.id,
        company_id=company.id,
        company=company.name,
        application_id=application.id,
        role=application.role,
        requisition=application.requisition,
        received_on=rejection.received_on,
        received_at=aware(rejection.received_at),
        stage=rejection.stage,
        feedback=rejection.feedback,
        future=rejection.future,
        suggested_strategy=rejection.suggested_strategy,
        reply_advised=bool(rejection.reply_advised),
        summary=rejection.summary,
        contact_id=contact.id if contact is not None else None,
        contact=contact.name if contact is not None else None,
        contact_email=contact.email if contact is not None else None,
        follow_up="sent" if sent else "draft" if draft else "none",
        replied=bool(replied),
    )


def load_rejection(session: Session, owner: str, rejection_id: int) -> RejectionRecord:
    row = session.execute(rejection_query(owner).where(Rejection.id == rejection_id)).first()
    if row is None:
        raise TrackerError(f"no rejection #{rejection_id} on file")
    return rejection_record(row)


def owned_rejection(session: Session, owner: str, rejection_id: int, *, lock: bool = False):
    """The rejection with its application and company, or a one-line error."""
    query = (
        select(Rejection, Application, Company)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Rejection.id == rejection_id, Company.owner == owner)
    )
    if lock:  # PostgreSQL: one writer at a time per rejection (SQLite locks the whole file)
        query = query.with_for_update(of=Rejection)
    row = session.execute(query).first()
    if row is None:
        raise TrackerError(f"no rejection #{rejection_id} on file")
    return row


def message_record(message: Message) -> MessageRecord:
    return MessageRecord(
        id=message.id,
        rejection_id=message.rejection_id,
        kind=message.kind,
        status=message.status,
        subject=message.subject,
        body=message.body,
        strategy=message.strategy,
        verdict=message.verdict,
        findings=tuple(json.loads(message.findings or "[]")),
        sent_at=aware(message.sent_at),
        received_on=message.received_on,
    )


def contact_record(contact: Contact, company: Company | None, role: str | None = None):
    return ContactRecord(
        id=contact.id,
        name=contact.name,
        email=contact.email,
        linkedin=contact.linkedin,
        notes=contact.notes,
        last_contact=contact.last_contact,
        do_not_contact=bool(contact.do_not_contact),
        company=company.name if company is not None else None,
        company_id=company.id if company is not None else None,
        role=role,
    )


def application_record(application: Application, company: Company) -> ApplicationRecord:
    return ApplicationRecord(
        id=application.id,
        company_id=company.id,
        company=company.name,
        role=application.role,
        requisition=application.requisition,
        url=application.url,
        stage=application.stage,
        applied_on=application.applied_on,
    )


def touch_contact(session: Session, contact_id: int | None, day: date) -> None:
    """Move a contact's last-contact date forward, never back, whatever the write order."""
    if contact_id is None:
        return

    session.execute(
        update(Contact)
        .where(Contact.id == contact_id)
        .values(
            last_contact=case(
                (Contact.last_contact.is_(None), day),
                (Contact.last_contact < day, day),
                else_=Contact.last_contact,
            )
        )
    )
