"""Where organisation names show up in a rejection, and what each sighting is worth.

Names come from prose ("the role at X"), the subject, the signature, a legal suffix
anywhere ("X Ltd"), the sender's display name and lowercase brands; domains in the
headers and the text are evidence for whichever name they spell.
"""

from __future__ import annotations

import re

from afterword.folding import fold
from afterword.inbox.cues import (
    ATS_DOMAIN,
    CAP,
    CONNECT,
    CREDENTIAL,
    LEGAL,
    LEGAL_RE,
    ORG,
    STOP_ORG,
    STREET,
    TITLE_WORDS,
    domain_label,
    squash,
)
from afterword.inbox.layout import Layout
from afterword.inbox.lexicon import lexicon
from afterword.inbox.mime import Email
from afterword.inbox.people import same_person
from afterword.inbox.role import occupational

__all__ = [
    "legal_names",
    "letterhead_orgs",
    "lowercase_brand",
    "matches_domain",
    "prose_orgs",
    "signature_orgs",
    "subject_orgs",
    "text_domains",
    "trim_org",
    "vendor_names",
]

_PROSE_PATTERNS = [
    re.compile(pattern, re.M)
    for pattern in (
        rf"\b(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship)\s+"
        rf"(?:at|with)\s+(?P<org>{ORG})",
        rf"\b(?:at|with|to|join|joining)\s+(?P<org>{ORG})(?=\s+(?:as|and|for|is|in|regarding|about)\b"
        rf"|[.!,;:]|$)",
        rf"\binterest\s+(?:you(?:'|’)?ve\s+shown\s+|you\s+have\s+shown\s+)?in\s+(?:joining\s+|working\s+"
        rf"(?:at|for|with)\s+|employment\s+with\s+(?:the\s+)?)?(?P<org>{ORG})",
        rf"\b(?:(?i:my|our|the)\s+client,?|on\s+behalf\s+of|client\s+company,?)\s+(?P<org>{ORG})",
        rf"\b(?:here\s+at|team\s+at|hiring\s+team\s+at|hiring\s+manager\s+at|applying\s+to)\s+"
        rf"(?P<org>{ORG})",
        # An agency relaying the client's answer: "heard back from X", "off the phone with X".
        rf"\b(?:heard|hear)\s+back\s+from\s+(?P<org>{ORG})",
        rf"\b(?:off|on)\s+the\s+phone\s+(?:with|to)\s+(?P<org>{ORG})",
        rf"\b(?:update|news)\s+(?:on|from|about)\s+(?P<org>{ORG})",
        rf"(?:^|[.!?]\s+)(?P<org>{ORG})\s+(?:came|got|has|have|had)\s+(?:now\s+)?(?:back|decided|chosen|"
        rf"gone|opted|confirmed)\b",
    )
]
_SUBJECT_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*[|:]\s+")
_SUBJECT_NOISE = re.compile(
    r"\b(?:update|status|outcome|decision|application|interview|next\s+steps|your|thank\w*|re|"
    r"fwd?|feedback|news|regarding|our|call|role|position|job|vacancy|posting|ref|req)\b|\d",
    re.I,
)
_LEGAL_SUFFIX = re.compile(rf"[ \t,]{LEGAL}(?!\w)")
_LEGAL_NAME = re.compile(rf"{CAP}(?:[ \t]+(?:{CONNECT}[ \t]+)?{CAP}){{0,5}},?[ \t]+{LEGAL}$")
_VENDOR = re.compile(
    rf"\b(?i:powered\s+by|sent\s+(?:via|through|by)|via)\s+(?P<org>{ORG})(?!\s+on\s+behalf)"
)
_CITY_STATE = re.compile(r"^[A-Z][\w .'-]+,\s*[A-Z]{2}$")
_DEPARTMENT = re.compile(
    r"\b(?:team|human\s+resources|hr|recruit\w*|talent\s+acquisition|department|people|careers|"
    r"hiring|(?:regional|head|branch|country|field|district|area|local)\s+office)\b|"
    r"^(?:school|faculty|division|office|directorate|institute|centre|center)\s+(?:of|for)\b",
    re.I,
)
_DOMAIN = re.compile(r"(?<![\w@.-])(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?=[/\s),;:]|$)|@[\w.-]+")
_COMMON_HOSTS = {"linkedin", "gmail", "outlook", "yahoo", "hotmail", "icloud", "google", "bit"}


# "Recruiter | Acme", "Talent Partner, Acme", "Recruiter at Acme", "people @ tidal".
_SIGNATURE_PARTS = re.compile(r"\s*[|,·•]\s*|\s+[-–—@]\s+|\s+at\s+")


def trim_org(org: str) -> str | None:
    """A sighted name without sentence debris: leading 'The', a trailing 'and', a full stop."""
    org = re.split(r"(?<!\bSt)(?<!\bCo)(?<!\bMt)(?<!\bDr)(?<=\w)\.\s+(?=[A-Z])", org)[0]
    org = org.strip(" ,;:'’\"")
    if org.endswith(".") and not re.search(
        r"\b(?:Co|Inc|Corp|Ltd|Bros|Mfg|Intl|S\.A|N\.V|B\.V|S\.p\.A|L\.L\.C|P\.C|N\.A|S\.L)\.$", org
    ):
        org = org.rstrip(".")
    words = org.split()
    while words and words[-1].lower() in ("and", "of", "&", "the", "for", "on", "y", "de"):
        words.pop()
    while len(words) > 1 and (words[0].lower() in ("the", "our") or fold(words[0]) in STOP_ORG):
        words.pop(0)
    org = " ".join(words)
    if not org or fold(org) in STOP_ORG or len(org) < 2:
        return None
    if re.fullmatch(r"[\d\W]+", org):
        return None
    return org


def prose_orgs(text: str) -> list[str]:
    """Names the prose puts where an employer goes: 'the role at X', 'heard back from X'."""
    found = []
    for pattern in _PROSE_PATTERNS:
        for match in pattern.finditer(text):
            org = trim_org(match.group("org"))
            if org:
                found.append(org)
    return found


