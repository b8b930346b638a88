"""Tone: polite sadness is fine; unpaired disappointment gets a gentle suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit

_SADNESS = re.compile(
    r"(?i)\b(disappoint(ed|ing|ment)|a shame|a pity|(was|am|'m) (sad|surprised|sorry)|"
    r"hoping for a different (answer|outcome|result))\b"
)
# A contrast or thanks in the same sentence turns sadness into polite acknowledgement.
_GRACE = re.compile(
    r"(?i)\b(but|although|though|while|still|that said|however|understand|appreciate\w*|"
    r"grateful|thank\w*|glad|respect|fully)\b"
)


@declare(
    code="tone.negative",
    id="tone.negative.disappointment",
    severity=Severity.SUGGESTION,
    message="Disappointment is fine to name; pair it with thanks so it reads as grace, not complaint.",
    why="Professionalism above all, regardless of disappointment: politely acknowledging disappointment is human, as long as gratitude follows.",
    fix="For example: 'Although I was disappointed, I'm grateful for the chance to meet the team.'",
    bad=("I was [[disappointed]] to hear the news.",),
    good=(
        "I was disappointed, but I appreciate your time.",
        "Although I'm disappointed, I understand the decision.",
    ),
)
def unpaired_disappointment(case: Case) -> Iterator[Hit]:
    for match in _SADNESS.finditer(case.text, case.doc.body.start, case.doc.body.end):
        sentence = case.sentence_of(match.start())
        if not _GRACE.search(case.text, sentence.start, sentence.end):
            yield Hit(match.start(), match.end())
