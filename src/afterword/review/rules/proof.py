"""Proofreading, spelling: a shipped English dictionary, with names and terms respected."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import fold, in_zones, skip_zones, starts_sentence
from afterword.review.spelling_variants import within_edits

PROOF_WHY = "Proofreading: the message should be meticulously proofread for typos and grammatical errors; attention to detail speaks volumes about professionalism."
MAX_UNFAMILIAR_WORDS = 60
# "E. coli": the word after an initial is the second half of a scientific name.
_BINOMIAL = re.compile(r"(?<![\w.])[A-Z]\. $")
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A correction must be at least this common in the word list: a rare neighbour
# ("roaster" for "roastery") means the word is more likely a rare term than a typo.
_SUGGESTION_MIN_FREQUENCY = 1000
# Both halves of a closed compound ("stormwater", "walkthrough") must be words this common.
_COMPOUND_PART_MIN = 200


@declare(
    code="proof.spelling",
    id="proof.spelling",
    severity=Severity.WARNING,
    message="This word looks misspelled.",
    why=PROOF_WHY,
    fix="Correct the spelling.",
    bad=(
        "I was sorry to [[recieve]] the news.",
        "It was a useful [[excercise]] in planning.",
        ("Thank you, [[Lanternfsh]] team.", {"company": "Lanternfish Studio"}),
    ),
    good=(
        "I enjoyed the Kubernetes session and the colour palette of the organisation's website.",
        (
            "Thank you, Zielińska and Oyelaran-Okafor, for the tour.",
            {"recipient_name": "Agnieszka Zielińska"},
        ),
        "Meeting Piotr and Dr. Aldana at Quillfeather was a highlight.",
    ),
)
def misspelled(case: Case) -> Iterator[Hit]:
    text = case.text
    names = _context_names(case)
    dictionary = case.dictionary
    # Correcting a word can take milliseconds; a draft gets this many unfamiliar words.
    budget = MAX_UNFAMILIAR_WORDS
    for start, end, scope_start in _proof_scopes(case):
        for match in _HYPHENATED.finditer(text, start, end):
            token = match.group()
            # Most words are plain and known: settle them before anything costlier.
            if token.islower() and "-" not in token and _is_plain_word(dictionary, token):
                continue
            budget -= 1
            if budget < 0:
                return
            if in_zones(skip_zones(case), match.start()) or _BINOMIAL.search(
                text, max(0, match.start() - 4), match.start()
            ):
                continue
            if "-" not in token:
                parts = [(match.start(), token)] if len(token) > 1 else []
            elif dictionary.is_known(token):
                continue
            else:
                found = TOKEN.finditer(text, match.start(), match.end())
                parts = [
                    (part.start(), part.group()) for part in found if part.end() - part.start() > 1
                ]
            for position, word in parts:
                if word.islower():
                    verdict = _lowercase_verdict(dictionary, word)
                    if verdict is None or fold(word) in names:
                        continue
                    yield Hit(position, position + len(word), suggestion=verdict)
                    continue
                hit = _check_word(case, dictionary, names, word, position, scope_start)
                if hit is not None:
                    yield hit


def _proof_scopes(case: Case) -> list[tuple[int, int, int]]:
    doc = case.doc
    scopes = []
    if doc.subject:
        label_end = case.text.find(":", doc.subject.start, doc.subject.end) + 1
        scopes.append((label_end, doc.subject.end, label_end))
    scopes.append((doc.body.start, doc.body.end, doc.body.start))
    return scopes


def _context_names(case: Case) -> dict[str, str]:
    """Folded word -> as written, for every word of the context's names."""
    names = {}
    for name in case.context.names():
        for word in re.findall(r"[^\W\d_]+", name):
            names[fold(word)] = word
    return names


