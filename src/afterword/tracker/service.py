"""The Tracker: one user's records in one database, behind plain methods (see afterword.tracking)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from afterword.tracker import (
    activity,
    correspondence,
    filing,
    intake,
    people,
    policy,
    profile,
    queries,
    reminders,
    transfer,
)
from afterword.tracker.backup import backup, backup_name
from afterword.tracker.database import Database
from afterword.tracker.errors import TrackerError
from afterword.tracker.intake import clean, optional, required
from afterword.tracker.records import (
    ApplicationRecord,
    CompanyDetail,
    CompanySummary,
    ContactRecord,
    FeedbackRecord,
    Filing,
    ImportSummary,
    MessageRecord,
    Profile,
    RejectionDetail,
    RejectionRecord,
    WeekCounts,
)

T = TypeVar("T")


class Tracker:
    """Every method is one transaction: it completes, or changes nothing and says why."""

    def __init__(self, database: Database, owner: str) -> None:
        self._db = database
        self.owner = owner

    def close(self) -> None:
        self._db.engine.dispose()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _read(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return self._db.read(lambda session: work(session, self.owner, *args, **kwargs))

    def _write(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return self._db.write(
            lambda session: work(session, self.owner, *args, **kwargs), owner=self.owner
        )

    # Rejections and applications in

    def add_rejection(
        self, raw: bytes | str, *, today: date, application_url: str | None = None
    ) -> RejectionRecord:
        return self.file_rejection(raw, today=today, application_url=application_url).rejection

    def file_rejection(
        self,
        raw: bytes | str,
        *,
        today: date,
        company: str | None = None,
        role: str | None = None,
        application_url: str | None = None,
        parsed: Any = None,
        kind: str | None = None,
    ) -> Filing:
        """Read the email and file it, saying whether its company and application were new.

        `parsed` and `kind`: the reader's Email and the file's kind when the shell read it.
        """
        facts = intake.from_email(
            raw,
            today=today,
            company=company,
            role=role,
            application_url=application_url,
            parsed=parsed,
            kind=kind,
        )
        return self._write(filing.file_rejection, facts)

    def add_rejection_fields(self, **fields: Any) -> RejectionRecord:
        return self.file_fields(**fields).rejection

    def file_fields(self, *, company: str, role: str, received: date, **fields: Any) -> Filing:
        """File a rejection from typed facts (contact, stage, feedback, future, requisition...)."""
        facts = intake.from_fields(
            intake.NewRejection(company=company, role=role, received_on=received, **fields)
        )
        return self._write(filing.file_rejection, facts)

    def add_application(
        self,
        *,
        company: str,
        role: str,
        applied: date,
        url: str | None = None,
        requisition: str | None = None,
    ) -> ApplicationRecord:
        return self._write(
            filing.add_application,
            company=required(company, "company name"),
            role=required(role, "role"),
            applied=applied,
            url=optional(url, "link", intake.URL_LIMIT),
            requisition=optional(requisition, "requisition number", 100),
        )

    def rejections(
        self, *, limit: int | None = None, company: str | None = None
    ) -> list[RejectionRecord]:
        """Newest first."""
        return self._read(queries.rejections, limit=limit, company=company)

    def rejection(self, rejection_id: int) -> RejectionDetail:
        return self._read(queries.rejection_detail, rejection_id)

    def original(self, rejection_id: int) -> tuple[bytes, str] | None:
        """The email as filed, byte for byte, and its kind (eml, msg or text); None if none."""
        return self._read(queries.original_email, rejection_id)

    # Messages, replies, feedback

    def save_draft(
        self,
        rejection_id: int,
        *,
        subject: str,
        body: str,
        strategy: str,
        verdict: str,
        findings: list[dict],
    ) -> MessageRecord:
        return self._write(
            correspondence.save_draft,
            rejection_id,
            subject=clean(subject),
            body=clean(body),
            strategy=strategy,
            verdict=verdict,
            findings=findings,
        )

    def mark_sent(
        self, message_id: int, *, sent_on: datetime, force: bool = False
    ) -> MessageRecord:
        """One follow-up per rejection and one check-in a quarter, unless they replied or forced."""
        return self._write(correspondence.mark_sent, message_id, sent_on=sent_on, force=force)

    def send_draft(
        self,
        rejection_id: int,
        *,
        subject: str,
        body: str,
        strategy: str,
        verdict: str,
        findings: list[dict],
        sent_on: datetime,
        force: bool = False,
    ) -> MessageRecord:
        """save_draft and mark_sent in one transaction: a refusal files no draft."""
        return self._write(
            correspondence.send_draft,
            rejection_id,
            subject=clean(subject),
            body=clean(body),
            strategy=strategy,
            verdict=verdict,
            findings=findings,
            sent_on=sent_on,
            force=force,
        )

    def log_sent(
        self,
        rejection_id: int,
        *,
        sent_on: datetime,
        kind: str = "follow_up",
        subject: str = "",
        body: str = "",
        force: bool = False,
    ) -> MessageRecord:
        """A follow-up or check-in written and sent outside afterword, under the same rules."""
        return self._write(
            correspondence.log_sent,
            rejection_id,
            sent_on=sent_on,
            kind=kind,
            subject=clean(subject),
            body=clean(body),
            force=force,
        )

    def log_reply(self, rejection_id: int, *, received: date, text: str = "") -> MessageRecord:
        return self._write(
            correspondence.log_reply, rejection_id, received=received, text=clean(text)
        )

    def log_feedback(
        self,
        rejection_id: int,
        *,
        text: str,
        received: date,
        themes: tuple[str, ...] | None = None,
    ) -> FeedbackRecord:
        """Themes are read from the text unless given."""
        from afterword.themes import THEMES, themes_of

        text = clean(text)
        chosen = tuple(themes) if themes is not None else themes_of(text)
        unknown = [theme for theme in chosen if theme not in THEMES]
        if unknown:
            raise TrackerError(f"unknown theme {unknown[0]!r}; choose from {', '.join(THEMES)}")
        ordered = tuple(theme for theme in THEMES if theme in chosen)
        return self._write(
            correspondence.log_feedback, rejection_id, text=text, received=received, themes=ordered
        )

    def feedback(self) -> list[FeedbackRecord]:
        return self._read(correspondence.feedback_list)

    def theme_counts(self) -> dict[str, int]:
        return self._read(correspondence.theme_counts)

    # What is due

    def reminders(self, *, now: datetime) -> list[policy.DueItem]:
        """Follow-ups and check-ins, due now or later: what the calendar shows."""
        facts, openings, last, timing = self._read(reminders.load_in_session, today=now.date())
        return policy.reminders(facts, openings, last, now=now, timing=timing)

    def due(self, *, now: datetime) -> list[policy.DueItem]:
        facts, openings, last, timing = self._read(reminders.load_in_session, today=now.date())
        return policy.due(facts, openings, last, now=now, timing=timing)

    def log_opening(self, *, company: str, role: str, seen: date, url: str | None = None) -> None:
        self._write(
            filing.log_opening,
            company=required(company, "company name"),
            role=required(role, "role"),
            seen=seen,
            url=optional(url, "link", intake.URL_LIMIT),
        )

    # Companies, contacts, profile

    def companies(self) -> list[CompanySummary]:
        return self._read(queries.companies)

    def company(self, company_id: int) -> CompanyDetail:
        return self._read(queries.company_detail, company_id)

    def archive_company(self, company_id: int, archived: bool = True) -> None:
        self._write(queries.archive_company, company_id, archived=archived)

    def contacts(self) -> list[ContactRecord]:
        return self._read(people.contacts)

    def add_contact(
        self,
        rejection_id: int,
        *,
        name: str,
        email: str | None = None,
        linkedin: str | None = None,
        role: str = "interviewer",
    ) -> ContactRecord:
        return self._write(
            filing.add_contact,
            rejection_id,
            name=required(name, "contact's name"),
            email=optional(email, "e-mail address", 320),
            linkedin=optional(linkedin, "LinkedIn address", 500),
            role=intake.choice(role, "contact role", intake.CONTACT_ROLES),
        )

    def update_contact(
        self,
        contact_id: int,
        *,
        do_not_contact: bool | None = None,
        notes: str | None = None,
        linkedin: str | None = None,
    ) -> ContactRecord:
        return self._write(
            people.update_contact,
            contact_id,
            do_not_contact=do_not_contact,
            notes=clean(notes) if notes is not None else None,
            linkedin=optional(linkedin, "LinkedIn address", 500) if linkedin is not None else None,
        )

    def timeline(self, *, today: date, weeks: int = 12) -> list[WeekCounts]:
        return self._read(queries.timeline, today=today, weeks=weeks)

    def profile(self) -> Profile:
        return self._read(profile.load)

    def update_profile(self, **fields: Any) -> Profile:
        return self._write(profile.update, fields)

    # Data in and out

    def export_json(self) -> dict[str, Any]:
        return self._read(transfer.export_json)

    def import_json(self, data: dict[str, Any]) -> ImportSummary:
        """All or nothing: a wrong schema, a cut-off file or a duplicate changes nothing."""
        return self._write(transfer.import_json, data)

    def export_csv(self) -> str:
        return transfer.export_csv(self.rejections())

    def backup(self, destination: Path) -> Path:
        """SQLite: a copy of the file. PostgreSQL: this owner's data as a JSON export."""
        return backup(self._db, Path(destination), self.export_json)

    def backup_name(self, now: datetime) -> str:
        """The file name for a backup made `now`, with the suffix of what backup() writes."""
        return backup_name(self._db, now)

    def activity(self, *, since: date | None = None, until: date | None = None) -> list:
        """Every dated action as an ActivityEntry, oldest first, for a job-search report."""
        from afterword.export.report import ActivityEntry

        found = self._read(activity.events, since=since, until=until)
        return [ActivityEntry(*event) for event in found]
