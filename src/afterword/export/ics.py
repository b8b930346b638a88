"""Reminders as an iCalendar file (RFC 5545) that any calendar app imports: one all-day event each."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//afterword//follow-up reminders//EN"
UID_DOMAIN = "afterword"
# RFC 5545 3.1: content lines are at most 75 octets, not counting the CRLF.
LINE_OCTETS = 75
CRLF = "\r\n"

# TEXT values may not hold control characters other than tab (RFC 5545 3.3.11).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_SPECIALS = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day reminder: `uid` must stay the same when the reminder is exported again."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""
    url: str | None = None


def calendar_ics(
    events: Iterable[CalendarEvent], *, stamp: dt.datetime, name: str = "afterword"
) -> str:
    """The events as the text of an .ics file, CRLF line ends, lines folded at 75 octets.

    `stamp` is when the file is made; a naive datetime is taken to be UTC already.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp_text = _utc(stamp)
    for event in events:
        lines.extend(_event_lines(event, stamp_text))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def escape_text(value: str) -> str:
    """A TEXT value with backslash, semicolon, comma and line breaks escaped; controls dropped."""
    one_kind_of_break = value.replace("\r\n", "\n").replace("\r", "\n")
    clean = _CONTROLS.sub("", one_kind_of_break)
    return "".join(_TEXT_SPECIALS.get(char, char) for char in clean)


def fold_line(line: str) -> str:
    """The line folded into pieces of at most 75 UTF-8 octets, never inside a character."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    limit = LINE_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > limit:
            pieces.append("".join(current))
            current, used = [], 0
            # Every continuation line starts with one space, which counts towards its 75.
            limit = LINE_OCTETS - 1
        current.append(char)
        used += size
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def _event_lines(event: CalendarEvent, stamp_text: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp_text}",
        f"DTSTART;VALUE=DATE:{_ical_date(event.day)}",
    ]
    # DTEND is exclusive: an all-day event ends at the start of the next day. Without DTEND a
    # DATE event lasts one day anyway (RFC 5545 3.6.1), which covers the last day there is.
    if event.day < dt.date.max:
        lines.append(f"DTEND;VALUE=DATE:{_ical_date(event.day + dt.timedelta(days=1))}")
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    url = _one_uri(event.url)
    if url:
        lines.append(f"URL:{url}")
    # A reminder should not make the day look busy to people booking meetings.
    lines.extend(["TRANSP:TRANSPARENT", "END:VEVENT"])
    return lines


def _ical_date(day: dt.date) -> str:
    # strftime's %Y drops the leading zeros of years before 1000 on some platforms.
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _utc(stamp: dt.datetime) -> str:
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    return f"{_ical_date(stamp)}T{stamp.hour:02d}{stamp.minute:02d}{stamp.second:02d}Z"


def _one_uri(url: str | None) -> str:
    """A URI value is not TEXT and is not escaped, so whitespace inside it is simply removed."""
    return "".join(_CONTROLS.sub("", url or "").split())
