"""Subject-verb agreement for the frequent, unambiguous cases.

No parser: a few patterns over a sentence's opening noun phrase. Collective nouns ("the team
were") are allowed either way, as British English allows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from afterword.review.document import Span
from afterword.review.rules._shared import LazyRegex
from afterword.review.wordlists import WORDLISTS

# Words that cannot sit inside a subject noun phrase; matches holding one are dropped in
# code rather than excluded in the regex, which keeps the patterns quick to compile.
_FUNCTION = WORDLISTS["function_words"]
_CONTENT = r"[a-z][a-z-]*"
_DETERMINER = r"(?:(?:[Tt]he\s+)?(?!(?:[Ii]t|[Tt]hat|[Ww]hat|[Tt]here|[Hh]ere|[Ww]ho|[Hh]e|[Ss]he|[Ll]et)['’]s)[A-Za-z]+['’]s|[Tt]he|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur|[Yy]our|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Ee]ach|[Ee]very)"
_PREPOSITIONAL = rf"(?:\s+(?:to|of|for|with|in|on|at|from|about)\s+(?:(?:the|a|an|your|our|my|their)\s+)?(?P<object>{_CONTENT}(?:\s+{_CONTENT}){{0,2}}))?"
_SINGULAR_WITH_PLURAL_VERB = re.compile(
    rf"(?<![\w'’-]){_DETERMINER}\s+(?P<modifiers>(?:{_CONTENT}\s+){{0,2}})(?P<head>{_CONTENT}){_PREPOSITIONAL}\s+(?P<verb>were|are|have|weren't|aren't|haven't)\b"
)
_PLURAL_WITH_SINGULAR_VERB = re.compile(
    rf"(?<![\w'’-])(?:[Tt]he|[Tt]hese|[Tt]hose|[Mm]y|[Oo]ur|[Yy]our|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Mm]any|[Ss]everal|[Bb]oth|[Tt]wo|[Tt]hree|[Ff]our)\s+(?P<modifiers>(?:{_CONTENT}\s+)?)(?P<head>[a-z]+s){_PREPOSITIONAL}\s+(?P<verb>was|is|has|wasn't|isn't|hasn't|does|doesn't)\b"
)
_NOT_VERB = r"(?:(?!\b(?:was|is|were|are|has|have|had|will|would|did|does|can|could)\b)[^,.;:!?\n])"
_NOT_VERB_OR_PREPOSITION = r"(?:(?!\b(?:was|is|were|are|has|have|had|will|would|did|does|can|could|about|of|for|with|in|on|to|from|at|by)\b)[^,.;:!?\n])"
_COMPOUND = LazyRegex(
    rf"^(?:The|Your|My|Our|Their|His|Her|Its)\s{_NOT_VERB_OR_PREPOSITION}{{1,60}}?\sand\s(?:the|your|my|our|their|his|her|its)\s{_NOT_VERB}{{1,60}}?\s(?P<verb>was|is|has)\b"
)
_PRONOUN = re.compile(
    r"(?<![\w'’-])(?:(?P<he>[Hh]e|[Ss]he|[Ii]t)\s+(?P<verb1>have|are|don't|were)|(?P<we>[Ww]e|[Tt]hey|[Yy]ou)\s+(?P<verb2>is|was|has|does|doesn't|wasn't|isn't)|(?P<i>I)\s+(?P<verb3>is|are|has|does|doesn't|isn't))\b"
)
_PLURAL_VERB = re.compile(r"\b(?:are|were|have|aren't|weren't|haven't)\b")
_SINGULAR_VERB = re.compile(r"\b(?:is|was|has|does|doesn't|isn't|wasn't|hasn't)\b")
_HAS_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|does|doesn't|don't|isn't|aren't|wasn't|weren't|hasn't|haven't)\b"
)
_THEIR_IS = LazyRegex(r"(?<![\w'’-])[Tt]heir (?:is|was|are|were|will be|has been|have been)\b")
_THERE_IS = LazyRegex(
    r"(?<![\w'’-])([Tt]here)\s+(is|was)\s+(many|several|two|three|four|few|lots)\b"
)
# Nouns that take either verb form, or look plural but are singular.
_COLLECTIVE = frozenset(
    [
        "team",
        "staff",
        "panel",
        "committee",
        "board",
        "crew",
        "family",
        "group",
        "department",
        "company",
        "firm",
        "class",
        "audience",
        "faculty",
        "management",
        "police",
        "people",
        "data",
        "media",
        "criteria",
        "number",
        "majority",
        "lot",
        "couple",
        "range",
        "variety",
        "set",
        "series",
        "total",
        "handful",
        "kind",
        "sort",
        "type",
        "rest",
    ]
)
_SINGULAR_S = frozenset(
    [
        "news",
        "series",
        "species",
        "means",
        "physics",
        "economics",
        "mathematics",
        "analysis",
        "basis",
        "crisis",
        "thesis",
        "process",
        "class",
    ]
)
_SINGULAR = {
    "were": "was",
    "are": "is",
    "have": "has",
    "weren't": "wasn't",
    "aren't": "isn't",
    "haven't": "hasn't",
}
_PLURAL = {
    "was": "were",
    "is": "are",
    "has": "have",
    "wasn't": "weren't",
    "isn't": "aren't",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
}
_PRONOUN_FIX = {
    "have": "has", "are": "is", "don't": "doesn't", "were": "was",
    "is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "wasn't": "weren't", "isn't": "aren't",
}  # fmt: skip
# A noun phrase is the subject only at the start of a clause; elsewhere it is an object
# ("hearing how the crew plans its loads was fascinating").
# A bare "and" does not start one: "meeting Doris and the other ladies was lovely".
_CLAUSE_START = re.compile(
    r"(?i)(^|[,;:]\s*(and|but|so|or|yet)?|\b(that|because|since|when|while|although|though|if|whether))\s*$"
)
# "The garden and the library were": a singular noun after "and" may end a compound subject.
_AFTER_AND = re.compile(r"(?i)\b(and|or|nor)\s*$")
_SUBJUNCTIVE = re.compile(r"(?i)\b(if|as if|as though|wish|even if)\s*$")


def agreement_errors(text: str, sentences: Iterable[Span]) -> Iterator[tuple[int, int, str]]:
    """(start, end, corrected text) for each agreement error found in the sentences."""
    for sentence in sentences:
        yield from _in_sentence(text, sentence)


def _in_sentence(text: str, sentence: Span) -> Iterator[tuple[int, int, str]]:
    chunk = text[sentence.start : sentence.end]
    if not _HAS_VERB.search(chunk):
        return
    base = sentence.start
    lower = chunk.lower()
    plural_verb = _PLURAL_VERB.search(lower)
    singular_verb = _SINGULAR_VERB.search(lower)
    for match in _noun_phrases(_SINGULAR_WITH_PLURAL_VERB, chunk) if plural_verb else ():
        head = match.group("head").lower()
        if head.endswith("s") or head in _COLLECTIVE or head.endswith("ing"):
            continue
        if not _CLAUSE_START.search(chunk[: match.start()]) or _AFTER_AND.search(
            chunk[: match.start()]
        ):
            continue
        yield _fixed(base, match, "verb", _SINGULAR)
    for match in _noun_phrases(_PLURAL_WITH_SINGULAR_VERB, chunk) if singular_verb else ():
        head = match.group("head").lower()
        if head.endswith(("ss", "us", "is", "'s", "’s")) or head in _SINGULAR_S:
            continue
        if not _CLAUSE_START.search(chunk[: match.start()]):
            continue
        yield _fixed(base, match, "verb", _PLURAL)
    compound = _COMPOUND.match(chunk) if singular_verb and " and " in lower else None
    if compound:
        yield _fixed(base, compound, "verb", _PLURAL)
    for match in _PRONOUN.finditer(chunk):
        verb_group = next(name for name in ("verb1", "verb2", "verb3") if match.group(name))
        subjunctive = _SUBJUNCTIVE.search(chunk[: match.start()])
        if verb_group == "verb1" and match.group(verb_group) == "were" and subjunctive:
            continue
        if verb_group == "verb3":
            fixes = {
                "is": "am",
                "are": "am",
                "has": "have",
                "does": "do",
                "doesn't": "don't",
                "isn't": "am not",
            }
        else:
            fixes = _PRONOUN_FIX
        yield _fixed(base, match, verb_group, fixes)
    for match in _THEIR_IS.finditer(chunk) if "heir " in lower else ():
        yield base + match.start(), base + match.start() + 5, match.group()[0] + "here"
    for match in _THERE_IS.finditer(chunk) if "here " in lower else ():
        verb = "are" if match.group(2) == "is" else "were"
        yield base + match.start(), base + match.end(), f"{match.group(1)} {verb} {match.group(3)}"


def _noun_phrases(pattern: re.Pattern[str], chunk: str) -> Iterator[re.Match[str]]:
    """Matches whose noun phrase holds no function word, trying every start position."""
    position = 0
    while (match := pattern.search(chunk, position)) is not None:
        words = [*match.group("modifiers").split(), match.group("head")]
        words += (match.group("object") or "").split()
        if any(word.lower() in _FUNCTION for word in words):
            position = match.start() + 1
            continue
        yield match
        position = match.end()


def _fixed(
    base: int, match: re.Match[str], group: str, fixes: dict[str, str]
) -> tuple[int, int, str]:
    verb = match.group(group)
    start, end = match.span()
    verb_start = match.start(group) - start
    replacement = match.group()[:verb_start] + fixes.get(verb.lower(), verb)
    return base + start, base + end, replacement
