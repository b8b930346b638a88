"""Small helpers the rule families share."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources

from afterword.review.document import Span
from afterword.review.rule import Case, Hit


def _wordlists() -> dict[str, frozenset[str]]:
    text = (resources.files("afterword") / "data" / "wordlists.toml").read_text(encoding="utf-8")
    return {key: frozenset(words) for key, words in tomllib.loads(text).items()}


# Shared word lists (data/wordlists.toml), read once when the rules load.
WORDLISTS = _wordlists()


class LazyRegex:
    """A regex compiled on first use: rules that a draft never reaches cost nothing at start."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def fold(text: str) -> str:
    """Lowercase without accents, so 'Zielińska' and 'zielinska' compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """The folded words of a name: "Dr. Zielińska-Park" gives ("dr", "zielinska", "park")."""
    return tuple(_NAME_WORD.findall(fold(text)))


_NAME_WORD = re.compile(r"[^\W_]+")


def body_hit(case: Case, **changes) -> Hit:
    """A finding about the whole body, for a missing part of the message."""
    body = case.doc.body
    if body.start == body.end:
        return Hit(0, len(case.text), **changes)
    return Hit(body.start, body.end, **changes)


def first_line_hit(case: Case, **changes) -> Hit:
    """A finding anchored on the first line, for a missing subject."""
    text = case.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return Hit(start, len(text) if end == -1 else end, **changes)


def find_in(case: Case, pattern: re.Pattern[str], span: Span) -> re.Match[str] | None:
    return pattern.search(case.text, span.start, span.end)
