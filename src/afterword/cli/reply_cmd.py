"""`afterword reply`: read a rejection, write the reply, review it, in one step."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from afterword.cli import app, fail
from afterword.cli.inputs import InputError
from afterword.cli.track_cmd import read_rejection_file

if TYPE_CHECKING:
    from afterword.composer import ComposeError
    from afterword.services import Reply, YourDetails

STRATEGY_CHOICES = ("suggested", "gratitude", "feedback", "future")
FORMAT_CHOICES = ("text", "json", "eml")


@app.command("reply")
def reply_command(
    file: Annotated[str, typer.Argument(help="The rejection: an .eml file, pasted text, or -.")],
    detail: Annotated[
        str | None,
        typer.Option(help="One specific thing about the company that impressed you."),
    ] = None,
    company: Annotated[
        str | None, typer.Option(help="The company, if the reader got it wrong or found none.")
    ] = None,
    role: Annotated[
        str | None, typer.Option(help="The role, if the reader got it wrong or found none.")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Your name, to sign with (default: the email's).")
    ] = None,
    email: Annotated[
        str | None, typer.Option("--email", help="Your address, for the signature and .eml.")
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", help="A skill to mention (repeatable).")
    ] = None,
    strategy: Annotated[
        str,
        typer.Option(help="suggested (what the email calls for), gratitude, feedback or future."),
    ] = "suggested",
    tone: Annotated[str, typer.Option(help="warm or formal.")] = "warm",
    length: Annotated[str, typer.Option(help="short or standard.")] = "standard",
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, or eml (a reply draft to open).")
    ] = "text",
    out: Annotated[
        str | None, typer.Option("--out", help="With --format eml: the file to write.")
    ] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="A TOML file of your own settings.")
    ] = None,
    track: Annotated[
        bool,
        typer.Option("--track", help="File the rejection and this draft in your tracker."),
    ] = False,
    database: Annotated[
        str | None,
        typer.Option("--database", help="With --track: the database URL (default: yours)."),
    ] = None,
) -> None:
    """Answer a rejection email: read it, write the reply it calls for, and review it."""
    import datetime as dt

    from afterword.cli import inputs
    from afterword.cli.compose_cmd import _user_phrases
    from afterword.composer import LENGTHS, TONES, ComposeError
    from afterword.export import ExportError
    from afterword.services import YourDetails, reply_to_rejection

    for flag, value, choices in (
        ("--strategy", strategy, STRATEGY_CHOICES),
        ("--tone", tone, TONES),
        ("--length", length, LENGTHS),
        ("--format", output_format, FORMAT_CHOICES),
    ):
        if value not in choices:
            fail(f"unknown {flag} {value!r}; choose {', '.join(choices[:-1])} or {choices[-1]}")
    if out is not None and output_format != "eml":
        fail("--out writes the reply as .eml; use it with --format eml")
    if database is not None and not track:
        fail("--database is where --track files the reply; add --track")
    you = YourDetails(
        name=_clean(name),
        email=_clean(email),
        skills=tuple(item.strip() for item in skill or () if item.strip()),
        detail=_clean(detail),
        company=_clean(company),
        role=_clean(role),
    )
    raw, email_read, kind = read_rejection_file(file)
    if track:
        you = _with_profile(you, database)
    try:
        settings = inputs.read_config(config)
        options = {"config": settings, "phrases": _user_phrases(), "tone": tone, "length": length}
        today = dt.date.today()  # the shell reads the clock; the core takes it as an argument
        try:
            result = reply_to_rejection(
                email_read, today=today, you=you, strategy=strategy, **options
            )
        except ComposeError as error:
            if error.missing != "company_detail" or not _interactive():
                raise
            you = _with_asked_detail(you, you.company or _company_read_from(email_read))
            result = reply_to_rejection(
                email_read, today=today, you=you, strategy=strategy, **options
            )
    except ComposeError as error:
        fail(_friendly(error, you.company or _company_read_from(email_read)))
        return
    except (InputError, ExportError) as error:
        fail(str(error))
        return
    try:
        if output_format == "json":
            _write_json(result)
        elif output_format == "eml":
            _write_eml(result, you, out)
        else:
            _write_text(result)
    except BrokenPipeError:
        inputs.silence_stdout()
    except (InputError, ExportError) as error:
        fail(str(error))
    # Filed only once the draft is out: a reply that could not be written leaves no trace.
    if track:
        sys.stderr.write(_file_reply(database, raw, email_read, kind, result, today) + "\n")


def _with_profile(you: YourDetails, database: str | None) -> YourDetails:
    """Your saved profile (afterword track profile) fills what the flags left out."""
    import dataclasses

    from afterword.cli.track_cmd import run

    profile = run(database, lambda tracker: tracker.profile())
    return dataclasses.replace(
        you,
        name=you.name or profile.name or None,
        email=you.email or profile.email or None,
        phone=you.phone or profile.phone or None,
        linkedin=you.linkedin or profile.linkedin or None,
        skills=you.skills or tuple(profile.skills),
    )


def _file_reply(database, raw, email, kind, result: Reply, today) -> str:
    """File the rejection (or find it on file) and save this draft beside it."""
    from afterword.cli.track_cmd import run
    from afterword.tracking import DuplicateRejection

    def work(tracker) -> str:
        try:
            rejection_id = tracker.file_rejection(
                raw, today=today, parsed=email, kind=kind
            ).rejection.id
        except DuplicateRejection as already:
            rejection_id = already.rejection_id
        draft = result.draft
        message = tracker.save_draft(
            rejection_id,
            subject=draft.subject or "",
            body=draft.body,
            strategy=draft.strategy,
            verdict=draft.review.verdict,
            findings=[finding.to_dict() for finding in draft.review.findings],
        )
        return (
            f"Filed with rejection #{rejection_id} as draft #{message.id}; once you send it, "
            f"run: afterword track sent {message.id}"
        )

    return run(database, work)


def _company_read_from(email) -> str | None:
    """The company the reader finds in the email, to name it when asking for a detail."""
    from afterword.inbox import read_rejection

    return read_rejection(email).company


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value is not None else None


def _friendly(error: ComposeError, company: str | None) -> str:
    """The composer's refusal, turned into what to type next."""
    if error.missing == "company":
        return "afterword could not find the company's name in this email; add it with --company"
    if error.missing == "company_detail":
        return (
            "this email gives nothing specific to answer; add one thing about "
            f'{company} that impressed you with --detail "..."'
        )
    return str(error)


