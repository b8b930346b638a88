"""Feedback requests: brief, optional, and only where feedback is given."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit

FEEDBACK_REQUEST = re.compile(
    r"(?i)\b(feedback|pointers|(any )?thoughts on (my|how)|advice on (how|what)|"
    r"what I could (do|have done) (better|differently)|areas? (to|where I (could|can|might)) improve|"
    r"how I (could|can|might) improve|where I (fell|came up) short)\b"
)
_QUESTIONING = re.compile(
    r"(?i)(\?|\b(I would|I'd) (also )?like to (know|understand)\b|\bwhether (the|my|I)\b|"
    r"\bhow (the panel|you|they|the committee|the interviewers?) (rated|scored|viewed|saw|felt|assessed|judged|weighed|weighted)\b)"
)
MAX_FEEDBACK_ASKS = 2
# Each kind of ask above needs one of these; most letters ask nothing.
_MAY_ASK = re.compile(
    r"\?|like to|whether|feedback|pointers|thoughts|advice|improve|short|how (the|you|they)"
)


@declare(
    code="feedback.demanding",
    id="feedback.demanding.declined",
    severity=Severity.WARNING,
    message="They mentioned they don't give feedback, so this request is best left out.",
    why="Respect boundaries and the recipient's time: when they have said no feedback is given, a request only strains the relationship.",
    fix="Leave the request out and keep to thanks and continued interest.",
    bad=(
        (
            "I would be grateful for any [[feedback]] on my interview.",
            {"feedback": "declined"},
        ),
    ),
    good=(
        ("I would be grateful for any feedback on my interview.", {"feedback": "offered"}),
        ("Thank you for your time and consideration.", {"feedback": "declined"}),
    ),
)
def feedback_declined(case: Case) -> Iterator[Hit]:
    if case.context.feedback != "declined":
        return
    doc = case.doc
    match = FEEDBACK_REQUEST.search(case.text, doc.body.start, doc.body.end)
    if match:
        yield Hit(match.start(), match.end())


@declare(
    code="feedback.demanding",
    id="feedback.demanding.lengthy",
    severity=Severity.WARNING,
    message="The feedback request runs to several questions; one short, optional ask is enough.",
    why="Request feedback politely: keep the request brief and non-intrusive; a simple request is more effective than a lengthy one.",
    fix="Replace the questions with one line: 'If you have a moment, I would welcome any brief feedback.'",
    bad=(
        "Thank you. [[Was it my answer on budgets? Was it the case study? How did the panel rate my references?]]",
    ),
    good=(
        "Thank you. If you have a moment, I would welcome any brief feedback, but please don't feel obliged.",
    ),
)
def lengthy_request(case: Case) -> Iterator[Hit]:
    if not _MAY_ASK.search(case.lower):
        return
    asks = []
    for sentence in case.doc.sentences:
        text = case.text[sentence.start : sentence.end]
        if text.count(";") >= 2 and FEEDBACK_REQUEST.search(text):
            yield Hit(sentence.start, sentence.end)
            return
        if _QUESTIONING.search(text):
            asks.append(sentence)
    if len(asks) > MAX_FEEDBACK_ASKS:
        yield Hit(asks[0].start, asks[-1].end)
