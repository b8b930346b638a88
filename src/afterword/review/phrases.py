"""The phrase-list kind: rules declared as data, each a list of patterns with examples.

A lexicon file under ``afterword/data/lexicons`` holds ``[[rule]]`` tables. A pattern is a
case-insensitive regular expression matched on word boundaries; it may carry a suggested
replacement. Negation ("I'm not upset") cancels a negatable match, and a hedge ("a little
disappointed") turns a softenable one into a suggestion.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from importlib import resources
from typing import Any

from afterword.review.model import Severity
from afterword.review.patterns import Pattern, PieceFinder
from afterword.review.rule import Case, Hit, Rule, examples

_NEGATORS = re.compile(r"(?i)\b(not|never|no|nor|hardly|without|neither)\b|n['’]t\b|\bno longer\b")
_HEDGES = re.compile(
    r"(?i)\b(a (little|bit|touch)|slightly|somewhat|a little bit|naturally|of course|"
    r"understandably|mildly)\s*$"
)
# Only real optionality softens a request; "I would appreciate" before a demand does not.
_POLITE = re.compile(
    r"(?i)\b(if (?:you(?:'re| are)|it(?:'s| is)) (?:able|possible|comfortable|willing)|if possible|"
    r"if you have (?:a|any) (?:moment|minute|time)|(?:don't|do not) feel (?:obligated|obliged)|"
    r"no obligation|understand if|whenever (?:it's )?convenient|if you can)"
)
# "A frustrated customer": the word describes someone else, not the writer's feeling.
_ATTRIBUTIVE = re.compile(r"(?i)\b(a|an|the|some|our|their|your|with)\s+(very\s+|really\s+)?$")
_REQUIRED_KEYS = ("id", "code", "severity", "message", "why", "patterns", "bad", "good")


class PhraseCheck:
    """Finds a rule's patterns in a draft, honouring negation and hedges."""

    def __init__(
        self,
        patterns: Iterable[Pattern],
        *,
        negatable: bool = False,
        softenable: bool = False,
        polite_softens: bool = False,
        attributive_ok: bool = False,
        body_only: bool = False,
    ) -> None:
        self.polite_softens = polite_softens
        self.attributive_ok = attributive_ok
        self.patterns = tuple(patterns)
        self.negatable = negatable
        self.softenable = softenable
        self.body_only = body_only

    @cached_property
    def finder(self) -> PieceFinder:
        """Finds every pattern's gate pieces in one pass; load_lexicon_rules shares one."""
        finder = PieceFinder(piece for pattern in self.patterns for piece in pattern.gate)
        self._register_with(finder)
        return finder

    def share(self, finder: PieceFinder) -> None:
        """Use a finder built for many checks; it must hold this check's pieces."""
        self._register_with(finder)
        self.finder = finder

    def _register_with(self, finder: PieceFinder) -> None:
        for index, pattern in enumerate(self.patterns):
            finder.register(id(self), index, pattern.gate)

    @cached_property
    def _ungated(self) -> list[int]:
        return [index for index, pattern in enumerate(self.patterns) if not pattern.gate]

    def _candidates(self, case: Case) -> list[Pattern]:
        """The patterns whose gate pieces are present, in declaration order."""
        opened = self.finder.opened(case, id(self))
        return [self.patterns[index] for index in sorted({*self._ungated, *opened})]

    def __call__(self, case: Case) -> Iterator[Hit]:
        text = case.text
        start, end = (case.doc.body.start, case.doc.body.end) if self.body_only else (0, len(text))
        taken: list[tuple[int, int]] = []
        # Several matches in one sentence are all yielded; review() keeps the most severe.
        for pattern in self._candidates(case):
            for match in pattern.finditer(case, start, end, gate_checked=True):
                span = match.span()
                if span[0] == span[1] or any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                if self.negatable and _negated(text, case, span[0]):
                    continue
                if self.attributive_ok and _ATTRIBUTIVE.search(text, max(0, span[0] - 12), span[0]):
                    continue
                severity = None
                if self.softenable and _hedged(text, case, span[0]):
                    severity = Severity.SUGGESTION
                if self.polite_softens and _polite(text, case, span[0]):
                    severity = Severity.SUGGESTION
                taken.append(span)
                if pattern.suggestion is None:
                    yield Hit(span[0], span[1], severity=severity)
                    continue
                end_of_span, replacement = _keep_capital(
                    text, span, match.expand(pattern.suggestion)
                )
                yield Hit(span[0], end_of_span, suggestion=replacement, severity=severity)


def _keep_capital(text: str, span: tuple[int, int], replacement: str) -> tuple[int, str]:
    """A rewrite of a capitalised phrase starts with a capital too; a deleted first word
    hands its capital to the next word ("Frankly, the panel" becomes "The panel")."""
    if not text[span[0] : span[0] + 1].isupper():
        return span[1], replacement
    if replacement:
        return span[1], replacement[0].upper() + replacement[1:]
    following = text[span[1] : span[1] + 1]
    if following.islower():
        return span[1] + 1, following.upper()
    return span[1], replacement


def _clause_before(text: str, case: Case, position: int, words: int = 4) -> str:
    sentence = case.sentence_of(position)
    left = text[sentence.start : position] if sentence.start < position else text[:position]
    left = re.split(r"[,;:—–(]| but | and ", left)[-1]
    return " ".join(left.split()[-words:])


def _negated(text: str, case: Case, position: int) -> bool:
    return bool(_NEGATORS.search(_clause_before(text, case, position)))


def _hedged(text: str, case: Case, position: int) -> bool:
    return bool(_HEDGES.search(_clause_before(text, case, position, words=3)))


def _polite(text: str, case: Case, position: int) -> bool:
    sentence = case.sentence_of(position)
    return bool(_POLITE.search(text, sentence.start, max(sentence.end, position)))


def literal_pattern(phrase: str) -> Pattern:
    """A user's plain phrase, matched as words with flexible spacing and apostrophes."""
    return Pattern(r"\s+".join(re.escape(word) for word in phrase.split()))


def rule_from_table(table: Mapping[str, Any], origin: str) -> Rule:
    """Build one phrase rule from its TOML table, rejecting an incomplete declaration."""
    missing = [key for key in _REQUIRED_KEYS if key not in table]
    if missing:
        raise ValueError(f"{origin}: rule {table.get('id', '?')} lacks {', '.join(missing)}")
    patterns = []
    for entry in table["patterns"]:
        if isinstance(entry, str):
            patterns.append(Pattern(entry))
        else:
            patterns.append(Pattern(entry["pattern"], entry.get("suggest")))
    check = PhraseCheck(
        patterns,
        negatable=table.get("negatable", False),
        softenable=table.get("softenable", False),
        polite_softens=table.get("polite_softens", False),
        attributive_ok=table.get("attributive_ok", False),
        body_only=table.get("body_only", False),
    )
    return Rule(
        code=table["code"],
        id=table["id"],
        severity=Severity(table["severity"]),
        message=table["message"],
        why=table["why"],
        fix=table.get("fix"),
        check=check,
        bad=examples(*table["bad"]),
        good=examples(*table["good"]),
        kind="phrase list",
    )


def load_lexicon_rules() -> list[Rule]:
    """Every phrase rule shipped in the package's lexicon files, in file order."""
    folder = resources.files("afterword") / "data" / "lexicons"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        found.extend(rule_from_table(table, entry.name) for table in data.get("rule", []))
    checks = [rule.check for rule in found if isinstance(rule.check, PhraseCheck)]
    shared = PieceFinder(piece for check in checks for p in check.patterns for piece in p.gate)
    for check in checks:
        check.share(shared)
    return found
