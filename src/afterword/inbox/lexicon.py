"""The reader's cue lexicon (data/inbox/cues.toml), compiled once, and the text it is read on."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from afterword import vocabulary

__all__ = ["Lexicon", "clauses", "lexicon", "spell_out"]


@dataclass(frozen=True)
class Lexicon:
    interview: re.Pattern[str]
    interview_as_written: re.Pattern[str]
    interview_not_yet: re.Pattern[str]
    interview_declined: re.Pattern[str]
    third_party: re.Pattern[str]
    later_step: re.Pattern[str]
    application: re.Pattern[str]
    feedback_declined: re.Pattern[str]
    feedback_offered: re.Pattern[str]
    feedback_gap: re.Pattern[str]
    survey: re.Pattern[str]
    kept: re.Pattern[str]
    deletion: re.Pattern[str]
    kept_despite_deletion: re.Pattern[str]
    invited: re.Pattern[str]
    negated: re.Pattern[str]
    questions_only: re.Pattern[str]
    org_noun: re.Pattern[str]
    department: re.Pattern[str]
    boilerplate: re.Pattern[str]
    occupations: frozenset[str]


def _any_of(entries: list[str] | str, flags: int = 0) -> re.Pattern[str]:
    if isinstance(entries, str):
        entries = [entries]
    return re.compile(r"\b(?:" + "|".join(f"(?:{entry})" for entry in entries) + r")", flags)


def _occupations(extra: list[str]) -> frozenset[str]:
    return vocabulary.occupations() | frozenset(extra)


@cache
def lexicon() -> Lexicon:
    text = (resources.files("afterword") / "data" / "inbox" / "cues.toml").read_text("utf-8")
    data = tomllib.loads(text)
    stage, feedback, future, names = data["stage"], data["feedback"], data["future"], data["names"]
    return Lexicon(
        interview=_any_of(stage["interview"]),
        interview_as_written=_any_of(stage["as_written"]),
        interview_not_yet=re.compile(stage["not_yet"]),
        interview_declined=_any_of(stage["declined"]),
        third_party=re.compile(stage["third_party"]),
        later_step=_any_of(stage["later_step"]),
        application=_any_of([rf"{entry}\b" for entry in stage["application"]]),
        feedback_declined=_any_of(feedback["declined"]),
        feedback_offered=_any_of(feedback["offered"]),
        feedback_gap=_any_of(feedback["gap"]),
        survey=_any_of(feedback["survey"]),
        kept=_any_of(future["kept"]),
        deletion=_any_of(future["deletion"]),
        kept_despite_deletion=_any_of(future["kept_despite_deletion"]),
        invited=_any_of(future["invited"]),
        negated=re.compile(future["negated"]),
        questions_only=_any_of(future["questions_only"]),
        # Organisation words keep their capital: "Studios" is a name part, "studio" prose.
        org_noun=re.compile(r"\b(?:" + "|".join(names["org_nouns"]) + r")\b"),
        department=_any_of([rf"{entry}\b" for entry in names["departments"]], re.I),
        boilerplate=_any_of(names["boilerplate"], re.I),
        occupations=_occupations(data["role"]["head_nouns"]),
    )


_CONTRACTIONS = [
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"\bcan't\b", re.I), "cannot"),
    (re.compile(r"\bshan't\b", re.I), "shall not"),
    (re.compile(r"n't\b", re.I), " not"),
    (re.compile(r"'ll\b", re.I), " will"),
    (re.compile(r"'ve\b", re.I), " have"),
    (re.compile(r"'re\b", re.I), " are"),
    (re.compile(r"'d\b", re.I), " would"),
    (re.compile(r"\bI'm\b"), "I am"),
]


def spell_out(text: str) -> str:
    """Straight apostrophes and spelled-out contractions, so cues need one spelling."""
    text = text.replace("’", "'").replace("‘", "'")
    if "'" not in text:
        return text
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n[ \t]*\n|\n[ \t]*(?=[-*•·]\s)")


@lru_cache(maxsize=64)
def clauses(text: str) -> tuple[tuple[str, str], ...]:
    """The text's sentences (bullet items apart), spelled out and on one line each, as
    written and in lower case (what the phrase lexicon is matched on)."""
    parts = _SENTENCE_END.split(spell_out(text))
    sentences = (" ".join(part.split()) for part in parts if part.strip())
    return tuple((sentence, sentence.lower()) for sentence in sentences)
