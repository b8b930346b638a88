"""The job title, without requisition numbers, locations or work-mode tags."""

from __future__ import annotations

import re

from afterword.folding import fold
from afterword.inbox.cues import LEGAL_RE, STOP_ORG, squash
from afterword.inbox.lexicon import lexicon
from afterword.inbox.mime import Email

__all__ = ["find_role"]

_ROLE_NOUN = (
    r"(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship|"
    r"apprenticeship|req(?:uisition)?|posting|search|gig|spot|stream)"
)
# A title word starts with a capital or a digit, or is a brand like "iOS", "eCommerce", ".NET".
_ROLE_WORD = r"(?:(?<![\w'’+#./\-])(?:[A-Z0-9]|[a-z](?=[A-Z])|\.(?=[A-Z]{2}))[\w'’+#./\-]{0,40})"
_ROLE_SMALL = r"(?:of|and|&|for|in|de|to|the|/|-|–)"
_ROLE = rf"{_ROLE_WORD}(?:,?[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"
_ROLE_LINE = rf"{_ROLE_WORD}(?:[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"


# Requisition and posting numbers: "R-20931", "JR-10442", "2025-088", "VIS/2025/0318".
_REQUISITION = re.compile(r"(?<![\w-])(?:[A-Z]{1,4}[-_/]?)?\d{3,}(?:[-_/]\w+)*(?![\w-])")
# One or more bracketed tags after a title: "(JR-10442)", "[Store 214 – Cheltenham]".
_TAGS = r"(?:\s*[(\[][^)\]\n]{0,60}[)\]])*"


_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})[.!?]\s+")


def _clean_role(role: str) -> str | None:
    role = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", role)
    role = _REQUISITION.sub("", role)
    # "... to Marsh Lane Studios. The Junior Editor post": the title is the last sentence.
    role = _SENTENCE_BREAK.split(role)[-1]
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
        r"\s+(?i:interview|application|update|position|role|status|outcome|decision|vacancy|job)$",
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


