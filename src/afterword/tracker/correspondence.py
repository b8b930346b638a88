"""Drafts, sent follow-ups and check-ins, their replies, and the feedback they brought."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from afterword.tracker import policy
from afterword.tracker.errors import PolicyRefusal, TrackerError
from afterword.tracker.intake import utc_naive
from afterword.tracker.models import (
    Application,
    Company,
    Contact,
    Feedback,
    FeedbackTheme,
    Message,
    Rejection,
)
from afterword.tracker.records import FeedbackRecord, MessageRecord
from afterword.tracker.rows import message_record, owned_rejection, touch_contact

KINDS = ("follow_up", "check_in")


def save_draft(
    session: Session,
    owner: str,
    rejection_id: int,
    *,
    subject: str,
    body: str,
    strategy: str,
    verdict: str,
    findings: list[dict],
) -> MessageRecord:
    owned_rejection(session, owner, rejection_id)
    try:
        findings_json = json.dumps(list(findings), ensure_ascii=False)
    except (TypeError, ValueError):
        raise TrackerError("the review's findings could not be saved as JSON") from None
    message = Message(
        rejection_id=rejection_id,
        kind="check_in" if strategy == "check_in" else "follow_up",
        status="draft",
        subject=subject,
        body=body,
        strategy=strategy,
        verdict=verdict,
        findings=findings_json,
    )
    session.add(message)
    session.flush()
    return message_record(message)


def _refusal(session: Session, rejection: Rejection, company: Company, kind: str, on: date):
    """The policy's reason not to send, or None."""
    contact = session.get(Contact, rejection.contact_id) if rejection.contact_id else None
    reason = policy.contact_refusal(
        contact=contact.name if contact is not None and contact.do_not_contact else None,
        archived_company=company.name if company.archived else None,
    )
    if reason is not None:
        return reason
    if kind == "check_in":
        last = session.scalar(
            select(func.max(Message.sent_at))
            .join(Rejection, Rejection.id == Message.rejection_id)
            .join(Application, Application.id == Rejection.application_id)
            .where(Application.company_id == company.id)
            .where(Message.kind == "check_in", Message.status == "sent")
        )
        return policy.check_in_refusal(
            company=company.name, last_check_in=last.date() if last else None, on=on, force=False
        )
    earlier = session.scalar(
        select(func.max(Message.sent_at)).where(
            Message.rejection_id == rejection.id,
            Message.kind == "follow_up",
            Message.status == "sent",
        )
    )
    replied = False
    if earlier is not None:
        replied = bool(
            session.scalar(
                select(func.count()).where(
                    Message.rejection_id == rejection.id,
                    Message.kind == "reply",
                    Message.received_on >= earlier.date(),
                )
            )
        )
    return policy.follow_up_refusal(
        company=company.name,
        earlier_sent_on=earlier.date() if earlier else None,
        replied_since=replied,
        force=False,
    )


def mark_sent(
    session: Session, owner: str, message_id: int, *, sent_on: datetime, force: bool
) -> MessageRecord:
    """A draft went out; a second follow-up or an early check-in is refused unless forced."""
    message = session.scalars(
        select(Message)
        .join(Rejection, Rejection.id == Message.rejection_id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Message.id == message_id, Company.owner == owner)
    ).first()
    if message is None:
        raise TrackerError(f"no draft #{message_id} on file")
    if message.kind == "reply":
        raise TrackerError(f"#{message_id} is a reply you received, not a draft to send")
    if message.status == "sent":
        day = message.sent_at.date().isoformat() if message.sent_at else "earlier"
        raise TrackerError(f"draft #{message_id} was already marked sent ({day})")
    rejection, _, company = owned_rejection(session, owner, message.rejection_id, lock=True)
    reason = None if force else _refusal(session, rejection, company, message.kind, sent_on.date())
    if reason is not None:
        raise PolicyRefusal(reason)
    message.status = "sent"
    message.sent_at = utc_naive(sent_on)
    session.flush()
    touch_contact(session, rejection.contact_id, sent_on.date())
    return message_record(message)


def send_draft(
    session: Session,
    owner: str,
    rejection_id: int,
    *,
    subject: str,
    body: str,
    strategy: str,
    verdict: str,
    findings: list[dict],
    sent_on: datetime,
    force: bool,
) -> MessageRecord:
    """Save a draft and mark it sent together, so a refusal leaves no draft behind."""
    owned_rejection(session, owner, rejection_id, lock=True)  # before the draft, as mark_sent
    draft = save_draft(
        session,
        owner,
        rejection_id,
        subject=subject,
        body=body,
        strategy=strategy,
        verdict=verdict,
        findings=findings,
    )
    return mark_sent(session, owner, draft.id, sent_on=sent_on, force=force)


