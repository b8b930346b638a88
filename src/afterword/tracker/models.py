"""The tables, as SQLAlchemy 2 typed models. Every change to them is an Alembic migration."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("owner", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_owner_email_key", "owner", "email_key"),
        Index("ix_contacts_company_id", "company_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(320))
    email_key: Mapped[str | None] = mapped_column(String(320))
    linkedin: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    last_contact: Mapped[date | None] = mapped_column(Date)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_company_id_role_key", "company_id", "role_key"),
        Index("ix_applications_company_id_requisition_key", "company_id", "requisition_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    role: Mapped[str] = mapped_column(String(300))
    role_key: Mapped[str] = mapped_column(String(300))
    requisition: Mapped[str | None] = mapped_column(String(100))
    requisition_key: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(2000))
    stage: Mapped[str] = mapped_column(String(40), default="unknown")
    applied_on: Mapped[date | None] = mapped_column(Date)


class ApplicationContact(Base):
    """A person's part in one application: recruiter, hiring manager, interviewer, referrer."""

    __tablename__ = "application_contacts"
    __table_args__ = (Index("ix_application_contacts_contact_id", "contact_id"),)

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)


class Rejection(Base):
    __tablename__ = "rejections"
    __table_args__ = (
        Index("ix_rejections_application_id", "application_id"),
        Index("ix_rejections_received_on", "received_on"),
        Index("ix_rejections_message_id", "message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    received_on: Mapped[date] = mapped_column(Date)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, when the mail says
    stage: Mapped[str] = mapped_column(String(40), default="unknown")
    feedback: Mapped[str] = mapped_column(String(40), default="unknown")
    future: Mapped[str] = mapped_column(String(40), default="unknown")
    suggested_strategy: Mapped[str] = mapped_column(String(40), default="none")
    reply_advised: Mapped[bool] = mapped_column(Boolean, default=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str | None] = mapped_column(String(998))
    original: Mapped[bytes | None] = mapped_column(LargeBinary)
    original_kind: Mapped[str | None] = mapped_column(String(10))


class Message(Base):
    """A draft or sent follow-up or check-in, or a reply the company sent back."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_rejection_id_kind", "rejection_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rejection_id: Mapped[int] = mapped_column(ForeignKey("rejections.id"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    strategy: Mapped[str] = mapped_column(String(40), default="")
    verdict: Mapped[str] = mapped_column(String(20), default="")
    findings: Mapped[str] = mapped_column(Text, default="[]")  # the review's findings, JSON
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC
    received_on: Mapped[date | None] = mapped_column(Date)


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_rejection_id", "rejection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rejection_id: Mapped[int] = mapped_column(ForeignKey("rejections.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date] = mapped_column(Date)


class FeedbackTheme(Base):
    __tablename__ = "feedback_themes"

    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(40), primary_key=True)


class Opening(Base):
    """A new role seen at a company: a reason to check in."""

    __tablename__ = "openings"
    __table_args__ = (Index("ix_openings_company_id_seen_on", "company_id", "seen_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    role: Mapped[str] = mapped_column(String(300))
    seen_on: Mapped[date] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2000))


class ProfileRow(Base):
    """The user's signature, skills, reminder intervals and switched-off rules."""

    __tablename__ = "profiles"

    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(80), default="")
    linkedin: Mapped[str] = mapped_column(String(500), default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    follow_up_days: Mapped[int] = mapped_column(Integer, default=7)
    check_in_days: Mapped[int] = mapped_column(Integer, default=90)
    disabled_rules: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
