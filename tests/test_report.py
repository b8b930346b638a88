"""Activity logs: what a benefits office sees in the CSV and the printed Markdown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from hypothesis import given
from hypothesis import strategies as st

from afterword.export.report import ActivityEntry, activity_csv, activity_markdown

MARCH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
LOG = [
    ActivityEntry(dt.date(2025, 3, 12), "Lumen", "Data analyst", "Follow-up sent", "Priya Shah"),
    ActivityEntry(dt.date(2025, 3, 3), "Orchard & Co", "Analyst", "Applied", notes="Via website"),
    ActivityEntry(dt.date(2025, 3, 12), "acme", "BI developer", "Interview", "Sam"),
    ActivityEntry(dt.date(2025, 3, 20), "Lumen", "Data analyst", "Rejection received"),
]


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def table_rows(markdown: str) -> list[list[str]]:
    """Body rows of the Markdown table, split on pipes that are not escaped."""
    rows = [line for line in markdown.splitlines() if line.startswith("|")][2:]
    return [
        [cell.strip() for cell in re.split(r"(?<!\\)((?:\\\\)*)\|", row[1:-1])[::2]] for row in rows
    ]


def test_csv_has_the_header_and_rows_by_date_then_company() -> None:
    rows = rows_of(activity_csv(LOG))
    assert rows[0] == ["Date", "Company", "Role", "Action", "Contact", "Notes"]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        ("2025-03-03", "Orchard & Co"),
        ("2025-03-12", "acme"),
        ("2025-03-12", "Lumen"),
        ("2025-03-20", "Lumen"),
    ]
    assert rows[1] == ["2025-03-03", "Orchard & Co", "Analyst", "Applied", "", "Via website"]


def test_csv_quotes_commas_quotes_and_line_breaks() -> None:
    entry = ActivityEntry(
        dt.date(2025, 3, 5), 'Baker, "Bakes" Ltd', "Cook", "Applied", notes="Line one\nLine two"
    )
    text = activity_csv([entry])
    assert '"Baker, ""Bakes"" Ltd"' in text
    assert rows_of(text)[1][5] == "Line one\nLine two"
    assert text.endswith("\r\n")


def test_csv_cells_that_a_spreadsheet_would_run_are_made_inert() -> None:
    entry = ActivityEntry(
        dt.date(2025, 3, 5),
        '=HYPERLINK("http://evil.example","Click")',
        "+44 role",
        "-1",
        "@sam",
        "\tcmd",
    )
    row = rows_of(activity_csv([entry]))[1]
    assert row[1:] == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'+44 role",
        "'-1",
        "'@sam",
        "'\tcmd",
    ]


def test_csv_of_no_entries_is_just_the_header() -> None:
    assert activity_csv([]) == "Date,Company,Role,Action,Contact,Notes\r\n"


def test_markdown_has_a_heading_period_count_and_a_row_per_entry() -> None:
    page = activity_markdown(LOG, title="Job search log: March", period=MARCH)
    lines = page.splitlines()
    assert lines[0] == "# Job search log: March"
    assert "Period: 2025-03-01 to 2025-03-31" in lines
    assert "4 activities with 3 companies." in lines
    assert "| Date | Company | Role | Action | Contact | Notes |" in lines
    assert table_rows(page)[0] == [
        "2025-03-03",
        "Orchard & Co",
        "Analyst",
        "Applied",
        "",
        "Via website",
    ]
    assert [row[1] for row in table_rows(page)] == ["Orchard & Co", "acme", "Lumen", "Lumen"]


def test_markdown_counts_one_activity_in_the_singular() -> None:
    page = activity_markdown(LOG[:1], title="Log")
    assert "1 activity with 1 company." in page.splitlines()
    assert "Period" not in page


def test_markdown_keeps_pipes_and_line_breaks_inside_their_cell() -> None:
    entry = ActivityEntry(
        dt.date(2025, 3, 5), "A|B Labs", "Dev", "Applied", notes="Sent CV\nand | portfolio"
    )
    page = activity_markdown([entry], title="Log")
    assert table_rows(page) == [
        ["2025-03-05", "A\\|B Labs", "Dev", "Applied", "", "Sent CV<br>and \\| portfolio"]
    ]


def test_markdown_without_entries_says_so_kindly() -> None:
    page = activity_markdown([], title="March", period=MARCH)
    assert "No job search activity recorded in this period." in page
    assert "|" not in page
    assert "yet" in activity_markdown([], title="All time")


def test_markdown_title_is_one_line_even_when_given_several() -> None:
    assert activity_markdown([], title="Log\nfor\tMarch").splitlines()[0] == "# Log for March"


cell_text = st.text(max_size=60)
entries = st.lists(
    st.builds(
        ActivityEntry,
        day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
        company=cell_text,
        role=cell_text,
        action=cell_text,
        contact=st.none() | cell_text,
        notes=cell_text,
    ),
    max_size=12,
)


def inert(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


@given(entries)
def test_csv_parses_back_to_the_same_rows(log: list[ActivityEntry]) -> None:
    rows = rows_of(activity_csv(log))
    expected = sorted(
        (
            [
                e.day.isoformat(),
                *map(inert, (e.company, e.role, e.action, e.contact or "", e.notes)),
            ]
            for e in log
        ),
        key=lambda row: row[0],
    )
    assert rows[0] == ["Date", "Company", "Role", "Action", "Contact", "Notes"]
    assert sorted(rows[1:]) == sorted(expected)
    assert [row[0] for row in rows[1:]] == [row[0] for row in expected]


@given(entries, st.text(max_size=40))
def test_markdown_table_has_one_row_of_six_cells_per_entry(
    log: list[ActivityEntry], title: str
) -> None:
    page = activity_markdown(log, title=title)
    assert page == activity_markdown(log, title=title)
    if not log:
        assert not table_rows(page)
        return
    rows = table_rows(page)
    assert len(rows) == len(log)
    assert all(len(row) == 6 for row in rows)
