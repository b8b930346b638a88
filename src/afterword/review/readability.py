"""Readability measures computed offline, with a syllable estimate instead of a dictionary."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Estimate syllables by vowel groups, with the silent final e and -le rules."""
    word = word.lower()
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if word.endswith(("ed", "es")) and not word.endswith(
        ("ted", "ded", "ses", "zes", "ces", "ges")
    ):
        count -= 1
    return max(1, count)


def grade_level(text: str, sentences: int | None = None, words: list[str] | None = None) -> float:
    """Flesch-Kincaid grade level; 0.0 for text without words."""
    words = _WORD.findall(text) if words is None else words
    if not words:
        return 0.0
    sentences = max(1, sentences if sentences is not None else len(_SENTENCE.findall(text)))
    syllable_count = sum(syllables(word) for word in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59
    return round(max(0.0, grade), 1)
