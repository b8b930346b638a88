"""What the rejection says: the stage reached, feedback, and the door left open.

Each reader walks the prose a sentence at a time against the cue lexicon in
data/inbox/cues.toml; a cue counts only where its sentence does not take it back.
"""

from __future__ import annotations

import re

from afterword.inbox.lexicon import Lexicon, clauses, lexicon, spell_out

__all__ = ["read_feedback", "read_future", "read_stage"]

_TO_YOU = re.compile(r"\b(?:you|your)\b", re.I)
_WITH_CANDIDATE = re.compile(r"\b(?:you|your|me|us)\b", re.I)
_WITH_SOMEONE = re.compile(r"\b(?:with|to|phone)\b", re.I)


def _took_place(sentence: str, match: re.Match[str], lex: Lexicon) -> bool:
    """An interview cue names something that happened, not a wish or a refusal."""
    if lex.later_step.search(match.group(0)):
        # "not invited to the second round" still says the first round happened.
        return True
    window = sentence[max(0, match.start() - 70) : match.end() + 10]
    if lex.interview_declined.search(window):
        return False
    before = sentence[: match.start()]
    cue = match.group(0)
    if (
        _WITH_SOMEONE.search(cue)
        and not _WITH_CANDIDATE.search(cue)
        and lex.third_party.search(before[-30:])
    ):
        return False  # "I spoke with Martha at the client": the writer's call, not yours
    return not lex.interview_not_yet.search(before)


def read_stage(text: str) -> str:
    lex = lexicon()
    for sentence in clauses(text):
        if any(_took_place(sentence, m, lex) for m in lex.interview.finditer(sentence)):
            return "interview"
    if lex.application.search(spell_out(text)):
        return "application"
    return "unknown"


def read_feedback(text: str) -> str:
    lex = lexicon()
    sentences = clauses(text)
    if any(lex.feedback_declined.search(sentence) for sentence in sentences):
        return "declined"
    for sentence in sentences:
        if lex.survey.search(sentence):
            continue
        if lex.feedback_offered.search(sentence):
            return "offered"
        # A shortfall named about the candidate is feedback given, however it is phrased.
        if lex.feedback_gap.search(sentence) and _TO_YOU.search(sentence):
            return "offered"
    return "not_mentioned"


def _said(pattern: re.Pattern[str], sentence: str, lex: Lexicon) -> bool:
    """A cue that the words just before it do not take back ("we do not keep ...")."""
    return any(
        not lex.negated.search(sentence[max(0, m.start() - 40) : m.start()])
        for m in pattern.finditer(sentence)
    )


def read_future(text: str) -> str:
    lex = lexicon()
    kept = invited = False
    for sentence in clauses(text):
        if _said(lex.kept, sentence, lex):
            # "Kept for 12 months, then deleted" is a retention notice, not a promise.
            retention_only = lex.deletion.search(sentence) and not (
                lex.kept_despite_deletion.search(sentence)
            )
            kept = kept or not retention_only
        if _said(lex.invited, sentence, lex) and not lex.questions_only.search(sentence):
            invited = True
    if kept:
        return "kept_on_file"
    return "invited" if invited else "not_mentioned"
