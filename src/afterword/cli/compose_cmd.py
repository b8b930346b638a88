"""`afterword compose`: write the follow-up from flags, a context file or guided prompts."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import app, fail
from afterword.cli.inputs import InputError

if TYPE_CHECKING:
    from afterword.composer import Draft
    from afterword.composer.phrasebank import Bank
    from afterword.context import Context

FORMAT_CHOICES = ("text", "json", "eml")
MAX_VARIANTS = 10
PHRASES_FILE = "phrases.toml"
# "Sam Lee <sam@example.com>": a name with its address, as mail clients write them.
_NAMED_ADDRESS = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>]+)>$")


@dataclass(frozen=True)
class Person:
    """One recipient given with --to or --recipients: a name and, maybe, an address."""

    name: str
    email: str | None = None


@app.command("compose")
def compose_command(
    context: Annotated[
        str | None,
        typer.Option(
            "--context", "-c", help="A context JSON file: who, what and when (- reads stdin)."
        ),
    ] = None,
    company: Annotated[str | None, typer.Option(help="The company that turned you down.")] = None,
    role: Annotated[str | None, typer.Option(help="The role you applied for.")] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Who you are writing to, e.g. 'Adaeze Okoro'.")
    ] = None,
    recipient_email: Annotated[
        str | None, typer.Option("--recipient-email", help="Their email address, for eml/mailto.")
    ] = None,
    sender: Annotated[str | None, typer.Option(help="Your name, to sign with.")] = None,
    detail: Annotated[
        str | None,
        typer.Option(help="One specific thing about the company that impressed you."),
    ] = None,
    skill: Annotated[
        list[str] | None, typer.Option("--skill", help="A skill to mention (repeatable).")
    ] = None,
    strategy: Annotated[
        str, typer.Option(help="gratitude, feedback, future, or auto to choose from the context.")
    ] = "auto",
    tone: Annotated[str, typer.Option(help="warm or formal.")] = "warm",
    length: Annotated[str, typer.Option(help="short or standard.")] = "standard",
    variants: Annotated[
        int, typer.Option(help=f"How many differently worded drafts (1 to {MAX_VARIANTS}).")
    ] = 1,
    seed: Annotated[int, typer.Option(help="Pick other wordings; the same seed, same draft.")] = 0,
    channel: Annotated[
        str | None,
        typer.Option(help="email, or note for a connection note of at most 300 characters."),
    ] = None,
    recipients: Annotated[
        str | None,
        typer.Option(help='Several people, one draft each: "Sam Lee, Ana Ruiz <ana@x.org>".'),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", help="One person to write to, one draft each (repeatable)."),
    ] = None,
    clarify: Annotated[
        str | None,
        typer.Option(help="One point you may not have conveyed well, to add briefly."),
    ] = None,
    transferable: Annotated[
        bool,
        typer.Option("--transferable", help="Offer your skills for other roles at the company."),
    ] = False,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, or eml (an unsent email draft).")
    ] = "text",
    mailto: Annotated[
        bool,
        typer.Option("--mailto", help="Print a mailto: link per draft that opens your mail app."),
    ] = False,
    out: Annotated[
        str | None,
        typer.Option("--out", help="With --format eml: a folder to write 1.eml, 2.eml, ... into."),
    ] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="A TOML file of your own settings.")
    ] = None,
) -> None:
    """Write a ready-to-send follow-up: subject and body, in the right strategy."""
    from afterword.cli import inputs
    from afterword.composer import CHOICES, LENGTHS, TONES, ComposeError
    from afterword.context import CHANNEL_VALUES
    from afterword.export import ExportError
    from afterword.services import compose_drafts

    _check_choice("--strategy", strategy, CHOICES)
    _check_choice("--tone", tone, TONES)
    _check_choice("--length", length, LENGTHS)
    _check_choice("--format", output_format, FORMAT_CHOICES)
    if channel is not None:
        _check_choice("--channel", channel, CHANNEL_VALUES)
    if not 1 <= variants <= MAX_VARIANTS:
        fail(f"--variants must be between 1 and {MAX_VARIANTS}, not {variants}")
    if company is not None and not company.strip():
        fail("--company is empty; give the company's name")
    if mailto and output_format != "text":
        fail("--mailto prints links, not drafts; leave out --format")
    if out is not None and output_format != "eml":
        fail("--out writes .eml files; use it with --format eml")
    people = _people(to or [], recipients)
    if people and variants > 1:
        fail("give either --variants or several recipients (--to, --recipients), not both")
    if output_format == "eml" and out is None and (variants > 1 or len(people) > 1):
        fail(
            "several drafts cannot share standard output as .eml; "
            "add --out DIR to write them as 1.eml, 2.eml, ..."
        )

    flags: dict[str, Any] = {
        "company": company,
        "role": role,
        "recipient_name": recipient,
        "recipient_email": recipient_email,
        "sender_name": sender,
        "company_detail": detail,
        "skills": list(skill) if skill else None,
    }
    nothing_given = context is None and not people and all(v is None for v in flags.values())
    try:
        settings = inputs.read_config(config)
        phrases = _user_phrases()
        if nothing_given and _interactive():
            flags.update(_ask())
        if channel is not None:
            flags["channel"] = channel
        facts = _with_flags(inputs.read_context(context), flags)
        addresses = _addresses(facts, people)
        drafts = compose_drafts(
            facts,
            strategy=strategy,
            variants=variants,
            recipients=[person.name for person in people],
            phrases=phrases,
            config=settings,
            tone=tone,
            length=length,
            seed=seed,
            clarification=clarify,
            transferable=transferable,
        )
    except (InputError, ComposeError, ExportError) as error:
        fail(str(error))
        return
    if variants > 1 and len(drafts) < variants:
        sys.stderr.write(
            f"afterword: only {len(drafts)} differently worded drafts are possible "
            "from these details\n"
        )
    names = [person.name for person in people] or [facts.recipient_name] * len(drafts)
    try:
        if mailto:
            _write_mailto(drafts, addresses)
        elif output_format == "json":
            _write_json(drafts, several=variants > 1 or len(people) > 1)
        elif output_format == "eml":
            _write_eml(drafts, facts, names, addresses, out)
        else:
            _write_text(drafts, names, addresses)
    except BrokenPipeError:
        inputs.silence_stdout()
    except (InputError, ExportError) as error:
        fail(str(error))


# --------------------------------------------------------------------------- inputs


def _check_choice(flag: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        fail(f"unknown {flag} {value!r}; choose {', '.join(choices[:-1])} or {choices[-1]}")


def _interactive() -> bool:
    """Prompts only for a person at a terminal, never for a script or a pipe."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _ask() -> dict[str, Any]:
    """The guided prompts, on stderr so that stdout stays the draft."""
    import contextlib

    # Click writes a space to stdout after each question; a draft saved with `> draft.eml`
    # would start with them. All of the conversation goes to stderr instead.
    with contextlib.redirect_stdout(sys.stderr):
        return _questions()


