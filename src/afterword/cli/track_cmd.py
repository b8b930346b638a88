"""`afterword track`: file rejections, log what was sent and heard back, and see what is due."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from afterword.cli import app, fail

if TYPE_CHECKING:
    from afterword.tracking import Tracker

T = TypeVar("T")

track_app = typer.Typer(
    name="track",
    help="Keep track of rejections, people, follow-ups and feedback, and see what is due.",
    no_args_is_help=True,
)
app.add_typer(track_app, name="track")

MAX_EMAIL_BYTES = 30_000_000
CHECK_INS_SHOWN = 15
Database = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (default: $AFTERWORD_DATABASE_URL, else a file in your data folder).",
    ),
]
Format = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
On = Annotated[str | None, typer.Option("--on", help="The date, YYYY-MM-DD (default: today).")]
Today = Annotated[str | None, typer.Option("--today", help="Look from another day, YYYY-MM-DD.")]


def day(value: str | None, option: str = "--on") -> date:
    """A date the user typed, or today."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like 2026-03-02, not {value!r}")
        raise


def moment(value: str | None, option: str = "--on") -> datetime:
    """Now, or noon of the day given: the time a message went out."""
    if value is None:
        return datetime.now().astimezone()
    return datetime.combine(day(value, option), time(12)).astimezone()


def check_format(output_format: str, allowed: tuple[str, ...] = ("text", "json")) -> None:
    if output_format not in allowed:
        fail(f"unknown --format {output_format!r}; choose {' or '.join(allowed)}")


@contextmanager
def tracking(database: str | None) -> Iterator[Tracker]:
    """An open Tracker; its errors become one line on stderr and exit code 2."""
    from afterword.tracking import PolicyRefusal, TrackerError, open_tracker

    try:
        with open_tracker(database) as tracker:
            yield tracker
    except PolicyRefusal as refusal:
        fail(f"not recorded: {refusal}. If they asked you to write again, add --force")
    except TrackerError as error:
        fail(str(error))


def run(database: str | None, work: Callable[[Tracker], T]) -> T:
    with tracking(database) as tracker:
        return work(tracker)
    raise AssertionError("unreachable")  # tracking() exits on every error


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def read_rejection_file(file: str) -> tuple[bytes | str, Any, str]:
    """The file as filed (bytes, or text for a paste), the reader's Email, and its kind."""
    import io

    from afterword.cli.inputs import InputError, read_bytes
    from afterword.cli.read_cmd import PROMPT
    from afterword.mailfile import HEAD_BYTES, MailFileError, MailStream, load_email, sniff

    try:
        data, name = read_bytes(file, "email", limit=MAX_EMAIL_BYTES, prompt=PROMPT)
        kind = sniff(data[:HEAD_BYTES], name)
        if kind == "mbox":
            raise MailFileError(f"{name} is a mail folder; save the one rejection as .eml")
        email = load_email(MailStream(io.BytesIO(data)), kind, name)
    except (InputError, MailFileError) as error:
        fail(str(error))
        raise
    raw = data.decode("utf-8", "replace") if kind == "text" else data
    return raw, email, kind


@track_app.command("add")
def add(
    file: Annotated[
        str | None, typer.Argument(help="The rejection: an .eml file, its pasted text, or -.")
    ] = None,
    company: Annotated[
        str | None, typer.Option(help="The company (overrides the email's).")
    ] = None,
    role: Annotated[str | None, typer.Option(help="The role you applied for.")] = None,
    received: Annotated[
        str | None, typer.Option(help="When the rejection came, YYYY-MM-DD (without a file).")
    ] = None,
    contact: Annotated[str | None, typer.Option(help="Who wrote it (without a file).")] = None,
    contact_email: Annotated[str | None, typer.Option(help="Their e-mail address.")] = None,
    contact_role: Annotated[
        str, typer.Option(help="recruiter, hiring_manager, interviewer or referrer.")
    ] = "recruiter",
    stage: Annotated[str, typer.Option(help="application, interview or unknown.")] = "unknown",
    feedback: Annotated[str, typer.Option(help="offered, declined or unknown.")] = "unknown",
    future: Annotated[
        str, typer.Option(help="invited, kept_on_file or unknown (what they said about later).")
    ] = "unknown",
    requisition: Annotated[str | None, typer.Option(help="The job or requisition number.")] = None,
    url: Annotated[str | None, typer.Option(help="A link to the job ad.")] = None,
    database: Database = None,
    output_format: Format = "text",
) -> None:
    """File a rejection: from the email, or from the facts given as options."""
    check_format(output_format)
    if file is not None:
        if received or contact or contact_email:
            fail("--received and --contact go with typed facts; the email already says them")
        raw, email, kind = read_rejection_file(file)
        filing = run(
            database,
            lambda t: t.file_rejection(
                raw,
                today=date.today(),
                company=company,
                role=role,
                application_url=url,
                parsed=email,
                kind=kind,
            ),
        )
    else:
        if company is None or role is None:
            fail("give the rejection email, or at least --company and --role")
        facts = dict(
            company=company,
            role=role,
            received=day(received, "--received"),
            contact_name=contact,
            contact_email=contact_email,
            contact_role=contact_role,
            stage=stage,
            feedback=feedback,
            future=future,
            requisition=requisition,
            application_url=url,
        )
        filing = run(database, lambda t: t.file_fields(**facts))
    if output_format == "json":
        emit_json(filing.to_dict())
        return
    from afterword.cli.track_render import render_filing

    render_filing(filing)


@track_app.command("list")
def list_rejections(
    company: Annotated[str | None, typer.Option(help="Only this company.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many, newest first.")] = None,
    database: Database = None,
    output_format: Format = "text",
) -> None:
    """Every rejection on file, newest first."""
    check_format(output_format)
    records = run(database, lambda t: t.rejections(limit=limit, company=company))
    if output_format == "json":
        emit_json([record.to_dict() for record in records])
        return
    from afterword.cli.track_render import render_rejections

    render_rejections(records)


@track_app.command("show")
def show(
    rejection_id: Annotated[int, typer.Argument(help="The rejection's number (see list).")],
    original: Annotated[
        bool, typer.Option("--original", help="Print the email as it was filed.")
    ] = False,
    database: Database = None,
    output_format: Format = "text",
) -> None:
    """One rejection with its company, people, messages and feedback."""
    check_format(output_format)
    detail = run(database, lambda t: t.rejection(rejection_id))
    if original:
        sys.stdout.write(detail.original or "")
        return
    if output_format == "json":
        emit_json(detail.to_dict())
        return
    from afterword.cli.track_render import render_detail

    render_detail(detail)


@track_app.command("due")
def due(
    today: Today = None,
    show_all: Annotated[
        bool, typer.Option("--all", help=f"List every check-in, not the first {CHECK_INS_SHOWN}.")
    ] = False,
    database: Database = None,
    output_format: Format = "text",
) -> None:
    """What to do now: follow-ups due and overdue, cool-down hints and check-ins."""
    from afterword.tracking import TrackerError, due_now

    check_format(output_format)
    now = moment(today, "--today")
    try:
        items = due_now(database, now=now)
    except TrackerError as error:
        fail(str(error))
        return
    if output_format == "json":
        emit_json([item.to_dict() for item in items])
        return
    from afterword.cli.track_text import due_text

    say(due_text(items, now.date(), limit=None if show_all else CHECK_INS_SHOWN))


from afterword.cli import track_log, track_people, track_transfer  # noqa: E402, F401 (more track commands)
