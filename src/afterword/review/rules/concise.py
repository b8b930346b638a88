"""Concision and readability: short, focused and easy to read."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.patterns import Pattern
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import body_hit

MAX_BODY_WORDS = 220
# Professional networking sites cap invitation notes at 300 characters.
MAX_NOTE_CHARS = 300
MAX_PARAGRAPH_WORDS = 140
LONG_SENTENCE_WORDS = 35
HARD_GRADE = 14.0

_LONG_LETTER = (
    "Dear Sam,\n\n"
    + " ".join(["Thank you for the visit and for showing me how the harbour crews work."] * 18)
    + "\n\nBest,\nLee"
)


@declare(
    code="concise.too_long",
    id="concise.too_long",
    severity=Severity.WARNING,
    message="This is longer than a follow-up needs; aim for under 150 words in two or three short paragraphs.",
    why="Clear and concise message: keep it brief, focused and easy to read, and respect the recipient's time.",
    fix="Keep the thanks, one specific detail and one line of interest; cut the rest.",
    bad=(_LONG_LETTER,),
    good=(
        "Dear Sam,\n\nThank you for the visit. I enjoyed seeing the harbour crews at work. I hope we stay in touch.\n\nBest,\nLee",
    ),
)
def too_long(case: Case) -> Iterator[Hit]:
    if case.is_note:
        size = len(case.text.strip())
        if size > MAX_NOTE_CHARS:
            yield body_hit(
                case,
                message=f"At {size} characters this note is over the {MAX_NOTE_CHARS}-character limit for connection notes.",
            )
        return
    words = case.doc.word_count
    if words > MAX_BODY_WORDS:
        yield body_hit(
            case, message=f"At {words} words the body is long for a follow-up; aim for under 150."
        )
        return
    for paragraph in case.doc.paragraphs:
        count = len(case.doc.words_in(paragraph))
        if count > MAX_PARAGRAPH_WORDS:
            yield Hit(
                paragraph.start,
                paragraph.end,
                message=f"This paragraph runs to {count} words; split it or cut it to its main point.",
            )


@declare(
    code="style.readability",
    id="style.readability.long_sentence",
    severity=Severity.SUGGESTION,
    message="This sentence is long; consider splitting it in two.",
    why="Clear and concise message: short sentences are easy to read on a phone between meetings.",
    fix="Split it where the thought changes.",
    bad=(
        "[[I enjoyed the visit and the conversation with your team about the harbour project and the way the crews plan their week around the tides and the weather and the boats that come in from the north every morning.]]",
    ),
    good=("I enjoyed the visit. The harbour project stayed with me.",),
)
def long_sentences(case: Case) -> Iterator[Hit]:
    for sentence in case.doc.sentences:
        count = len(case.doc.words_in(sentence))
        if count > LONG_SENTENCE_WORDS:
            yield Hit(
                sentence.start,
                sentence.end,
                message=f"This sentence has {count} words; consider splitting it in two.",
            )


@declare(
    code="style.readability",
    id="style.readability.grade",
    severity=Severity.SUGGESTION,
    message="This reads at a demanding level; plainer words and shorter sentences will land better.",
    why="Clear and concise message: keep the message easy to read.",
    fix="Prefer short, everyday words and sentences of under 20 words.",
    bad=(
        "Dear Sam,\n\nNotwithstanding considerable organisational uncertainty, institutional responsibilities necessitate comprehensive reconsideration, particularly regarding intergenerational communication methodologies, philosophically understood.\n\nBest,\nLee",
    ),
    good=("Dear Sam,\n\nThank you for the tour. I liked the boats.\n\nBest,\nLee",),
)
def hard_to_read(case: Case) -> Iterator[Hit]:
    if case.doc.word_count < 12:
        return
    grade = case.doc.grade_level
    if grade > HARD_GRADE:
        yield body_hit(
            case,
            message=f"This reads at about grade {grade:.0f}; plainer words and shorter sentences will land better.",
        )


_APOLOGY = Pattern(r"\b(sorry|apologi[sz]e[sd]?|apologi[sz]ing|apologies|forgive me)\b")
_HEDGE = Pattern(
    r"\b(just|maybe|perhaps|possibly|i think|i guess|i feel like|sort of|kind of|"
    r"somewhat|a bit|i was wondering|if it'?s not too much trouble|hopefully|i suppose)\b"
)


@declare(
    code="style.hedging",
    id="style.hedging.apologies",
    severity=Severity.SUGGESTION,
    message="You apologise more than once; one apology at most keeps the note confident.",
    why="Demonstrate professionalism and resilience: a gracious note shows confidence, not contrition.",
    fix="Keep one apology, or none, and thank them instead.",
    bad=("Sorry to bother you. [[Sorry]] again for the long note.",),
    good=("Sorry to write again so soon. Thank you for your time.",),
)
def repeated_apologies(case: Case) -> Iterator[Hit]:
    matches = list(_APOLOGY.finditer(case, 0, len(case.text)))
    for match in matches[1:]:
        yield Hit(match.start(), match.end())


@declare(
    code="style.hedging",
    id="style.hedging.hedges",
    severity=Severity.SUGGESTION,
    message="Many hedges ('just', 'maybe', 'I think') make the note sound unsure; keep one at most.",
    why="Demonstrate professionalism and resilience: a clear, confident message reads as maturity.",
    fix="Remove the hedges and say it plainly.",
    bad=("I just wanted to say maybe I could perhaps [[possibly]] help, I think.",),
    good=("I would be glad to help if a role opens.",),
)
def heavy_hedging(case: Case) -> Iterator[Hit]:
    matches = list(_HEDGE.finditer(case, 0, len(case.text)))
    if len(matches) >= 4:
        yield Hit(matches[3].start(), matches[3].end())
