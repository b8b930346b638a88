"""Cut a draft into plain and highlighted pieces for the editor's mirror, one mark per piece.

The page script does the same in the browser after each edit; this gives the first view
(and a view without scripts). Offsets are the review's character offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from afterword.review import Finding

# A finding about the whole message (no thanks anywhere, say) spans the body; shading all
# of it would hide the findings that point at words. Such findings are listed only.
MAX_MARK = 120
WHOLE_MESSAGE = (
    "gratitude.missing",
    "interest.missing",
    "personal.generic",
    "concise.too_long",
    "timing.late",
    "timing.repeat",
    "timing.cooldown",
)
RANK = {"error": 0, "warning": 1, "suggestion": 2}


def is_marked(finding: Finding) -> bool:
    """Whether the editor highlights it inline: it points at a few words, not the message."""
    return 0 < finding.end - finding.start <= MAX_MARK and finding.code not in WHOLE_MESSAGE


def marked(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if is_marked(f)]


def segments(text: str, findings: Iterable[Finding]) -> list[tuple[str, str | None]]:
    """(piece, severity) pairs covering the text; overlapping marks show the gravest severity."""
    spans = marked(findings)
    bounds = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    pieces: list[tuple[str, str | None]] = []
    for start, end in pairwise(bounds):
        covering = [f.severity.value for f in spans if f.start <= start and end <= f.end]
        severity = min(covering, key=RANK.__getitem__) if covering else None
        if pieces and pieces[-1][1] == severity:
            pieces[-1] = (pieces[-1][0] + text[start:end], severity)
        else:
            pieces.append((text[start:end], severity))
    return pieces
