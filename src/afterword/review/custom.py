"""Rules built from the user's own phrases in their config file."""

from __future__ import annotations

from afterword.review.config import ReviewConfig
from afterword.review.model import Severity
from afterword.review.phrases import PhraseCheck, literal_pattern
from afterword.review.rule import Rule


def custom_rules(config: ReviewConfig) -> list[Rule]:
    """One warning rule per code that the user added phrases to."""
    rules = []
    for code, phrases in config.phrases:
        rules.append(
            Rule(
                code=code,
                id=f"{code}.custom",
                severity=Severity.WARNING,
                message="This is one of the phrases you asked afterword to flag.",
                why="Your own rule, from your afterword config file.",
                check=PhraseCheck([literal_pattern(phrase) for phrase in phrases], negatable=True),
                kind="your phrase list",
            )
        )
    return rules
