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

_NOT = r"(?:\bnot|n't|n’t|\bcannot|\bunable\s+to|\bno\s+longer|\bnot\s+in\s+a\s+position\s+to)"
_OTHERS = (
    r"(?:another|other|different|alternative|stronger|internal|"
    r"more\s+(?:suitable|qualified|experienced))\s+(?:\w+\s+)?"
    r"(?:candidates?|applicants?|finalists?|profiles?|individuals?|people|person)\b"
)
_SOMEONE = (
    r"(?:someone|somebody|a\s+(?:\w+\s+)?(?:candidate|applicant|person)|"
    r"the\s+(?:successful|other)\s+|(?:candidates|applicants)\s+(?:whose|who|with)\b)"
)
_POST = r"(?:position|role|post|vacancy|job|opening|place)"
_CHOSE = (
    r"(?:mov\w*\s+(?:forward|ahead)|go|going|gone|went|continu\w*|proceed\w*|progress\w*|"
    r"pursu\w*|select\w*|cho(?:o)?s\w*|hir\w*|offer\w*|extend\w*|appoint\w*|decided|decision|"
    r"opted|favou?r\w*|recommend\w*)"
)
_WAS_CHOSEN = (
    r"(?:was|were|has|have|had)\s+(?:been\s+)?(?:selected|chosen|appointed|hired|offered|"
    r"successful|an?\s+(?:closer|better|stronger|more\s+suitable)\s+(?:fit|match)|"
    r"more\s+closely\s+(?:aligned|matched))"
)
_SOMEONE_ELSE_CHOSEN = [
    rf"\b{_CHOSE}\b[^.!?]{{0,80}}?\b{_OTHERS}",
    rf"\b(?:{_OTHERS}|(?:someone|somebody)\s+else)\s+(?:\w+\s+){{0,6}}?{_WAS_CHOSEN}",
    r"\b(?:decided|chosen|opted|elected|going|have|'ve|’ve|has|had)\s+(?:now\s+)?(?:to\s+)?"
    r"(?:hire[ds]?|gone\s+with|go\s+with|went\s+with|selected|chosen|appointed|"
    rf"offer(?:ed)?\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){{0,3}}?{_POST}\s+to|"
    rf"extend(?:ed)?\s+(?:an\s+)?offer\s+to)\s+{_SOMEONE}",
    r"\b(?:(?:go|going|gone|went|proceed\w*|progress\w*|continu\w*|mov\w*\s+(?:forward|ahead))\s+with|"
    r"pursu\w*)\s+(?:candidates|applicants|someone|somebody|an?\s+(?:\w+\s+)?(?:candidate|applicant))\b",
    rf"\bfill(?:ed|ing)?\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){{0,3}}?{_POST}\s+(?:with|internally)",
    # Another person named by any noun: "going with a guy who", "with another hygienist".
    r"\b(?:go|going|gone|went|mov\w*\s+(?:forward|ahead)|proceed\w*)\s+with\s+(?:a\s+(?:guy|woman|man|"
    r"person)\b|another\s+(?!round|interview|stage|step|call|conversation|meeting|chat)[a-z]+)",
    rf"\b(?:given|offered|awarded)\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){{0,3}}?{_POST}\s+to\s+"
    r"(?:someone|somebody|another|an?\s+(?:internal|other))",
]
_NO_FURTHER = [
    rf"{_NOT}\s+(?:going\s+to\s+)?(?:be\s+|been\s+|have\s+|to\s+)?(?:\w+\s+){{0,2}}?"
    r"(?:mov(?:e|ing)\s+(?:your\s+\w+\s+)?(?:forward|ahead)|proceed\w*|progress\w*|advanc\w*|"
    r"shortlist\w*|select(?:ed)?\b|successful|chosen|invit\w*\s+you|pursu\w*|hir(?:e|ing)\b|"
    r"continu\w*\s+with\s+(?:your|you)\b|consider\w*\s+further|"
    r"schedul\w*\s+(?:a|an|any|your)\s+(?:\w+\s+)?(?:interview|call|meeting)|"
    r"(?:tak(?:e|ing)|consider\w*)\s+(?:your|you|it|this)\w*\s+(?:\w+\s+){0,2}(?:further|forward|"
    r"to\s+(?:interview|the\s+next))|"
    r"offer\w*\s+you|extend\w*\s+(?:you\s+)?an\s+offer|be\s+forwarded\s+to\s+the\s+hiring|"
    r"pass\w*\s+(?:the|our|this|your)\s+(?:\w+\s+){0,2}(?:stage|round|assessment|test|screen\w*)|"
    rf"(?:match|meet)\w*\s+(?:\w+\s+){{0,3}}(?:requirements|criteria|needs)|{_POST}\s+for\s+you\b)",
    r"\bpass(?:ing|ed)?\s+on\s+(?:your|you\b)|\bdecided\s+against\b",
    r"\b(?:declin|reject)\w*\s+your\s+(?:application|candidacy)",
    r"\b(?:application|candidacy)\s+(?:\w+\s+){0,2}(?:has|have|was|were|is)\s+(?:been\s+)?"
    r"(?:declined|rejected|unsuccessful)",
    r"\b(?:continu\w*|keep)\s+(?:our|the)\s+search\b|\bkeep\s+looking\b",
    # "won't be making you an offer", "not the preferred applicant", "did not score highly
    # enough to be invited", "does not meet the minimum qualifications".
    rf"{_NOT}\s+(?:be\s+)?(?:mak|extend)\w*\s+(?:you\s+)?an\s+offer",
    rf"{_NOT}\s+(?:been\s+)?(?:the\s+)?(?:preferred|successful|strongest|chosen)\s+(?:candidate|applicant)",
    rf"{_NOT}\s+(?:\w+\s+){{0,3}}enough\s+to\s+(?:be\s+)?(?:invit|progress|proceed|shortlist|advanc|mov)",
    rf"{_NOT}\s+(?:\w+\s+){{0,2}}(?:meet|satisfy)\s+(?:\w+\s+){{0,2}}(?:qualifications|requirements|criteria)",
    r"\b(?:decided|chosen|opted)\s+not\s+to\s+(?:fill|recruit\s+for|go\s+ahead\s+with)\b",
]
_OUTCOME = [
    rf"\b{_POST}\s+(?:\w+\s+)?(?:has|have|had)\s+(?:now\s+|already\s+)?"
    r"been\s+(?:filled|closed|withdrawn|cancell?ed)",
    rf"\b{_POST}\s+is\s+no\s+longer\s+(?:available|open)",
    r"\b(?:we(?:'ve|’ve|\s+have)|has\s+been|have\s+been)\s+(?:now\s+|already\s+)?filled\b",
    r"\b(?:was|were|been|is)\s+unsuccessful\b|\bunsuccessful\s+(?:on\s+this|this\s+time)",
    r"\b(?:go|going|gone)\s+in\s+a\s+different\s+direction",
    r"\b(?:go|going|gone|went)\s+(?:another|a\s+different)\s+(?:way|direction|route)\b",
    rf"\b{_POST}\s+(?:\w+\s+){{0,2}}(?:has|have|had)\s+been\s+(?:put\s+on\s+hold|paused|frozen)",
    r"\b(?:it|this|that)(?:'s|’s|\s+is|\s+has)\s+(?:now\s+|already\s+)?(?:been\s+filled|"
    r"no\s+longer\s+(?:available|open))",
    rf"\b(?:ended\s+up|already)\s+fill(?:ed|ing)\s+(?:it|the\s+{_POST})\b",
    r"\b(?:did\s+not|didn'?t|didn’t|won'?t|won’t|will\s+not)\s+work\s+out\b",
]
_DECISIONS = re.compile("|".join(_SOMEONE_ELSE_CHOSEN + _NO_FURTHER + _OUTCOME), re.I)
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
# Without a decision stated outright, bad news together with a send-off or with talk of
# strong competition still reads as a rejection.
_BAD_NEWS = re.compile(
    r"\b(?:unfortunately|regrettably|regret|sadly|I'?m\s+afraid|I’m\s+afraid)\b|"
    r"\bsorry\s+to\s+(?:tell|let\s+you\s+know|inform|say|share|report|write)",
    re.I,
)
_SEND_OFF = re.compile(
    r"\b(?:wish|wishing)\s+you\s+(?:\w+\s+){0,4}?(?:success|luck|well|best)\b[^.!?]{0,40}?"
    r"\b(?:search|endeavou?rs|career|future|next\s+(?:step|role|move)|job\s+hunt)|"
    r"\b(?:best\s+of\s+)?luck\s+(?:in|with)\s+your\s+(?:job\s+)?(?:search|career|future)|"
    r"\bfuture\s+endeavou?rs\b|"
    r"\b(?:difficult|tough|hard|close)\s+(?:decision|choice|call)\b|\bhighly\s+competitive\b|"
    r"\b(?:many|large\s+number\s+of|high\s+volume\s+of)\s+(?:\w+\s+)?(?:applications|applicants|candidates)\b",
    re.I,
)
_NOT_OR_FEEDBACK = re.compile(_NOT + r"|\b(?:feedback|debrief|notes)\b", re.I)
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
    thread = email.quoted[:_LOOK_AT]
    if not any(_JOB.search(part) for part in (text, email.subject, thread)):
        return False
    decisions, promises = _weigh(text)
    # A reply that only follows up (feedback after a rejection, say) is still the rejection
    # when the sender's own earlier message in the thread stated the decision.
    if not decisions and not promises and _wrote_in_thread(email, thread):
        decisions, promises = _weigh(thread)
    return decisions > promises


def _wrote_in_thread(email: Email, thread: str) -> bool:
    """Whether the sender wrote a quoted message: 'From: ... <them>' or '<them> wrote:'."""
    address = (email.from_address or "").lower()
    if not address or not thread:
        return False
    low = thread.lower()
    start = low.find(address)
    while start >= 0:
        line = low[low.rfind("\n", 0, start) + 1 : start].lstrip("> \t")
        after = low[start + len(address) : start + len(address) + 12]
        if line.startswith("from:") or "wrote:" in after:
            return True
        start = low.find(address, start + 1)
    return False


def _weigh(text: str) -> tuple[int, int]:
    """Decisions against the reader and promises to them, a sentence at a time."""
    decisions = promises = 0
    for sentence in sentences(text):
        for found in _DECISIONS.finditer(sentence):
            if not _CONDITION.search(sentence, 0, found.start()):
                decisions += 1
                break
        # A call offered to talk feedback through follows a decision rather than reverses it.
        if _PROMISES.search(sentence) and not _NOT_OR_FEEDBACK.search(sentence):
            promises += 1
    if not decisions and _BAD_NEWS.search(text) and _SEND_OFF.search(text):
        decisions = 1
    return decisions, promises
