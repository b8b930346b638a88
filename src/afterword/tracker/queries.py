"""Lists and details for people and scripts: rejections, companies, contacts, the timeline."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.matching import company_key
from afterword.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    Feedback,
    Message,
    Opening,
    Rejection,
)
from afterword.tracker.records import (
    CompanyDetail,
    CompanySummary,
    HistoryEvent,
    RejectionDetail,
    RejectionRecord,
    WeekCounts,
)
from afterword.tracker.rows import (
    application_record,
    contact_record,
    load_rejection,
    message_record,
    owned_rejection,
    rejection_query,
    rejection_record,
)


def rejections(
    session: Session, owner: str, *, limit: int | None, company: str | None
) -> list[RejectionRecord]:
    query = rejection_query(owner).order_by(Rejection.received_on.desc(), Rejection.id.desc())
    if company is not None:
        query = query.where(Company.name_key == company_key(company))
    if limit is not None:
        query = query.limit(max(limit, 0))
    return [rejection_record(row) for row in session.execute(query)]


def rejection_detail(session: Session, owner: str, rejection_id: int) -> RejectionDetail:
    from afterword.tracker.correspondence import feedback_list

    record = load_rejection(session, owner, rejection_id)
    rejection = session.get(Rejection, rejection_id)
    application = session.get(Application, record.application_id)
    company = session.get(Company, record.company_id)
    people = session.execute(
        select(Contact, ApplicationContact.role)
        .join(ApplicationContact, ApplicationContact.contact_id == Contact.id)
        .where(ApplicationContact.application_id == application.id)
        .order_by(Contact.id)
    ).all()
    messages = session.scalars(
        select(Message).where(Message.rejection_id == rejection_id).order_by(Message.id)
    ).all()
    original = None
    if rejection.original is not None and rejection.original_kind in ("eml", "text"):
        original = rejection.original.decode("utf-8", "replace")
    return RejectionDetail(
        rejection=record,
        company=company_summary(session, company),
        application=application_record(application, company),
        contacts=tuple(contact_record(contact, company, role) for contact, role in people),
        messages=tuple(message_record(message) for message in messages),
        feedback=tuple(f for f in feedback_list(session, owner) if f.rejection_id == rejection_id),
        original=original,
        original_kind=rejection.original_kind,
    )


def original_email(session: Session, owner: str, rejection_id: int) -> tuple[bytes, str] | None:
    """The rejection as it arrived (the bytes and their kind: eml, msg or text), or None."""
    rejection = owned_rejection(session, owner, rejection_id)[0]
    if rejection.original is None or rejection.original_kind is None:
        return None
    return bytes(rejection.original), rejection.original_kind


def _last_contacts(session: Session, owner: str, company_id: int | None = None) -> dict:
    """Each company's latest exchange: a rejection, a message sent, or a reply."""
    base = (
        select(Application.company_id.label("company_id"), Rejection.id.label("rejection_id"))
        .join(Rejection, Rejection.application_id == Application.id)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner)
    )
    if company_id is not None:
        base = base.where(Company.id == company_id)
    linked = base.subquery()
    days = union_all(
        select(linked.c.company_id, Rejection.received_on.label("day")).join(
            Rejection, Rejection.id == linked.c.rejection_id
        ),
        select(linked.c.company_id, func.date(Message.sent_at).label("day"))
        .join(Message, Message.rejection_id == linked.c.rejection_id)
        .where(Message.status == "sent"),
        select(linked.c.company_id, Message.received_on.label("day"))
        .join(Message, Message.rejection_id == linked.c.rejection_id)
        .where(Message.kind == "reply"),
    ).subquery()
    rows = session.execute(
        select(days.c.company_id, func.max(days.c.day)).group_by(days.c.company_id)
    ).all()
    return {company: _as_date(day) for company, day in rows}


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def companies(session: Session, owner: str) -> list[CompanySummary]:
    applications = dict(
        session.execute(
            select(Application.company_id, func.count())
            .join(Company, Company.id == Application.company_id)
            .where(Company.owner == owner)
            .group_by(Application.company_id)
        ).all()
    )
    rejected = dict(
        session.execute(
            select(Application.company_id, func.count(Rejection.id))
            .join(Rejection, Rejection.application_id == Application.id)
            .join(Company, Company.id == Application.company_id)
            .where(Company.owner == owner)
            .group_by(Application.company_id)
        ).all()
    )
    last = _last_contacts(session, owner)
    rows = session.scalars(select(Company).where(Company.owner == owner).order_by(Company.name))
    return [
        CompanySummary(
            id=company.id,
            name=company.name,
            applications=int(applications.get(company.id, 0)),
            rejections=int(rejected.get(company.id, 0)),
            last_contact=last.get(company.id),
            archived=bool(company.archived),
        )
        for company in rows
    ]


