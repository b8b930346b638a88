"""The web app's user actions that take more than one call: each one a plain function.

Routes parse the form, call one of these, and render. They hold no business rules of
their own: the core decides what a draft says and the tracker decides what may be filed.
"""

from __future__ import annotations

import datetime as dt
from base64 import b64encode
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from afterword.context import reader_signals
from afterword.review import Review, ReviewConfig
from afterword.services import check_draft
from afterword.web.forms import (
    MAX_ORIGINAL,
    FollowUp,
    as_sentence,
    split_subject,
)

if TYPE_CHECKING:
    from afterword.composer import Draft
    from afterword.tracking import Tracker


MAX_PASTED_ORIGINAL = 200_000


@dataclass(frozen=True)
class Written:
    """A draft for the editor: its text, the review of that text, and the facts behind it."""

    text: str
    strategy: str
    why: str
    review: Review


def write_draft(
    followup: FollowUp, *, profile: Any, today: dt.date, config: ReviewConfig
) -> Written:
    """Compose in the chosen strategy, then review the text as it would be sent today.

    The composer writes without a send date, so an older rejection still gets a clean
    draft; the editor's review adds today's date so that a late reply is pointed out.
    Raises ComposeError with what to change when no clean draft is possible.
    """
    from afterword.services import compose_drafts

    context = followup.context(profile=profile)
    options: dict[str, Any] = {}
    raw = followup.original_raw()
    if raw is not None:
        options["echoes"] = _echoes(raw, context)
    (draft,) = compose_drafts(
        context,
        strategy=followup.strategy,
        tone=followup.tone,
        length=followup.length,
        config=config,
        **options,
    )
    return _written(draft, followup, profile=profile, today=today, config=config)


def read_upload(raw: bytes | str, *, email: Any = None) -> tuple[dict[str, Any], str]:
    """What the reader found in a rejection, and the email's subject line.

    `email`: the reader's Email when the shell read it already (a dropped file).
    """
    from afterword.inbox import parse_email, parse_pasted, read_rejection

    if email is None:
        email = parse_pasted(raw) if isinstance(raw, str) else parse_email(raw)
    return read_rejection(email).to_dict(), " ".join((email.subject or "").split())


def read_dropped(data: bytes, name: str) -> tuple[bytes | str, Any]:
    """A dropped file read as the CLI reads one: the original to carry, and its Email.

    An .eml stays bytes and a text file becomes text; an Outlook .msg carries on as b""
    (the later steps cannot read it again). Raises MailFileError for a mail folder or a
    file that is no email.
    """
    import io

    from afterword.mailfile import HEAD_BYTES, MailFileError, MailStream, load_email, sniff

    kind = sniff(data[:HEAD_BYTES], name)
    if kind == "mbox":
        raise MailFileError(f"{name} is a mail folder; save the one rejection as .eml")
    email = load_email(MailStream(io.BytesIO(data)), kind, name)
    if kind == "text":
        return data.decode("utf-8", "replace"), email
    return (data if kind == "eml" else b""), email


def _echoes(raw: bytes | str, context: Any) -> Any:
    """What the rejection itself said that a reply can pick up (kind words, a moment)."""
    from afterword.inbox import parse_email, parse_pasted
    from afterword.services import echoes_in

    email = parse_pasted(raw) if isinstance(raw, str) else parse_email(raw)
    return echoes_in(email, context)


def _written(
    draft: Draft, followup: FollowUp, *, profile: Any, today: dt.date, config: ReviewConfig
) -> Written:
    text = draft.text
    result = check_draft(text, followup.context(profile=profile, send_date=today), config)
    return Written(text=text, strategy=draft.strategy, why=draft.why, review=result)


def review_text(
    text: str, followup: FollowUp, *, profile: Any, today: dt.date, config: ReviewConfig
) -> Review:
    """The review of the editor's text against the follow-up's facts, as sent today."""
    return check_draft(text, followup.context(profile=profile, send_date=today), config)


def file_follow_up(
    tracker: Tracker,
    followup: FollowUp,
    text: str,
    *,
    strategy: str,
    review: Review,
    today: dt.date,
    sent_at: dt.datetime | None,
    force: bool = False,
) -> int:
    """File the rejection (unless it is filed already), save the draft, and mark it sent.

    Returns the rejection's id. With `sent_at` None the draft is only saved. The draft is
    saved and marked sent in one transaction, so the tracker's PolicyRefusal (a second
    follow-up without `force`) leaves no draft behind; a rejection new to the tracker is
    filed first, and stays filed.
    """
    rejection_id = _rejection_id(tracker, followup, today=today)
    subject, body = split_subject(text)
    message = {
        "subject": subject or "",
        "body": body,
        "strategy": strategy,
        "verdict": review.verdict,
        "findings": [finding.to_dict() for finding in review.findings],
    }
    if sent_at is None:
        tracker.save_draft(rejection_id, **message)
    else:
        tracker.send_draft(rejection_id, **message, sent_on=sent_at, force=force)
    return rejection_id


