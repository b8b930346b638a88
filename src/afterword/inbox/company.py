"""The hiring company (for an agency, its client) and the agency itself."""

from __future__ import annotations

import re

from afterword.folding import fold
from afterword.inbox.cues import (
    AGENCY_NAME,
    ATS_DOMAIN,
    CAP,
    CONNECT,
    LEGAL,
    LEGAL_RE,
    ORG,
    STOP_ORG,
    TEAMISH,
    TITLE_WORDS,
    domain_label,
    is_noreply,
    squash,
)
from afterword.inbox.layout import Layout
from afterword.inbox.mime import Email
from afterword.inbox.people import clean_person, same_person

__all__ = ["find_agency", "find_company"]


def _org_candidates(text: str) -> list[str]:
    found: list[str] = []
    patterns = [
        rf"\b(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship)\s+"
        rf"(?:at|with)\s+(?P<org>{ORG})",
        rf"\b(?:at|with|to|join|joining)\s+(?P<org>{ORG})(?=\s+(?:as|and|for|is|in)\b|[.!,;:]|$)",
        rf"\binterest\s+in\s+(?:joining\s+|working\s+(?:at|for|with)\s+|employment\s+with\s+(?:the\s+)?)?"
        rf"(?P<org>{ORG})",
        rf"\b(?:(?i:my|our|the)\s+client,?|on\s+behalf\s+of|client\s+company,?)\s+(?P<org>{ORG})",
        rf"\b(?:here\s+at|team\s+at|hiring\s+team\s+at|hiring\s+manager\s+at|applying\s+to)\s+(?P<org>{ORG})",
    ]
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.M):
            org = _trim_org(match.group("org"))
            if org:
                found.append(org)
    return found


def _trim_org(org: str) -> str | None:
    org = re.split(r"(?<!\bSt)(?<!\bCo)(?<!\bMt)(?<!\bDr)(?<=\w)\.\s+(?=[A-Z])", org)[0]
    org = org.strip(" ,;:'’\"")
    if org.endswith(".") and not re.search(
        r"\b(?:Co|Inc|Corp|Ltd|Bros|Mfg|Intl|S\.A|N\.V|B\.V|S\.p\.A|L\.L\.C|P\.C)\.$", org
    ):
        org = org.rstrip(".")
    words = org.split()
    while words and words[-1].lower() in ("and", "of", "&", "the", "for", "on", "y", "de"):
        words.pop()
    while words and words[0].lower() in ("the", "our"):
        words.pop(0)
    org = " ".join(words)
    if not org or fold(org) in STOP_ORG or len(org) < 2:
        return None
    if re.fullmatch(r"[\d\W]+", org):
        return None
    return org


def _lowercase_brand(text: str, email: Email) -> str | None:
    """A lowercase brand like 'pebbleware' seen in the text and in the sender's domain or lines."""
    labels = {domain_label(email.from_address), domain_label(email.reply_to_address)}
    counts: dict[str, int] = {}
    for token in re.findall(r"(?<![\w@./-])([a-z][a-z0-9]{3,})(?![\w@-])", text):
        counts[token] = counts.get(token, 0) + 1
    standalone = {line.strip() for line in text.split("\n")}
    # Zero-width, so "to join pebbleware" yields both "join" and "pebbleware".
    named = set(re.findall(r"(?=\b(?:the|at|to|join)\s+([a-z][a-z0-9]{3,})\b)", text))
    best = None
    for token, count in counts.items():
        if token in labels and (token in standalone or count >= 1):
            best = token
        elif token in standalone and count >= 2 and token in named:
            best = best or token
    return best


_ORG_SUFFIX = re.compile(rf"(?:[ \t]+(?:{CONNECT}[ \t]+)?{CAP}){{0,3}}(?:,?[ \t]+{LEGAL})?")


def _fuller_org(org: str, text: str) -> str:
    """The longest written form that starts with org (adds legal suffixes and trailing words)."""
    best = org
    # A pattern built around org would be compiled anew for every company; find org as plain
    # text and match the precompiled suffix after it instead.
    start = text.find(org)
    while start >= 0:
        end = _ORG_SUFFIX.match(text, start + len(org)).end()
        written = text[start:end]
        start = text.find(org, max(end, start + 1))
        candidate = _trim_org(written) or org
        tail = candidate[len(org) :].strip()
        # Only accept suffix words that look like part of a name (legal suffix or org noun).
        if tail and not re.fullmatch(
            rf"(?:,?\s*{LEGAL}|(?:(?:{CONNECT})\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*)*(?:,?\s+{LEGAL})?)",
            tail,
        ):
            continue
        if re.search(r"\b(?:Talent|Team|Recruit\w*|Human|HR|Careers|Hiring|Campus)\b", tail):
            continue
        if len(candidate) > len(best):
            best = candidate
    return best


