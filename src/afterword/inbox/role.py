"""The job title, without requisition numbers, locations or work-mode tags."""

from __future__ import annotations

import re

from afterword.folding import fold
from afterword.inbox.cues import LEGAL_RE, STOP_ORG, squash
from afterword.inbox.mime import Email

__all__ = ["find_role"]

_ROLE_NOUN = (
    r"(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship|"
    r"apprenticeship|req(?:uisition)?|posting|search)"
)
_ROLE_WORD = r"(?:(?<![\w'’+#./\-])[A-Z0-9][\w'’+#./\-]{0,40})"
_ROLE_SMALL = r"(?:of|and|&|for|in|de|to|the|/|-|–)"
_ROLE = rf"{_ROLE_WORD}(?:,?[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"
_ROLE_LINE = rf"{_ROLE_WORD}(?:[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"


def _clean_role(role: str) -> str | None:
    role = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", role)
    role = re.split(
        r"\s*(?:#|\bJob\s*(?:ID|#|No)|\bReq(?:uisition)?\b|\bRef\b|\bVacancy\b|\bRecruitment\b)",
        role,
        flags=re.I,
    )[0]
    role = re.split(r"\s+[-–—|]\s+|\s*[–—|]\s*", role)[0]
    role = re.sub(
        r",?\s*\b(?:remote|hybrid|on-?site|full-?time|part-?time|contract|temporary)\b.*$",
        "",
        role,
        flags=re.I,
    )
    role = re.sub(
        r",\s*(?:School|Department|Dept|Faculty|Division|Office|Unit|Practice|Team|Group|Institute|"
        r"Centre|Center)\b.*$",
        "",
        role,
    )
    role = re.sub(
        r"\s+(?:Interview|Application|Update|Position|Role|Status|Outcome|Decision|Vacancy|Job)$",
        "",
        role.strip(" ,.-–:;"),
    )
    role = role.strip(" ,.-–:;")
    words = role.split()
    while words and re.fullmatch(r"[\d\W]+", words[0]):
        words.pop(0)
    while words and words[0].lower() in ("the", "a", "an", "your", "our", "this", "for"):
        words.pop(0)
    role = " ".join(words)
    if not role or len(role) > 70 or fold(role) in STOP_ORG:
        return None
    if not re.search(r"[A-Za-z]", role) or role.lower() in ("application", "update", "above"):
        return None
    return role


def find_role(email: Email, text: str, company: str | None) -> str | None:
    found: dict[str, float] = {}

    def add(raw: str | None, weight: float) -> None:
        if not raw:
            return
        role = _clean_role(raw)
        if role and (not company or squash(role) != squash(company)):
            if company and role.endswith(" at " + company):
                role = role[: -len(" at " + company)]
            found[role] = found.get(role, 0) + weight

    body_patterns = [
        (
            rf"(?P<role>{_ROLE})(?:\s*\([^)\n]{{0,40}}\)|\s+[-–—|]\s+[A-Z][^.\n()|–—-]{{0,40}}?){{0,3}}"
            rf"\s+{_ROLE_NOUN}\b",
            2,
        ),
        (rf"\b(?:position|post|role)\s+of\s+(?P<role>{_ROLE})", 3),
        (rf"\b(?:to\s+be|as)\s+an?\s+(?P<role>{_ROLE})\s+(?:at|with|for)\b", 2),
        (rf"\bas\s+an?\s+(?P<role>{_ROLE})[.!,]", 2),
        (rf"^(?i:re|post|position|role|job(?:\s+title)?|vacancy)\s*:\s*(?P<role>{_ROLE_LINE})", 3),
    ]
    for pattern, weight in body_patterns:
        for match in re.finditer(pattern, text, re.M):
            add(match.group("role"), weight)
    subject = re.sub(r"^\s*(?:(?:re|fwd?|fw|aw|sv)\s*:\s*)+", "", email.subject, flags=re.I)
    subject_patterns = [
        rf"(?:application|applying)\s+(?:for|to)\s+(?:the\s+)?(?P<role>{_ROLE})",
        rf"^(?P<role>{_ROLE})\s+(?:at|with)\s+",
        rf"[-–—:|]\s*(?P<role>{_ROLE})\s*(?:\(|$)",
        rf"^(?P<role>{_ROLE})\s*[-–—:|]",
        rf"^Your\s+(?P<role>{_ROLE})\s+application",
        rf"^(?P<role>{_ROLE})\s+(?:application|interview|position|role|job|vacancy)\b",
    ]
    for pattern in subject_patterns:
        match = re.search(pattern, subject)
        if match:
            add(match.group("role"), 1)
    # Reward roles that appear in the subject too, drop company names and generic words.
    scored = []
    for role, weight in found.items():
        if company and squash(role) in (squash(company), squash(LEGAL_RE.sub("", company))):
            continue
        if re.fullmatch(
            r"(?:Application|Applications|Update|Status|Outcome|Decision|Interview|Your|Thank|"
            r"Thanks|Recruitment|Vacancy|Position|Role|Job|Above|Next|Hiring|Candidate|Interview\s+Follow-up|"
            r"First|Second|Final)(?:\s+\w+)?",
            role,
            re.I,
        ):
            continue
        bonus = 2 if role.lower() in subject.lower() else 0
        scored.append((weight + bonus, -abs(len(role.split()) - 2), role))
    if not scored:
        return None
    scored.sort(reverse=True)
    return scored[0][2]