def subject_orgs(subject: str) -> list[str]:
    """Parts of a 'Title - Company' subject that are neither the title nor a status word."""
    parts = _SUBJECT_SEPARATOR.split(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", subject))
    return [
        part.strip()
        for part in parts
        if re.fullmatch(ORG, part.strip())
        and not _SUBJECT_NOISE.search(part)
        and not occupational(part)
    ]


def legal_names(text: str) -> list[str]:
    """Names written with a legal suffix ('Harbour Grace Seafoods Ltd.'), wherever they are."""
    found = []
    # Find the suffixes first, then the capitalised words just before each one.
    for suffix in _LEGAL_SUFFIX.finditer(text):
        name = _LEGAL_NAME.search(text, max(0, suffix.start() - 120), suffix.end())
        org = trim_org(name.group(0)) if name else None
        if org and LEGAL_RE.search(org):
            found.append(org)
    return found


def vendor_names(email: Email, text: str) -> list[str]:
    """Mail and applicant-tracking vendors: 'Powered by X', 'Sent via X', 'Acme via X'."""
    names = [match.group("org") for match in _VENDOR.finditer(f"{email.from_name or ''}\n{text}")]
    return [squash(name) for name in names if squash(name)]


def text_domains(email: Email, text: str) -> set[str]:
    """Domain labels of the sender and of web or mail addresses in the text, minus mail hosts."""
    labels = {domain_label(email.from_address), domain_label(email.reply_to_address)}
    for found in _DOMAIN.findall(text.lower()):
        host = found.split("//")[-1].lstrip("@").split("/")[0]
        labels.add(domain_label("x@" + host))
    return {label for label in labels if label and label not in _COMMON_HOSTS}


def matches_domain(org: str, labels: set[str]) -> bool:
    """Whether a domain label spells the name: 'larchandlinden' for 'Larch & Linden'."""
    key = squash(LEGAL_RE.sub("", org).replace("&", " and "))
    bare = squash(LEGAL_RE.sub("", org))
    for label in labels:
        if ATS_DOMAIN.search(label):
            continue
        plain = squash(label)
        for name in (key, bare):
            if len(name) >= 3 and (
                plain == name or plain.startswith(name[:8]) or name.startswith(plain)
            ):
                return True
    return False


def signature_orgs(layout: Layout, people: list[str], labels: set[str]) -> list[str]:
    """Organisation names on signature lines, without titles, departments, places or notices.

    On a line that also holds a job title ('Principal Consultant, Actuarial & Risk'), the
    other parts are departments or places unless a legal suffix, an organisation word or a
    domain says they are the employer.
    """
    names = lexicon()
    found = []
    for line in layout.signature:
        if not line or re.search(r"\d{3}|@|https?:|www\.", line) or _CITY_STATE.match(line):
            continue
        if names.boilerplate.search(line):
            continue
        parts = [p.strip() for p in _SIGNATURE_PARTS.split(line) if p.strip()]
        titled = any(TITLE_WORDS.search(part) for part in parts)
        # On an address line ("Riverside Drive, Nairobi") the town is no employer: only a part
        # that reads as an organisation is.
        address = any(STREET.search(part) for part in parts)
        for part in parts:
            if address and not (
                LEGAL_RE.search(part) or names.org_noun.search(part) or matches_domain(part, labels)
            ):
                continue
            if _generic(part, names.org_noun):
                continue  # a field or a unit ("Engineering & Manufacturing"), not a name
            if any(squash(part) == squash(p) or same_person(part, p) for p in people):
                continue
            if TITLE_WORDS.search(part) or _DEPARTMENT.search(part) or STREET.search(part):
                continue
            if re.fullmatch(CREDENTIAL, part):
                continue
            if titled and not (
                LEGAL_RE.search(part) or names.org_noun.search(part) or matches_domain(part, labels)
            ):
                continue
            if re.fullmatch(ORG, part) or re.fullmatch(r"[a-z][a-z0-9]{3,}", part):
                found.append(part)
    return found


def letterhead_orgs(layout: Layout, people: list[str]) -> list[str]:
    """A name standing alone above the greeting, as a logo's alt text or a letterhead puts it."""
    return [
        line
        for line in layout.letterhead
        if re.fullmatch(ORG, line)
        and not _SUBJECT_NOISE.search(line)
        and not occupational(line)
        and not any(same_person(line, person) for person in people)
    ]


def _generic(part: str, org_noun: re.Pattern[str]) -> bool:
    """Whether every word of a name is an organisation word: 'Insurance Technology'."""
    words = [w for w in part.split() if not re.fullmatch(CONNECT, w, re.I)]
    return bool(words) and all(org_noun.fullmatch(w) for w in words)


def lowercase_brand(text: str, email: Email) -> str | None:
    """A lowercase brand like 'pebbleware' seen in the text and in the sender's domain or lines."""
    labels = {domain_label(email.from_address), domain_label(email.reply_to_address)}
    counts: dict[str, int] = {}
    # A word that is part of a web or mail address is the domain, not the brand as written.
    for token in re.findall(r"(?<![\w@./-])([a-z][a-z0-9]{3,})(?![\w@-]|\.[a-z])", text):
        counts[token] = counts.get(token, 0) + 1
    standalone = {line.strip() for line in text.split("\n")}
    # One zero-width scan instead of a pattern compiled per word ("to join pebbleware" gives
    # both "join" and "pebbleware").
    named = set(re.findall(r"(?=\b(?:the|at|to|join)\s+([a-z][a-z0-9]{3,})\b)", text))
    best = None
    for token, count in counts.items():
        if token in labels:
            best = token
        elif token in standalone and count >= 2 and token in named:
            best = best or token
    return best
