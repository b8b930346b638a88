"""The job-search activity log: every dated action, as a benefits office asks for it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from afterword.tracker.models import (
    Application,
    Company,
    Contact,
    Feedback,
    Message,
    Opening,
    Rejection,
)

Event = tuple[date, str, str, str, str | None, str]  # day, company, role, action, contact, notes

_SENT = {"follow_up": "Sent a follow-up", "check_in": "Checked in"}


def events(session: Session, owner: str, *, since: date | None, until: date | None) -> list[Event]:
    """Applications, rejections, messages, replies, feedback and openings, oldest first."""
    low = since or date.min
    high = until or date.max
    found: list[Event] = []
    owned = (
        select(Application, Company)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner)
    )
    for application, company in session.execute(
        owned.where(Application.applied_on.between(low, high))
    ):
        found.append(
            (
                application.applied_on,
                company.name,
                application.role,
                "Applied",
                None,
                application.url or "",
            )
        )
    threads = (
        select(Rejection, Application, Company, Contact)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .outerjoin(Contact, Contact.id == Rejection.contact_id)
        .where(Company.owner == owner)
    )
    for rejection, application, company, contact in session.execute(
        threads.where(Rejection.received_on.between(low, high))
    ):
        found.append(
            (
                rejection.received_on,
                company.name,
                application.role,
                "Received a rejection",
                _name(contact),
                "",
            )
        )
    start = datetime.combine(low, time()) if since else datetime.min
    end = datetime.combine(high + timedelta(days=1), time()) if until else datetime.max
    for message, application, company, contact in session.execute(
        select(Message, Application, Company, Contact)
        .join(Rejection, Rejection.id == Message.rejection_id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .outerjoin(Contact, Contact.id == Rejection.contact_id)
        .where(Company.owner == owner)
        .where(
            ((Message.status == "sent") & (Message.sent_at >= start) & (Message.sent_at < end))
            | ((Message.kind == "reply") & Message.received_on.between(low, high))
        )
    ):
        if message.kind == "reply":
            found.append(
                (
                    message.received_on,
                    company.name,
                    application.role,
                    "Received a reply",
                    _name(contact),
                    "",
                )
            )
        else:
            found.append(
                (
                    message.sent_at.date(),
                    company.name,
                    application.role,
                    _SENT[message.kind],
                    _name(contact),
                    message.subject,
                )
            )
    for feedback, application, company in session.execute(
        select(Feedback, Application, Company)
        .join(Rejection, Rejection.id == Feedback.rejection_id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner, Feedback.received_on.between(low, high))
    ):
        found.append(
            (feedback.received_on, company.name, application.role, "Received feedback", None, "")
        )
    for opening, company in session.execute(
        select(Opening, Company)
        .join(Company, Company.id == Opening.company_id)
        .where(Company.owner == owner, Opening.seen_on.between(low, high))
    ):
        found.append(
            (
                opening.seen_on,
                company.name,
                opening.role,
                "Noted an opening",
                None,
                opening.url or "",
            )
        )
    return sorted(found, key=lambda event: (event[0], event[1], event[3]))


def _name(contact: Contact | None) -> str | None:
    return contact.name if contact is not None else None
