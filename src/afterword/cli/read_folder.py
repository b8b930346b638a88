"""`afterword read FOLDER.mbox`: stream a mail folder, find the rejections, print each one."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import PurePath
from typing import TYPE_CHECKING

from afterword.cli.inputs import silence_stdout

if TYPE_CHECKING:
    from afterword.inbox import Email, Reading
    from afterword.mailfile import MailStream


def read_folder(source: MailStream, name: str, output_format: str, size: int | None) -> None:
    """Print every rejection in the folder and a closing count; progress goes to stderr."""
    from rich.console import Console

    progress = _progress(Console(stderr=True), name, size)
    found = seen = 0
    try:
        with progress if progress is not None else nullcontext():
            task = progress.add_task("", total=size, found=0) if progress is not None else None
            if output_format == "json":
                sys.stdout.write("[")
            for seen, (email, reading) in enumerate(_rejections(source), start=1):
                if progress is not None:
                    progress.update(task, completed=source.consumed, found=found)
                if reading is None:
                    continue
                found += 1
                _write(output_format, found, seen, email, reading)
            if progress is not None:
                progress.update(task, completed=source.consumed, found=found)
        if output_format == "json":
            sys.stdout.write("\n]\n" if found else "]\n")
        closing = _closing(found, seen)
        if output_format == "text":
            sys.stdout.write(closing + "\n")
        else:
            sys.stdout.flush()
            sys.stderr.write(closing + "\n")
    except BrokenPipeError:
        silence_stdout()


def _rejections(source: MailStream) -> Iterator[tuple[Email, Reading | None]]:
    """Each message of the folder, with its reading when it is a rejection."""
    from afterword.inbox import is_rejection, parse_email, read_rejection
    from afterword.inbox.mbox import split_mbox

    for data in split_mbox(source.lines()):
        email = parse_email(data)
        yield email, (read_rejection(email) if is_rejection(email) else None)


def _write(output_format: str, found: int, seen: int, email: Email, reading: Reading) -> None:
    record = {"message": seen, "subject": email.subject, **reading.to_dict()}
    if output_format == "json":
        text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        sys.stdout.write(("\n  " if found == 1 else ",\n  ") + text)
    elif output_format == "jsonl":
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_block(seen, email, reading) + "\n\n")


def _block(seen: int, email: Email, reading: Reading) -> str:
    """A rejection in three lines: who and what, what they said, whether to reply."""
    headline = " · ".join(
        part
        for part in (reading.company or "Unknown company", reading.role, reading.received_date)
        if part
    )
    sender = reading.contact_name or "No one named"
    if reading.contact_email:
        sender += f" <{reading.contact_email}>"
    said = (
        f"stage: {reading.stage}",
        f"feedback: {reading.feedback}",
        f"future: {reading.future}",
    )
    if reading.reply_advised:
        advice = f"Worth a reply ({reading.suggested_strategy})."
    else:
        advice = "A reply is not needed."
    subject = f"  Subject: {email.subject}\n" if email.subject else ""
    return (
        f"#{seen}  {headline}\n{subject}  {sender}\n"
        f"  {' · '.join(said).replace('_', ' ')}\n  {advice} {reading.reply_reason}"
    )


def _closing(found: int, seen: int) -> str:
    rejections = "rejection" if found == 1 else "rejections"
    messages = "message" if seen == 1 else "messages"
    return f"Found {found} {rejections} in {seen} {messages} ({seen - found} skipped)"


def _progress(console, name: str, size: int | None):
    """A progress bar by bytes read, on a terminal only (pipes and logs stay clean)."""
    if not console.is_terminal:
        return None
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn(f"Reading {PurePath(name).name}", markup=False),
        BarColumn(bar_width=30),
        DownloadColumn(),
        TextColumn("{task.fields[found]} found"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        # Readings shown on the same terminal print above the bar; a redirected stdout
        # (a file, a pipe) gets them untouched.
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )
