"""Email -> Reading: who rejected whom, for what, at which stage, and what the reply should do.

General rules over cue phrases, header and signature structure and domain names. Pure.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from afterword.inbox.advice import advise, summarise
from afterword.inbox.company import find_agency, find_company
from afterword.inbox.cues import AUTOMATED, CUT_LISTS, UNMONITORED, is_noreply
from afterword.inbox.layout import find_layout
from afterword.inbox.mime import Email
from afterword.inbox.outcome import read_feedback, read_future, read_stage
from afterword.inbox.people import clean_person, find_candidate, find_contact_email, find_signer
from afterword.inbox.role import find_role

__all__ = ["Reading", "read_rejection"]

_CONTEXT_CHARS = 4_000
# "> " marks left on older messages nested in the thread.
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


@dataclass(frozen=True)
class Reading:
    """What a rejection says, and whether and how to answer it."""

    company: str | None
    role: str | None
    contact_name: str | None
    contact_email: str | None
    candidate_name: str | None
    received_date: str | None
    stage: str
    feedback: str
    future: str
    suggested_strategy: str
    reply_advised: bool
    reply_reason: str
    summary: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def read_rejection(email: Email) -> Reading:
    """Extract the reply-relevant signals from a parsed rejection email."""
    raw = email.text or ""
    cut = CUT_LISTS.search(raw)
    text = raw[: cut.start()] if cut else raw
    layout = find_layout(text)
    unmonitored = bool(UNMONITORED.search(text)) or is_noreply(email.from_address)
    automated = email.automated or is_noreply(email.from_address) or bool(AUTOMATED.search(text))
    contact = find_signer(layout, email)
    prose = layout.body or text
    agency = find_agency(email, layout, prose)
    candidate = find_candidate(layout, email)
    people = [p for p in (contact, candidate, clean_person(email.from_name)) if p]
    # A short reply leans on the thread it answers: the candidate's own note often names the
    # role, the employer and the interview.
    context = _QUOTE_MARKS.sub("", email.quoted[:_CONTEXT_CHARS])
    company = find_company(email, layout, prose, text, agency, people, context)
    role = find_role(email, prose, company, context)
    contact_addr = find_contact_email(email, contact, text, unmonitored)
    received = email.date.date().isoformat() if email.date is not None else None
    stage = read_stage(prose)
    if stage == "unknown" and context:
        stage = read_stage(context)
    feedback = read_feedback(prose)
    future = read_future(prose)
    no_human = contact is None
    strategy, advised, reason = advise(
        stage, feedback, future, unmonitored, automated, no_human, contact, contact_addr
    )
    summary = summarise(company, role, contact, stage, feedback, future, received, agency)
    return Reading(
        company=company,
        role=role,
        contact_name=contact,
        contact_email=contact_addr,
        candidate_name=candidate,
        received_date=received,
        stage=stage,
        feedback=feedback,
        future=future,
        suggested_strategy=strategy,
        reply_advised=advised,
        reply_reason=reason,
        summary=summary,
    )
