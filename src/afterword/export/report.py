"""A job-search activity log, as benefits offices ask for: CSV for spreadsheets, Markdown to print."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from afterword.folding import fold

HEADER = ("Date", "Company", "Role", "Action", "Contact", "Notes")
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Backslash first, so the backslashes added for the others are not doubled.
_MARKDOWN_ESCAPES = (("\\", "\\\\"), ("|", "\\|"), ("<", "\\<"))


@dataclass(frozen=True)
class ActivityEntry:
    """One thing done in the job search: applied, followed up, interviewed, heard back."""

    day: dt.date
    company: str
    role: str
    action: str
    contact: str | None = None
    notes: str = ""


def activity_csv(entries: Iterable[ActivityEntry]) -> str:
    """The log as RFC 4180 CSV with a header row, by date then company; safe to open in Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for entry in _in_order(entries):
        writer.writerow([entry.day.isoformat(), *(_inert(cell) for cell in _text_cells(entry))])
    return buffer.getvalue()


def activity_markdown(
    entries: Iterable[ActivityEntry],
    *,
    title: str,
    period: tuple[dt.date, dt.date] | None = None,
) -> str:
    """The log as a Markdown page: heading, period, a count and one table row per entry.

    `period` only labels the page; the caller chooses which entries fall in it.
    """
    ordered = _in_order(entries)
    lines = [f"# {_one_line(title) or 'Job search activity'}", ""]
    if period is not None:
        start, end = period
        lines += [f"Period: {start.isoformat()} to {end.isoformat()}", ""]
    if not ordered:
        when = "in this period" if period is not None else "yet"
        lines.append(f"No job search activity recorded {when}. Each step you log will show here.")
        return "\n".join(lines) + "\n"
    lines += [_summary(ordered), ""]
    lines.append(_row(HEADER))
    lines.append(_row(("---",) * len(HEADER)))
    lines.extend(
        _row((entry.day.isoformat(), *(_markdown_cell(cell) for cell in _text_cells(entry))))
        for entry in ordered
    )
    return "\n".join(lines) + "\n"


def _in_order(entries: Iterable[ActivityEntry]) -> list[ActivityEntry]:
    return sorted(entries, key=lambda entry: (entry.day, fold(entry.company.strip())))


def _text_cells(entry: ActivityEntry) -> tuple[str, str, str, str, str]:
    return (entry.company, entry.role, entry.action, entry.contact or "", entry.notes)


def _inert(cell: str) -> str:
    """The cell as text a spreadsheet shows rather than evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _summary(entries: list[ActivityEntry]) -> str:
    companies = {fold(entry.company.strip()) for entry in entries if entry.company.strip()}
    activities = _count(len(entries), "activity", "activities")
    return f"{activities} with {_count(len(companies), 'company', 'companies')}."


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _markdown_cell(text: str) -> str:
    for raw, escaped in _MARKDOWN_ESCAPES:
        text = text.replace(raw, escaped)
    # A table row is one line: line breaks inside a cell become HTML breaks.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(" ".join(line.split()) for line in lines)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _one_line(text: str) -> str:
    return " ".join(text.split())
