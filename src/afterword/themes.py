"""Sort the reasons a candidate was given after a rejection into a few fixed themes.

The cue words live in data/themes.toml. Feedback is read clause by clause, and a stretch of
a clause that rules a reason out ("not a skills issue") or praises it ("your answers were
strong") counts for nothing, so "we were impressed, but needed more Rust" reads as a skills
gap only.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from afterword.folding import fold

THEMES: tuple[str, ...] = (
    "skills_gap",
    "experience_level",
    "interview_performance",
    "team_fit",
    "compensation",
    "internal_candidate",
    "role_closed",
    "none_given",
)
THEME_LABELS: dict[str, str] = {
    "skills_gap": "Skills gap",
    "experience_level": "Experience level",
    "interview_performance": "Interview performance",
    "team_fit": "Team fit",
    "compensation": "Compensation",
    "internal_candidate": "Internal candidate",
    "role_closed": "Role closed or on hold",
    "none_given": "No feedback given",
}
NONE_GIVEN = "none_given"

# Curly quotes would otherwise hide "didn’t" from cues written with a straight apostrophe.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class _ThemeCues:
    """One theme's patterns: cues count alone, topics only beside one of `needs`."""

    theme: str
    cues: re.Pattern[str]
    topics: re.Pattern[str]
    needs: re.Pattern[str]

    def matches(self, clause: str, negated_before: re.Pattern[str]) -> bool:
        if any(
            not negated_before.search(clause, 0, match.start())
            for match in self.cues.finditer(clause)
        ):
            return True
        return bool(self.topics.search(clause) and self.needs.search(clause))


@dataclass(frozen=True)
class _Lexicon:
    breaks: re.Pattern[str]
    segments: re.Pattern[str]
    dismissals: re.Pattern[str]
    negated_before: re.Pattern[str]
    themes: tuple[_ThemeCues, ...]


def themes_of(text: str) -> tuple[str, ...]:
    """The themes the feedback names, in THEMES order; ("none_given",) when it gives no reason."""
    lexicon = _lexicon()
    found: set[str] = set()
    for clause in _clauses(text, lexicon.breaks):
        kept = " ".join(
            segment.strip()
            for segment in lexicon.segments.split(clause)
            if not lexicon.dismissals.search(segment)
        )
        found.update(
            cues.theme for cues in lexicon.themes if cues.matches(kept, lexicon.negated_before)
        )
    return tuple(theme for theme in THEMES if theme in found) or (NONE_GIVEN,)


def _clauses(text: str, breaks: re.Pattern[str]) -> list[str]:
    normal = _SPACES.sub(" ", fold(text).translate(_APOSTROPHES))
    return [clause.strip() for clause in breaks.split(normal) if clause.strip()]


def _any_of(entries: list[str]) -> re.Pattern[str]:
    if not entries:
        return _NEVER
    return re.compile(r"\b(?:" + "|".join(f"(?:{entry})" for entry in entries) + r")\b")


@cache
def _lexicon() -> _Lexicon:
    text = (resources.files("afterword") / "data" / "themes.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    shared = data["shared"]
    themes = []
    for theme in THEMES:
        if theme == NONE_GIVEN:
            continue
        entry = data["themes"][theme]
        needs = [pattern for name in entry.get("needs", ()) for pattern in shared[name]]
        themes.append(
            _ThemeCues(
                theme=theme,
                cues=_any_of(entry.get("cues", [])),
                topics=_any_of(entry.get("topics", [])),
                needs=_any_of(needs),
            )
        )
    return _Lexicon(
        breaks=re.compile(data["clauses"]["breaks"]),
        segments=re.compile(data["clauses"]["segments"]),
        dismissals=_any_of(shared["dismissals"]),
        negated_before=re.compile(shared["negated_before"]),
        themes=tuple(themes),
    )
