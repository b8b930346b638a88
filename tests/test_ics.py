"""Reminder calendars: what a calendar app reads back from afterword's .ics files."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from afterword.export.ics import CalendarEvent, calendar_ics, escape_text, fold_line

STAMP = dt.datetime(2025, 3, 4, 9, 30, 15, tzinfo=dt.UTC)
FOLLOW_UP = CalendarEvent(
    uid="followup-17",
    day=dt.date(2025, 3, 11),
    summary="Follow up with Priya at Lumen, if you haven't yet",
    description="One short note; thank her for the interview.",
    url="https://example.org/track/17",
)


def unfold(ics: str) -> list[str]:
    """Content lines as a calendar reads them: CRLF split, continuation lines rejoined."""
    lines: list[str] = []
    for physical in ics.split("\r\n"):
        if physical.startswith((" ", "\t")):
            lines[-1] += physical[1:]
        elif physical:
            lines.append(physical)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def events_in(ics: str) -> list[dict[str, str]]:
    """Each VEVENT as {property name with parameters: raw value}."""
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(ics):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_a_reminder_reads_back_as_an_all_day_event_on_its_day() -> None:
    (event,) = events_in(calendar_ics([FOLLOW_UP], stamp=STAMP))
    assert event == {
        "UID": "followup-17@afterword",
        "DTSTAMP": "20250304T093015Z",
        "DTSTART;VALUE=DATE": "20250311",
        "DTEND;VALUE=DATE": "20250312",
        "SUMMARY": "Follow up with Priya at Lumen\\, if you haven't yet",
        "DESCRIPTION": "One short note\\; thank her for the interview.",
        "URL": "https://example.org/track/17",
        "TRANSP": "TRANSPARENT",
    }


def test_the_calendar_names_itself_and_its_version() -> None:
    lines = unfold(calendar_ics([], stamp=STAMP, name="Job search, 2025"))
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert {"VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Job search\\, 2025"} <= set(lines)
    assert any(line.startswith("PRODID:") for line in lines)


def test_the_stamp_is_written_in_utc_whatever_zone_it_came_in() -> None:
    oslo_morning = dt.datetime(2025, 3, 4, 10, 30, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    (event,) = events_in(calendar_ics([FOLLOW_UP], stamp=oslo_morning))
    assert event["DTSTAMP"] == "20250304T093015Z"
    (naive,) = events_in(calendar_ics([FOLLOW_UP], stamp=STAMP.replace(tzinfo=None)))
    assert naive["DTSTAMP"] == "20250304T093015Z"


def test_an_event_at_the_end_of_a_month_or_year_ends_the_next_day() -> None:
    new_year = CalendarEvent(uid="y", day=dt.date(2025, 12, 31), summary="Check in")
    (event,) = events_in(calendar_ics([new_year], stamp=STAMP))
    assert event["DTEND;VALUE=DATE"] == "20260101"
    assert "DESCRIPTION" not in event and "URL" not in event


def test_events_come_out_in_the_order_given() -> None:
    later = CalendarEvent(uid="b", day=dt.date(2025, 4, 1), summary="Second")
    sooner = CalendarEvent(uid="a", day=dt.date(2025, 3, 1), summary="First")
    uids = [event["UID"] for event in events_in(calendar_ics([later, sooner], stamp=STAMP))]
    assert uids == ["b@afterword", "a@afterword"]


def test_a_long_unicode_summary_is_folded_without_splitting_a_character() -> None:
    summary = "Relancer Zoë chez Bäckerei Müller 🎉 " * 6
    ics = calendar_ics(
        [CalendarEvent(uid="u", day=dt.date(2025, 5, 2), summary=summary)], stamp=STAMP
    )
    physical = ics.split("\r\n")
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert any(line.startswith(" ") for line in physical), "a long line should be folded"
    (event,) = events_in(ics)
    assert unescape(event["SUMMARY"]) == summary


def test_line_breaks_in_a_description_become_escaped_newlines() -> None:
    note = "Ask about:\r\n- the team\r- the timeline\nThanks!"
    assert escape_text(note) == "Ask about:\\n- the team\\n- the timeline\\nThanks!"


def test_a_url_cannot_break_out_of_its_line() -> None:
    sneaky = CalendarEvent(
        uid="s", day=dt.date(2025, 5, 2), summary="x", url="https://a.example/\r\nX-EVIL:1"
    )
    ics = calendar_ics([sneaky], stamp=STAMP)
    assert "X-EVIL" not in [line.split(":")[0] for line in unfold(ics)]


def test_a_line_of_exactly_75_octets_is_left_alone_and_76_is_folded() -> None:
    assert fold_line("x" * 75) == "x" * 75
    assert fold_line("x" * 76) == "x" * 75 + "\r\n x"


def test_the_file_uses_crlf_and_nothing_else() -> None:
    ics = calendar_ics([FOLLOW_UP], stamp=STAMP)
    assert ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    assert "\r" not in ics.replace("\r\n", "")


# Calendar text as users write it: anything printable, plus the characters iCalendar escapes.
calendar_text = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("\\;,:\n\t\"'"),
    max_size=300,
)


@given(calendar_text, calendar_text, calendar_text, calendar_text)
def test_any_text_round_trips_through_the_file(
    uid: str, summary: str, description: str, name: str
) -> None:
    event = CalendarEvent(
        uid=uid, day=dt.date(2025, 6, 1), summary=summary, description=description
    )
    ics = calendar_ics([event], stamp=STAMP, name=name)
    (read,) = events_in(ics)
    assert unescape(read["UID"]) == f"{uid}@afterword"
    assert unescape(read["SUMMARY"]) == summary
    assert unescape(read.get("DESCRIPTION", "")) == description
    assert f"X-WR-CALNAME:{escape_text(name)}" in unfold(ics)


@given(st.text(max_size=400), st.text(max_size=400), st.dates(), st.none() | st.text(max_size=100))
def test_every_physical_line_fits_75_octets_and_ends_in_crlf(
    summary: str, description: str, day: dt.date, url: str | None
) -> None:
    event = CalendarEvent(uid="p", day=day, summary=summary, description=description, url=url)
    ics = calendar_ics([event], stamp=STAMP)
    assert ics == calendar_ics([event], stamp=STAMP)
    assert ics.endswith("\r\n")
    physical = ics[: -len("\r\n")].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert all("\r" not in line and "\n" not in line for line in physical)
    (read,) = events_in(ics)
    assert read["DTSTART;VALUE=DATE"] == f"{day.year:04d}{day.month:02d}{day.day:02d}"
