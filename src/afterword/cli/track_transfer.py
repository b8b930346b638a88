"""`afterword track export | import | backup | calendar | report`: your data, in and out."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from afterword.cli import fail
from afterword.cli.track_cmd import Database, Today, day, moment, run, say, track_app

Out = Annotated[
    str | None, typer.Option("--out", "-o", help="Write to this file (default: standard output).")
]
MAX_IMPORT_BYTES = 2_000_000_000


def deliver(text: str, out: str | None, what: str) -> None:
    """Print, or write the file whole or not at all."""
    if out is None or out == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            from afterword.cli.inputs import silence_stdout

            silence_stdout()
        return
    from afterword.cli.files import write_atomically
    from afterword.cli.inputs import InputError

    try:
        target = write_atomically(out, text.encode("utf-8"))
    except InputError as error:
        fail(str(error))
        return
    sys.stderr.write(f"Wrote {what} to {target}.\n")


@track_app.command("export")
def export(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="json (everything, lossless) or csv.")
    ] = "json",
    out: Out = None,
    database: Database = None,
) -> None:
    """Export everything: JSON that import reads back exactly, or CSV for a spreadsheet."""
    import json

    if output_format == "json":
        data = run(database, lambda t: t.export_json())
        deliver(json.dumps(data, ensure_ascii=False, indent=1) + "\n", out, "the export")
    elif output_format == "csv":
        deliver(run(database, lambda t: t.export_csv()), out, "the CSV")
    else:
        fail(f"unknown --format {output_format!r}; choose json or csv")


@track_app.command("import")
def import_(
    file: Annotated[str, typer.Argument(help="A JSON file made by afterword track export.")],
    database: Database = None,
) -> None:
    """Import an export; a cut-off, mismatched or duplicate file is refused whole."""
    from afterword.cli.inputs import InputError, read_bytes
    from afterword.tracking import TrackerError, read_export

    try:
        data, _ = read_bytes(file, "import file", limit=MAX_IMPORT_BYTES)
        parsed = read_export(data)
    except (InputError, TrackerError) as error:
        fail(str(error))
        return
    summary = run(database, lambda t: t.import_json(parsed))
    say(summary.describe())


@track_app.command("backup")
def backup(
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="The backup file (default: a dated file here)."),
    ] = None,
    database: Database = None,
) -> None:
    """Copy the database to a file that is whole even while afterword is in use."""
    now = datetime.now()
    written = run(database, lambda t: t.backup(Path(out) if out else Path(t.backup_name(now))))
    say(f"Backed up to {written}.")


@track_app.command("calendar")
def calendar(out: Out = None, today: Today = None, database: Database = None) -> None:
    """An .ics calendar of follow-up deadlines and check-ins, for any calendar app."""
    from afterword import tracking

    now = moment(today, "--today")
    text = run(database, lambda t: tracking.calendar(t, now=now))
    deliver(text, out, "the calendar")


@track_app.command("report")
def report(
    output_format: Annotated[str, typer.Option("--format", "-f", help="markdown or csv.")] = (
        "markdown"
    ),
    since: Annotated[str | None, typer.Option(help="From this date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, YYYY-MM-DD.")] = None,
    out: Out = None,
    database: Database = None,
) -> None:
    """Your job-search activity log, as benefits offices ask for it: dates, companies, actions."""
    from afterword import tracking

    if output_format not in ("markdown", "csv"):
        fail(f"unknown --format {output_format!r}; choose markdown or csv")
    start = day(since, "--since") if since else None
    end = day(until, "--until") if until else (date.today() if since else None)
    if start and end and start > end:
        fail("--since must come before --until")
    text = run(
        database, lambda t: tracking.report(t, output_format=output_format, since=start, until=end)
    )
    deliver(text, out, "the report")