def _questions() -> dict[str, Any]:
    typer.echo("A few details, and afterword writes the follow-up.", err=True)
    answers: dict[str, Any] = {
        "company": typer.prompt("Company", err=True),
        "role": _optional("Role you applied for"),
        "recipient_name": _optional("Who are you writing to (their name)"),
        "sender_name": _optional("Your name, to sign with"),
        "company_detail": typer.prompt(
            "One specific thing about the company that impressed you", err=True
        ),
    }
    skills = _optional("Skills to mention, separated by commas")
    if skills:
        answers["skills"] = [item.strip() for item in skills.split(",") if item.strip()]
    return answers


def _optional(question: str) -> str | None:
    answer = typer.prompt(question, default="", show_default=False, err=True)
    return answer.strip() or None


def _people(to: list[str], recipients: str | None) -> list[Person]:
    """--to entries and the comma-separated --recipients, each 'Name' or 'Name <email>'."""
    entries = [*to, *(recipients.split(",") if recipients else [])]
    people = []
    for entry in entries:
        text = " ".join(entry.split())
        if not text:
            continue
        match = _NAMED_ADDRESS.match(text)
        if match is None:
            if "@" in text:
                fail(f"give a name for {text!r}, like 'Sam Lee <{text}>', so the draft greets them")
            people.append(Person(text))
            continue
        name, email = match["name"].strip().strip('"').strip(), match["email"].strip()
        if not name:
            fail(f"give a name for {email!r}, like 'Sam Lee <{email}>', so the draft greets them")
        people.append(Person(name, email))
    return people


def _with_flags(base: Context, flags: dict[str, Any]) -> Context:
    """The context file's facts with every given flag laid over them."""
    import dataclasses

    from afterword.context import ContextError, context_from_dict

    given = {key: value for key, value in flags.items() if value is not None}
    if not given:
        return base
    try:
        # Parsed like the file's fields, so flags are trimmed and checked the same way.
        parsed = context_from_dict(given)
    except ContextError as error:
        raise InputError(str(error)) from None
    return dataclasses.replace(base, **{key: getattr(parsed, key) for key in given})


def _addresses(facts: Context, people: list[Person]) -> list[str | None]:
    """Each draft's address: the person's own, or the context's for its recipient."""
    from afterword.export import check_address

    if not people:
        known = facts.recipient_email
        return [check_address(known)] if known else [None]
    found = []
    for person in people:
        email = person.email
        if email is None and facts.recipient_email and person.name == facts.recipient_name:
            email = facts.recipient_email
        found.append(check_address(email) if email else None)
    return found


