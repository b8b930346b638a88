"""The hiring company (for an agency, its client) and the agency itself.

Every sighting of a name adds evidence (see orgs.py); the name with the most wins, and is
then written in its fullest form found in the email ('Larkspur Audio' -> 'Larkspur Audio Ltd').
"""

from __future__ import annotations

import re

from afterword.inbox.cues import (
    AGENCY_NAME,
    ATS_DOMAIN,
    CAP,
    CONNECT,
    LEGAL,
    LEGAL_RE,
    ORG,
    TEAMISH,
    TITLE_WORDS,
    domain_label,
    is_noreply,
    squash,
)
from afterword.inbox.layout import Layout
from afterword.inbox.lexicon import lexicon
from afterword.inbox.mime import Email
from afterword.inbox.orgs import (
    legal_names,
    letterhead_orgs,
    lowercase_brand,
    matches_domain,
    prose_orgs,
    signature_orgs,
    subject_orgs,
    text_domains,
    trim_org,
    vendor_names,
)
from afterword.inbox.people import clean_person, same_person

__all__ = ["find_agency", "find_company"]

_TEAM_SUFFIX = re.compile(
    r"\s*[-–—:]?\s*\b(?:Careers|Recruiting|Recruitment|Talent(?:\s+Acquisition)?|"
    r"Hiring(?:\s+Team)?|Human\s+Resources|HR|Jobs|Campus(?:\s+Recruiting)?|Team)\b.*$",
    re.I,
)


_SPEAKER = re.compile(r"(?P<who>.+?)\s+(?:from|at|@)\s+(?P<org>.+)", re.I)


_ORG_SUFFIX = re.compile(rf"(?:[ \t]+(?:{CONNECT}[ \t]+)?{CAP}){{0,3}}(?:,?[ \t]+{LEGAL})?")


def _fuller_org(org: str, text: str, below: str = "") -> str:
    """The longest written form that starts with org (adds legal suffixes and trailing words).

    Below a list of other jobs only the legal footer speaks for the employer, so a form found
    there counts only with its legal suffix ('Acme Outfitters, Inc.').
    """
    best = org
    if below:
        registered = _fuller_org(org, below)
        if LEGAL_RE.search(registered):
            best = registered
    # A pattern built around org would be compiled anew for every company (and miss the regex
    # cache on every unseen email); find org as plain text and match a fixed suffix after it.
    start = text.find(org)
    while start >= 0:
        end = _ORG_SUFFIX.match(text, start + len(org)).end()
        written = text[start:end]
        start = text.find(org, max(end, start + 1))
        candidate = trim_org(written) or org
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
    return _with_article(best, text)


def _with_article(org: str, text: str) -> str:
    """'The Harbour Kitchen' when the name keeps its capital 'The' mid-sentence ('at The ...')."""
    start = text.find("The " + org)
    while start >= 2:
        if text[start - 1] == " " and text[start - 2].islower():
            return "The " + org
        start = text.find("The " + org, start + 1)
    return org


def _evidence(org: str, email: Email, sig_text: str, text: str, labels: set[str]) -> float:
    """What the rest of the email says for a name: domains, legal suffix, signature, subject."""
    score = 0.0
    if matches_domain(org, labels):
        score += 3
    if LEGAL_RE.search(org):
        score += 1.5
    if org in sig_text:
        score += 1
    if squash(org) and squash(org) in squash(email.subject):
        score += 1
    score += min(text.count(org), 4) * 0.5
    return score


def _display_org(email: Email, people: list[str]) -> str | None:
    """The sender's display name when it names an organisation ('Acme Careers' -> 'Acme')."""
    if not email.from_name:
        return None
    display = re.split(r"\s+(?:via|through|on behalf of)\s+", email.from_name, flags=re.I)[0]
    # "Lena from Tidal", "Sam at Acme": a person speaking for the organisation after them.
    speaker = _SPEAKER.match(display)
    if speaker and clean_person(speaker.group("who")):
        display = speaker.group("org")
    display = _TEAM_SUFFIX.sub("", display).strip(" -–—")
    if (
        display
        and not any(same_person(display, p) for p in people)
        and (display != email.from_name or not clean_person(email.from_name))
        and not TEAMISH.fullmatch(display)
    ):
        return display
    return None


def find_company(
    email: Email,
    layout: Layout,
    prose: str,
    full: str,
    agency: str | None,
    people: list[str],
    context: str = "",
) -> str | None:
    """The employer; `context` (the quoted thread of a short reply) counts for half."""
    labels = text_domains(email, full)
    counts: dict[str, float] = {}

    def add(org: str | None, weight: float) -> None:
        if org:
            counts[org] = counts.get(org, 0) + weight

    for org in prose_orgs(prose):
        add(org, 2)
    for org in prose_orgs(context):
        add(org, 1)
    for org in prose_orgs(email.subject):
        add(org, 1)
    for org in subject_orgs(email.subject):
        add(org, 0.5)
    # An agency's signature names the agency and its desks, never the client.
    for org in [] if agency else signature_orgs(layout, people, labels):
        add(org, 1.5)
    for org in legal_names(f"{full}\n{email.subject}"):
        add(org, 1)
    add(_display_org(email, people), 1.5)
    for org in letterhead_orgs(layout, people):
        add(org, 2)
    add(lowercase_brand(f"{full}\n{email.subject}", email), 2)
    sig_text = "\n".join(layout.signature)
    vendors = vendor_names(email, full)
    boilerplate = lexicon().boilerplate
    scored = []
    for org, count in counts.items():
        if any(squash(org) == squash(p) or same_person(org, p) for p in people):
            continue
        if boilerplate.search(org):
            continue
        score = count + _evidence(org, email, sig_text, full, labels)
        if agency and (squash(org).startswith(squash(agency)[:6]) or AGENCY_NAME.search(org)):
            score -= 10
        if any(squash(org).startswith(vendor[:6]) for vendor in vendors):
            score -= 5  # the tracking system that sent the mail, not the employer
        scored.append((score, len(org), org))
    if not scored:
        label = domain_label(email.reply_to_address or email.from_address)
        if label and not ATS_DOMAIN.search(label) and label not in ("gmail", "outlook", "yahoo"):
            return label.replace("-", " ").title()
        return None
    scored.sort(reverse=True)
    below = email.text[len(full) :] if email.text.startswith(full) else ""
    return _fuller_org(scored[0][2], f"{full}\n{email.subject}\n{context}", below)


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
    # Whoever speaks of "my client" or of putting you forward recruits for someone else,
    # whatever the agency is called.
    if _FOR_A_CLIENT.search(text) and not is_noreply(email.from_address):
        return domain or None
    return None


_FOR_A_CLIENT = re.compile(
    r"\b(?:my|our)\s+client(?![-\w])|\b(?:put|putting)\s+you\s+forward\b|"
    r"\b(?:sent|send|submitted|forwarded)\s+your\s+(?:cv|résumé|resume|profile|details)\s+(?:over\s+)?to\b",
    re.I,
)
