"""Split a draft into its parts (subject, greeting, body, sign-off) with exact offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from afterword.review import readability
from afterword.review.wordlists import WORDLISTS

_SUBJECT = re.compile(r"(?i)^\s*(subject|re|fwd?)\s*:")
_GREETING = re.compile(
    r"(?i)^\s*(dear|hi|hello|hey|hiya|greetings|good (morning|afternoon|evening)|to whom)\b"
)
_CLOSING = re.compile(
    r"(?i)^\s*(best|warm(ly|est)?|kind(est|ly)?|regards|sincerely|yours|respectfully|cheers|thanks|"
    r"thank you|many thanks|with (best|warm|kind|many|heartfelt|sincere|all|gratitude|appreciation|"
    r"thanks|respect|love)|in gratitude|all (the )?best|take care|gratefully|cordially|"
    r"appreciatively|talk soon|until next time|looking forward|speak soon|respectfully yours)\b"
)
_DASH_SIGNATURE = re.compile(r"[ \t]*[-–—~][ \t]*[^\W\d_][\w .'’-]{0,40}$", re.M)
_NAME_LINE = re.compile(r"^[^\W\d_][\w .,'’()-]{0,60}$")
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)]*(?=\s|$)")
# Titles and common abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = WORDLISTS["abbreviations"]
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*|\d[\d,.]*\w*")


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets into the draft."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


class Word(NamedTuple):
    """A word of the draft and its offsets (a tuple: drafts have hundreds)."""

    start: int
    end: int
    text: str


class Document:
    """A draft and its parts. Parsing is lazy and never raises."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = _lines(text)
        self.subject, self.greeting, self.closing, self.signature, self.body = _parts(
            text, self._lines
        )

    def slice(self, span: Span | None) -> str:
        return "" if span is None else self.text[span.start : span.end]

    @cached_property
    def body_text(self) -> str:
        return self.slice(self.body)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Body paragraphs, separated by blank lines."""
        found = []
        start = None
        for line in self._lines:
            if line.start < self.body.start or line.end > self.body.end:
                continue
            if self.text[line.start : line.end].strip():
                if start is None:
                    start = line.start
                end = line.end
            elif start is not None:
                found.append(Span(start, end))
                start = None
        if start is not None:
            found.append(Span(start, end))
        return tuple(found)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Body sentences; a line break inside a paragraph does not end one."""
        found = []
        for paragraph in self.paragraphs:
            found.extend(_sentences(self.text, paragraph))
        return tuple(found)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """Words of the body, with offsets."""
        return tuple(_find_words(self.text, self.body))

    @cached_property
    def _word_starts(self) -> list[int]:
        return [word.start for word in self.words]

    def words_in(self, span: Span) -> list[Word]:
        """Words inside a span; body spans reuse the body's words instead of re-reading."""
        if self.body.start <= span.start and span.end <= self.body.end:
            low = bisect_left(self._word_starts, span.start)
            high = bisect_left(self._word_starts, span.end)
            return [word for word in self.words[low:high] if word.end <= span.end]
        return _find_words(self.text, span)

    @cached_property
    def grade_level(self) -> float:
        """Flesch-Kincaid grade of the body."""
        words = [word.text for word in self.words if word.text[0].isalpha()]
        return readability.grade_level(words, len(self.sentences))

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def greeting_name(self) -> str | None:
        """The name after the greeting word: 'Dear Ms. Park,' gives 'Ms. Park'."""
        line = self.slice(self.greeting).strip()
        match = re.match(
            r"(?i)(?:dear|hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening))\b[\s,]*(.*?)[,:!.\s]*$",
            line,
        )
        if match is None:
            return None
        return match.group(1).strip() or None


def _find_words(text: str, span: Span) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, span.start, span.end)]


def _lines(text: str) -> list[Span]:
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append(Span(position, position + len(content)))
        position += len(line)
    return spans


def _nonblank(text: str, lines: list[Span]) -> list[Span]:
    return [line for line in lines if text[line.start : line.end].strip()]


def _parts(text: str, lines: list[Span]):
    content = _nonblank(text, lines)
    if not content:
        return None, None, None, None, Span(0, len(text))
    first = 0
    subject = greeting = closing = signature = None
    if _SUBJECT.match(text[content[0].start : content[0].end]):
        subject = content[0]
        first = 1
    if first < len(content) and _is_greeting(text[content[first].start : content[first].end]):
        greeting = content[first]
        first += 1
    last = len(content)
    closing_index = _closing_index(text, content, first)
    if closing_index is not None:
        closing = content[closing_index]
        if closing_index + 1 < len(content):
            signature = Span(content[closing_index + 1].start, content[-1].end)
        last = closing_index
    elif len(content) - first >= 2 and (
        _looks_like_name(text, content[-1]) or _DASH_SIGNATURE.match(text, content[-1].start)
    ):
        signature = content[-1]
        last = len(content) - 1
    if first >= last:
        body = Span(content[first - 1].end if first else 0, content[first - 1].end if first else 0)
    else:
        body = Span(content[first].start, content[last - 1].end)
    return subject, greeting, closing, signature, body


def _is_greeting(line: str) -> bool:
    stripped = line.strip()
    if _GREETING.match(stripped):
        return True
    # "Priya," or "Ms. Park," alone on a line.
    return bool(re.fullmatch(r"[^\W\d_][\w .'’-]{0,40},", stripped)) and len(stripped.split()) <= 4


def _closing_index(text: str, content: list[Span], first: int) -> int | None:
    """The sign-off line: a short closing phrase among the last four lines."""
    for index in range(len(content) - 1, max(first, len(content) - 5) - 1, -1):
        line = text[content[index].start : content[index].end].strip()
        words = line.split()
        if not words or len(words) > 6:
            continue
        if _CLOSING.match(line) and (line.endswith(",") or len(words) <= 4):
            if line.endswith((".", "?")) and len(words) > 2:
                continue
            return index
    # Any short comma-ended line just above a final name line is a sign-off too.
    if len(content) - first >= 3:
        line = text[content[-2].start : content[-2].end].strip()
        if line.endswith(",") and len(line.split()) <= 4 and _looks_like_name(text, content[-1]):
            return len(content) - 2
    return None


def _looks_like_name(text: str, line: Span) -> bool:
    value = text[line.start : line.end].strip()
    return (
        bool(_NAME_LINE.match(value))
        and len(value.split()) <= 4
        and not value.endswith((".", "?", "!"))
    )


def _sentences(text: str, paragraph: Span) -> list[Span]:
    found = []
    start = paragraph.start
    chunk = text[paragraph.start : paragraph.end]
    for match in _SENTENCE_END.finditer(chunk):
        end = paragraph.start + match.end()
        before = chunk[: match.start()].rsplit(None, 1)
        last_word = before[-1].lower().strip("(\"'") if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS
            or re.fullmatch(r"[a-z]", last_word)
            or (last_word == "no" and chunk[match.end() :].lstrip()[:1].isdigit())
        ):
            continue
        _append(text, found, start, end)
        start = end
    _append(text, found, start, paragraph.end)
    return found


def _append(text: str, found: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        found.append(Span(start, end))
