"""`afterword track feedback | contacts | profile`: what you learned, who you know, who you are."""

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
    run,
    say,
    track_app,
)

feedback_app = typer.Typer(help="The feedback you received, and the themes across rejections.")
contacts_app = typer.Typer(help="The people you know at each company.")
track_app.add_typer(feedback_app, name="feedback")
track_app.add_typer(contacts_app, name="contacts")


@feedback_app.callback(invoke_without_command=True)
def feedback_list(
    context: typer.Context, database: Database = None, output_format: Format = "text"
) -> None:
    """List the feedback you received, with how often each theme came up."""
    if context.invoked_subcommand is not None:
        return
    check_format(output_format)
    entries, counts = run(database, lambda t: (t.feedback(), t.theme_counts()))
    if output_format == "json":
        emit_json({"feedback": [entry.to_dict() for entry in entries], "themes": counts})
        return
    from afterword.cli.track_render import render_feedback

    render_feedback(entries, counts)


@feedback_app.command("add")
def feedback_add(
    rejection_id: Annotated[int, typer.Argument(help="The rejection it is about.")],
    text: Annotated[str, typer.Argument(help="What they said, in their words or yours.")],
    theme: Annotated[
        list[str] | None,
        typer.Option("--theme", help="A theme, if afterword reads it wrong (repeatable)."),
    ] = None,
    on: On = None,
    database: Database = None,
) -> None:
    """Log feedback; afterword sorts it into themes unless you give them."""
    from afterword.themes import THEME_LABELS

    when = day(on)
    themes = tuple(theme) if theme else None
    entry = run(
        database, lambda t: t.log_feedback(rejection_id, text=text, received=when, themes=themes)
    )
    labels = ", ".join(THEME_LABELS.get(name, name) for name in entry.themes) or "no theme"
    say(f"Logged feedback from {entry.company} ({labels}).")


@contacts_app.callback(invoke_without_command=True)
def contacts_list(
    context: typer.Context, database: Database = None, output_format: Format = "text"
) -> None:
    """List everyone on file, with their company and your last contact."""
    if context.invoked_subcommand is not None:
        return
    check_format(output_format)
    people = run(database, lambda t: t.contacts())
    if output_format == "json":
        emit_json([person.to_dict() for person in people])
        return
    from afterword.cli.track_render import render_contacts

    render_contacts(people)


@contacts_app.command("add")
def contacts_add(
    rejection_id: Annotated[int, typer.Argument(help="The rejection whose process they were in.")],
    name: Annotated[str, typer.Argument(help="Their name.")],
    email: Annotated[str | None, typer.Option(help="Their e-mail address.")] = None,
    linkedin: Annotated[str | None, typer.Option(help="Their LinkedIn address.")] = None,
    role: Annotated[
        str, typer.Option(help="recruiter, hiring_manager, interviewer or referrer.")
    ] = "interviewer",
    database: Database = None,
) -> None:
    """Add someone from the process: an interviewer, the hiring manager, a referrer."""
    person = run(
        database,
        lambda t: t.add_contact(rejection_id, name=name, email=email, linkedin=linkedin, role=role),
    )
    say(f"Added {person.name} (#{person.id}) at {person.company}.")


@contacts_app.command("set")
def contacts_set(
    contact_id: Annotated[int, typer.Argument(help="The contact's number (see contacts).")],
    do_not_contact: Annotated[
        bool | None,
        typer.Option(
            "--do-not-contact/--ok-to-contact",
            help="Silence every reminder about them, or lift that.",
        ),
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Your notes about them.")] = None,
    linkedin: Annotated[str | None, typer.Option(help="Their LinkedIn address.")] = None,
    database: Database = None,
) -> None:
    """Change a contact: do-not-contact, notes, LinkedIn."""
    if do_not_contact is None and notes is None and linkedin is None:
        fail("say what to change: --do-not-contact, --ok-to-contact, --notes or --linkedin")
    person = run(
        database,
        lambda t: t.update_contact(
            contact_id, do_not_contact=do_not_contact, notes=notes, linkedin=linkedin
        ),
    )
    quiet = " No reminders will mention them." if person.do_not_contact else ""
    say(f"Updated {person.name}.{quiet}")


@track_app.command("profile")
def profile(
    name: Annotated[str | None, typer.Option(help="Your name, to sign with.")] = None,
    email: Annotated[str | None, typer.Option(help="Your e-mail address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Your phone number.")] = None,
    linkedin: Annotated[str | None, typer.Option(help="Your LinkedIn address.")] = None,
    signature: Annotated[str | None, typer.Option(help="Your sign-off block.")] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", help="A skill of yours (repeatable).")
    ] = None,
    follow_up_days: Annotated[
        int | None, typer.Option(help="Days to send the follow-up in (default 7).")
    ] = None,
    check_in_days: Annotated[
        int | None, typer.Option(help="Days before a check-in when kept on file (default 90).")
    ] = None,
    disable_rule: Annotated[
        list[str] | None,
        typer.Option("--disable-rule", help="A review rule to switch off (repeatable)."),
    ] = None,
    database: Database = None,
    output_format: Format = "text",
) -> None:
    """Show your profile, or change it: signature, skills, reminder intervals."""
    check_format(output_format)
    changes = {
        key: value
        for key, value in (
            ("name", name),
            ("email", email),
            ("phone", phone),
            ("linkedin", linkedin),
            ("signature", signature),
            ("skills", skill),
            ("follow_up_days", follow_up_days),
            ("check_in_days", check_in_days),
            ("disabled_rules", disable_rule),
        )
        if value is not None
    }
    found = run(database, lambda t: t.update_profile(**changes) if changes else t.profile())
    if output_format == "json":
        emit_json(found.to_dict())
        return
    from afterword.cli.track_render import render_profile

    render_profile(found, changed=bool(changes))
