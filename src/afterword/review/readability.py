"""Readability measures computed offline, with a syllable estimate instead of a dictionary."""

from __future__ import annotations

import re
from functools import lru_cache

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


def grade_level(words: list[str], sentences: int) -> float:
    """Flesch-Kincaid grade level of text with these words and sentences; 0.0 without words."""
    if not words:
        return 0.0
    sentences = max(1, sentences)
    syllable_count = sum(syllables(word) for word in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59
    return round(max(0.0, grade), 1)
