"""`afterword read`: what a rejection email says, and whether to reply; or all rejections in a folder."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from afterword.cli import app, fail
from afterword.cli.inputs import END_OF_PASTE, InputError, open_input, silence_stdout

FORMATS = ("text", "json", "jsonl")
PROMPT = f"Paste the rejection email, {END_OF_PASTE}."
FIELDS = (
    ("company", "Company"),
    ("role", "Role"),
    ("contact_name", "From"),
    ("contact_email", "Their address"),
    ("candidate_name", "To"),
    ("received_date", "Received"),
    ("stage", "Stage reached"),
    ("feedback", "Feedback"),
    ("future", "Future roles"),
    ("suggested_strategy", "Suggested reply"),
)


@app.command()
def read(
    file: Annotated[
        str,
        typer.Argument(help="The rejection (.eml, .msg or pasted text), an .mbox folder, or -."),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or jsonl.")
    ] = "text",
) -> None:
    """Read a rejection email, or find every rejection in an .mbox mail folder."""
    from afterword.inbox import read_rejection
    from afterword.mailfile import HEAD_BYTES, MailFileError, MailStream, load_email, sniff

    if output_format not in FORMATS:
        fail(f"unknown --format {output_format!r}; choose text, json or jsonl")
    if file != "-" and Path(file, "mbox").is_file():
        file = str(Path(file, "mbox"))  # Apple Mail exports a folder as NAME.mbox/mbox
    try:
        stream, name = open_input(file, "email", PROMPT)
    except InputError as error:
        fail(str(error))
        return
    with nullcontext() if stream is sys.stdin.buffer else stream:
        try:
            head = stream.read(HEAD_BYTES)
        except OSError as error:
            fail(f"cannot read {name}: {error.strerror or error}")
        kind = sniff(head, name)
        source = MailStream(stream, head)
        if kind == "mbox":
            from afterword.cli.read_folder import read_folder

            read_folder(source, name, output_format, _size(stream))
            return
        try:
            email = load_email(source, kind, name)
        except MailFileError as error:
            fail(str(error))
            return
        except OSError as error:
            fail(f"cannot read {name}: {error.strerror or error}")
            return
    reading = read_rejection(email)
    try:
        if output_format == "json":
            sys.stdout.write(json.dumps(reading.to_dict(), ensure_ascii=False, indent=2) + "\n")
        elif output_format == "jsonl":
            sys.stdout.write(json.dumps(reading.to_dict(), ensure_ascii=False) + "\n")
        else:
            _render(reading, name)
    except BrokenPipeError:
        silence_stdout()


def _size(stream) -> int | None:
    try:
        import os

        return os.fstat(stream.fileno()).st_size or None
    except (OSError, ValueError, AttributeError):
        return None


def _render(reading, name: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    # Text, not markup: a file name or an email's words may hold square brackets.
    title = Text(f"Rejection · {name}")
    table = Table(title=title, title_justify="left", show_header=False, box=None)
    table.add_column(style="dim")
    table.add_column()
    values = reading.to_dict()
    for key, label in FIELDS:
        value = values.get(key)
        shown = "—" if value in (None, "") else str(value).replace("_", " ")
        table.add_row(label, Text(shown))
    console.print(table)
    if reading.summary:
        console.print()
        console.print(Text(reading.summary))
    advice = "Worth a reply." if reading.reply_advised else "A reply is not needed."
    style = "bold green" if reading.reply_advised else "bold yellow"
    console.print()
    console.print(Text.assemble((advice, style), (" ", ""), (reading.reply_reason or "", "")))
