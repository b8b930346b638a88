"""Tables and summaries of the tracker's records, for people at a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from afterword.tracking import (
    CompanySummary,
    ContactRecord,
    FeedbackRecord,
    Filing,
    Profile,
    RejectionDetail,
    RejectionRecord,
)

DASH = "—"
INDENT = 11


def console() -> Console:
    from afterword.cli.render import ReportConsole

    return ReportConsole(highlight=False)


def _day(value: date | None) -> str:
    return value.isoformat() if value else DASH


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column == "#" else "left")
    return table


def render_filing(filing: Filing) -> None:
    record = filing.rejection
    out = console()
    role = f" — {record.role}" if record.role else ""
    out.print(
        f"Filed rejection #{record.id}: {record.company}{role}, received "
        f"{record.received_on.isoformat()}."
    )
    if not filing.new_company:
        joined = "a new application" if filing.new_application else "the same application"
        out.print(f"{record.company} was already on file; this joins it as {joined}.")
    if record.reply_advised:
        out.print("A short thank-you within the week keeps the door open: afterword track due.")
    else:
        out.print("This one needs no reply.", style="dim")


def render_rejections(records: Sequence[RejectionRecord]) -> None:
    out = console()
    if not records:
        out.print("No rejections on file yet. Add one with: afterword track add rejection.eml")
        return
    table = _table(
        "Rejections", "#", "Received", "Company", "Role", "Stage", "Contact", "Follow-up"
    )
    for record in records:
        follow = {"sent": "sent", "draft": "draft ready", "none": DASH}[record.follow_up]
        table.add_row(
            str(record.id),
            _day(record.received_on),
            record.company,
            record.role or DASH,
            record.stage,
            record.contact or DASH,
            follow + (" · replied" if record.replied else ""),
        )
    out.print(table)


def render_detail(detail: RejectionDetail) -> None:
    out = console()
    record = detail.rejection
    out.print(
        Text(f"#{record.id} {record.company} — {record.role or 'role not stated'}", style="bold")
    )
    facts = _table("", "", "")
    facts.show_header = False
    for label, value in (
        ("Received", _day(record.received_on)),
        ("Stage", record.stage),
        ("Feedback", record.feedback.replace("_", " ")),
        ("Future", record.future.replace("_", " ")),
        ("Requisition", record.requisition or DASH),
        ("Link", detail.application.url or DASH),
    ):
        facts.add_row(Text(label, style="dim"), value)
    out.print(facts)
    if record.summary:
        out.print(record.summary)
    if detail.contacts:
        people = _table("People", "#", "Name", "Part", "E-mail", "Last contact")
        for person in detail.contacts:
            name = person.name + (" (do not contact)" if person.do_not_contact else "")
            people.add_row(
                str(person.id),
                name,
                (person.role or DASH).replace("_", " "),
                person.email or DASH,
                _day(person.last_contact),
            )
        out.print(people)
    if detail.messages:
        messages = _table("Messages", "#", "Kind", "Status", "When", "Subject")
        for message in detail.messages:
            when = message.sent_at.date() if message.sent_at else message.received_on
            messages.add_row(
                str(message.id),
                message.kind.replace("_", "-"),
                message.status,
                _day(when),
                message.subject or DASH,
            )
        out.print(messages)
    for entry in detail.feedback:
        out.print(
            f"Feedback {entry.received_on.isoformat()} ({', '.join(entry.themes)}): "
            f"{entry.text or DASH}"
        )


def render_companies(found: Sequence[CompanySummary]) -> None:
    out = console()
    if not found:
        out.print("No companies on file yet.")
        return
    table = _table("Companies", "#", "Name", "Applications", "Rejections", "Last contact")
    for company in found:
        name = company.name + (" (archived)" if company.archived else "")
        table.add_row(
            str(company.id),
            name,
            str(company.applications),
            str(company.rejections),
            _day(company.last_contact),
        )
    out.print(table)


def render_contacts(people: Sequence[ContactRecord]) -> None:
    out = console()
    if not people:
        out.print("No contacts on file yet; they arrive with each rejection you add.")
        return
    table = _table("Contacts", "#", "Name", "Company", "E-mail", "Last contact", "Notes")
    for person in people:
        name = person.name + (" (do not contact)" if person.do_not_contact else "")
        table.add_row(
            str(person.id),
            name,
            person.company or DASH,
            person.email or DASH,
            _day(person.last_contact),
            person.notes or "",
        )
    out.print(table)


def render_feedback(entries: Sequence[FeedbackRecord], counts: dict[str, int]) -> None:
    from afterword.themes import THEME_LABELS

    out = console()
    if not entries:
        out.print('No feedback logged yet. Add it with: afterword track feedback add ID "..."')
        return
    table = _table("Feedback", "#", "Received", "Company", "Themes", "What they said")
    for entry in entries:
        themes = ", ".join(THEME_LABELS.get(theme, theme) for theme in entry.themes) or DASH
        table.add_row(
            str(entry.rejection_id),
            _day(entry.received_on),
            entry.company,
            themes,
            entry.text or DASH,
        )
    out.print(table)
    themes = _table("Themes", "Theme", "Rejections")
    for theme, count in sorted(counts.items(), key=lambda pair: -pair[1]):
        if count:
            themes.add_row(THEME_LABELS.get(theme, theme), str(count))
    out.print(themes)


def render_profile(found: Profile, *, changed: bool) -> None:
    out = console()
    if changed:
        out.print("Saved your profile.")
    table = _table("Profile", "", "")
    table.show_header = False
    for label, value in (
        ("Name", found.name),
        ("E-mail", found.email),
        ("Phone", found.phone),
        ("LinkedIn", found.linkedin),
        ("Signature", found.signature),
        ("Skills", ", ".join(found.skills)),
        ("Follow up within", f"{found.follow_up_days} days"),
        ("Check in after", f"{found.check_in_days} days"),
        ("Rules switched off", ", ".join(found.disabled_rules)),
    ):
        table.add_row(Text(label, style="dim"), value or DASH)
    out.print(table)
