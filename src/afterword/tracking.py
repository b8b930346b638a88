"""Track every rejection, person, message and piece of feedback, and say what is due.

The service the shells call. SQL lives in `afterword.tracker`, and SQLAlchemy loads only
when a Tracker opens: `afterword track due` answers without it (see tracker.quick).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterword.tracker.errors import DuplicateRejection, PolicyRefusal, TrackerError
from afterword.tracker.policy import DueItem
from afterword.tracker.records import (
    ApplicationRecord,
    CompanyDetail,
    CompanySummary,
    ContactRecord,
    FeedbackRecord,
    Filing,
    HistoryEvent,
    ImportSummary,
    MessageRecord,
    Profile,
    RejectionDetail,
    RejectionRecord,
    WeekCounts,
)

if TYPE_CHECKING:
    from afterword.tracker.service import Tracker

__all__ = [
    "ApplicationRecord",
    "CompanyDetail",
    "CompanySummary",
    "ContactRecord",
    "DueItem",
    "DuplicateRejection",
    "FeedbackRecord",
    "Filing",
    "HistoryEvent",
    "ImportSummary",
    "MessageRecord",
    "PolicyRefusal",
    "Profile",
    "RejectionDetail",
    "RejectionRecord",
    "Tracker",
    "TrackerError",
    "WeekCounts",
    "calendar",
    "default_database_url",
    "due_now",
    "open_tracker",
    "read_export",
    "report",
]

ENVIRONMENT = "AFTERWORD_DATABASE_URL"


def __getattr__(name: str) -> Any:
    if name == "Tracker":  # loads SQLAlchemy, so only when asked for
        from afterword.tracker.service import Tracker

        return Tracker
    raise AttributeError(f"module 'afterword.tracking' has no attribute {name!r}")


def default_database_url() -> str:
    """AFTERWORD_DATABASE_URL, else a SQLite file in the user's data folder (created)."""
    url = os.environ.get(ENVIRONMENT, "").strip()
    if url:
        return url
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("afterword"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TrackerError(f"cannot create the data folder {folder}: {error.strerror}") from None
    return f"sqlite:///{folder / 'afterword.db'}"


def open_tracker(
    url: str | None = None, *, owner: str = "me", lock_timeout: float = 15.0
) -> Tracker:
    """Open the database, creating or migrating it; `owner` scopes every record."""
    from afterword.tracker.database import open_database
    from afterword.tracker.intake import required
    from afterword.tracker.service import Tracker

    owner = required(owner, "owner", 200)
    database = open_database(url or default_database_url(), lock_timeout=lock_timeout)
    return Tracker(database, owner)


def due_now(url: str | None, *, owner: str = "me", now: datetime) -> list[DueItem]:
    """What is due: the fast way when the database is ready, else through a full Tracker."""
    from afterword.tracker import quick

    url = url or default_database_url()
    items = quick.due(url, owner=owner, now=now)
    if items is not None:
        return items
    with open_tracker(url, owner=owner) as tracker:
        return tracker.due(now=now)


def read_export(text: str | bytes) -> dict[str, Any]:
    """An export file's contents, or a one-line reason why it cannot be imported."""
    from afterword.tracker.transfer import read_export as parse

    return parse(text)


def calendar(tracker: Tracker, *, now: datetime) -> str:
    """An .ics file of every follow-up deadline and check-in, due now or later."""
    from afterword.export.ics import CalendarEvent, calendar_ics

    titles = {
        "follow_up": "Follow up with {company}",
        "check_in": "Check in with {company}",
        "cool_down": "Take a breath before replying to {company}",
    }
    events = [
        CalendarEvent(
            uid=f"{item.kind}-{item.rejection_id}",  # stable: a moved reminder updates in place
            day=item.due_on,
            summary=titles[item.kind].format(company=item.company),
            description=" · ".join(
                part
                for part in (item.role, item.contact and f"Contact: {item.contact}", item.reason)
                if part
            ),
        )
        for item in tracker.reminders(now=now)
        if item.kind != "cool_down"
    ]
    return calendar_ics(events, stamp=now, name="afterword reminders")


def report(
    tracker: Tracker,
    *,
    output_format: str,
    since: date | None = None,
    until: date | None = None,
) -> str:
    """The job-search activity log as CSV or Markdown, between two dates when given."""
    from afterword.export.report import activity_csv, activity_markdown

    entries = tracker.activity(since=since, until=until)
    if output_format == "csv":
        return activity_csv(entries)
    if output_format == "markdown":
        period = (since, until) if since and until else None
        return activity_markdown(entries, title="Job-search activity", period=period)
    raise TrackerError(f"unknown report format {output_format!r}; choose csv or markdown")
