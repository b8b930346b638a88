"""What an export holds, field by field, and the checks an import must pass before any write."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from afterword.tracker.errors import TrackerError
from afterword.tracker.matching import company_key


class _Bad(Exception):
    """A field of the wrong shape; the caller says where."""


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad("a whole number")
    return value


def _text(limit: int | None = None, *, empty: bool = True) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or (limit is not None and len(value) > limit):
            raise _Bad("text" + (f" of at most {limit} characters" if limit else ""))
        if not empty and not value.strip():
            raise _Bad("a name")
        return value

    return parse


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad("true or false")
    return value


def _date(value: Any) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Bad("a date (YYYY-MM-DD)") from None


def _moment(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Bad("a date and time") from None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _bytes(value: Any) -> bytes:
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (AttributeError, binascii.Error, UnicodeEncodeError):
        raise _Bad("base64 data") from None


def _findings(value: Any) -> str:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _Bad("a list of findings")
    return json.dumps(value, ensure_ascii=False)


def _theme(value: Any) -> str:
    from afterword.themes import THEMES

    if value not in THEMES:
        raise _Bad(f"one of {', '.join(THEMES)}")
    return value


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else parse(value)


NAME = _text(300, empty=False)
SPEC: dict[str, dict[str, Callable[[Any], Any]]] = {
    "companies": {"id": _int, "name": NAME, "archived": _bool},
    "contacts": {
        "id": _int, "company_id": _optional(_int), "name": _text(300),
        "email": _optional(_text(320)), "linkedin": _optional(_text(500)), "notes": _text(),
        "last_contact": _optional(_date), "do_not_contact": _bool,
    },
    "applications": {
        "id": _int, "company_id": _int, "role": _text(300), "requisition": _optional(_text(100)),
        "url": _optional(_text(2000)), "stage": _text(40), "applied_on": _optional(_date),
    },
    "application_contacts": {"application_id": _int, "contact_id": _int, "role": _text(40)},
    "rejections": {
        "id": _int, "application_id": _int, "contact_id": _optional(_int),
        "received_on": _date, "received_at": _optional(_moment), "stage": _text(40),
        "feedback": _text(40), "future": _text(40), "suggested_strategy": _text(40),
        "reply_advised": _bool, "summary": _text(), "message_id": _optional(_text(998)),
        "original": _optional(_bytes), "original_kind": _optional(_text(10)),
    },
    "messages": {
        "id": _int, "rejection_id": _int, "kind": _text(20), "status": _text(20),
        "subject": _text(), "body": _text(), "strategy": _text(40), "verdict": _text(20),
        "findings": _findings, "sent_at": _optional(_moment), "received_on": _optional(_date),
    },
    "feedback": {"id": _int, "rejection_id": _int, "text": _text(), "received_on": _date},
    "feedback_themes": {"feedback_id": _int, "theme": _theme},
    "openings": {
        "id": _int, "company_id": _int, "role": _text(300), "seen_on": _date,
        "url": _optional(_text(2000)),
    },
}  # fmt: skip
PARENTS = {
    "contacts": {"company_id": "companies"},
    "applications": {"company_id": "companies"},
    "application_contacts": {"application_id": "applications", "contact_id": "contacts"},
    "rejections": {"application_id": "applications", "contact_id": "contacts"},
    "messages": {"rejection_id": "rejections"},
    "feedback": {"rejection_id": "rejections"},
    "feedback_themes": {"feedback_id": "feedback"},
    "openings": {"company_id": "companies"},
}
_SINGULAR = {"companies": "company", "feedback": "feedback entry", "application_contacts":
             "contact link", "feedback_themes": "feedback theme"}  # fmt: skip


def _one(table: str) -> str:
    return _SINGULAR.get(table, table.rstrip("s").replace("_", " "))


def _parse(table: str, index: int, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise TrackerError(f"the import file's {table} entry {index + 1} is not an object")
    parsed = {}
    for field, parse in SPEC[table].items():
        if field not in entry:
            raise TrackerError(f"the import file's {_one(table)} {index + 1} has no {field!r}")
        try:
            parsed[field] = parse(entry[field])
        except _Bad as expected:
            raise TrackerError(
                f"the import file's {_one(table)} {index + 1}: {field!r} must be {expected}"
            ) from None
    return parsed


def check_entries(data: dict[str, Any], schema: int) -> dict[str, list[dict[str, Any]]]:
    """Every table parsed and cross-checked: the right schema, whole, no duplicates, no orphans."""
    found = data.get("schema")
    if found is None or data.get("app", "afterword") != "afterword":
        raise TrackerError("the import file is not an afterword export (it has no schema number)")
    if found != schema:
        raise TrackerError(
            f"the import file has schema {found!r}, and this afterword reads schema {schema}; "
            "export it again with this version"
        )
    counts = data.get("counts")
    if not isinstance(counts, dict):
        raise TrackerError("the import file is incomplete: its record counts are missing")
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in SPEC:
        entries = data.get(table)
        if not isinstance(entries, list) or counts.get(table) != len(entries):
            have = len(entries) if isinstance(entries, list) else 0
            raise TrackerError(
                f"the import file is incomplete: it holds {have} of {counts.get(table)} "
                f"{table.replace('_', ' ')} (was it cut off?)"
            )
        tables[table] = [_parse(table, index, entry) for index, entry in enumerate(entries)]
    _no_duplicates(tables)
    _no_orphans(tables)
    return tables


def _no_duplicates(tables: dict[str, list[dict[str, Any]]]) -> None:
    for table, entries in tables.items():
        keys = ("id",) if "id" in SPEC[table] else tuple(SPEC[table])
        seen = set()
        for entry in entries:
            key = tuple(entry[name] for name in keys)
            if key in seen:
                raise TrackerError(f"the import file lists {_one(table)} {key[0]} twice")
            seen.add(key)
    names: dict[str, str] = {}
    for entry in tables["companies"]:
        key = company_key(entry["name"])
        if key in names:
            raise TrackerError(
                f"the import file lists the company {entry['name']!r} twice "
                f"(also as {names[key]!r})"
            )
        names[key] = entry["name"]


def _no_orphans(tables: dict[str, list[dict[str, Any]]]) -> None:
    ids = {
        table: {e["id"] for e in entries}
        for table, entries in tables.items()
        if "id" in SPEC[table]
    }
    for table, references in PARENTS.items():
        for entry in tables[table]:
            for column, parent in references.items():
                if entry[column] is not None and entry[column] not in ids[parent]:
                    raise TrackerError(
                        f"the import file's {_one(table)} refers to {_one(parent)} "
                        f"#{entry[column]}, which is not in the file"
                    )
