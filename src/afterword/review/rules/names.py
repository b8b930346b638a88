"""Find company and role names in a draft that disagree with the context."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword import vocabulary
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import fold, name_words, starts_sentence
from afterword.review.wordlists import WORDLISTS

# Last words that mark a capitalised phrase as an organisation's name.
_ORG_ENDINGS = WORDLISTS["org_endings"]
_PLACEHOLDER_WORDS = re.compile(r"\b(Insert|Name|Title|XXX+)\b")
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
_NOT_IN_TITLE = WORDLISTS["not_in_title"]
# "The X interview" names a kind of interview ("panel", "onsite"), so only job words count.
_JOB_WORD = r"(position|role|post|job|vacancy)\b(?![ \t]+(?:postings?|descriptions?|search|market|offers?|ads?|boards?|titles?|openings?|fairs?|alerts?)\b)"
_JOB_FINDER = re.compile(rf"(?i)\b{_JOB_WORD}")
_ROLE_CUE = re.compile(
    rf"(?i)\b(the|this|your)[ \t]+([\w'’/-]+(?:[ \t]+[\w'’/-]+){{0,4}}?)[ \t]+{_JOB_WORD}"
)
_SUBJECT_ROLE = re.compile(
    rf"(?i)[–—:-][ \t]*([\w'’/-]+(?:[ \t]+[\w'’/-]+){{0,4}}?)[ \t]+{_JOB_WORD}"
)
_ROLE_FILLER = WORDLISTS["role_filler"]
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
    company_last = company.rsplit(None, 1)[-1].lower() if company.strip() else ""
    text = case.text
    body_start = case.doc.subject.start if case.doc.subject else case.doc.body.start
    greeting = case.doc.greeting
    for match in _PHRASE.finditer(text, body_start, case.doc.body.end):
        if greeting and greeting.start <= match.start() < greeting.end:
            continue  # "Dear Harbourline team": the recipient check covers the greeting
        phrase = match.group()
        if (
            " " not in phrase
            and phrase.lower() not in _ORG_ENDINGS
            and starts_sentence(text, match.start())
        ):
            continue  # a capitalised first word: "Thank", "Seeing"
        phrase = re.sub(r"\s+I$", "", phrase.rstrip(".'’"))
        first = phrase.split()[0]
        # An acronym ("NHS"), a placeholder ("COMPANY_NAME"), or the company's own product
        # ("Bitforge's RISC-V") is not another employer.
        if phrase.isupper() or "_" in phrase or fold(first.rstrip("'’s")) in allowed:
            continue
        # Only an organisation-like name, or a name where the employer belongs, is checked.
        last = phrase.rsplit(None, 1)[-1].lower()
        # "Elmstead Youth Orchestra" for "Wexley Youth Orchestra": same kind, other name.
        ends_like_org = " " in phrase and (last in _ORG_ENDINGS or last == company_last)
        if not ends_like_org and (
            starts_sentence(text, match.start())
            or not _EMPLOYER_CUE.search(text[max(0, match.start() - 40) : match.start()])
        ):
            continue
        words = [word for word in name_words(phrase) if word not in {"the", "of", "and", "s"}]
        if not words or all(word in allowed for word in words):
            continue
        if fold(phrase).replace(" ", "") in (initials, fold(company).replace(" ", "")):
            continue
        if _PLACEHOLDER_WORDS.search(phrase):
            continue
        yield Hit(match.start(), match.start() + len(phrase), suggestion=company)


def mismatched_role(case: Case) -> Iterator[Hit]:
    role = case.context.role or ""
    expected = _role_words(role)
    company_words = {fold(word) for word in name_words(case.context.company or "")}
    initials = "".join(word[0] for word in name_words(role) if word not in _ROLE_FILLER)
    doc = case.doc
    spans = []
    if doc.subject:
        spans.append((_SUBJECT_ROLE, doc.subject.start, doc.subject.end, 1))
        spans.append((_ROLE_CUE, doc.subject.start, doc.subject.end, 2))
    spans.append((_ROLE_CUE, doc.body.start, doc.body.end, 2))
    seen = set()
    if doc.subject:
        for start, end in _subject_segments(case):
            phrase = _FILLER_TAIL.sub("", case.text[start:end])
            end = start + len(phrase)
            words = name_words(phrase)
            if (
                0 < len(words) <= 6
                and _is_occupation(words[-1])
                and _differs(phrase, expected, initials, company_words)
            ):
                seen.add((start, end))
                yield Hit(start, end, suggestion=role)
    for pattern, start, end, group in spans:
        for match in _candidates(pattern, case.text, start, end):
            phrase_start, phrase_end = match.span(group)
            if (phrase_start, phrase_end) in seen:
                continue
            seen.add((phrase_start, phrase_end))
            phrase = case.text[phrase_start:phrase_end]
            if _differs(phrase, expected, initials, company_words):
                yield Hit(phrase_start, phrase_end, suggestion=role)


def _subject_segments(case: Case) -> Iterator[tuple[int, int]]:
    """The parts of a subject line between dashes, bars and colons, as spans."""
    subject = case.doc.subject
    start = case.text.find(":", subject.start, subject.end) + 1
    for match in _SEGMENT.finditer(case.text, start, subject.end):
        yield match.start(), match.start() + len(match.group().rstrip())


_FILLER_TAIL = re.compile(
    r"(?i)(\s+(interview|interviews|position|role|job|application|process|opportunity|decision|"
    r"search|post|vacancy|thank you|thanks|follow-up))+\s*$"
)
_SEGMENT = re.compile(r"[^–—|:\n]+?(?=\s+[-–—|:]\s+|\s*[–—|:]|\s*$)")


def _candidates(pattern: re.Pattern[str], text: str, start: int, end: int):
    """Matches starting at every cue word before a job word, so a long false start cannot
    hide a later match; job words are few, so only the text just before them is tried."""
    for job in _JOB_FINDER.finditer(text, start, end):
        for cue in _CUE_START.finditer(text, max(start, job.start() - 80), job.start()):
            match = pattern.match(text, cue.start(), job.end())
            if match is not None and match.end() == job.end():
                yield match


_CUE_START = re.compile(r"(?i)(?<![\w'’-])(?:the|this|your)\b|[–—:-]")


def _role_words(text: str) -> set[str]:
    words = set()
    for word in name_words(text.replace("-", " ")):
        words.add(_ORDINALS.get(word, word))
    return words


def _differs(phrase: str, expected: set[str], initials: str, company: set[str]) -> bool:
    every = name_words(phrase)
    if not every or every[0] in _DIFFERENT_ROLE or any(w in _NOT_IN_TITLE for w in every):
        return False
    words = [w for w in _role_words(phrase) if w not in _ROLE_FILLER]
    # "The Ridgewell position" names the job by its company.
    if not words or all(word in company for word in words):
        return False
    unmatched = [
        word
        for word in words
        if not any(_same_word(word, other) for other in expected)
        and not (len(word) >= 2 and word in initials)
    ]
    # Only a job title can be the wrong job title: "the Mill Street job" names a site.
    titled = len(unmatched) < len(words) or any(_is_occupation(word) for word in words)
    return titled and bool(unmatched) and len(unmatched) * 2 >= len(words)


def _is_occupation(word: str) -> bool:
    occupations = vocabulary.occupations()
    return word in occupations or (word.endswith("s") and word[:-1] in occupations)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 5 or (shared >= 4 and shared == min(len(a), len(b)))
