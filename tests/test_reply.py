"""`afterword reply`: every dev rejection gets a ready, specific, correctly addressed reply."""

from __future__ import annotations

import datetime as dt
import json
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from afterword import review
from afterword.composer import ComposeError
from afterword.folding import fold
from afterword.services import YourDetails, reply_to_rejection

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_rejections"
LABELS = (
    {
        row["file"]: row
        for row in map(json.loads, (DEV / "labels.jsonl").read_text(encoding="utf-8").splitlines())
    }
    if DEV.is_dir()
    else {}
)
pytestmark = pytest.mark.skipif(not LABELS, reason="the dev rejections (../shared) are not here")
TODAY = dt.date(2026, 11, 25)
# What a user types at the prompt when the email itself gives nothing specific.
DETAIL = "the way your team shares its field notes openly"
FEEDBACK_ASK = re.compile(r"(?i)\b(feedback|thoughts on my application|how I might strengthen)\b")


def reply_to(name: str):
    raw = (DEV / name).read_bytes()
    try:
        return reply_to_rejection(raw, today=TODAY), False
    except ComposeError:
        return reply_to_rejection(raw, today=TODAY, you=YourDetails(detail=DETAIL)), True


@pytest.mark.parametrize("name", sorted(LABELS))
def test_reply_to_every_dev_rejection_is_ready_and_names_company_role_and_person(
    name: str,
) -> None:
    label = LABELS[name]
    result, _ = reply_to(name)
    draft = result.draft
    # Reviewed again from scratch, as the user's own `afterword check` would.
    again = review(draft.text, result.context)
    assert again.ready, [(f.rule, f.excerpt) for f in again.findings if f.severity.blocks]
    assert fold(label["company"]).split()[0] in fold(draft.body)
    assert fold(label["role"]) in fold(f"{draft.subject} {draft.body}")
    if label["contact_name"]:
        first = label["contact_name"].split()[0]
        greeting = draft.body.splitlines()[0]
        assert first in greeting or label["contact_name"].split()[-1] in greeting
    assert draft.subject and draft.subject.lower().startswith("re:")


@pytest.mark.parametrize(
    "name", sorted(name for name, label in LABELS.items() if label["feedback"] == "declined")
)
def test_reply_never_asks_for_feedback_the_email_declined(name: str) -> None:
    result, _ = reply_to(name)
    assert result.draft.strategy != "feedback"
    assert not FEEDBACK_ASK.search(result.draft.body)


def test_most_replies_need_nothing_from_the_user_when_the_email_says_something_specific() -> None:
    asked = [name for name in sorted(LABELS) if reply_to(name)[1]]
    # The others pick up the email's own kind words, a moment of the process or their plans.
    assert len(asked) < len(LABELS) * 0.6, asked


def test_reply_echoes_what_the_email_praised_in_the_writers_voice() -> None:
    result, asked = reply_to("21.eml")
    assert not asked
    assert "the moody lighting in my abandoned-observatory scene" in result.draft.body


def test_an_old_rejection_still_gets_a_draft_with_a_timing_note() -> None:
    result, _ = reply_to("24.eml")
    assert result.days_since and result.days_since > 7
    assert any("days ago" in notice for notice in result.notices)


def test_a_reply_addresses_the_human_sender_and_threads_under_the_original() -> None:
    raw = (DEV / "24.eml").read_bytes()
    original = message_from_bytes(raw, policy=policy.default)
    result = reply_to_rejection(raw, today=TODAY)
    assert result.in_reply_to == original["Message-ID"]
    assert result.context.recipient_email == LABELS["24.eml"]["contact_email"]
