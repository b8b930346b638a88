"""Is this message a job rejection? Tells rejections from invitations, offers, receipts and the rest.

A rejection states a decision against the reader (another candidate chosen, the application
not taken further, the post filled) in mail about a job. Offers and interview invitations
state the opposite; a sentence that is a condition ("if you have not heard from us...") or
is negated does not count for either side. Pure.
"""

from __future__ import annotations

import re

from afterword.inbox.cues import CUT_LISTS, sentences
from afterword.inbox.mime import Email

__all__ = ["is_rejection"]

# Rejections say what they have to say early; the rest is signature, footer and history.
_LOOK_AT = 6_000

_NOT = r"(?:\bnot|n't|n’t|\bcannot|\bunable\s+to|\bno\s+longer)"
_OTHERS = (
    r"(?:another|other|different|alternative|stronger|internal|more\s+(?:suitable|qualified|experienced))"
    r"\s+(?:\w+\s+)?(?:candidates?|applicants?|finalists?|profiles?|individuals?|people|person)\b"
)
_DECISIONS = re.compile(
    # Someone else was chosen.
    r"\b(?:mov\w*\s+(?:forward|ahead)|go|going|gone|went|continu\w*|proceed\w*|progress\w*|"
    r"pursu\w*|select\w*|cho(?:o)?s\w*|hir\w*|offer\w*|extend\w*|appoint\w*|decided|decision|"
    r"opted|favou?r\w*)\b[^.!?]{0,80}?\b" + _OTHERS + r"|"
    r"\b(?:decided|chosen|opted|elected|going|have|'ve|’ve|has|had)\s+(?:now\s+)?(?:to\s+)?"
    r"(?:hire[ds]?|gone\s+with|go\s+with|went\s+with|selected|chosen|appointed|"
    r"offer(?:ed)?\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:role|position|post|job|place)\s+to|"
    r"extend(?:ed)?\s+(?:an\s+)?offer\s+to)\s+"
    r"(?:someone|somebody|a\s+(?:\w+\s+)?(?:candidate|applicant|person)|the\s+(?:successful|other)\s+)|"
    r"\b(?:(?:go|going|gone|went|proceed\w*|continu\w*|mov\w*\s+(?:forward|ahead))\s+with|pursu\w*)\s+"
    r"(?:candidates|applicants|someone|somebody|an?\s+(?:\w+\s+)?(?:candidate|applicant))\b|"
    # The application goes no further.
     + _NOT + r"\s+(?:be\s+|been\s+|have\s+|to\s+)?(?:\w+\s+){0,2}?"
    r"(?:mov(?:e|ing)\s+(?:your\s+\w+\s+)?(?:forward|ahead)|proceed\w*|progress\w*|advanc\w*|shortlist\w*|"
    r"select(?:ed)?\b|successful|chosen|invit\w*\s+you|schedul\w*|pursu\w*|"
    r"(?:tak(?:e|ing)|consider\w*)\s+(?:your|you|it|this)\w*\s+(?:\w+\s+){0,2}(?:further|forward)|"
    r"offer\w*\s+you|extend\w*\s+(?:you\s+)?an\s+offer|be\s+forwarded\s+to\s+the\s+hiring)|"
    # The post is gone, or the outcome is named.
    r"\b(?:position|role|post|vacancy|job|opening)\s+(?:\w+\s+)?(?:has|have|had)\s+(?:now\s+|already\s+)?"
    r"been\s+(?:filled|closed|withdrawn|cancell?ed)|"
    r"\b(?:we(?:'ve|’ve|\s+have)|has\s+been|have\s+been)\s+filled\b|"
    r"\b(?:was|were|been|is)\s+unsuccessful\b|\bunsuccessful\s+(?:on\s+this|this\s+time)|"
    r"\b(?:go|going|gone)\s+in\s+a\s+different\s+direction",
    re.I,
)
_PROMISES = re.compile(
    r"\b(?:pleased|delighted|happy|thrilled|excited|glad)\s+to\s+(?:offer|extend)\s+(?:you|an\s+offer)|"
    r"\boffer\s+you\s+the\s+(?:position|role|job|post)|\boffer\s+letter\b|"
    r"\b(?:formal|written|conditional|verbal|job|employment)\s+offer\b|"
    r"\bwelcome\s+(?:you\s+)?(?:aboard|to\s+the\s+team)|"
    r"\binvite\s+you\s+(?:to|for)\s+(?:an?\s+|the\s+|our\s+)?(?:\w+[ -]){0,2}"
    r"(?:interview|call|chat|meeting|assessment|conversation|screen|onsite)|"
    r"\bschedule\s+(?:an?\s+|your\s+|the\s+)?(?:\w+[ -]){0,2}(?:interview|call|chat)|"
    r"\b(?:mov\w*|progress\w*|advanc\w*|invit\w*)\s+you\s+(?:forward\s+)?(?:to|into)\s+the\s+"
    r"(?:next|second|third|final)",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|unless|whether|should\s+you|in\s+the\s+event)\b", re.I)
_JOB = re.compile(
    r"\b(?:appl(?:y|ied|ying|ications?|icants?)|candidacy|candidates?|position|role|post|vacancy|"
    r"opening|interview\w*|cv|résumé|resume|recruit\w*|hiring|job|portfolio|shortlist\w*|"
    r"employment|internship|placement)\b",
    re.I,
)


def is_rejection(email: Email) -> bool:
    """Whether the message tells its reader they did not get a job they were considered for."""
    text = email.text[:_LOOK_AT]
    cut = CUT_LISTS.search(text)
    if cut:
        text = text[: cut.start()]
    if not _JOB.search(text) and not _JOB.search(email.subject):
        return False
    decisions = promises = 0
    for sentence in sentences(text):
        for found in _DECISIONS.finditer(sentence):
            if not _CONDITION.search(sentence, 0, found.start()):
                decisions += 1
                break
        promise = _PROMISES.search(sentence)
        if promise and not re.search(_NOT, sentence, re.I):
            promises += 1
    return decisions > promises
