"""File a rejection, an application, an opening or a person: matching what is already on file."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from afterword.folding import fold
from afterword.tracker.errors import DuplicateRejection, TrackerError
from afterword.tracker.intake import NewRejection
from afterword.tracker.matching import company_key, email_key, requisition_key, role_key
from afterword.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    Opening,
    Rejection,
)
from afterword.tracker.records import ApplicationRecord, ContactRecord, Filing
from afterword.tracker.rows import (
    application_record,
    contact_record,
    load_rejection,
    owned_rejection,
    touch_contact,
)

STAGE_ORDER = ("unknown", "application", "interview")


def find_company(session: Session, owner: str, name: str) -> Company | None:
    key = company_key(name)
    return session.scalars(
        select(Company).where(Company.owner == owner, Company.name_key == key)
    ).first()


def company_for(session: Session, owner: str, name: str) -> tuple[Company, bool]:
    """The company under this name or a spelling of it, created when new."""
    key = company_key(name)
    if not key:
        raise TrackerError(f"{name!r} is not a company name")
    found = find_company(session, owner, name)
    if found is not None:
        return found, False
    company = Company(owner=owner, name=name, name_key=key, archived=False)
    session.add(company)
    session.flush()  # a racing process with the same company fails here and starts over
    return company, True


def application_for(
    session: Session,
    company: Company,
    *,
    role: str,
    requisition: str | None,
    url: str | None = None,
    stage: str = "unknown",
    applied_on: date | None = None,
) -> tuple[Application, bool]:
    """The application for this role or requisition at the company, created when new."""
    wanted_req = requisition_key(requisition)
    key = role_key(role)
    conditions = [Application.role_key == key]
    if wanted_req:
        conditions.append(Application.requisition_key == wanted_req)
    candidates = session.scalars(
        select(Application)
        .where(Application.company_id == company.id, or_(*conditions))
        .order_by(Application.id)
    ).all()
    by_requisition = [a for a in candidates if wanted_req and a.requisition_key == wanted_req]
    # Same title, different requisition: two openings that happen to share a name.
    by_role = [
        a
        for a in candidates
        if a.role_key == key and (not wanted_req or a.requisition_key in (None, wanted_req))
    ]
    found = (by_requisition or by_role or [None])[0]
    if found is not None:
        if found.requisition is None and requisition:
            found.requisition, found.requisition_key = requisition, wanted_req
        found.url = found.url or url
        found.applied_on = found.applied_on or applied_on
        if STAGE_ORDER.index(_stage(stage)) > STAGE_ORDER.index(_stage(found.stage)):
            found.stage = stage
        return found, False
    application = Application(
        company_id=company.id,
        role=role,
        role_key=key,
        requisition=requisition,
        requisition_key=wanted_req,
        url=url,
        stage=stage,
        applied_on=applied_on,
    )
    session.add(application)
    session.flush()
    return application, True


def _stage(stage: str) -> str:
    return stage if stage in STAGE_ORDER else "unknown"


def contact_for(
    session: Session,
    owner: str,
    company: Company,
    *,
    name: str | None,
    email: str | None,
    linkedin: str | None = None,
) -> tuple[Contact | None, bool]:
    """The person by address, else by name at the company, created when new."""
    if not name and not email:
        return None, False
    key = email_key(email)
    found = None
    if key:
        found = session.scalars(
            select(Contact).where(Contact.owner == owner, Contact.email_key == key)
        ).first()
    if found is None and name:
        for contact in session.scalars(select(Contact).where(Contact.company_id == company.id)):
            if fold(contact.name) == fold(name):
                found = contact
                break
    if found is not None:
        if not found.email and email:
            found.email, found.email_key = email, key
        found.linkedin = found.linkedin or linkedin
        return found, False
    contact = Contact(
        owner=owner,
        company_id=company.id,
        name=name or email or "",
        email=email,
        email_key=key,
        linkedin=linkedin,
        notes="",
        do_not_contact=False,
    )
    session.add(contact)
    session.flush()
    return contact, True


def link(session: Session, application: Application, contact: Contact | None, role: str) -> None:
    """Record the person's part in the application, once."""
    if contact is None:
        return
    key = (application.id, contact.id, role)
    if session.get(ApplicationContact, key) is None:
        session.add(ApplicationContact(application_id=key[0], contact_id=key[1], role=role))


def _duplicate(session: Session, owner: str, facts: NewRejection, application_id: int | None):
    query = (
        select(Rejection.id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner)
    )
    if facts.message_id:
        found = session.scalar(query.where(Rejection.message_id == facts.message_id))
        if found is not None:
            return found
    if application_id is None:
        return None
    return session.scalar(
        query.where(
            Rejection.application_id == application_id,
            Rejection.received_on == facts.received_on,
        )
    )


def file_rejection(session: Session, owner: str, facts: NewRejection) -> Filing:
    """Company, contact, application and rejection in one go; a second filing is refused."""
    company, new_company = company_for(session, owner, facts.company)
    application, new_application = application_for(
        session,
        company,
        role=facts.role,
        requisition=facts.requisition,
        url=facts.application_url,
        stage=facts.stage,
    )
    duplicate = _duplicate(session, owner, facts, None if new_application else application.id)
    if duplicate is not None:
        raise DuplicateRejection(duplicate)
    contact, new_contact = contact_for(
        session, owner, company, name=facts.contact_name, email=facts.contact_email
    )
    link(session, application, contact, facts.contact_role)
    rejection = Rejection(
        application_id=application.id,
        contact_id=contact.id if contact is not None else None,
        received_on=facts.received_on,
        received_at=facts.received_at,
        stage=facts.stage,
        feedback=facts.feedback,
        future=facts.future,
        suggested_strategy=facts.suggested_strategy,
        reply_advised=facts.reply_advised,
        summary=facts.summary,
        message_id=facts.message_id,
        original=facts.original,
        original_kind=facts.original_kind,
    )
    session.add(rejection)
    session.flush()
    touch_contact(session, rejection.contact_id, facts.received_on)
    record = load_rejection(session, owner, rejection.id)
    return Filing(record, new_company, new_application, new_contact)


def add_application(
    session: Session,
    owner: str,
    *,
    company: str,
    role: str,
    applied: date,
    url: str | None,
    requisition: str | None,
) -> ApplicationRecord:
    """An application the user made: the activity report lists it."""
    found, _ = company_for(session, owner, company)
    application, _ = application_for(
        session,
        found,
        role=role,
        requisition=requisition,
        url=url,
        stage="application",
        applied_on=applied,
    )
    return application_record(application, found)


def add_contact(
    session: Session,
    owner: str,
    rejection_id: int,
    *,
    name: str,
    email: str | None,
    linkedin: str | None,
    role: str,
) -> ContactRecord:
    """Someone else in the process: an interviewer, the hiring manager, a referrer."""
    _, application, company = owned_rejection(session, owner, rejection_id)
    contact, _ = contact_for(session, owner, company, name=name, email=email, linkedin=linkedin)
    assert contact is not None  # the caller requires a name
    link(session, application, contact, role)
    return contact_record(contact, company, role)


def log_opening(
    session: Session, owner: str, *, company: str, role: str, seen: date, url: str | None
) -> Opening:
    found, _ = company_for(session, owner, company)
    opening = Opening(company_id=found.id, role=role, seen_on=seen, url=url)
    session.add(opening)
    session.flush()
    return opening
