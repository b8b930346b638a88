"""Skills: a subtle reminder of fit, not a list of achievements."""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import LazyRegex

# Each match is one claimed achievement: a figure, a rank or an award.
_ACHIEVEMENT = LazyRegex(
    r"(?i)(\d[\d,.]*\s?(%|percent\b|x\b)|[$£€]\s?\d[\d,.]*\s?(million|billion|[mk]\b)?"
    r"|\b(ranked|rated) (first|second|third|top|#?\d+)\b|\btop \d+%?|\bnumber one\b"
    r"|\b(won|awarded|named|earned) (the |a |an |three |two |\w+ )?[\w' -]{0,30}?(award|prize|club|of the year)"
    r"|\baward-winning\b|\b(tripled|doubled|quadrupled|halved)\b"
    r"|\b(increased|grew|raised|boosted|cut|reduced|saved|generated|opened|trained|led|managed|mentored|built|launched|designed|written|wrote) "
    r"(?:[\w$-]+ ){0,4}?(?:by |more than |over |nearly )?\d[\d,.]*"
    r"|\b\d[\d,]* (new |enterprise |client |major |hospital )?(accounts|clients|migrations|lessons|teachers|members|companies|projects|reps|associates|certifications|deals|stores|hires)\b)"
)
_REPITCH = LazyRegex(
    r"(?i)\b(what I (could )?bring|my (full )?track record|make sure (the team|you) (has|have|know)|"
    r"remind you (of|that|what)|what you'?d be getting|full picture|a few (more )?points|didn't (get to|mention)|"
    r"I (also )?hold \w+ (certifications|degrees))"
)
MAX_CLAIMS = 3
# Every achievement pattern needs a digit or one of these stems; most letters have neither.
_MAY_CLAIM = re.compile(
    r"\d|rank|rated|top |number one|won |award|named|earned|tripl|doubl|quadrupl|halved"
)


@declare(
    code="skills.overselling",
    id="skills.overselling.achievements",
    severity=Severity.WARNING,
    message="This lists achievements like a cover letter; one brief mention of a relevant skill is enough.",
    why="Highlight key skills subtly: this is not a reapplication. Instead of restating accomplishments, briefly mention one skill that aligns with their work.",
    fix="Keep one skill that fits their work and drop the list.",
    bad=(
        "Thank you for your time.\n\n[[Last year I grew sales by 40%, won the President's Club award, ranked first of 200 reps, and opened 35 new accounts.]]",
    ),
    good=(
        "Thank you for your time. My experience growing a small sales territory may be useful if a similar role opens.",
    ),
)
def achievement_list(case: Case) -> Iterator[Hit]:
    if not _MAY_CLAIM.search(case.lower):
        return
    for paragraph in case.doc.paragraphs:
        if not _MAY_CLAIM.search(case.lower, paragraph.start, paragraph.end):
            continue
        claims = list(_ACHIEVEMENT.finditer(case.text, paragraph.start, paragraph.end))
        pitch = _REPITCH.search(case.text, paragraph.start, paragraph.end)
        if len(claims) + (2 if pitch else 0) > MAX_CLAIMS and claims:
            first = min([claims[0].start()] + ([pitch.start()] if pitch else []))
            start = case.sentence_of(first).start
            end = case.sentence_of(claims[-1].start()).end
            yield Hit(start, max(end, claims[-1].end()))
