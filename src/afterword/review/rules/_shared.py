"""Small helpers the rule families share."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache

from afterword.folding import fold
from afterword.review.rule import Case, Hit


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


# Links, addresses, tags and bracketed text are not prose: no proofreading there. Bounded
# lengths keep a run of unclosed brackets from costing quadratic time.
_SKIP_ZONES = LazyRegex(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[[^\]\n]{0,80}\]|"
    r"\{[^}\n]{0,80}\}|<[^>\n]{0,80}>|#\w+|@\w+"
)


def skip_zones(case: Case) -> list[tuple[int, int]]:
    """Spans of links, e-mail addresses, tags and bracketed text, computed once per draft."""
    zones = case.memo.get("skip_zones")
    if zones is None:
        zones = case.memo["skip_zones"] = [
            match.span() for match in _SKIP_ZONES.finditer(case.text)
        ]
    return zones


def in_zones(zones: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(zones, (position, float("inf"))) - 1
    return index >= 0 and zones[index][0] <= position < zones[index][1]


_TITLE_BEFORE = re.compile(r"(?i)\b(dr|mr|mrs|ms|mx|prof|st|mt|capt|rev|sr|jr)\.$")


def starts_sentence(text: str, position: int, floor: int = 0) -> bool:
    """Whether the word at `position` opens a sentence, line or clause after a colon."""
    raw = text[max(floor, position - 40) : position]
    before = raw.rstrip(" \t\"'“‘(")
    if not before:
        return True
    if before[-1] in "–—-":
        # A spaced dash opens a new phrase; a hyphen joins a double-barrelled name.
        return not before[:-1] or before[:-1].endswith((" ", "\t"))
    if before[-1] == "." and _TITLE_BEFORE.search(before):
        return False  # "Dr. Aldana"
    return before[-1] in ".!?:\n"


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
