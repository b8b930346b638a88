"""Phrase patterns: compiled for lowercased drafts, and gated by the literal words they need.

A pattern only runs when a draft contains one of its gate pieces; one Aho-Corasick pass
finds every piece of every pattern at once. The gates of the shipped lexicons are
precomputed in data/lexicons/gates.json (`make docs` rebuilds it; a test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import ahocorasick
import orjson

from afterword.review.rule import Case

# The standard library's own regex parser, to read which literals a pattern needs.
_parser = re._parser  # type: ignore[attr-defined]
_LITERAL = re._constants.LITERAL  # type: ignore[attr-defined]
_SUBPATTERN = re._constants.SUBPATTERN  # type: ignore[attr-defined]
_BRANCH = re._constants.BRANCH  # type: ignore[attr-defined]
_MAX_REPEAT = re._constants.MAX_REPEAT  # type: ignore[attr-defined]
_MIN_REPEAT = re._constants.MIN_REPEAT  # type: ignore[attr-defined]


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
