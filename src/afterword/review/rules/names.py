"""Find company and role names in a draft that disagree with the context."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import fold, name_words

# Last words that mark a capitalised phrase as an organisation's name.
_ORG_ENDINGS = frozenset(
    [
        "co",
        "company",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "corp",
        "corporation",
        "group",
        "holdings",
        "health",
        "healthcare",
        "systems",
        "supply",
        "supplies",
        "partners",
        "labs",
        "laboratories",
        "technologies",
        "tech",
        "solutions",
        "bank",
        "university",
        "college",
        "hospital",
        "foundation",
        "studio",
        "studios",
        "agency",
        "consulting",
        "media",
        "software",
        "capital",
        "industries",
        "associates",
        "institute",
        "academy",
        "clinic",
        "services",
        "logistics",
        "insurance",
        "networks",
        "games",
        "foods",
        "pharmaceuticals",
        "pharma",
        "therapeutics",
        "biologics",
        "motors",
        "airlines",
        "energy",
        "renewables",
        "analytics",
        "ventures",
        "enterprises",
        "collective",
        "cooperative",
        "society",
        "museum",
        "gallery",
        "trust",
        "bakery",
        "brewing",
        "brewery",
        "roasters",
        "outfitters",
        "records",
        "press",
        "publishing",
        "architects",
        "engineering",
        "dynamics",
        "robotics",
        "financial",
        "realty",
        "properties",
    ]
)
_CAPITALISED = r"(?:[A-Z][\w'’&-]*|&)"
# A full stop ends a name: "Mining Co. I appreciate" is a name and a new sentence.
_PHRASE = re.compile(
    rf"{_CAPITALISED}(?:[ \t]+(?:(?:of|the|and|for|de|du|von|van)[ \t]+)?{_CAPITALISED})*"
)
# Places where a company is named as the employer, not in passing.
_EMPLOYER_CUE = re.compile(
    r"(?i)(?:\b(?:roles?|openings?|opportunit(?:y|ies)|positions?|jobs?|careers?|vacanc(?:y|ies)) "
    r"(?:at|with)|\bwork(?:ing)? (?:at|for)|\bteam at|\bjoin(?:ing)?|\binterested in) $"
)
_NOT_IN_TITLE = frozenset(
    [
        "the",
        "a",
        "an",
        "you",
        "i",
        "me",
        "we",
        "us",
        "they",
        "he",
        "she",
        "it",
        "about",
        "to",
        "with",
        "for",
        "on",
        "in",
        "at",
        "from",
        "by",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "have",
        "has",
        "did",
        "do",
        "your",
        "my",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "so",
        "very",
        "really",
    ]
)
# "The X interview" names a kind of interview ("panel", "onsite"), so only job words count.
_JOB_WORD = r"(position|role|post|job|vacancy)\b(?![ \t]+(?:postings?|descriptions?|search|market|offers?|ads?|boards?|titles?|openings?|fairs?|alerts?)\b)"
_ROLE_CUE = re.compile(
    rf"(?i)\b(the|this|your)[ \t]+([\w'’/-]+(?:[ \t]+[\w'’/-]+){{0,4}}?)[ \t]+{_JOB_WORD}"
)
_SUBJECT_ROLE = re.compile(
    rf"(?i)[–—:-][ \t]*([\w'’/-]+(?:[ \t]+[\w'’/-]+){{0,4}}?)[ \t]+{_JOB_WORD}"
)
_ROLE_FILLER = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "future",
        "new",
        "open",
        "current",
        "recent",
        "same",
        "full-time",
        "part-time",
        "full",
        "time",
        "part",
        "remote",
        "hybrid",
        "interview",
        "hiring",
        "selection",
        "whole",
        "entire",
        "recruiting",
        "application",
        "available",
        "similar",
        "posted",
        "advertised",
        "exciting",
        "great",
        "wonderful",
        "permanent",
        "temporary",
        "contract",
        "senior",
        "junior",
        "level",
        "entry-level",
        "entry",
        "lead",
        "position",
        "role",
        "job",
        "post",
        "opening",
        "vacancy",
        "and",
        "for",
        "of",
        "at",
        "in",
        "with",
        "on",
    ]
)
_DIFFERENT_ROLE = frozenset(
    ["another", "other", "any", "future", "similar", "next", "some", "such", "new"]
)
_ORDINALS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "eleventh": "11th", "twelfth": "12th",
}  # fmt: skip


def mismatched_company(case: Case) -> Iterator[Hit]:
    company = case.context.company or ""
    allowed = set(name_words(company))
    for name in case.context.names():
        allowed.update(name_words(name))
    initials = "".join(word[0] for word in name_words(company))
    text = case.text
    body_start = case.doc.subject.start if case.doc.subject else case.doc.body.start
    for match in _PHRASE.finditer(text, body_start, case.doc.body.end):
        phrase = match.group().rstrip(".'’")
        # Only an organisation-like name, or a name where the employer belongs, is checked.
        last = phrase.rsplit(None, 1)[-1].lower()
        ends_like_org = last in _ORG_ENDINGS and " " in phrase
        if not ends_like_org and (
            _is_sentence_start(text, match.start())
            or not _EMPLOYER_CUE.search(text[max(0, match.start() - 40) : match.start()])
        ):
            continue
        words = [word for word in name_words(phrase) if word not in {"the", "of", "and", "s"}]
        if not words or all(word in allowed for word in words):
            continue
        if fold(phrase).replace(" ", "") in (initials, fold(company).replace(" ", "")):
            continue
        yield Hit(match.start(), match.start() + len(phrase), suggestion=company)


def _is_sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 20) : position].rstrip()
    return not before or before[-1] in ".!?\n"


def mismatched_role(case: Case) -> Iterator[Hit]:
    role = case.context.role or ""
    expected = _role_words(role) | {fold(word) for word in name_words(case.context.company or "")}
    initials = "".join(word[0] for word in name_words(role) if word not in _ROLE_FILLER)
    doc = case.doc
    spans = []
    if doc.subject:
        spans.append((_SUBJECT_ROLE, doc.subject.start, doc.subject.end, 1))
        spans.append((_ROLE_CUE, doc.subject.start, doc.subject.end, 2))
    spans.append((_ROLE_CUE, doc.body.start, doc.body.end, 2))
    seen = set()
    for pattern, start, end, group in spans:
        for match in _candidates(pattern, case.text, start, end):
            phrase_start, phrase_end = match.span(group)
            if (phrase_start, phrase_end) in seen:
                continue
            seen.add((phrase_start, phrase_end))
            phrase = case.text[phrase_start:phrase_end]
            if _differs(phrase, expected, initials):
                yield Hit(phrase_start, phrase_end, suggestion=role)


def _candidates(pattern: re.Pattern[str], text: str, start: int, end: int):
    """Matches starting at every cue word, so a long false start cannot hide a later match."""
    for cue in _CUE_START.finditer(text, start, end):
        match = pattern.match(text, cue.start(), end)
        if match is not None:
            yield match


_CUE_START = re.compile(r"(?i)(?<![\w'’-])(?:the|this|your)\b|[–—:-]")


def _role_words(text: str) -> set[str]:
    words = set()
    for word in name_words(text.replace("-", " ")):
        words.add(_ORDINALS.get(word, word))
    return words


def _differs(phrase: str, expected: set[str], initials: str) -> bool:
    every = name_words(phrase)
    if not every or every[0] in _DIFFERENT_ROLE or any(w in _NOT_IN_TITLE for w in every):
        return False
    words = [w for w in _role_words(phrase) if w not in _ROLE_FILLER]
    if not words:
        return False
    unmatched = [
        word
        for word in words
        if not any(_same_word(word, other) for other in expected)
        and not (len(word) >= 2 and word in initials)
    ]
    return bool(unmatched) and len(unmatched) * 2 >= len(words)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 5 or (shared >= 4 and shared == min(len(a), len(b)))