def owned_company(session: Session, owner: str, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None or company.owner != owner:
        raise TrackerError(f"no company #{company_id} on file")
    return company


def company_summary(session: Session, company: Company) -> CompanySummary:
    for summary in companies(session, company.owner):
        if summary.id == company.id:
            return summary
    raise TrackerError(f"no company #{company.id} on file")


def company_detail(session: Session, owner: str, company_id: int) -> CompanyDetail:
    company = owned_company(session, owner, company_id)
    applications = session.scalars(
        select(Application).where(Application.company_id == company_id).order_by(Application.id)
    ).all()
    roles = {application.id: application.role for application in applications}
    people = session.scalars(
        select(Contact).where(Contact.company_id == company_id).order_by(Contact.name)
    ).all()
    history = [
        HistoryEvent(a.applied_on, "applied", a.role, "Applied")
        for a in applications
        if a.applied_on
    ]
    for rejection in session.scalars(
        select(Rejection).where(Rejection.application_id.in_(list(roles)))
    ):
        role = roles[rejection.application_id]
        history.append(
            HistoryEvent(
                rejection.received_on, "rejected", role, "Rejection received", rejection.id
            )
        )
        history += _message_events(session, rejection, role)
    for opening in session.scalars(select(Opening).where(Opening.company_id == company_id)):
        history.append(HistoryEvent(opening.seen_on, "opening", opening.role, "New opening noted"))
    history.sort(key=lambda event: (event.day, event.kind))
    return CompanyDetail(
        id=company.id,
        name=company.name,
        archived=bool(company.archived),
        applications=tuple(application_record(a, company) for a in applications),
        contacts=tuple(contact_record(person, company) for person in people),
        history=tuple(history),
        last_contact=_last_contacts(session, owner, company_id).get(company_id),
    )


_SENT_TEXT = {"follow_up": "Follow-up sent", "check_in": "Check-in sent"}


def _message_events(session: Session, rejection: Rejection, role: str) -> list[HistoryEvent]:
    events = []
    for message in session.scalars(select(Message).where(Message.rejection_id == rejection.id)):
        if message.kind == "reply" and message.received_on:
            events.append(
                HistoryEvent(message.received_on, "reply", role, "Reply received", rejection.id)
            )
        elif message.status == "sent" and message.sent_at:
            events.append(
                HistoryEvent(
                    message.sent_at.date(),
                    message.kind,
                    role,
                    _SENT_TEXT[message.kind],
                    rejection.id,
                )
            )
    for feedback in session.scalars(select(Feedback).where(Feedback.rejection_id == rejection.id)):
        events.append(
            HistoryEvent(feedback.received_on, "feedback", role, "Feedback received", rejection.id)
        )
    return events


def archive_company(session: Session, owner: str, company_id: int, *, archived: bool) -> None:
    owned_company(session, owner, company_id).archived = archived


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(session: Session, owner: str, *, today: date, weeks: int) -> list[WeekCounts]:
    """Weekly counts, Monday to Sunday, oldest week first, ending with this week."""
    if weeks < 1:
        raise TrackerError("the timeline needs at least one week")
    first = week_start(today) - timedelta(weeks=weeks - 1)
    last = week_start(today) + timedelta(days=6)
    owned = (
        select(Rejection.id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner)
    )
    applied = session.scalars(
        select(Application.applied_on)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner, Application.applied_on.between(first, last))
    ).all()
    rejected = session.scalars(
        select(Rejection.received_on).where(
            Rejection.id.in_(owned), Rejection.received_on.between(first, last)
        )
    ).all()
    sent = session.scalars(
        select(Message.sent_at).where(
            Message.rejection_id.in_(owned),
            Message.status == "sent",
            Message.sent_at >= datetime.combine(first, time()),
            Message.sent_at < datetime.combine(last + timedelta(days=1), time()),
        )
    ).all()
    replies = session.scalars(
        select(Message.received_on).where(
            Message.rejection_id.in_(owned),
            Message.kind == "reply",
            Message.received_on.between(first, last),
        )
    ).all()
    counts = [
        Counter(week_start(_as_date(day)) for day in days)
        for days in (applied, rejected, sent, replies)
    ]
    return [
        WeekCounts(start, *(count[start] for count in counts))
        for start in (first + timedelta(weeks=n) for n in range(weeks))
    ]