def _org_score(org: str, email: Email, sig_text: str, text: str) -> float:
    score = 0.0
    squashed = squash(LEGAL_RE.sub("", org))
    for address in (email.from_address, email.reply_to_address):
        raw_label = domain_label(address)
        label = squash(raw_label)
        if (
            label
            and squashed
            and not ATS_DOMAIN.search(raw_label)
            and (label == squashed or label.startswith(squashed[:8]) or squashed.startswith(label))
        ):
            score += 3
            break
    if org in sig_text:
        score += 1
    if squash(org) and squash(org) in squash(email.subject):
        score += 1
    score += min(text.count(org), 4) * 0.5
    return score


def _signature_orgs(layout: Layout, people: list[str]) -> list[str]:
    found = []
    for line in layout.signature:
        if not line or re.search(r"\d{3}|@|https?:|www\.", line):
            continue
        parts = [p.strip() for p in re.split(r"\s*[|,·•]\s*|\s+[-–—]\s+", line) if p.strip()]
        for part in parts:
            if any(squash(part) == squash(p) or same_person(part, p) for p in people):
                continue
            if TITLE_WORDS.search(part) or re.search(
                r"\b(?:team|human\s+resources|hr|recruit\w*|talent\s+acquisition|department|"
                r"people|careers|hiring)\b",
                part,
                re.I,
            ):
                continue
            if re.fullmatch(ORG, part) or re.fullmatch(r"[a-z][a-z0-9]{3,}", part):
                found.append(part)
    return found


def find_company(
    email: Email, layout: Layout, prose: str, full: str, agency: str | None, people: list[str]
) -> str | None:
    counts: dict[str, float] = {}
    for org in _org_candidates(prose):
        counts[org] = counts.get(org, 0) + 2
    for org in _org_candidates(email.subject):
        counts[org] = counts.get(org, 0) + 1
    sig_text = "\n".join(layout.signature)
    for org in _signature_orgs(layout, people):
        counts[org] = counts.get(org, 0) + 1.5
    if email.from_name:
        display = re.split(r"\s+(?:via|through|on behalf of)\s+", email.from_name, flags=re.I)[0]
        display = re.sub(
            r"\s*[-–—:]?\s*\b(?:Careers|Recruiting|Recruitment|Talent(?:\s+Acquisition)?|"
            r"Hiring(?:\s+Team)?|Human\s+Resources|HR|Jobs|Campus(?:\s+Recruiting)?|Team)\b.*$",
            "",
            display,
            flags=re.I,
        ).strip(" -–—")
        if (
            display
            and not any(same_person(display, p) for p in people)
            and not clean_person(email.from_name)
            and not TEAMISH.fullmatch(display)
        ):
            counts[display] = counts.get(display, 0) + 1.5
    brand = _lowercase_brand(full + "\n" + email.subject, email)
    if brand:
        counts[brand] = counts.get(brand, 0) + 2
    scored = []
    for org, count in counts.items():
        if any(squash(org) == squash(p) or same_person(org, p) for p in people):
            continue
        score = count + _org_score(org, email, sig_text, full)
        if agency and (squash(org).startswith(squash(agency)[:6]) or AGENCY_NAME.search(org)):
            score -= 10
        scored.append((score, len(org), org))
    if not scored:
        label = domain_label(email.reply_to_address or email.from_address)
        if label and not ATS_DOMAIN.search(label) and label not in ("gmail", "outlook", "yahoo"):
            return label.replace("-", " ").title()
        return None
    scored.sort(reverse=True)
    best = scored[0][2]
    # Merge with a fuller written form found anywhere.
    return _fuller_org(best, "\n".join([full, email.subject]))


def find_agency(email: Email, layout: Layout, text: str) -> str | None:
    """The recruiting agency's name when the sender works for one, else None."""
    sig = "\n".join(layout.signature)
    for line in layout.signature:
        for part in re.split(r"\s*[|,·•]\s*", line):
            if (
                AGENCY_NAME.search(part)
                and not TITLE_WORDS.search(part)
                and re.fullmatch(ORG, part.strip())
            ):
                if re.search(r"\b(?:acquisition|team)\b", part, re.I):
                    continue
                return part.strip()
    domain = domain_label(email.from_address)
    agency_domain = re.search(r"staffing|talent|recruit|search|resourcing|personnel", domain)
    client_talk = re.search(
        r"\b(?:submitted\s+you|your\s+(?:profile|cv|résumé|resume)\s+to|the\s+client|"
        r"hiring\s+(?:team|manager)\s+at|(?:role|position)\s+with)\b",
        text + sig,
        re.I,
    )
    if agency_domain and client_talk and not is_noreply(email.from_address):
        return domain
    return None
