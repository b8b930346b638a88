"""`afterword read`: what a rejection email says, and whether to reply."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from afterword.cli import app, fail
from afterword.cli.inputs import InputError, read_bytes

# Rejections arrive with attachments; the reader skips their payloads, so a big file is fine.
MAX_EMAIL_BYTES = 30_000_000
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
    file: Annotated[str, typer.Argument(help="The rejection: an .eml file, pasted text, or -.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Read a rejection email: who, what, when, and what they said about feedback and later roles."""
    from afterword.inbox import read as read_rejection

    if output_format not in ("text", "json"):
        fail(f"unknown --format {output_format!r}; choose text or json")
    try:
        data, name = read_bytes(file, "email", limit=MAX_EMAIL_BYTES)
    except InputError as error:
        fail(str(error))
        return
    if not data.strip():
        fail(f"{name} is empty: save the rejection email (.eml) or paste its text")
    reading = read_rejection(data if _looks_like_email(data) else _as_text(data))
    if output_format == "json":
        sys.stdout.write(json.dumps(reading.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    _render(reading, name)


def _looks_like_email(data: bytes) -> bool:
    head = data[:2048].lower()
    return any(
        marker in head for marker in (b"\nfrom:", b"\nsubject:", b"mime-version:", b"received:")
    ) or (head.startswith((b"from:", b"return-path:", b"received:", b"delivered-to:", b"date:")))


def _as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _render(reading, name: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    table = Table(title=f"Rejection · {name}", title_justify="left", show_header=False, box=None)
    table.add_column(style="dim")
    table.add_column()
    values = reading.to_dict()
    for key, label in FIELDS:
        value = values.get(key)
        table.add_row(label, "—" if value in (None, "") else str(value).replace("_", " "))
    console.print(table)
    if reading.summary:
        console.print()
        console.print(reading.summary)
    advice = "Worth a reply." if reading.reply_advised else "A reply is not needed."
    style = "bold green" if reading.reply_advised else "bold yellow"
    console.print()
    console.print(Text.assemble((advice, style), (" ", ""), (reading.reply_reason or "", "")))
