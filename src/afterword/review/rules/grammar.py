"""Proofreading, grammar: repeated words, a/an, "i", capitals, agreement, full stops."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import in_zones, skip_zones, starts_sentence
from afterword.review.rules.agreement import agreement_errors
from afterword.review.rules.proof import PROOF_WHY, TOKEN

_REPEATED = re.compile(r"(?i)(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])")
# "had had" and "that that" are often correct.
_MAY_REPEAT = frozenset(
    {"had", "that", "is", "do", "bye", "no", "very", "so", "really", "far", "please", "never"}
)


@declare(
    code="proof.grammar",
    id="proof.grammar.repeated_word",
    severity=Severity.WARNING,
    message="This word is repeated.",
    why=PROOF_WHY,
    fix="Delete the second one.",
    bad=("Thank you for walking me through [[the the]] plant.",),
    good=("What it had had was time; that that mattered was clear.",),
)
def repeated_word(case: Case) -> Iterator[Hit]:
    text = case.text
    words = case.doc.words
    for first, second in pairwise(words):
        if (
            first.text.lower() == second.text.lower()
            and text[first.end : second.start].isspace()
            and first.text.lower() not in _MAY_REPEAT
            and not first.text[0].isdigit()
        ):
            yield Hit(first.start, second.end, suggestion=first.text)
    if case.doc.subject:
        for match in _REPEATED.finditer(text, case.doc.subject.start, case.doc.subject.end):
            if match.group(1).lower() not in _MAY_REPEAT:
                yield Hit(match.start(), match.end(), suggestion=match.group(1))


_ARTICLE = re.compile(r"(?<![\w'’-])(a|an|A|An)\s+([\w’'-]+)")
_VOWEL_SOUND_CONSONANT = ("hour", "honest", "honor", "honour", "heir", "herb")
_CONSONANT_SOUND_VOWEL = (
    "uni", "unan", "use", "usu", "usa", "uti", "ure", "uro", "ura", "eu", "one", "once",
    "ubiq", "ufo", "ewe", "uk", "uga",
)  # fmt: skip


@declare(
    code="proof.grammar",
    id="proof.grammar.article",
    severity=Severity.WARNING,
    message="Use 'an' before a vowel sound and 'a' before a consonant sound.",
    why=PROOF_WHY,
    fix="Swap the article.",
    bad=("It was [[a interesting]] conversation.", "It was [[an great]] visit."),
    good=(
        "It was an honest talk about a unique role at a university, an hour long, with an MBA and a UX lead.",
    ),
)
def article(case: Case) -> Iterator[Hit]:
    for match in _ARTICLE.finditer(case.text):
        art, word = match.group(1), match.group(2)
        wants_an = _wants_an(word)
        if wants_an is None or (art.lower() == "an") == wants_an:
            continue
        # A capital "A" inside a sentence is a letter or a name ("Plan A"), not an article.
        if art[0] == "A" and not starts_sentence(case.text, match.start()):
            continue
        if in_zones(skip_zones(case), match.start()):
            continue
        fixed = ("An" if art[0] == "A" else "an") if wants_an else ("A" if art[0] == "A" else "a")
        yield Hit(match.start(), match.end(), suggestion=f"{fixed} {word}")


def _wants_an(word: str) -> bool | None:
    if not word[:1].isalpha():
        return None
    if word.isupper() and len(word) > 1:
        return word[0] in "AEFHILMNORSX"
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND_CONSONANT):
        return True
    if lower.startswith(_CONSONANT_SOUND_VOWEL):
        return False
    return lower[0] in "aeiou"


_LOWER_I = re.compile(r"(?<![\w'’.-])i(?=(?:['’](?:m|d|ll|ve))?(?![\w.'’-]))")


@declare(
    code="proof.grammar",
    id="proof.grammar.lowercase_i",
    severity=Severity.WARNING,
    message="Write the pronoun 'I' as a capital.",
    why=PROOF_WHY,
    fix="Capitalise it.",
    bad=("Thank you, and [[i]] hope we stay in touch.", "Thanks, [[i]]'m grateful."),
    good=("Thank you, and I hope we stay in touch (i.e. by email).",),
)
def lowercase_i(case: Case) -> Iterator[Hit]:
    for match in _LOWER_I.finditer(case.text):
        if not in_zones(skip_zones(case), match.start()):
            yield Hit(match.start(), match.end(), suggestion="I")


@declare(
    code="proof.grammar",
    id="proof.grammar.capital_start",
    severity=Severity.WARNING,
    message="Start each sentence with a capital letter.",
    why=PROOF_WHY,
    fix="Capitalise the first letter.",
    bad=("Thank you for the tour. [[it]] was a highlight.",),
    good=("Thank you for the tour. It was a highlight. eBay and iPhone are fine.",),
)
def capital_start(case: Case) -> Iterator[Hit]:
    doc = case.doc
    starts = [sentence.start for sentence in doc.sentences]
    for part in (doc.greeting, doc.closing):
        if part is not None:
            starts.append(
                part.start
                + len(case.text[part.start : part.end])
                - len(case.text[part.start : part.end].lstrip())
            )
    for start in starts:
        match = TOKEN.match(case.text, start)
        if match is None:
            continue
        word = match.group()
        if word[0].islower() and word[1:] == word[1:].lower() and word != "i":
            yield Hit(match.start(), match.end(), suggestion=word[0].upper() + word[1:])


@declare(
    code="proof.grammar",
    id="proof.grammar.agreement",
    severity=Severity.WARNING,
    message="The verb does not agree with its subject.",
    why=PROOF_WHY,
    fix="Make the verb agree with its subject.",
    bad=(
        "I was glad to see that [[the results was]] good.",
        "[[The team's approach to model validation were]] impressive.",
        "[[The garden and the library was]] wonderful to see.",
    ),
    good=(
        "The team were lovely, and the results were good.",
        "The people I met were kind, and the data were clear.",
        "The way you run the clinic is a model.",
    ),
)
def agreement(case: Case) -> Iterator[Hit]:
    for start, end, suggestion in agreement_errors(case.text, case.doc.sentences):
        yield Hit(start, end, suggestion=suggestion)


@declare(
    code="proof.grammar",
    id="proof.grammar.end_punctuation",
    severity=Severity.WARNING,
    message="End the sentence with a full stop.",
    why=PROOF_WHY,
    fix="Add a full stop.",
    bad=("Dear Sam,\n\nThank you for your time and the tour of the [[plant]]\n\nBest,\nLee",),
    good=("Dear Sam,\n\nThank you for your time and the tour of the plant.\n\nBest,\nLee",),
)
def end_punctuation(case: Case) -> Iterator[Hit]:
    for paragraph in case.doc.paragraphs:
        words = case.doc.words_in(paragraph)
        tail = case.text[paragraph.start : paragraph.end].rstrip()
        if len(words) < 6 or not tail or not tail[-1].isalnum():
            continue
        last = words[-1]
        yield Hit(last.start, last.end, suggestion=f"{last.text}.")
