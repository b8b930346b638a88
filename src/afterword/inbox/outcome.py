"""What the rejection says: the stage reached, feedback, and the door left open.

Each reader walks the prose a sentence at a time against the cue lexicon in
data/inbox/cues.toml; a cue counts only where its sentence does not take it back.
Cues are matched on the lower-cased sentence (see the lexicon's header for why).
"""

from __future__ import annotations

import re

from afterword.inbox.lexicon import Lexicon, clauses, lexicon, spell_out

__all__ = ["read_feedback", "read_future", "read_stage"]

_TO_YOU = re.compile(r"\b(?:you|your)\b")
_WITH_CANDIDATE = re.compile(r"\b(?:you|your|me|us)\b")
_WITH_SOMEONE = re.compile(r"\b(?:with|to|phone)\b")


def _took_place(low: str, start: int, end: int, lex: Lexicon) -> bool:
    """An interview cue names something that happened, not a wish or a refusal."""
    cue = low[start:end]
    if lex.later_step.search(cue):
        # "not invited to the second round" still says the first round happened.
        return True
    if lex.interview_declined.search(low[max(0, start - 70) : end + 10]):
        return False
    before = low[:start]
    if (
        _WITH_SOMEONE.search(cue)
        and not _WITH_CANDIDATE.search(cue)
        and lex.third_party.search(before[-30:])
    ):
        return False  # "I spoke with Martha at the client": the writer's call, not yours
    return not lex.interview_not_yet.search(before)


def read_stage(text: str) -> str:
    lex = lexicon()
    for sentence, low in clauses(text):
        matches = [*lex.interview.finditer(low), *lex.interview_as_written.finditer(sentence)]
        if any(_took_place(low, m.start(), m.end(), lex) for m in matches):
            return "interview"
    # "Not selected for an interview" is itself the application stage.
    low_text = spell_out(text).lower()
    if lex.application.search(low_text) or lex.interview_declined.search(low_text):
        return "application"
    return "unknown"


def read_feedback(text: str) -> str:
    lex = lexicon()
    sentences = [low for _, low in clauses(text)]
    if any(lex.feedback_declined.search(low) for low in sentences):
        return "declined"
    for low in sentences:
        if lex.survey.search(low):
            continue
        if lex.feedback_offered.search(low):
            return "offered"
        # A shortfall named about the candidate is feedback given, however it is phrased.
        if lex.feedback_gap.search(low) and _TO_YOU.search(low):
            return "offered"
    return "not_mentioned"


def _said(pattern: re.Pattern[str], low: str, lex: Lexicon) -> bool:
    """A cue that the words just before it do not take back ("we do not keep ...")."""
    return any(
        not lex.negated.search(low[max(0, m.start() - 40) : m.start()])
        for m in pattern.finditer(low)
    )


def read_future(text: str) -> str:
    lex = lexicon()
    kept = invited = False
    for _, low in clauses(text):
        if _said(lex.kept, low, lex):
            # "Kept for 12 months, then deleted" is a retention notice, not a promise.
            retention_only = lex.deletion.search(low) and not lex.kept_despite_deletion.search(low)
            kept = kept or not retention_only
        if _said(lex.invited, low, lex) and not lex.questions_only.search(low):
            invited = True
    if kept:
        return "kept_on_file"
    return "invited" if invited else "not_mentioned"
