"""The people on file: everyone you dealt with, and what you noted about them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.models import Company, Contact
from afterword.tracker.records import ContactRecord
from afterword.tracker.rows import contact_record


def contacts(session: Session, owner: str) -> list[ContactRecord]:
    rows = session.execute(
        select(Contact, Company)
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(Contact.owner == owner)
        .order_by(Contact.name, Contact.id)
    ).all()
    return [contact_record(contact, company) for contact, company in rows]


def owned_contact(session: Session, owner: str, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.owner != owner:
        raise TrackerError(f"no contact #{contact_id} on file")
    return contact


def update_contact(
    session: Session,
    owner: str,
    contact_id: int,
    *,
    do_not_contact: bool | None,
    notes: str | None,
    linkedin: str | None,
) -> ContactRecord:
    contact = owned_contact(session, owner, contact_id)
    if do_not_contact is not None:
        contact.do_not_contact = do_not_contact
    if notes is not None:
        contact.notes = notes
    if linkedin is not None:
        contact.linkedin = linkedin or None
    company = session.get(Company, contact.company_id) if contact.company_id else None
    return contact_record(contact, company)
