"""What the rejection says: the stage reached, feedback, and the door left open."""

from __future__ import annotations

import re

from afterword.inbox.cues import sentences

__all__ = ["read_feedback", "read_future", "read_stage"]

_INTERVIEW_PAST = re.compile(
    r"\b(?:interviewed|interviewing\s+with|interviews?\s+with|your\s+(?:\w+[ -])?interview|"
    r"(?:the|our|two|three|both|all|final|first|second|panel)[ -](?:\w+[ -])?interviews?\b|"
    r"interview\s+(?:day|process|stage)|taking\s+part\s+in\s+(?:our|the)\s+interviews?|"
    r"(?:first|second|final|last)[ -]round|onsite|on-site|met\s+with|meeting\s+with|meet(?:ing)?\s+you|"
    r"on\s+the\s+phone|phone\s+(?:screen|call|interview)\s+with|speak(?:ing)?\s+with\s+you|"
    r"spoke\s+with|talking\s+with\s+you|(?:chat|chats|conversations?)\s+(?:with|about|last|on)|"
    r"great\s+conversations|(?:recruiter|phone)\s+screen|coming\s+in|came\s+in|driving\s+out|"
    r"pairing\s+with|spending\s+[\w ]{0,30}\s+with\s+us|time\s+with\s+us|the\s+tasting|"
    r"assessment\s+(?:centre|center|day)|trial\s+shift|video\s+call|telephone\s+conversation)",
    re.I,
)
_INTERVIEW_NEG = re.compile(
    r"\b(?:not|n't|n’t|unable|won't|won’t|no\s+longer|regret)\b[^.]{0,60}\b(?:interview|shortlist)|"
    r"\b(?:advance|invite\w*|forward|progress|selected|shortlisted)\s+(?:you\s+)?(?:to|for)\s+(?:the\s+)?(?:an?\s+)?interview",
    re.I,
)
_APPLICATION = re.compile(
    r"\breview\w*\s+(?:your\s+)?(?:background|qualifications|profile|experience|credentials)|\b(?:appl(?:y|ied|ying|ication|icant)s?|cv|résumé|resume|shortlist\w*|submitted\s+you|"
    r"submissions?|portfolio)\b",
    re.I,
)


def read_stage(text: str) -> str:
    for sentence in sentences(text):
        for match in _INTERVIEW_PAST.finditer(sentence):
            window = sentence[max(0, match.start() - 70) : match.end() + 10]
            later = re.search(r"\b(?:second|next|final|further)\b", match.group(0), re.I)
            if _INTERVIEW_NEG.search(window) and not later:
                continue
            if (
                re.search(
                    r"\b(?:happy|glad|like|love|would|could|invite|schedule|arrange|set\s+up)\b[^.]{0,30}$",
                    sentence[: match.start()],
                    re.I,
                )
                and not later
            ):
                continue
            return "interview"
        if re.search(r"\bsecond[ -](?:round|interview|stage)\b", sentence, re.I):
            return "interview"
    if _APPLICATION.search(text):
        return "application"
    return "unknown"


_FEEDBACK_DECLINED = re.compile(
    r"\b(?:unable|not\s+able|cannot|can\s?not|can't|can’t|won't|won’t|will\s+not|do\s+not|don't|"
    r"don’t|not\s+in\s+a\s+position|no\s+longer\s+able)\b(?:\s+to)?\s+(?:\w+\s+){0,2}"
    r"(?:provide|give|offer|share|send)\w*\s+(?:\w+\s+){0,3}(?:feedback|notes|detail)|"
    r"\bno\s+(?:individual\s+|personal\s+)?feedback\s+(?:is|can|will)\b|"
    r"\bfeedback\s+(?:is|cannot|can't|can’t)\s+(?:not\s+)?(?:be\s+)?(?:available|provided|given)",
    re.I,
)
_FEEDBACK_OFFERED = re.compile(
    r"\b(?:if\s+you\s+(?:would|'d|’d)\s+like|would\s+you\s+like|happy\s+to|glad\s+to|pleased\s+to|"
    r"willing\s+to|let\s+me\s+know|feel\s+free|please\s+(?:reply|contact|get\s+in\s+touch|call|ask))\b"
    r"[^.]{0,80}\b(?:feedback|notes|debrief|detail)|"
    r"\b(?:share|pass\s+(?:along|on)|go\s+(?:through|over)|talk\s+you\s+through|walk\s+you\s+through)"
    r"\b[^.]{0,40}\b(?:feedback|notes)\b|"
    r"\b(?:their|the|our|panel's|panel’s|team's|team’s|main|client's|client’s|manager's)\s+"
    r"(?:main\s+)?feedback\s+(?:was|is|from|on|:)|here'?s\s+the\s+(?:main\s+)?feedback|"
    r"\bfeedback\s+(?:attached|below|from\s+the\s+(?:panel|team|interviewers|hiring))|"
    r"\bwhere\s+(?:they|we|the\s+panel)\s+felt\s+you|\byou\s+were\s+(?:lighter|weaker)|"
    r"\b(?:didn't|did\s+not|didn’t)\s+(?:come\s+through|demonstrate|meet|show)|"
    r"\bthe\s+panel\s+(?:was|were)\s+impressed\s+(?:by|with)\s+your",
    re.I,
)
_SURVEY = re.compile(r"\b(?:survey|your\s+feedback|rate\s+your|candidate\s+experience)\b", re.I)