def log_sent(
    session: Session,
    owner: str,
    rejection_id: int,
    *,
    sent_on: datetime,
    kind: str,
    subject: str,
    body: str,
    force: bool,
) -> MessageRecord:
    """A message the user wrote and sent elsewhere, filed under the same rules."""
    if kind not in KINDS:
        raise TrackerError(f"unknown message kind {kind!r}; choose follow_up or check_in")
    rejection, _, company = owned_rejection(session, owner, rejection_id, lock=True)
    reason = None if force else _refusal(session, rejection, company, kind, sent_on.date())
    if reason is not None:
        raise PolicyRefusal(reason)
    message = Message(
        rejection_id=rejection_id,
        kind=kind,
        status="sent",
        subject=subject,
        body=body,
        strategy=kind if kind == "check_in" else "",
        verdict="",
        findings="[]",
        sent_at=utc_naive(sent_on),
    )
    session.add(message)
    session.flush()
    touch_contact(session, rejection.contact_id, sent_on.date())
    return message_record(message)


def log_reply(
    session: Session, owner: str, rejection_id: int, *, received: date, text: str
) -> MessageRecord:
    rejection, _, _ = owned_rejection(session, owner, rejection_id)
    message = Message(
        rejection_id=rejection_id,
        kind="reply",
        status="received",
        subject="",
        body=text,
        strategy="",
        verdict="",
        findings="[]",
        received_on=received,
    )
    session.add(message)
    session.flush()
    touch_contact(session, rejection.contact_id, received)
    return message_record(message)


def log_feedback(
    session: Session,
    owner: str,
    rejection_id: int,
    *,
    text: str,
    received: date,
    themes: tuple[str, ...],
) -> FeedbackRecord:
    _, application, company = owned_rejection(session, owner, rejection_id)
    feedback = Feedback(rejection_id=rejection_id, text=text, received_on=received)
    session.add(feedback)
    session.flush()
    for theme in dict.fromkeys(themes):
        session.add(FeedbackTheme(feedback_id=feedback.id, theme=theme))
    session.flush()
    return FeedbackRecord(
        feedback.id, rejection_id, company.name, application.role, text, received, tuple(themes)
    )


def feedback_list(session: Session, owner: str) -> list[FeedbackRecord]:
    rows = session.execute(
        select(Feedback, Application.role, Company.name)
        .join(Rejection, Rejection.id == Feedback.rejection_id)
        .join(Application, Application.id == Rejection.application_id)
        .join(Company, Company.id == Application.company_id)
        .where(Company.owner == owner)
        .order_by(Feedback.received_on.desc(), Feedback.id.desc())
    ).all()
    themes: dict[int, list[str]] = {}
    if rows:
        ids = [row[0].id for row in rows]
        for start in range(0, len(ids), 500):
            for feedback_id, theme in session.execute(
                select(FeedbackTheme.feedback_id, FeedbackTheme.theme).where(
                    FeedbackTheme.feedback_id.in_(ids[start : start + 500])
                )
            ):
                themes.setdefault(feedback_id, []).append(theme)
    return [
        FeedbackRecord(
            feedback.id,
            feedback.rejection_id,
            company,
            role,
            feedback.text,
            feedback.received_on,
            _in_order(themes.get(feedback.id, [])),
        )
        for feedback, role, company in rows
    ]


def _in_order(themes: list[str]) -> tuple[str, ...]:
    from afterword.themes import THEMES

    return tuple(theme for theme in THEMES if theme in themes)


def theme_counts(session: Session, owner: str) -> dict[str, int]:
    """How many rejections brought each theme, every theme listed."""
    from afterword.themes import THEMES

    counts = dict(
        session.execute(
            select(FeedbackTheme.theme, func.count(distinct(Feedback.rejection_id)))
            .join(Feedback, Feedback.id == FeedbackTheme.feedback_id)
            .join(Rejection, Rejection.id == Feedback.rejection_id)
            .join(Application, Application.id == Rejection.application_id)
            .join(Company, Company.id == Application.company_id)
            .where(Company.owner == owner)
            .group_by(FeedbackTheme.theme)
        ).all()
    )
    return {theme: int(counts.get(theme, 0)) for theme in THEMES}
