"""The user's profile: signature, skills, reminder intervals, rules switched off."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Any

from sqlalchemy.orm import Session

from afterword.tracker.errors import TrackerError
from afterword.tracker.intake import clean
from afterword.tracker.models import ProfileRow
from afterword.tracker.records import Profile

TEXT_FIELDS = {"name": 300, "email": 320, "phone": 80, "linkedin": 500, "signature": 5000}
LIST_FIELDS = ("skills", "disabled_rules")
DAY_FIELDS = {"follow_up_days": (1, 60), "check_in_days": (14, 730)}


def load(session: Session, owner: str) -> Profile:
    row = session.get(ProfileRow, owner)
    if row is None:
        return Profile()
    return Profile(
        name=row.name,
        email=row.email,
        phone=row.phone,
        linkedin=row.linkedin,
        signature=row.signature,
        skills=tuple(json.loads(row.skills or "[]")),
        follow_up_days=row.follow_up_days,
        check_in_days=row.check_in_days,
        disabled_rules=tuple(json.loads(row.disabled_rules or "[]")),
    )


def checked(current: Profile, changes: dict[str, Any]) -> Profile:
    """The profile with the changes, each checked; an unknown or bad field is refused."""
    known = {field.name for field in fields(Profile)}
    for name, value in changes.items():
        if name not in known:
            raise TrackerError(f"the profile has no field {name!r}")
        if name in TEXT_FIELDS:
            if not isinstance(value, str) or len(value) > TEXT_FIELDS[name]:
                raise TrackerError(
                    f"the profile's {name} must be text under {TEXT_FIELDS[name]} characters"
                )
            changes[name] = clean(value)
        elif name in LIST_FIELDS:
            if isinstance(value, str) or not all(isinstance(item, str) for item in value):
                raise TrackerError(f"the profile's {name} must be a list of words")
            changes[name] = tuple(clean(item).strip() for item in value if clean(item).strip())
        else:
            low, high = DAY_FIELDS[name]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise TrackerError(
                    f"{name.replace('_', ' ')} must be a whole number from {low} to {high}"
                )
    return replace(current, **changes)


def save(session: Session, owner: str, profile: Profile) -> Profile:
    row = session.get(ProfileRow, owner)
    if row is None:
        row = ProfileRow(owner=owner)
        session.add(row)
    for field in fields(Profile):
        value = getattr(profile, field.name)
        setattr(
            row,
            field.name,
            json.dumps(list(value), ensure_ascii=False) if field.name in LIST_FIELDS else value,
        )
    session.flush()
    return profile


def update(session: Session, owner: str, changes: dict[str, Any]) -> Profile:
    return save(session, owner, checked(load(session, owner), dict(changes)))
