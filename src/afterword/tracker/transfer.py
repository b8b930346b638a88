"""Export everything as JSON (lossless) or CSV, and import an export into the database."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.matching import company_key, email_key, requisition_key, role_key
from afterword.tracker.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    Feedback,
    FeedbackTheme,
    Message,
    Opening,
    ProfileRow,
    Rejection,
)
from afterword.tracker.profile import checked, save
from afterword.tracker.profile import load as load_profile
from afterword.tracker.records import ImportSummary, Profile, plain
from afterword.tracker.transfer_spec import PARENTS, SPEC, check_entries

SCHEMA = 1


def _owned(owner: str):
    """Row queries for each table, limited to the owner's data, oldest first."""
    companies = select(Company.id).where(Company.owner == owner)
    applications = select(Application.id).where(Application.company_id.in_(companies))
    rejections = select(Rejection.id).where(Rejection.application_id.in_(applications))
    feedback = select(Feedback.id).where(Feedback.rejection_id.in_(rejections))
    return {
        "companies": select(Company).where(Company.owner == owner).order_by(Company.id),
        "contacts": select(Contact).where(Contact.owner == owner).order_by(Contact.id),
        "applications": select(Application)
        .where(Application.id.in_(applications))
        .order_by(Application.id),
        "application_contacts": select(ApplicationContact)
        .where(ApplicationContact.application_id.in_(applications))
        .order_by(
            ApplicationContact.application_id,
            ApplicationContact.contact_id,
            ApplicationContact.role,
        ),
        "rejections": select(Rejection).where(Rejection.id.in_(rejections)).order_by(Rejection.id),
        "messages": select(Message)
        .where(Message.rejection_id.in_(rejections))
        .order_by(Message.id),
        "feedback": select(Feedback).where(Feedback.id.in_(feedback)).order_by(Feedback.id),
        "feedback_themes": select(FeedbackTheme)
        .where(FeedbackTheme.feedback_id.in_(feedback))
        .order_by(FeedbackTheme.feedback_id, FeedbackTheme.theme),
        "openings": select(Opening).where(Opening.company_id.in_(companies)).order_by(Opening.id),
    }


def _out(value: Any, column: str) -> Any:
    if column == "findings":
        return json.loads(value or "[]")
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    return plain(value)


def export_json(session: Session, owner: str) -> dict[str, Any]:
    """Every record of the owner, with ids, in a form import_json reads back exactly."""
    data: dict[str, Any] = {"schema": SCHEMA, "app": "afterword"}
    for table, query in _owned(owner).items():
        columns = list(SPEC[table])
        data[table] = [
            {column: _out(getattr(row, column), column) for column in columns}
            for row in session.scalars(query)
        ]
    data["profile"] = load_profile(session, owner).to_dict()
    data["counts"] = {table: len(data[table]) for table in SPEC}
    return data


def read_export(text: str | bytes) -> dict[str, Any]:
    """Parse an export file; a cut-off or garbled file gets a one-line reason."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TrackerError("the import file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        body = text.strip()
        if (body.startswith("{") and not body.endswith("}")) or error.pos >= len(body):
            raise TrackerError(
                "the import file ends too early: it looks cut off; export again and import "
                "the whole file"
            ) from None
        raise TrackerError(
            f"the import file is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(data, dict):
        raise TrackerError("the import file is not an afterword export")
    return data


def import_json(session: Session, owner: str, data: dict[str, Any]) -> ImportSummary:
    """Insert an export's records under new ids; refused whole when anything is wrong."""
    tables = check_entries(data, SCHEMA)
    profile = None
    if data.get("profile") is not None:
        if not isinstance(data["profile"], dict):
            raise TrackerError("the import file's profile is not an object")
        profile = checked(Profile(), dict(data["profile"]))
    names = [entry["name"] for entry in tables["companies"]]
    if names:
        keys = {company_key(name): name for name in names}
        taken = session.scalars(
            select(Company.name).where(Company.owner == owner, Company.name_key.in_(list(keys)))
        ).first()
        if taken is not None:
            raise TrackerError(
                f"the database already holds {taken}: this export (or part of it) was imported "
                "before; import into an empty database instead"
            )
    new_ids: dict[str, dict[int, int]] = {}

    def remap(table: str, entries: list[dict], derive: Callable[[dict], dict]) -> None:
        rows = []
        for entry in entries:
            row = {key: value for key, value in entry.items() if key != "id"}
            for column, parent in PARENTS.get(table, {}).items():
                if row[column] is not None:
                    row[column] = new_ids[parent][row[column]]
            rows.append({**row, **derive(row)})
        model = _MODELS[table]
        if "id" not in SPEC[table]:
            if rows:
                session.execute(insert(model), rows)
            return
        ids = (
            session.scalars(
                insert(model).returning(model.id, sort_by_parameter_order=True), rows
            ).all()
            if rows
            else []
        )
        new_ids[table] = {entry["id"]: new for entry, new in zip(entries, ids, strict=True)}

    remap(
        "companies",
        tables["companies"],
        lambda r: {"owner": owner, "name_key": company_key(r["name"])},
    )
    remap(
        "contacts",
        tables["contacts"],
        lambda r: {"owner": owner, "email_key": email_key(r["email"])},
    )
    remap(
        "applications",
        tables["applications"],
        lambda r: {
            "role_key": role_key(r["role"]),
            "requisition_key": requisition_key(r["requisition"]),
        },
    )
    for table in (
        "application_contacts",
        "rejections",
        "messages",
        "feedback",
        "feedback_themes",
        "openings",
    ):
        remap(table, tables[table], lambda r: {})
    if profile is not None and session.get(ProfileRow, owner) is None:
        save(session, owner, profile)  # a profile already here is the user's current one
    return ImportSummary(
        *(
            len(tables[name])
            for name in (
                "companies",
                "contacts",
                "applications",
                "rejections",
                "messages",
                "feedback",
                "openings",
            )
        )
    )


_MODELS = {
    "companies": Company,
    "contacts": Contact,
    "applications": Application,
    "application_contacts": ApplicationContact,
    "rejections": Rejection,
    "messages": Message,
    "feedback": Feedback,
    "feedback_themes": FeedbackTheme,
    "openings": Opening,
}

CSV_COLUMNS = (
    "rejection_id", "received_on", "company", "role", "requisition", "stage", "feedback",
    "future", "contact", "contact_email", "follow_up", "replied", "summary",
)  # fmt: skip


def _cell(value: Any) -> Any:
    """Spreadsheets run cells that start with = + - @ as formulas; these stay text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_csv(records: list) -> str:
    """One row per rejection, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        values = {
            "rejection_id": record.id,
            **{column: getattr(record, column, None) for column in CSV_COLUMNS[1:]},
        }
        values["replied"] = "yes" if record.replied else "no"
        writer.writerow([_cell(values[column]) for column in CSV_COLUMNS])
    return out.getvalue()