def _check_word(case, dictionary, names, word, position, scope_start) -> Hit | None:
    if word.isupper() and len(word) > 1:
        return None  # an initialism
    core = word[:-2] if word.endswith(("'s", "’s")) else word
    if core[:1].isupper() and _is_plain_word(dictionary, core.lower()):
        return None  # "Thank", "The": a known word that starts a sentence
    folded = fold(word)
    if folded in names or folded.rstrip("s") in names:
        return None
    if core[:1].isupper():
        near = _near_name(core, names)
        if near:
            return Hit(position, position + len(core), suggestion=near)
        if not starts_sentence(case.text, position, scope_start) or word[1:] != word[1:].lower():
            return None  # a proper noun, or a brand such as iPhone
        if _used_mid_sentence(case, core):
            return None
        # A capitalised first word gets the same verdict as in lower case.
        suggestion = _lowercase_verdict(dictionary, core.lower())
        if suggestion is None:
            return None
        return Hit(
            position, position + len(core), suggestion=suggestion[:1].upper() + suggestion[1:]
        )
    suggestion = _lowercase_verdict(dictionary, word)
    return (
        None if suggestion is None else Hit(position, position + len(word), suggestion=suggestion)
    )


@lru_cache(maxsize=65536)
def _is_plain_word(dictionary, lower: str) -> bool:
    return dictionary.is_known(lower) and not dictionary.is_common_misspelling(lower)


@lru_cache(maxsize=65536)
def _lowercase_verdict(dictionary, word: str) -> str | None:
    """The correction for a misspelled word, or None when it passes. Pure, so cached."""
    core = word[:-2] if word.endswith(("'s", "’s")) else word
    if dictionary.is_common_misspelling(word):
        return dictionary.suggest(word)
    if dictionary.is_known(core) or dictionary.is_known(word) or _closed_compound(dictionary, core):
        return None
    # Typing slips rarely add accents: an accented unknown word is a borrowing or a name.
    if not word.isascii():
        return None
    # Short unknown words are mostly jargon or borrowings ("lede", "kapa"); only two swapped
    # letters ("teh", "tiem") are a sure slip.
    if len(core) <= 4:
        swaps = (core[:i] + core[i + 1] + core[i] + core[i + 2 :] for i in range(len(core) - 1))
        common = [swap for swap in swaps if dictionary.frequency(swap) >= _SUGGESTION_MIN_FREQUENCY]
        return max(common, key=dictionary.frequency) if common else None
    # An unknown word with no common near neighbour is a term we lack, not a slip of the keys.
    suggestion = dictionary.suggest(word)
    if suggestion is None:
        return None
    lower = suggestion.lower()
    forms = (suggestion, lower, lower[:-1] if lower.endswith("s") else lower)
    if max(dictionary.frequency(form) for form in forms) < _SUGGESTION_MIN_FREQUENCY:
        return None
    return suggestion


def _closed_compound(dictionary, word: str) -> bool:
    lower = word.lower()
    for cut in range(3, len(lower) - 2):
        left, right = lower[:cut], lower[cut:]
        if (
            dictionary.frequency(left) >= _COMPOUND_PART_MIN
            and dictionary.frequency(right) >= _COMPOUND_PART_MIN
        ):
            return True
    return False


def _near_name(word: str, names: dict[str, str]) -> str | None:
    """A context name this capitalised word misspells by one or two letters."""
    folded = fold(word)
    if len(folded) < 5:
        return None
    for known, written in names.items():
        if (
            len(known) >= 5
            and known[0] == folded[0]
            and abs(len(known) - len(folded)) <= 2
            and known != folded
            and within_edits(folded, known, 1 if len(known) <= 6 else 2)
        ):
            return written
    return None


def _used_mid_sentence(case: Case, word: str) -> bool:
    """Whether the draft also writes this capitalised word inside a sentence: a name."""
    names = case.memo.get("mid_sentence_capitals")
    if names is None:
        start = case.doc.body.start
        names = case.memo["mid_sentence_capitals"] = {
            found.text
            for found in case.doc.words
            if found.text[:1].isupper() and not starts_sentence(case.text, found.start, start)
        }
    return word in names
