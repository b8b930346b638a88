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
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import ahocorasick
import orjson

from afterword.review.model import Severity
from afterword.review.rule import Case, Hit, Rule, examples

# The standard library's own regex parser, to read which literals a pattern needs.
_parser = re._parser  # type: ignore[attr-defined]
_LITERAL = re._constants.LITERAL  # type: ignore[attr-defined]
_SUBPATTERN = re._constants.SUBPATTERN  # type: ignore[attr-defined]
_BRANCH = re._constants.BRANCH  # type: ignore[attr-defined]
_MAX_REPEAT = re._constants.MAX_REPEAT  # type: ignore[attr-defined]
_MIN_REPEAT = re._constants.MIN_REPEAT  # type: ignore[attr-defined]

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


@dataclass(frozen=True)
class Pattern:
    """A phrase pattern, compiled twice: for lowercased text (fast) and as written."""

    source: str
    suggestion: str | None = None

    @cached_property
    def fast(self) -> re.Pattern[str]:
        # Without IGNORECASE and a leading look-behind, the regex engine can skip ahead
        # to the pattern's first letters; that is most of a review's time.
        return re.compile(_lower_outside_escapes(_body(self.source)))

    @cached_property
    def gate(self) -> frozenset[str]:
        """Literal pieces of which every match contains one; none present, no scan needed."""
        # Read from the source, so a pattern whose gate stays shut is never compiled. The
        # shipped patterns' gates come precomputed: parsing them all costs a cold start 18 ms.
        body = _lower_outside_escapes(_body(self.source))
        known = _shipped_gates().get(body)
        return frozenset(known) if known is not None else required_literals(body)

    @cached_property
    def word_start(self) -> bool:
        return self.source[:1].isalnum() or self.source[:1] == "("

    @cached_property
    def gate_finder(self) -> PieceFinder:
        return PieceFinder(self.gate)

    def search(self, case: Case, start: int, end: int) -> re.Match[str] | None:
        """The first match in the span, or None."""
        return next(self.finditer(case, start, end), None)

    def finditer(
        self, case: Case, start: int, end: int, *, gate_checked: bool = False
    ) -> Iterator[re.Match[str]]:
        """Matches that begin at a word start, in the draft's own offsets."""
        text = case.lower
        if self.gate and not gate_checked and not self.gate_finder.present(case):
            return
        for match in self.fast.finditer(text, start, end):
            begin = match.start()
            if (
                self.word_start
                and begin > 0
                and (text[begin - 1].isalnum() or text[begin - 1] == "_")
            ):
                continue
            yield match


class PieceFinder:
    """Aho-Corasick search for many literal pieces at once: one pass over a draft."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self.automaton = ahocorasick.Automaton()
        # Which pattern of which check each piece opens, so one pass serves every check.
        self.openers: dict[str, list[tuple[int, int]]] = {}
        for piece in set(pieces):
            self.automaton.add_word(piece, piece)
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def register(self, owner: int, index: int, pieces: Iterable[str]) -> None:
        for piece in pieces:
            self.openers.setdefault(piece, []).append((owner, index))

    def opened(self, case: Case, owner: int) -> set[int]:
        """Indices of the owner's patterns that a present piece opens."""
        key = (self, "opened")
        table = case.memo.get(key)
        if table is None:
            table = {}
            for piece in self.present(case):
                for who, index in self.openers.get(piece, ()):
                    table.setdefault(who, set()).add(index)
            case.memo[key] = table
        return table.get(owner, set())

    def present(self, case: Case) -> frozenset[str]:
        """The pieces found in the lowercased draft."""
        found = case.memo.get(self)
        if found is None:
            found = (
                frozenset()
                if self.empty
                else frozenset(v for _, v in self.automaton.iter(case.lower))
            )
            case.memo[self] = found
        return found


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


@cache
def _shipped_gates() -> dict[str, list[str]]:
    data = resources.files("afterword") / "data" / "lexicons" / GATES_FILE
    return orjson.loads(data.read_bytes()) if data.is_file() else {}


GATES_FILE = "gates.json"


def gates_json(patterns: Iterable[Pattern]) -> str:
    """The gates of the given patterns as JSON, to ship in GATES_FILE (see `make docs`)."""
    table = {}
    for pattern in patterns:
        body = _lower_outside_escapes(_body(pattern.source))
        table[body] = sorted(required_literals(body))
    return orjson.dumps(table, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2).decode() + "\n"


def required_literals(pattern: str) -> frozenset[str]:
    """Strings of which any match of the pattern must contain at least one (empty: unknown)."""
    try:
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, AttributeError):
        return frozenset()
    found = _required(list(parsed))
    return frozenset(found) if found and min(map(len, found)) >= 3 else frozenset()


def _required(items: list) -> set[str] | None:
    options: list[set[str]] = []
    run = ""
    for op, value in items:
        if op is _LITERAL:
            run += chr(value)
            continue
        if run:
            options.append({run})
            run = ""
        if op is _SUBPATTERN:
            inner = _required(list(value[-1]))
            if inner:
                options.append(inner)
        elif op is _BRANCH:
            branches = [_required(list(branch)) for branch in value[1]]
            if all(branches):
                options.append(set().union(*branches))
        elif op in (_MAX_REPEAT, _MIN_REPEAT) and value[0] >= 1:
            inner = _required(list(value[2]))
            if inner:
                options.append(inner)
    if run:
        options.append({run})
    if not options:
        return None
    return max(options, key=lambda pieces: min(map(len, pieces)))


def _body(source: str) -> str:
    """The regex for a pattern: curly apostrophes allowed, a whole word at its end."""
    body = _curly_apostrophes(source)
    right = r"(?![\w])" if source[-1:].isalnum() or source[-1:] == ")" else ""
    return f"(?:{body}){right}"


def _curly_apostrophes(source: str) -> str:
    """Let every straight apostrophe also match the curly one that word processors type."""
    out = []
    escaped = in_class = False
    for char in source:
        if char == "'" and not escaped:
            out.append("'’" if in_class else "['’]")
        else:
            out.append(char)
            if not escaped and char == "[":
                in_class = True
            elif not escaped and char == "]":
                in_class = False
        escaped = char == "\\" and not escaped
    return "".join(out)


def _lower_outside_escapes(source: str) -> str:
    """Lowercase a regex without turning escapes such as \\S or \\W into others."""
    out = []
    escaped = False
    for char in source:
        out.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(out)


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
