"""Tone: polite sadness is fine; judging the people who said no is not."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit

_SADNESS = re.compile(
    r"(?i)\b(disappoint(ed|ing|ment)|a shame|a pity|(was|am|'m) (sad|surprised|sorry)|"
    r"hoping for a different (answer|outcome|result))\b"
)
# A contrast or thanks in the same sentence turns sadness into polite acknowledgement.
_GRACE = re.compile(
    r"(?i)\b(but|although|though|while|still|that said|however|understand|appreciate\w*|"
    r"grateful|thank\w*|glad|respect|fully)\b"
)


@declare(
    code="tone.negative",
    id="tone.negative.disappointment",
    severity=Severity.SUGGESTION,
    message="Disappointment is fine to name; pair it with thanks so it reads as grace, not complaint.",
    why="Professionalism above all, regardless of disappointment: politely acknowledging disappointment is human, as long as gratitude follows.",
    fix="For example: 'Although I was disappointed, I'm grateful for the chance to meet the team.'",
    bad=("I was [[disappointed]] to hear the news.",),
    good=(
        "I was disappointed, but I appreciate your time.",
        "Although I'm disappointed, I understand the decision.",
    ),
)
def unpaired_disappointment(case: Case) -> Iterator[Hit]:
    for match in _SADNESS.finditer(case.text, case.doc.body.start, case.doc.body.end):
        sentence = case.sentence_of(match.start())
        if not _GRACE.search(case.text, sentence.start, sentence.end):
            yield Hit(match.start(), match.end())


@cache
def _judgement_lexicon() -> tuple[frozenset[str], re.Pattern[str], frozenset[str]]:
    data = tomllib.loads(
        (resources.files("afterword") / "data" / "judgement.toml").read_text(encoding="utf-8")
    )
    words = []
    for entry in data["judgements"]:
        stem = re.escape(entry.rstrip("*"))
        words.append(stem + r"[\w'’-]*" if entry.endswith("*") else stem)
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(words) + r")(?![\w'’-])")
    return frozenset(data["targets"]), pattern, frozenset(data["negators"])


_CLAUSE_WORD = re.compile(r"[\w'’-]+")


@declare(
    code="tone.negative",
    id="tone.negative.judgement",
    severity=Severity.WARNING,
    message="This passes judgement on their people or process; leave the verdict out and keep the thanks.",
    why="Professionalism above all: accept the decision gracefully; criticism of the process or the people reads as bitterness, however it is phrased.",
    fix="Remove the sentence, or keep only what you genuinely appreciated.",
    bad=(
        "With respect, I think the panel made the [[wrong]] call.",
        "After six weeks of [[silence]] from your recruiter, any reply was welcome.",
    ),
    good=(
        "Nothing about the process felt wrong; your team was kind throughout.",
        "I was wrong about one answer in the interview, and I have practised it since.",
    ),
)
def judgement(case: Case) -> Iterator[Hit]:
    targets, pattern, negators = _judgement_lexicon()
    lower = case.lower
    if not pattern.search(lower):
        return
    for sentence in case.doc.sentences:
        chunk = lower[sentence.start : sentence.end]
        words = _CLAUSE_WORD.findall(chunk)
        if not targets.intersection(words):
            continue
        for match in pattern.finditer(chunk):
            before = _CLAUSE_WORD.findall(chunk[: match.start()])[-5:]
            if any(word in negators or word.endswith(("n't", "n’t")) for word in before):
                continue
            # The writer judging themself ("I was wrong") is humility, not bitterness.
            if "i" in before[-2:]:
                continue
            yield Hit(sentence.start + match.start(), sentence.start + match.end())
            break
