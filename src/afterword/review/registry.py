"""The registry of every review rule: function rules declared in code, phrase rules as data."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from afterword.review.model import Severity
from afterword.review.rule import Check, Example, Rule, examples

_DECLARED: list[Rule] = []


def declare(
    *,
    code: str,
    id: str,
    severity: Severity,
    message: str,
    why: str,
    bad: tuple[str | Example | tuple, ...],
    good: tuple[str | Example | tuple, ...],
    fix: str | None = None,
    kind: str = "function",
) -> Callable[[Check], Check]:
    """Register the decorated check function as a rule with its declaration."""

    def register(check: Check) -> Check:
        _DECLARED.append(
            Rule(
                code=code,
                id=id,
                severity=severity,
                message=message,
                why=why,
                check=check,
                bad=examples(*bad),
                good=examples(*good),
                fix=fix,
                kind=kind,
            )
        )
        return check

    return register


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every built-in rule, function rules first, then phrase rules, each in declaration order."""
    # Importing the families runs their declarations.
    from afterword.review.phrases import load_lexicon_rules
    from afterword.review.rules import (  # noqa: F401
        concise,
        feedback,
        formatting,
        grammar,
        gratitude,
        interest,
        personal,
        proof,
        skills,
        timing,
        tone,
    )

    return (*_DECLARED, *load_lexicon_rules())
