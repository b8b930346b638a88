"""One function per user action: where the shells meet the core."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import orjson

from afterword.context import Context, ContextError, context_from_dict, reader_signals
from afterword.review import Review, ReviewConfig, review

if TYPE_CHECKING:
    from afterword.composer import Draft
    from afterword.composer.echoes import Echoes
    from afterword.composer.phrasebank import Bank
    from afterword.inbox import Email, Reading

EMPTY_NOTICE = "The draft is empty: there is nothing to review yet."


def check_draft(
    text: str, context: Context, config: ReviewConfig, notices: Iterable[str] = ()
) -> Review:
    """Review one draft and carry the input's notices (such as replaced bytes) along."""
    result = review(text, context, config)
    extra = tuple(notices)
    if not text.strip():
        extra += (EMPTY_NOTICE,)
    if extra:
        result = replace(result, notices=extra + result.notices)
    return result


def check_batch(lines: Iterable[str], config: ReviewConfig) -> Iterator[dict[str, Any]]:
    """One result per input line, in order; a bad line gives an error object, not a crash."""
    for number, line in enumerate(lines, 1):
        yield _check_line(number, line, config)


def _check_line(number: int, line: str, config: ReviewConfig) -> dict[str, Any]:
    if not line.strip():
        return {"id": None, "line": number, "error": "empty line"}
    try:
        case = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return {"id": None, "line": number, "error": f"not valid JSON: {error}"}
    if not isinstance(case, dict):
        return {"id": None, "line": number, "error": "each line must be a JSON object"}
    case_id = case.get("id")
    text = case.get("text")
    if not isinstance(text, str):
        return {"id": case_id, "line": number, "error": "'text' must be a string"}
    try:
        context = context_from_dict(case.get("context"))
    except ContextError as error:
        return {"id": case_id, "line": number, "error": str(error)}
    result = check_draft(text, context, config)
    line_result = {
        "id": case_id,
        "verdict": result.verdict,
        "findings": [finding.to_dict() for finding in result.findings],
    }
    if result.notices:
        line_result["notices"] = list(result.notices)
    return line_result


def compose_drafts(
    context: Context,
    *,
    strategy: str = "auto",
    variants: int = 1,
    recipients: Iterable[str] = (),
    phrases: Bank | None = None,
    config: ReviewConfig | None = None,
    **options: Any,
) -> list[Draft]:
    """The drafts the user asked for: one, several variants, or one per recipient."""
    # Loaded here so that reviewing a draft never pays for the composer.
    from afterword.composer import compose, compose_for_each, compose_variants

    settings: dict[str, Any] = {"strategy": strategy, "phrases": phrases, **options}
    if config is not None:
        settings["config"] = config
    people = [name for name in recipients if name.strip()]
    if people:
        return compose_for_each(context, people, **settings)
    if variants > 1:
        return compose_variants(context, variants, **settings)
    return [compose(context, **settings)]


# --------------------------------------------------------------------------- reply


@dataclass(frozen=True)
class YourDetails:
    """What the user adds to a reply: their name, signature, skills and one detail."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    skills: tuple[str, ...] = ()
    detail: str | None = None
    # Corrections, where the reader got the email wrong or found nothing.
    company: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Reply:
    """A reply to one rejection: what the email said, the draft, and where it goes."""

    reading: Reading
    draft: Draft
    context: Context
    in_reply_to: str | None
    days_since: int | None
    notices: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "reading": self.reading.to_dict(),
            "draft": self.draft.to_dict(),
            "to": {"name": self.context.recipient_name, "email": self.context.recipient_email},
            "in_reply_to": self.in_reply_to,
            "days_since_rejection": self.days_since,
            "notices": list(self.notices),
        }


REPLY_WINDOW_DAYS = 7


def reply_to_rejection(
    raw: Email | bytes | str,
    *,
    today: dt.date,
    you: YourDetails = YourDetails(),
    strategy: str = "suggested",
    config: ReviewConfig | None = None,
    phrases: Bank | None = None,
    **options: Any,
) -> Reply:
    """Read a rejection, write the reply in the suggested strategy, and review it.

    The draft is reviewed as text (no send date), so an old email still gets a clean draft;
    how long ago it arrived is a notice beside it. Raises ComposeError when no clean draft
    is possible (the email gave nothing specific and the user added no detail, say).
    """
    from afterword.composer import compose
    from afterword.inbox import parse_email, parse_pasted, read_rejection

    if isinstance(raw, str):
        email = parse_pasted(raw)
    elif isinstance(raw, bytes | bytearray):
        email = parse_email(bytes(raw))
    else:
        email = raw
    reading = read_rejection(email)
    context = _reply_context(reading, email.subject, you)
    # The composer's own choice reads the same signals as the reader's suggestion, and says why.
    chosen = "auto" if strategy == "suggested" else strategy
    settings: dict[str, Any] = {"phrases": phrases, **options}
    if config is not None:
        settings["config"] = config
    draft = compose(context, chosen, echoes=echoes_in(email, context), **settings)
    days = _days_since(reading.received_date, today)
    return Reply(
        reading=reading,
        draft=draft,
        context=context,
        in_reply_to=email.message_id,
        days_since=days,
        notices=_reply_notices(reading, days),
    )


def echoes_in(email: Email, context: Context) -> Echoes:
    """What the rejection's own words offer a reply: kind words, a moment, their plans."""
    from afterword.composer.echoes import echoes_of
    from afterword.inbox.layout import find_layout

    prose = find_layout(email.text or "").body or email.text or ""
    return echoes_of(prose, tuple(name for name in context.names() if name))


def _reply_context(reading: Reading, subject: str, you: YourDetails) -> Context:
    received = None
    if reading.received_date:
        try:
            received = dt.date.fromisoformat(reading.received_date)
        except ValueError:
            received = None
    their_subject = " ".join(subject.split()) or None
    return Context(
        sender_name=you.name or reading.candidate_name,
        recipient_name=reading.contact_name,
        recipient_email=reading.contact_email,
        company=you.company or reading.company,
        role=you.role or reading.role,
        rejection_date=received,
        **reader_signals(reading.stage, reading.feedback, reading.future),
        their_subject=their_subject,
        company_detail=you.detail,
        skills=you.skills,
        sender_email=you.email,
        sender_phone=you.phone,
        sender_linkedin=you.linkedin,
    )


def _days_since(received: str | None, today: dt.date) -> int | None:
    if not received:
        return None
    try:
        return (today - dt.date.fromisoformat(received)).days
    except ValueError:
        return None


def _reply_notices(reading: Reading, days: int | None) -> tuple[str, ...]:
    notices = []
    if not reading.reply_advised:
        notices.append(reading.reply_reason)
    if days is not None and days > REPLY_WINDOW_DAYS:
        notices.append(
            f"This rejection arrived {days} days ago; a reply usually goes within a week, so "
            "send it soon and keep it short, or let this one go."
        )
    if not reading.contact_email:
        notices.append("The email shows no address that a person reads; find one before sending.")
    return tuple(notices)