def _user_phrases() -> Bank | None:
    """The user's own wordings from phrases.toml in their config folder, if they wrote one."""
    import tomllib

    from afterword.cli.inputs import default_config_path, read_bytes
    from afterword.composer.phrasebank import PhraseBankError, bank_from_dict

    path = default_config_path().parent / PHRASES_FILE
    if not path.is_file():
        return None
    data, name = read_bytes(str(path), "phrase bank")
    try:
        return bank_from_dict(tomllib.loads(data.decode("utf-8")), name)
    except UnicodeDecodeError:
        raise InputError(f"phrase bank {name} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"phrase bank {name} is not valid TOML: {error}") from None
    except PhraseBankError as error:
        raise InputError(str(error)) from None


# --------------------------------------------------------------------------- output


def _address_of(drafts: list[Draft], addresses: list[str | None], index: int) -> str | None:
    if len(addresses) == len(drafts):
        return addresses[index]
    return addresses[0] if addresses else None  # variants: all to the one recipient


def _write_text(drafts: list[Draft], names: list[str | None], addresses: list[str | None]) -> None:
    """Plain text, easy to copy: the subject and body, then the strategy and why."""
    from afterword.composer import MAX_NOTE

    parts = []
    for index, draft in enumerate(drafts):
        lines = []
        if len(drafts) > 1:
            name = names[index] if index < len(names) else None
            for_whom = f" for {name}" if name and len(set(names)) > 1 else ""
            lines.append(f"--- Draft {index + 1} of {len(drafts)}{for_whom} ---")
        email = _address_of(drafts, addresses, index)
        if email:
            lines.append(f"To: {email}")
        if draft.subject is not None:
            lines += [f"Subject: {draft.subject}", ""]
        else:
            lines += [f"Connection note ({len(draft.body)} of {MAX_NOTE} characters):", ""]
        lines += [draft.body, "", f"Strategy: {draft.strategy}", f"Why: {draft.why}"]
        lines.append(_review_line(draft))
        parts.append("\n".join(lines))
    sys.stdout.write("\n\n".join(parts) + "\n")
    sys.stdout.flush()


def _review_line(draft: Draft) -> str:
    count = len(draft.review.findings)
    if draft.review.ready and not count:
        return "Review: ready to send."
    if draft.review.ready:
        extra = f"{count} optional suggestion{'s' if count != 1 else ''}"
        return f"Review: ready to send ({extra}; afterword check shows them)."
    return "Review: needs revision (afterword check shows why)."


def _write_json(drafts: list[Draft], *, several: bool) -> None:
    """One object for one draft; a list whenever several were asked for, however many came."""
    import json

    data: Any = [draft.to_dict() for draft in drafts]
    if not several:
        data = data[0]
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _write_mailto(drafts: list[Draft], addresses: list[str | None]) -> None:
    from afterword.export import mailto_link

    links = [
        mailto_link(draft.subject, draft.body, _address_of(drafts, addresses, index))
        for index, draft in enumerate(drafts)
    ]
    sys.stdout.write("\n".join(links) + "\n")
    sys.stdout.flush()


def _write_eml(
    drafts: list[Draft],
    facts: Context,
    names: list[str | None],
    addresses: list[str | None],
    out: str | None,
) -> None:
    """One .eml to stdout, or each draft as N.eml in the --out folder."""
    import datetime as dt

    from afterword.export import DEFAULT_DOMAIN, eml_bytes

    now = dt.datetime.now().astimezone()  # the shell reads the clock; export stays pure
    sender_email = facts.sender_email
    domain = sender_email.rpartition("@")[2] if sender_email else DEFAULT_DOMAIN
    messages = []
    for index, draft in enumerate(drafts):
        email = _address_of(drafts, addresses, index)
        name = names[index] if index < len(names) else facts.recipient_name
        messages.append(
            eml_bytes(
                draft.subject,
                draft.body,
                now=now,
                domain=domain,
                to_email=email,
                to_name=name if email else None,
                from_email=sender_email,
                from_name=facts.sender_name,
            )
        )
    if out is None:
        sys.stdout.buffer.write(messages[0])
        sys.stdout.buffer.flush()
        return
    from afterword.cli.files import write_atomically

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--out {out} is a file; give a folder for the drafts")
    written = [
        str(write_atomically(folder / f"{number}.eml", message))
        for number, message in enumerate(messages, 1)
    ]
    sys.stdout.write("\n".join(f"wrote {path}" for path in written) + "\n")
    sys.stdout.flush()
