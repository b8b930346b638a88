"""The values a review returns: findings and the review that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters; error and warning make a draft not ready."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def blocks(self) -> bool:
        """Whether a finding of this severity means the draft needs revision."""
        return self is not Severity.SUGGESTION

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.SUGGESTION: 2}

CODES = (
    "tone.negative",
    "tone.desperate",
    "boundary.pushy",
    "feedback.demanding",
    "gratitude.missing",
    "interest.missing",
    "personal.generic",
    "personal.placeholder",
    "personal.mismatch",
    "concise.too_long",
    "skills.overselling",
    "proof.spelling",
    "proof.grammar",
    "format.structure",
    "timing.late",
    "timing.repeat",
    # Suggestions that are no label of the data set: readability, hedging, cool-down.
    "style.readability",
    "style.hedging",
    "timing.cooldown",
)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in a draft, with half-open character offsets into the exact input."""

    start: int
    end: int
    code: str
    rule: str
    severity: Severity
    message: str
    why: str
    excerpt: str
    suggestion: str | None = None
    fix: str | None = None

    @property
    def advice(self) -> str | None:
        """What to do, in words: the concrete rewrite where there is one, else the rule's fix."""
        if self.suggestion is not None:
            if self.suggestion == "":
                return f"Delete “{self.excerpt.strip()}”."
            return f"Replace with “{self.suggestion}”."
        return self.fix

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "why": self.why,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "suggestion": self.advice,
            "replacement": self.suggestion,
        }


@dataclass(frozen=True)
class Review:
    """The coach's verdict on one draft."""

    text: str
    findings: tuple[Finding, ...]
    stats: dict[str, Any] = field(default_factory=dict)
    notices: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        """True when nothing must or should be fixed before sending."""
        return not any(finding.severity.blocks for finding in self.findings)

    @property
    def verdict(self) -> str:
        return "ready" if self.ready else "revise"

    def codes(self, *, blocking_only: bool = True) -> set[str]:
        """The finding codes present, by default only those that block sending."""
        return {
            finding.code
            for finding in self.findings
            if finding.severity.blocks or not blocking_only
        }

    def by_severity(self) -> dict[Severity, list[Finding]]:
        grouped: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
        for finding in self.findings:
            grouped[finding.severity].append(finding)
        return grouped

    def to_dict(self) -> dict[str, Any]:
        """The JSON form shared by the CLI and the web API."""
        return {
            "verdict": self.verdict,
            "findings": [finding.to_dict() for finding in self.findings],
            "stats": self.stats,
            "notices": list(self.notices),
        }