def _rejection_id(tracker: Tracker, followup: FollowUp, *, today: dt.date) -> int:
    if followup.rejection_id.isdigit():
        return tracker.rejection(int(followup.rejection_id)).rejection.id
    raw = followup.original_raw()
    kept: dict[str, Any] = {}
    if raw is not None:
        # The user's corrected fields are filed, and the email as it arrived beside them.
        kept = {
            "original": raw.encode("utf-8") if isinstance(raw, str) else raw,
            "original_kind": "text" if isinstance(raw, str) else "eml",
            "message_id": _message_id(raw),
        }
    from afterword.tracker.errors import DuplicateRejection

    try:
        record = tracker.add_rejection_fields(
            company=followup.company,
            role=followup.role,
            received=followup.received_date or today,
            contact_name=followup.contact_name or None,
            contact_email=followup.contact_email or None,
            stage=followup.stage,
            feedback=followup.feedback,
            future=followup.future,
            summary=followup.summary,
            suggested_strategy=followup.suggested or "none",
            **kept,
        )
    except DuplicateRejection as duplicate:
        # Filed already (a second click, or Back and send again): the draft joins it.
        return duplicate.rejection_id
    return record.id


def with_profile(followup: FollowUp, profile: Any) -> FollowUp:
    """Sign with the profile's name and offer its skills, unless the form already has them."""
    name = getattr(profile, "name", "") or followup.your_name
    skills = followup.skills or ", ".join(getattr(profile, "skills", ()) or ())
    return replace(followup, your_name=name, skills=skills)


def followup_for(tracker: Tracker, rejection_id: int, profile: Any) -> FollowUp:
    """The New follow-up fields for a rejection the tracker already holds."""
    detail = tracker.rejection(rejection_id)
    record = detail.rejection
    # The email as filed lets the draft echo it, answer its subject and thread under it; an
    # .eml travels as its bytes, so the reader decodes its headers and quoted-printable body.
    original, kind = _filed_original(tracker.original(rejection_id))
    raw = FollowUp(original=original, original_kind=kind).original_raw()
    subject = read_upload(raw)[1] if raw is not None and raw.strip() else ""
    followup = FollowUp(
        company=record.company or "",
        role=record.role or "",
        contact_name=record.contact or "",
        contact_email=record.contact_email or "",
        received=record.received_on.isoformat(),
        **reader_signals(record.stage, record.feedback, record.future),
        rejection_id=str(record.id),
        their_subject=subject,
        original=original,
        original_kind=kind,
        suggested=record.suggested_strategy or "",
        reply_reason="",
        summary=record.summary or "",
    )
    return with_profile(followup, profile) if profile is not None else followup


def _filed_original(filed: tuple[bytes, str] | None) -> tuple[str, str]:
    """The filed email as the form carries it: base64 for an .eml, as is for pasted text.

    Too big to carry (or an Outlook .msg) leaves it out: it is on file already.
    """
    if filed is None:
        return "", ""
    raw, kind = filed
    if kind == "eml" and len(raw) <= MAX_ORIGINAL * 3 // 4:  # base64 grows it by a third
        return b64encode(raw).decode("ascii"), "eml"
    if kind == "text" and len(raw) <= MAX_PASTED_ORIGINAL:
        return raw.decode("utf-8", "replace"), "text"
    return "", ""


def compose_problem(reason: str, followup: FollowUp) -> dict[str, str]:
    """Where to show the composer's reason: beside the detail it needs, or above the form."""
    sentence = as_sentence(reason)
    if not followup.company_detail:
        return {"company_detail": sentence}
    return {"form": sentence}


def eml_for(followup: FollowUp, text: str, *, profile: Any, now: dt.datetime) -> tuple[bytes, str]:
    """The editor's text as an .eml draft addressed to the contact, and a file name for it."""
    from afterword.export import ExportError, eml_bytes

    subject, body = split_subject(text)
    options: dict[str, Any] = {"now": now, "in_reply_to": _original_message_id(followup)}
    sender_email = getattr(profile, "email", "") or ""
    sender_name = followup.your_name or getattr(profile, "name", "") or None
    addressed = {
        "to_email": followup.contact_email or None,
        "to_name": followup.contact_name or None,
        "from_email": sender_email or None,
        "from_name": sender_name if sender_email else None,
    }
    try:
        data = eml_bytes(subject, body, **options, **addressed)
    except ExportError:
        # An address that is not one: the draft still downloads, to be addressed by hand.
        data = eml_bytes(subject, body, **options)
    return data, f"follow-up-{_slug(followup.company) or 'draft'}.eml"


def sent_moment(value: object, *, now: dt.datetime) -> dt.datetime:
    """When the follow-up went out: now, or midday of an earlier day the user picked."""
    if not isinstance(value, str):
        return now
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        return now
    if day >= now.date():
        return now
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=now.tzinfo)


def _original_message_id(followup: FollowUp) -> str | None:
    raw = followup.original_raw()
    return _message_id(raw) if raw is not None else None


def _message_id(raw: bytes | str) -> str | None:
    """The rejection's Message-ID, so a reply threads under it in the mail client."""
    if not isinstance(raw, bytes):
        return None
    from afterword.inbox import parse_email

    return parse_email(raw).message_id or None


def _slug(text: str) -> str:
    kept = "".join(char.lower() if char.isalnum() else "-" for char in text if char.isascii())
    return "-".join(part for part in kept.split("-") if part)[:40]


def backup_folder():
    """Where backups go: a folder in the user's data folder, created when first needed."""
    from pathlib import Path

    from platformdirs import user_data_dir

    folder = Path(user_data_dir("afterword")) / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