_BODY_PATTERNS = [
    (
        re.compile(
            rf"(?P<role>{_ROLE})(?:\s*[(\[][^)\]\n]{{0,40}}[)\]]|\s+[-–—|]\s+[A-Z][^.\n()|–—-]{{0,40}}?)"
            rf"{{0,3}}\s+{_ROLE_NOUN}\b"
        ),
        2,
    ),
    (re.compile(rf"\b(?:position|post|role)\s+of\s+[“\"‘']?(?P<role>{_ROLE})"), 3),
    (re.compile(rf"\b(?:position|post|role|job)\s+as\s+(?:an?\s+)?(?P<role>{_ROLE})"), 2),
    (re.compile(rf"\b(?:to\s+be|as)\s+an?\s+(?P<role>{_ROLE}){_TAGS}\s+(?:at|with|for)\b"), 2),
    (re.compile(rf"\bas\s+an?\s+(?P<role>{_ROLE}){_TAGS}[.!,]"), 2),
    # "applying for Logistics Analyst (JR-10442)", "an application for Site Lead, Leeds"
    (
        re.compile(
            rf"\b(?:appl(?:y|ied|ying|ication)|candidacy|candidature|interview(?:ed|ing)?)\s+(?:for|as)\s+"
            rf"(?:the\s+|an?\s+)?(?P<role>{_ROLE})"
            rf"(?=\s*[(\[,.|–—]|\s+-\s|\s+(?:at|with|in)\b)"
        ),
        1.5,
    ),
]
# A title set right after the noun, as some writers put it: "for the position Quality
# Engineer (m/w/d)", "the role R0004471 Marine Superintendent". Counts when it names a job.
_APPOSITION = re.compile(
    rf"\b(?:the|this|our)\s+(?:position|role|post|vacancy|job)\s+[“\"‘']?(?:[A-Z]{{0,4}}\d{{3,}}\s+)?"
    rf"(?P<role>{_ROLE})"
)
# Titles written in lower case ("the studio assistant job", "to be a bike mechanic with us")
# count when they name a job.
_LOWER_ROLE = re.compile(
    rf"\b(?:the|a|an|our|this)\s+(?P<role>(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*)\s+{_ROLE_NOUN}\b"
)
_LOWER_AS_ROLE = re.compile(
    r"\b(?:to\s+be|as)\s+an?\s+(?P<role>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+(?:with|at|for|on)\b"
)
_LINE_PATTERN = re.compile(
    rf"^(?i:re|post|position|role|job(?:\s+title)?|vacancy)\s*:\s*(?P<role>{_ROLE_LINE})", re.M
)
_SUBJECT_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        rf"(?:application|applying|candidature|candidacy)\s+(?:for|to)\s+(?:the\s+)?(?P<role>{_ROLE})",
        rf"^(?P<role>{_ROLE}){_TAGS}\s+(?:at|with)\s+",
        rf"[-–—:|]\s*(?P<role>{_ROLE})\s*(?:\(|$)",
        rf"[-–—:|]\s*(?P<role>{_ROLE})\s+(?i:interview|application|role|position|job|vacancy)\b",
        rf"^(?P<role>{_ROLE}){_TAGS}\s*[-–—:|]",
        rf"^Your\s+(?P<role>{_ROLE})\s+application",
        rf"^(?P<role>{_ROLE}){_TAGS}\s+(?:application|interview|position|role|job|vacancy)\b",
    )
]
# A subject that is nothing but a title ("Re: Junior Game Programmer").
_BARE_SUBJECT = re.compile(rf"^(?P<role>{_ROLE}){_TAGS}$")
_GENERIC = re.compile(
    r"(?:Application|Applications|Update|Status|Outcome|Decision|Interview|Your|Thank|"
    r"Thanks|Recruitment|Vacancy|Position|Role|Job|Above|Next|Hiring|Candidate|Interview\s+Follow-up|"
    r"First|Second|Final)(?:\s+\w+)?",
    re.I,
)
# Reply and forward marks, and "application" in other languages before a title.
_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|fw|aw|sv|absage|rejection|outcome)\s*:\s*)*(?:(?:ihre\s+|votre\s+|su\s+|din\s+)?(?:bewerbung|candidature|"
    r"candidatura|sollicitatie|ansökan|ansøgning|søknad|hakemus|solicitud)\b\s*(?:als|pour|para|como|för|voor|[-–:])?\s*)?",
    re.I,
)


# Quotation marks around a title ('the "Junior UX Designer" position'); an apostrophe inside a
# word stays.
_QUOTES = re.compile(r"[\"“”„]|(?<!\w)['‘]|['’](?!\w)")


def _unwrap(text: str) -> str:
    """Join hard-wrapped prose: a long line followed by more text continues its sentence."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        head = line.lstrip()
        if len(out[-1]) >= 50 and head and head[0] not in "*•·-":
            out[-1] = f"{out[-1].rstrip()} {head}"
        else:
            out.append(line)
    return "\n".join(out)


_AGENT_NOUN = re.compile(r"\w{3,}(?:er|or|ist|ian)$")
# Words ending like agent nouns that name no job.
_NOT_JOBS = {"senior", "junior", "interior", "major", "minor", "center", "centre", "other"}


def occupational(role: str) -> bool:
    """Whether a phrase names a job: a word from the occupations list, or an agent noun last."""
    words = [word.lower().strip(".,") for word in role.split()]
    known = lexicon().occupations
    if any(word in known or (word.endswith("s") and word[:-1] in known) for word in words):
        return True
    return bool(words) and bool(_AGENT_NOUN.match(words[-1])) and words[-1] not in _NOT_JOBS


def _abbreviates(short: str, full: str) -> bool:
    """'QS' for 'Quantity Surveyor', 'QC Technician' for 'Quality Control Technician'."""
    words = full.split()
    at = 0
    for token in short.split():
        if token.isupper() and 2 <= len(token) <= 4 and token.isalpha():
            initials = "".join(word[0] for word in words[at : at + len(token)]).upper()
            if initials != token:
                return False
            at += len(token)
        elif at < len(words) and token.lower() == words[at].lower():
            at += 1
        else:
            return False
    return at == len(words) and short != full


_SENIORITY = {
    "junior", "senior", "lead", "principal", "staff", "head", "chief", "assistant", "associate",
    "trainee", "graduate", "deputy", "interim", "acting", "sr", "jr", "sr.", "jr.", "executive",
}  # fmt: skip


def _seniority_of(short: str, full: str) -> bool:
    """'Junior Test Automation Engineer' for 'Test Automation Engineer': a grade in front."""
    extra = full[: -len(short)].split() if full.endswith(" " + short) else []
    return bool(extra) and all(word.lower() in _SENIORITY for word in extra)


def _clipped(short: str, full: str) -> bool:
    """'Service Tech' for 'HVAC Service Technician': the end of the title, a word cut short."""
    a, b = short.lower().split(), full.lower().split()
    if not a or len(a) > len(b) or short == full:
        return False
    tail = b[len(b) - len(a) :]
    return all(long.startswith(cut) for cut, long in zip(a, tail, strict=True)) and a != tail


def _merge_variants(found: dict[str, float]) -> dict[str, float]:
    """Fold an abbreviation or a cut-off title into the fuller title it stands for."""
    merged = dict(found)
    for short in found:
        for full in found:
            fuller = (
                _abbreviates(short, full) or _seniority_of(short, full) or _clipped(short, full)
            )
            if fuller and short in merged and full in merged:
                merged[full] += merged.pop(short)
                break
    return merged


def find_role(email: Email, text: str, company: str | None, context: str = "") -> str | None:
    """The job title; `context` (the quoted thread of a short reply) counts for half."""
    found: dict[str, float] = {}
    company_keys = {squash(company), squash(LEGAL_RE.sub("", company))} if company else set()
    company_prefix = LEGAL_RE.sub("", company).lower() + " " if company else "\0"

    def add(raw: str | None, weight: float) -> None:
        role = _clean_role(raw) if raw else None
        # A name that starts with the employer's is a programme or a brand ("Acme Graduate
        # Programme"), not a job title.
        if not role or squash(role) in company_keys or role.lower().startswith(company_prefix):
            return
        if company and role.endswith(" at " + company):
            role = role[: -len(" at " + company)]
        found[role] = found.get(role, 0) + weight

    def scan(source: str, share: float) -> None:
        flowing = _QUOTES.sub("", _unwrap(source))
        for pattern, weight in _BODY_PATTERNS:
            for match in pattern.finditer(flowing):
                add(match.group("role"), weight * share)
        for match in _APPOSITION.finditer(flowing):
            if occupational(match.group("role")):
                add(match.group("role"), 1.5 * share)
        for pattern in (_LOWER_ROLE, _LOWER_AS_ROLE):
            for match in pattern.finditer(flowing):
                if occupational(match.group("role")):
                    add(match.group("role"), share)

    scan(text, 1.0)
    for match in _LINE_PATTERN.finditer(text):
        add(match.group("role"), 3)
    in_body = set(found)
    if context:
        scan(context, 0.5)
    subject = _QUOTES.sub("", _SUBJECT_PREFIX.sub("", email.subject))
    titles = {match.group("role") for p in _SUBJECT_PATTERNS if (match := p.search(subject))}
    bare = _BARE_SUBJECT.match(subject.strip())
    if bare and occupational(bare.group("role")):
        titles.add(bare.group("role"))
    # Each title the subject offers counts once; a place or a company there is no job.
    for title in titles:
        add(title, 2.5 if occupational(title) else 1)
    # Reward a title the body and the subject agree on, and one that reads as a job.
    scored = []
    for role, weight in _merge_variants(found).items():
        if _GENERIC.fullmatch(role):
            continue
        agreed = role in in_body and role.lower() in subject.lower()
        bonus = (2 if agreed else 0) + (0.5 if occupational(role) else 0)
        scored.append((weight + bonus, -abs(len(role.split()) - 2), role))
    if not scored:
        return None
    scored.sort(reverse=True)
    return scored[0][2]
