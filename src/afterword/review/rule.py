"""What a review rule declares, and the case it inspects."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from afterword.context import Context
from afterword.review.document import Document, Span
from afterword.review.model import Severity

if TYPE_CHECKING:
    from afterword.review.config import ReviewConfig
    from afterword.review.spelling import SpellingDictionary

_MARK = re.compile(r"\[\[(.+?)\]\](?!\])", re.S)


@dataclass(frozen=True)
class Example:
    """A rule example. In a bad one, [[double brackets]] mark the span it must flag."""

    text: str
    context: Mapping[str, Any] | None = None

    @property
    def plain(self) -> str:
        return _MARK.sub(lambda m: m.group(1), self.text)

    @property
    def marked(self) -> tuple[int, int] | None:
        match = _MARK.search(self.text)
        if match is None:
            return None
        start = match.start()
        return start, start + len(match.group(1))


def examples(*items: str | Example | tuple[str, Mapping[str, Any]]) -> tuple[Example, ...]:
    """Build examples from plain strings or (text, context) pairs."""
    built = []
    for item in items:
        if isinstance(item, Example):
            built.append(item)
        elif isinstance(item, tuple):
            built.append(Example(item[0], item[1]))
        else:
            built.append(Example(item))
    return tuple(built)


@dataclass(frozen=True)
class Hit:
    """Where a rule matched, and anything more specific than its declaration."""

    start: int
    end: int
    suggestion: str | None = None
    message: str | None = None
    severity: Severity | None = None


class Case:
    """One draft under review: its parts, its context and the user's settings."""

    def __init__(
        self,
        text: str,
        context: Context,
        config: ReviewConfig,
        dictionary: Callable[[], SpellingDictionary],
    ) -> None:
        self.text = text
        self.doc = Document(text)
        self.context = context
        self.config = config
        self._dictionary = dictionary
        # Work that several rules share, computed once per draft (keyed by its owner).
        self.memo: dict[object, object] = {}

    @cached_property
    def dictionary(self) -> SpellingDictionary:
        return self._dictionary()

    @cached_property
    def lower(self) -> str:
        """The draft in lower case, with every offset unchanged.

        A few characters grow when lowercased ("İ" becomes two); they stay as written, so
        a match in the lowercased draft points at the same text in the original.
        """
        lower = self.text.lower()
        if len(lower) == len(self.text):
            return lower
        return "".join(char if len(char.lower()) != 1 else char.lower() for char in self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.doc.sentences]

    def sentence_of(self, position: int) -> Span:
        """The body sentence holding the position, or an empty span outside them."""
        index = bisect_right(self._sentence_starts, position) - 1
        if index >= 0:
            sentence = self.doc.sentences[index]
            if position < sentence.end:
                return sentence
        return Span(position, position)

    @property
    def is_note(self) -> bool:
        return self.context.channel == "note"


Check = Callable[[Case], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A declared rule: what it flags, why, how to fix it, and its examples."""

    code: str
    id: str
    severity: Severity
    message: str
    why: str
    check: Check = field(repr=False, compare=False)
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    fix: str | None = None
    kind: str = "function"
