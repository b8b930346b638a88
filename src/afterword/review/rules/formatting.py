"""Format: subject, greeting and sign-off in place; no shouting, no emoji."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import (
    LazyRegex,
    first_line_hit,
    in_zones,
    skip_zones,
)
from afterword.review.wordlists import WORDLISTS

_WHY = "Proofreading and formatting: proper formatting makes the message easy to read and professional in appearance."
_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z]{2,}(?:['’][A-Z]+)?(?![\w'’-])")
# Short capitalised words that are initialisms far more often than shouting.
_INITIALISMS = frozenset(word.upper() for word in WORDLISTS["initialisms"])
_EXCLAIM_RUN = re.compile(r"!{2,}")
_EMOTICON_SOURCE = r"(?<!\w)[:;]-?[)(DPp](?!\w)"
_EMOTICON = re.compile(_EMOTICON_SOURCE)
_EMOJI = LazyRegex(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff\U0000fe0f\U0000200d"
    "\U0001f1e6-\U0001f1ff]+|" + _EMOTICON_SOURCE
)


@declare(
    code="format.structure",
    id="format.structure.subject",
    severity=Severity.WARNING,
    message="Add a subject line, such as 'Thank you – <role>'.",
    why=_WHY,
    fix="Start with 'Subject: Thank you – <role>' or reply in their thread.",
    bad=("Dear Sam,\n\nThank you for your time.\n\nBest,\nLee",),
    good=(
        "Subject: Thank you\n\nDear Sam,\n\nThank you for your time.\n\nBest,\nLee",
        ("Hi Sam, thank you for your time. Glad we met.", {"channel": "note"}),
    ),
)
def missing_subject(case: Case) -> Iterator[Hit]:
    if case.is_note or case.doc.subject or not case.text.strip():
        return
    yield first_line_hit(case)


@declare(
    code="format.structure",
    id="format.structure.greeting",
    severity=Severity.WARNING,
    message="Open with a greeting that names them, such as 'Dear Ms. Park,'.",
    why=_WHY,
    fix="Add 'Dear <name>,' or 'Hi <name>,' on its own line.",
    bad=("Subject: Thank you\n\nThank you for your time.\n\nBest,\nLee",),
    good=("Subject: Thank you\n\nHi Sam,\n\nThank you for your time.\n\nBest,\nLee",),
)
def missing_greeting(case: Case) -> Iterator[Hit]:
    if case.is_note or case.doc.greeting or not case.doc.body_text.strip():
        return
    body = case.doc.body
    line_end = case.text.find("\n", body.start, body.end)
    yield Hit(body.start, body.end if line_end == -1 else line_end)


@declare(
    code="format.structure",
    id="format.structure.signoff",
    severity=Severity.WARNING,
    message="End with a sign-off and your name, such as 'Best regards,' and your full name.",
    why=_WHY,
    fix="Add a closing line and your name.",
    bad=("Subject: Thank you\n\nHi Sam,\n\nThank you for your time. I hope we stay in touch.",),
    good=("Subject: Thank you\n\nHi Sam,\n\nThank you for your time.\n\nBest regards,\nLee Chan",),
)
def missing_signoff(case: Case) -> Iterator[Hit]:
    doc = case.doc
    if case.is_note or doc.closing or doc.signature or not doc.body_text.strip():
        return
    last = doc.paragraphs[-1] if doc.paragraphs else doc.body
    yield Hit(last.start, last.end)


@declare(
    code="format.structure",
    id="format.structure.shouting",
    severity=Severity.WARNING,
    message="Words in capitals read as shouting; write them in lower case.",
    why=_WHY,
    fix="Use normal capitalisation; let the words carry the emphasis.",
    bad=("I am [[SO]] glad we met.",),
    good=(
        "I enjoyed the SQL exercise and meeting the QA team.",
        "Thank you for the HVAC tour.",
        # A name written in capitals by them (the role as posted) is theirs, not shouting.
        (
            "Thank you for considering me for the CREDIT RISK ANALYST role.",
            {"role": "CREDIT RISK ANALYST"},
        ),
    ),
)
def shouting(case: Case) -> Iterator[Hit]:
    candidates = []
    named = {word for name in case.context.names() for word in _CAPS_WORD.findall(name)}
    for match in _CAPS_WORD.finditer(case.text):
        word = match.group()
        if word in _INITIALISMS or word in named or in_zones(skip_zones(case), match.start()):
            continue
        if word.lower() in _EMPHASIS or _is_common_word(case, word):
            candidates.append(match)
    # One capitalised common word may be an initialism (STEM, IT); emphasis words or
    # several such words are shouting.
    shouted = [m for m in candidates if m.group().lower() in _EMPHASIS]
    if len(candidates) >= 2 or shouted:
        for match in candidates:
            yield Hit(match.start(), match.end(), suggestion=match.group().lower())


_EMPHASIS = WORDLISTS["emphasis"]


def _is_common_word(case: Case, word: str) -> bool:
    lower = word.lower()
    return len(lower) >= 3 and case.dictionary.frequency(lower) >= 5000


@declare(
    code="format.structure",
    id="format.structure.exclamations",
    severity=Severity.WARNING,
    message="Several exclamation marks read as over-excited; keep one at most.",
    why=_WHY,
    fix="Use full stops; one exclamation mark at most in the whole message.",
    bad=("Thank you so much[[!!]]",),
    good=("Thank you so much! I hope we stay in touch.",),
)
def exclamations(case: Case) -> Iterator[Hit]:
    runs = list(_EXCLAIM_RUN.finditer(case.text))
    for match in runs:
        yield Hit(match.start(), match.end(), suggestion=".")
    if runs:
        return
    if case.text.count("!") >= 3:
        third = case.text.find("!", case.text.find("!", case.text.find("!") + 1) + 1)
        yield Hit(third, third + 1, suggestion=".")


@declare(
    code="format.structure",
    id="format.structure.emoji",
    severity=Severity.WARNING,
    message="Leave emoji out of a professional follow-up.",
    why=_WHY,
    fix="Remove the emoji; say it in words if it matters.",
    bad=("I'd love to be considered for future roles. [[🙂]]",),
    good=("I'd love to be considered for future roles.",),
)
def emoji(case: Case) -> Iterator[Hit]:
    pattern = _EMOTICON if case.text.isascii() else _EMOJI
    for match in pattern.finditer(case.text):
        yield Hit(match.start(), match.end(), suggestion="")