def read_feedback(text: str) -> str:
    if _FEEDBACK_DECLINED.search(text):
        return "declined"
    for sentence in sentences(text):
        if _FEEDBACK_OFFERED.search(sentence) and not _SURVEY.search(sentence):
            return "offered"
    return "not_mentioned"


_KEPT = re.compile(
    r"\b(?:keep|kept|retain|hold|store|add)\w*\s+(?:your\s+|you\s+)?(?:details|cv|c\.v\.|résumé|resume|"
    r"application|portfolio|information|profile|name|contact\s+details|data)?\b[^.]{0,60}"
    r"\b(?:on\s+file|in\s+our|active|database|talent\s+(?:pool|network|community)|system|records|"
    r"in\s+mind|for\s+future)|"
    r"\byour\s+(?:details|cv|résumé|resume|application|portfolio|information|profile)\s+will\s+"
    r"(?:remain|be\s+kept|stay|be\s+retained|be\s+held)|"
    r"\b(?:contact|reach\s+out\s+to|be\s+in\s+touch\s+with|get\s+in\s+touch\s+with|call)\s+you\s+"
    r"(?:again\s+)?(?:if|when|should|as\s+soon|about\s+(?:future|relevant|other|similar))|"
    r"\bwill\s+be\s+in\s+touch\s+(?:if|when|as\s+soon)|\breach\s+out\s+(?:if|when)\b|"
    r"\b(?:considered|consider\s+you)\s+for\s+(?:similar|future|other)|"
    r"\bin\s+case\s+a\s+(?:similar|suitable)\s+(?:vacancy|role|position|opening)",
    re.I,
)
_DELETION = re.compile(r"\b(?:delet\w*|eras\w*|purg\w*|destroy\w*|remove\w*)\b", re.I)
_INVITED = re.compile(
    r"\bapply\w*\s+(?:again|for\s+(?:other|any|future|more|another)|to\s+(?:future|other|us\s+again))|"
    r"\bapply\w*\s+to\s+[^.]{0,40}\bagain\b|\bencourage\s+you\s+to\s+(?:apply|keep|visit|check)|"
    r"\bwelcome\s+(?:your|an?|to)\s+(?:future\s+)?applications?|\bwelcome\s+to\s+apply|"
    r"\b(?:check|keep\s+an\s+eye\s+on|watch|visit|follow)\s+(?:back|our\s+(?:careers|jobs|website|site|vacancies|page))|"
    r"\bget\s+in\s+touch\s+again|\breconnect\b|\bconsider\s+applying|\blove\s+for\s+you\s+to\s+apply|"
    r"\bsee\s+your\s+name\b|\bhear\s+from\s+you\s+again|\bfeel\s+free\s+to\s+(?:apply|reach\s+out|get\s+in\s+touch)|"
    r"\bstay\s+in\s+touch|\bkeep\s+in\s+touch|\bfuture\s+(?:openings|opportunities|roles|vacancies)\b[^.]{0,40}\bapply|"
    r"\bapply\b[^.]{0,60}\b(?:future|other|more)\s+(?:openings|opportunities|roles|positions|posts|vacancies)",
    re.I,
)


def read_future(text: str) -> str:
    kept = invited = False
    for sentence in sentences(text):
        if _KEPT.search(sentence):
            if _DELETION.search(sentence) and not re.search(
                r"\b(?:contact|opportunit|vacanc|role|position|opening|considered)", sentence, re.I
            ):
                continue
            kept = True
        if _INVITED.search(sentence):
            invited = True
    if kept:
        return "kept_on_file"
    return "invited" if invited else "not_mentioned"
