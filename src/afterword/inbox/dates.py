"""Dates from RFC 5322 headers and from the looser lines mail clients print in forwards."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = ["loose_date", "rfc_date"]


def _aware(moment: datetime | None, fallback: timezone | None = None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=fallback or UTC)
    return moment


def rfc_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(parsedate_to_datetime(value))
    except Exception:
        return None


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_LOOSE_DATES = [
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
]
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?")
# Common zone abbreviations mail clients print in forwarded headers (minutes east of UTC).
_ZONES = {
    "UTC": 0, "GMT": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "WET": 0, "WEST": 60, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "AEST": 600, "AEDT": 660, "JST": 540, "SGT": 480,
}  # fmt: skip
_OFFSET = re.compile(r"(?:UTC|GMT)?\s*(?P<sign>[+-])(?P<hh>\d{2}):?(?P<mm>\d{2})\b")


def loose_date(value: str, fallback: timezone | None) -> datetime | None:
    """Dates as mail clients print them in forwards: 'Wed, May 7, 2025 at 10:02 AM'."""
    strict = rfc_date(value)
    if strict is not None:
        return strict
    for pattern in _LOOSE_DATES:
        found = pattern.search(value)
        if not found:
            continue
        parts = found.groupdict()
        month = _MONTHS.get((parts.get("mon") or "").lower()) or int(parts.get("mnum") or 0)
        try:
            day = datetime(int(parts["year"]), month, int(parts["day"]))
        except (ValueError, TypeError):
            continue
        rest = value[found.end() :]
        clock = _TIME.search(rest)
        if clock:
            hour = int(clock["h"]) % 24
            ampm = (clock["ampm"] or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            if ampm.startswith("a") and hour == 12:
                hour = 0
            day = day.replace(hour=hour, minute=min(int(clock["m"]), 59))
        zone = fallback
        named = re.search(r"\b([A-Z]{2,5})\b", rest)
        if named and named.group(1) in _ZONES:
            zone = timezone(timedelta(minutes=_ZONES[named.group(1)]))
        offset = _OFFSET.search(rest)
        if offset:
            delta = timedelta(hours=int(offset["hh"]) % 24, minutes=int(offset["mm"]) % 60)
            zone = timezone(-delta if offset["sign"] == "-" else delta)
        return day.replace(tzinfo=zone or UTC)
    return None
