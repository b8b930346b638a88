"""`afterword track applied | sent | replied | opening | companies | archive`: what happened."""

from __future__ import annotations

from typing import Annotated

import typer

from afterword.cli import fail
from afterword.cli.track_cmd import (
    Database,
    Format,
    On,
    check_format,
    day,
    emit_json,
    moment,
    run,
    say,
    track_app,
)


@track_app.command("applied")
def applied(
    company: Annotated[str, typer.Argument(help="The company.")],
    role: Annotated[str, typer.Argument(help="The role.")],
    on: On = None,
    url: Annotated[str | None, typer.Option(help="A link to the job ad.")] = None,
    requisition: Annotated[str | None, typer.Option(help="The job or requisition number.")] = None,
    database: Database = None,
) -> None:
    """Log an application you made; the activity report lists it."""
    when = day(on)
    record = run(
        database,
        lambda t: t.add_application(
            company=company, role=role, applied=when, url=url, requisition=requisition
        ),
    )
    say(f"Logged: applied to {record.company} for {record.role} on {when.isoformat()}.")


@track_app.command("sent")
def sent(
    draft_id: Annotated[
        int | None, typer.Argument(help="The draft you sent (its number in show).")
    ] = None,
    rejection: Annotated[
        int | None,
        typer.Option("--rejection", help="Log a message you wrote elsewhere, for this rejection."),
    ] = None,
    check_in: Annotated[
        bool, typer.Option("--check-in", help="It was a check-in, not the follow-up.")
    ] = False,
    subject: Annotated[str, typer.Option(help="Its subject, for your records.")] = "",
    on: On = None,
    force: Annotated[
        bool, typer.Option("--force", help="Record it even though the policy advises against.")
    ] = False,
    database: Database = None,
) -> None:
    """Mark a draft as sent, or log a message you sent yourself."""
    when = moment(on)
    if (draft_id is None) == (rejection is None):
        fail("give the draft's number, or --rejection ID for a message you wrote elsewhere")
    if draft_id is not None:
        message = run(database, lambda t: t.mark_sent(draft_id, sent_on=when, force=force))
    else:
        kind = "check_in" if check_in else "follow_up"
        message = run(
            database,
            lambda t: t.log_sent(rejection, sent_on=when, kind=kind, subject=subject, force=force),
        )
    what = "check-in" if message.kind == "check_in" else "follow-up"
    say(
        f"Recorded: {what} for rejection #{message.rejection_id} sent on "
        f"{when.date().isoformat()}. Well done."
    )


@track_app.command("replied")
def replied(
    rejection_id: Annotated[int, typer.Argument(help="The rejection they replied about.")],
    text: Annotated[str, typer.Option(help="What they wrote, or a note of it.")] = "",
    on: On = None,
    database: Database = None,
) -> None:
    """Log that the company replied (a second follow-up is fine after a reply)."""
    when = day(on)
    run(database, lambda t: t.log_reply(rejection_id, received=when, text=text))
    say(f"Recorded their reply on {when.isoformat()}.")


@track_app.command("opening")
def opening(
    company: Annotated[str, typer.Argument(help="The company with a new opening.")],
    role: Annotated[str, typer.Argument(help="The role advertised.")],
    on: On = None,
    url: Annotated[str | None, typer.Option(help="A link to the ad.")] = None,
    database: Database = None,
) -> None:
    """Note a new opening at a company: a reason to check in with your contact there."""
    when = day(on)
    run(database, lambda t: t.log_opening(company=company, role=role, seen=when, url=url))
    say(f"Noted the {role} opening at {company}. `afterword track due` shows whether to check in.")


@track_app.command("companies")
def companies(database: Database = None, output_format: Format = "text") -> None:
    """Every company on file, with counts and the last contact."""
    check_format(output_format)
    found = run(database, lambda t: t.companies())
    if output_format == "json":
        emit_json([company.to_dict() for company in found])
        return
    from afterword.cli.track_render import render_companies

    render_companies(found)


@track_app.command("archive")
def archive(
    company_id: Annotated[int, typer.Argument(help="The company's number (see companies).")],
    undo: Annotated[bool, typer.Option("--undo", help="Bring it back.")] = False,
    database: Database = None,
) -> None:
    """Archive a company: no more reminders about it."""
    run(database, lambda t: t.archive_company(company_id, archived=not undo))
    say(f"Company #{company_id} " + ("is back." if undo else "is archived: no more reminders."))
