"""Gratitude: thank them for their time and consideration."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.patterns import Pattern
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import body_hit

# "Grateful to be considered" looks ahead, not back: it is interest, not thanks.
_THANKS = Pattern(
    r"\b(thank(s|ful|ing)?|gratitude|appreciat(e|ed|es|ing|ion|ive)|"
    r"grateful (for|to (you|have|hear|meet|learn|be given))|kind of you|generous of you)\b"
)


@declare(
    code="gratitude.missing",
    id="gratitude.missing",
    severity=Severity.WARNING,
    message="Thank them for their time or consideration; that line carries the whole message.",
    why="Maintain a positive and professional tone: expressing gratitude for the time and consideration demonstrates respect and leaves a lasting positive impression.",
    fix="Open with a line such as 'Thank you for your time and for letting me know.'",
    bad=(
        "Dear Ana,\n\nI received your email about the role. I hope to be considered in future.\n\nBest,\nLee",
    ),
    good=(
        "Dear Ana,\n\nThank you for letting me know. I hope to be considered in future.\n\nBest,\nLee",
        "Dear Ana,\n\nI really appreciate your time. I hope to stay in touch.\n\nBest,\nLee",
    ),
)
def missing_thanks(case: Case) -> Iterator[Hit]:
    doc = case.doc
    start = doc.greeting.end if doc.greeting else doc.body.start
    end = doc.closing.end if doc.closing else doc.body.end
    if not case.doc.body_text.strip() or _THANKS.search(case, start, end):
        return
    yield body_hit(case)
