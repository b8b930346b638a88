"""Personalisation: no template leftovers, the right names, and something about them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import LazyRegex, body_hit, fold, name_words
from afterword.review.rules.names import mismatched_company, mismatched_role

_PLACEHOLDER = LazyRegex(
    r"\[(?!\[)(?!sic\]|\d+\])[^\[\]\n]*[^\W\d_][^\[\]\n]*\](?!\])"
    r"|\{\{?\s*[\w .-]{1,40}\s*\}?\}"
    r"|<\s*[A-Z][A-Z0-9 _-]{1,30}\s*>"
    r"|(?i:<\s*(your|company|name|role|job|insert|recipient)[^<>\n]{0,30}>)"
    r"|\bX{3,}\b|\bx{3,}\b|_{3,}"
    r"|\b[A-Z]{2,}(?:_[A-Z]{2,})+\b|<<\s*\w[\w ]{0,30}>>"
    r"|\b(Hiring Manager'?s? Name|Company Name|Job Title|Position Title|Role Title|Your Name|"
    r"Recipient'?s? Name|Interviewer'?s? Name|First ?Name|Last ?Name|Full Name|Insert [A-Z]\w+|"
    r"Name of (the )?(Company|Hiring Manager|Interviewer|Position))\b"
    r"|\b(TBD|TK)\b"
)
# Fewer distinct uncommon words than this, and the letter could go to any company.
MIN_SPECIFIC_WORDS = 4
# Every placeholder shape needs one of these; most drafts have none, and skip the big scan.
_MAY_HOLD_PLACE = re.compile(r"[\[{<_]|XXX|xxx|Name\b|Title\b|Insert |TBD|\bTK\b")
# A sentence about the writer ("I grew revenue by 40%", "In my last role...") with no word
# about them is a pitch: specific, but not about this company.
_ABOUT_ME = re.compile(r"(?i)^\s*(i|i'm|i've|i am|i have|my|in my|as a|as an)\b")
_ABOUT_THEM = re.compile(
    r"(?i)\b(your|you|the team|their|its|learn\w*|hear\w*|see|saw|seeing|tour\w*|visit\w*|"
    r"met|meet\w*|impress\w*|admire\w*|enjoy\w*|loved?|liked?|watch\w*)\b"
)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "madam",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "captain",
        "capt",
        "chief",
        "coach",
        "officer",
        "sergeant",
        "lieutenant",
        "judge",
        "hon",
        "dean",
        "president",
        "director",
        "chef",
    ]
)
_COLLECTIVE = frozenset(
    [
        "hiring",
        "manager",
        "managers",
        "team",
        "committee",
        "panel",
        "recruiter",
        "recruiting",
        "recruitment",
        "talent",
        "acquisition",
        "everyone",
        "all",
        "folks",
        "there",
        "friends",
        "colleagues",
        "sirs",
        "madams",
        "whom",
        "it",
        "may",
        "concern",
        "search",
        "selection",
        "board",
        "people",
        "team's",
    ]
)


@declare(
    code="personal.placeholder",
    id="personal.placeholder",
    severity=Severity.ERROR,
    message="Fill in this template placeholder before sending.",
    why="Personalised approach: tailor each message to the company and role. A leftover placeholder shows a form letter and undoes the courtesy.",
    fix="Replace it with the real name, company or detail.",
    bad=(
        "I remain very interested in [[[Company Name]]].",
        "Dear [[Hiring Manager Name]],",
        "Please pass my thanks to [[<NAME>]].",
        "I look forward to hearing about [[{role}]] openings.",
    ),
    good=(
        "I remain very interested in Brightwater and its harbour project.",
        "Dear Hiring Manager,",
    ),
)
def placeholder(case: Case) -> Iterator[Hit]:
    if not _MAY_HOLD_PLACE.search(case.text):
        return
    for match in _PLACEHOLDER.finditer(case.text):
        yield Hit(match.start(), match.end())


@declare(
    code="personal.mismatch",
    id="personal.mismatch.recipient",
    severity=Severity.ERROR,
    message="The greeting names someone other than the person you are writing to.",
    why="Personalised approach: tailor each communication to the specific company and role. A wrong name reads as a copy-paste from another letter.",
    fix="Greet the person named in the context.",
    bad=(("Dear [[Ms. Delacroix]],\n\nThank you.", {"recipient_name": "Amara Nwosu"}),),
    good=(
        ("Dear Ms. Nwosu,\n\nThank you.", {"recipient_name": "Amara Nwosu"}),
        ("Dear Dr. Park,\n\nThank you.", {"recipient_name": "Min-jun Park"}),
        ("Dear Hiring Team,\n\nThank you.", {"recipient_name": "Amara Nwosu"}),
    ),
)
def wrong_recipient(case: Case) -> Iterator[Hit]:
    doc = case.doc
    recipient = case.context.recipient_name
    name = doc.greeting_name
    if not recipient or not recipient.split() or not name or _PLACEHOLDER.search(name):
        return
    expected = set(name_words(recipient))
    given = [word for word in name_words(name) if word not in _TITLES]
    if not given or all(word in _COLLECTIVE for word in given):
        return
    if any(word in expected for word in given):
        return
    start = case.text.find(name, doc.greeting.start, doc.greeting.end)
    yield Hit(start, start + len(name), suggestion=_greeting_suggestion(name, recipient))


def _greeting_suggestion(name: str, recipient: str) -> str:
    titled = re.match(r"(?i)((?:mr|mrs|ms|mx|dr|prof)\.?|professor|captain)\s", name)
    if titled:
        return f"{titled.group(1)} {recipient.split()[-1]}"
    return recipient.split()[0]


@declare(
    code="personal.mismatch",
    id="personal.mismatch.company",
    severity=Severity.ERROR,
    message="This names a different company than the one you are writing to.",
    why="Personalised approach: tailor each communication to the specific company. Another company's name reveals a reused letter.",
    fix="Use the company's own name.",
    bad=(
        (
            "I'd be glad to be considered for future roles at [[Trailhead Supply Co]].",
            {"company": "Ridgeback Outdoor Gear"},
        ),
    ),
    good=(
        (
            "I'd be glad to be considered for future roles at Ridgeback.",
            {"company": "Ridgeback Outdoor Gear"},
        ),
        ("I enjoyed meeting Dr. Aldana at the clinic.", {"company": "Riverbend Health"}),
    ),
)
def wrong_company(case: Case) -> Iterator[Hit]:
    if case.context.company:
        yield from mismatched_company(case)


@declare(
    code="personal.mismatch",
    id="personal.mismatch.role",
    severity=Severity.ERROR,
    message="This names a different role than the one you applied for.",
    why="Personalised approach: tailor each communication to the specific role. The wrong title shows a letter written for another job.",
    fix="Name the role as the context gives it.",
    bad=(
        (
            "Thank you for your time regarding the [[Dental Assistant]] position.",
            {"role": "Dental Hygienist"},
        ),
    ),
    good=(
        (
            "Thank you for your time regarding the Dental Hygienist position.",
            {"role": "Dental Hygienist"},
        ),
        (
            "Thank you for considering me for the PTA position.",
            {"role": "Physical Therapist Assistant"},
        ),
        ("I'd be glad to hear of future nursing roles.", {"role": "Registered Nurse"}),
    ),
)
def wrong_role(case: Case) -> Iterator[Hit]:
    if case.context.role:
        yield from mismatched_role(case)


@declare(
    code="personal.generic",
    id="personal.generic",
    severity=Severity.WARNING,
    message="Nothing here is specific to this company; name one thing about their work that stayed with you.",
    why="Personalised approach and genuine interest: tailor each message to the company, mentioning a specific area of its work, a value or an initiative that impressed you.",
    fix="Add one sentence about a project, value or moment from the process that you genuinely liked.",
    bad=(
        "Dear Sam,\n\nThank you for your time and consideration. I appreciated the opportunity to learn more about the position and the company. I hope to be considered for future openings.\n\nBest,\nLee",
    ),
    good=(
        "Dear Sam,\n\nThank you for your time. I enjoyed hearing how your crews restored the old lighthouse with volunteers. I hope to be considered for future openings.\n\nBest,\nLee",
    ),
)
def generic(case: Case) -> Iterator[Hit]:
    if not case.doc.body_text.strip():
        return
    if len(specific_words(case, enough=MIN_SPECIFIC_WORDS)) < MIN_SPECIFIC_WORDS:
        yield body_hit(case)


def specific_words(case: Case, enough: int | None = None) -> set[str]:
    """Words of the body that no stock thank-you letter contains, nor the context's names.

    With `enough`, stops once that many are found: the caller only needs to know that.
    """
    stock = generic_vocabulary()
    known = set()
    for name in case.context.names():
        known.update(name_words(name))
    specific = set()
    company = {word for word in name_words(case.context.company or "") if len(word) > 2}
    for sentence in case.doc.sentences:
        text = fold(case.text[sentence.start : sentence.end])
        words = _LETTERS.findall(text)
        # A pitch about yourself is specific, but not about them: it does not count.
        if (
            _ABOUT_ME.match(text)
            and not company.intersection(words)
            and not _ABOUT_THEM.search(text)
        ):
            continue
        for part in words:
            if len(part) < 3 or part in known or part in stock:
                continue
            specific.add(_stem(part))
        if enough is not None and len(specific) >= enough:
            break
    return specific


_LETTERS = re.compile(r"[^\W\d_]+")


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


@cache
def generic_vocabulary() -> frozenset[str]:
    """Function words and the stock vocabulary of thank-you letters (a data file)."""
    data = resources.files("afterword") / "data" / "generic_words.txt"
    words = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(fold(line).split())
    return frozenset(words)