def _interactive() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _with_asked_detail(you: YourDetails, company: str | None) -> YourDetails:
    import contextlib
    import dataclasses

    them = company or "them"
    sys.stderr.write(
        "This email gives nothing specific to answer, so the reply needs one thing from you:\n"
        "its work, a value, or a moment from the process that stayed with you.\n"
    )
    with contextlib.redirect_stdout(sys.stderr):
        answer = typer.prompt(f"What impressed you about {them}", err=True)
    return dataclasses.replace(you, detail=_clean(answer))


def _write_text(result: Reply) -> None:
    from afterword.cli.compose_cmd import _review_line

    reading, draft, context = result.reading, result.draft, result.context
    lines = [f"Reading: {reading.summary}", ""]
    to = context.recipient_email
    if to:
        person = context.recipient_name
        lines.append(f"To: {person} <{to}>" if person else f"To: {to}")
    lines += [f"Subject: {draft.subject}", "", draft.body, ""]
    lines += [f"Strategy: {draft.strategy}", f"Why: {draft.why}", _review_line(draft)]
    lines += [f"Note: {notice}" for notice in result.notices]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _write_json(result: Reply) -> None:
    import json

    sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _write_eml(result: Reply, you: YourDetails, out: str | None) -> None:
    """The reply as a draft mail clients open: threaded under the rejection, to its sender."""
    import datetime as dt

    from afterword.cli.files import write_atomically
    from afterword.export import DEFAULT_DOMAIN, eml_bytes

    now = dt.datetime.now().astimezone()
    context = result.context
    domain = you.email.rpartition("@")[2] if you.email else DEFAULT_DOMAIN
    message = eml_bytes(
        result.draft.subject,
        result.draft.body,
        now=now,
        domain=domain,
        to_email=context.recipient_email,
        to_name=context.recipient_name if context.recipient_email else None,
        from_email=you.email,
        from_name=context.sender_name,
        in_reply_to=result.in_reply_to,
    )
    if out is None:
        sys.stdout.buffer.write(message)
        sys.stdout.buffer.flush()
        return
    write_atomically(out, message)
    sys.stderr.write(f"Saved the reply draft to {out}; open it in your mail app to send.\n")
