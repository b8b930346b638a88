"""Email -> Reading: who rejected whom, for what, at which stage, and what the reply should do.

General rules over cue phrases, header and signature structure and domain names. Pure.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from afterword.folding import fold
from afterword.inbox.mime import Email

__all__ = ["Reading", "read_rejection"]


@dataclass(frozen=True)
class Reading:
    company: str | None
    role: str | None
    contact_name: str | None
    contact_email: str | None
    candidate_name: str | None
    received_date: str | None
    stage: str
    feedback: str
    future: str
    suggested_strategy: str
    reply_advised: bool
    reply_reason: str
    summary: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# ---------------------------------------------------------------- vocabulary

_NOREPLY_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|mailer[-_.]daemon|bounces?|"
    r"notifications?|notify|alerts?|automated|system)(?:[-_.+].*)?$|[-_.](?:no[-_.]?reply|noreply)$",
    re.I,
)
_UNMONITORED = re.compile(
    r"\b(?:please\s+)?(?:do\s+not|don'?t|don’t)\s+reply\b|\bnot\s+(?:be\s+)?monitored\b|"
    r"\bunmonitored\b|\bcannot\s+(?:receive|accept)\s+replies\b|\bno-?reply\b|"
    r"\breplies\s+(?:to\s+this\s+[\w ]+\s+)?(?:are|will)\s+not\s+(?:be\s+)?(?:read|monitored|answered)",
    re.I,
)
_AUTOMATED = re.compile(
    r"\bautomated\s+(?:message|notification|e-?mail)\b|\bpowered\s+by\b|\bsent\s+via\b|"
    r"\bon\s+behalf\s+of\b|\bunsubscribe\b",
    re.I,
)
_CLOSINGS = re.compile(
    r"^(?:[-–—]+\s*)?(?:[^\n]{0,40}/\s*)?(?:mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|viele\s+gr(?:ü|ue)(?:ß|ss)e|"
    r"bien\s+(?:à|a)\s+vous|cordialement|bien\s+cordialement|saludos(?:\s+cordiales)?|un\s+saludo|"
    r"atentamente|met\s+vriendelijke\s+groet(?:en)?|(?:med\s+)?vänliga\s+hälsningar|bästa\s+hälsningar|"
    r"venlig\s+hilsen|med\s+vennlig\s+hilsen|cordiali\s+saluti|distinti\s+saluti|"
    r"(?:with\s+)?(?:best|kind|warm|warmest|many|all\s+the)?\s*(?:regards|wishes|best)|"
    r"best|cheers|thanks(?:\s+again)?|thank\s+you|many\s+thanks|sincerely|yours\s+(?:sincerely|faithfully|truly)|"
    r"respectfully|take\s+care|best\s+of\s+luck|good\s+luck|all\s+the\s+best|warmly|regards|"
    r"speak\s+soon|talk\s+soon)\b[^\n]{0,40}$",
    re.I,
)
_TEAMISH = re.compile(
    r"\b(?:team|recruit\w*|human\s+resources|hr|talent|acquisition|careers?|jobs?|hiring|"
    r"department|dept|office|people|staffing|university|college|school|academy|inc|ltd|llc|llp|"
    r"plc|gmbh|group|company|co|corp|services|partners|foundation|council|city|bank|board|"
    r"notifications?|no-?reply|system|admin|support|info)\b",
    re.I,
)
_TITLE_WORDS = re.compile(
    r"\b(?:recruiter|manager|director|coordinator|specialist|engineer|officer|partner|lead|head|"
    r"ceo|cto|coo|cfo|founder|co-founder|advisor|adviser|consultant|generalist|chef|president|"
    r"vp|associate|assistant|analyst|owner|principal|winemaker|supervisor|administrator|"
    r"executive|representative|sourcer|chief|dean|professor|teacher|editor|designer|developer)\b",
    re.I,
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?\s+", re.I)
_LEGAL = (
    r"(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|plc|PLC|GmbH|AG|AB|ApS|A/S|AS|ASA|"
    r"Oy|SA|S\.A\.|SAS|S\.p\.A\.|SpA|BV|B\.V\.|NV|N\.V\.|Pty\.?\s+Ltd\.?|Co\.|Corp\.?|"
    r"Corporation|Company|KG|SE|SRL|S\.r\.l\.|K\.K\.)"
)
_LEGAL_RE = re.compile(r"[\s,]+" + _LEGAL + r"$")
_CAP = r"(?:(?<![\w'’.\-])[A-Z0-9ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ][\w'’.\-]{0,40})"
_CONNECT = r"(?:&|and|of|y|de|du|des|la|le|del|da|van|von|der|den|for|on|the|'n'|\+)"
_ORG = rf"{_CAP}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP}){{0,5}}(?:,?[ \t]+{_LEGAL})?"
_STOP_ORG = {
    "we", "our", "us", "you", "your", "the", "this", "that", "it", "i", "thank", "thanks",
    "unfortunately", "dear", "hi", "hello", "please", "after", "as", "if", "in", "at", "for",
    "linkedin", "google", "gmail", "outlook", "iphone", "this year", "team", "hr",
}  # fmt: skip
_ATS_DOMAIN = re.compile(
    r"(?:(?:^|[-_])ats(?:$|[-_])|mail|careers?|jobs?|recruit\w*|hire\w*|talent\w*|apply\w*|workday|greenhouse|lever|"
    r"smartrecruiters|icims|taleo|bamboohr|workable|jobvite|teamtailor|personio|notifications?)",
    re.I,
)
_AGENCY_NAME = re.compile(
    r"\b(?:staffing|recruitment|recruiting|talent\s+partners|talent|search|headhunt\w*|"
    r"resourcing|agency|personnel|placements?|executive\s+search)\b",
    re.I,
)
_ROLE_NOUN = (
    r"(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship|"
    r"apprenticeship|req(?:uisition)?|posting|search)"
)
_ROLE_WORD = r"(?:(?<![\w'’+#./\-])[A-Z0-9][\w'’+#./\-]{0,40})"
_ROLE_SMALL = r"(?:of|and|&|for|in|de|to|the|/|-|–)"
_ROLE = rf"{_ROLE_WORD}(?:,?[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"
_ROLE_LINE = rf"{_ROLE_WORD}(?:[ \t]+(?:{_ROLE_SMALL}[ \t]+)?{_ROLE_WORD}){{0,6}}"
_CUT_LISTS = re.compile(
    r"^[^\n]{0,20}\b(?:jobs?\s+you\s+(?:may|might)\s+(?:like|be\s+interested)|you\s+(?:may|might)\s+also\s+like|"
    r"similar\s+(?:jobs|roles|openings)|recommended\s+(?:jobs|roles|for\s+you)|other\s+(?:jobs|roles|openings)\s+"
    r"(?:you|that|we\s+think)|more\s+jobs\b)[^\n]{0,30}$",
    re.I | re.M,
)
_FOOTER_LINE = re.compile(
    r"^(?:sent\s+from\s+my\b|get\s+outlook\b|--\s*$|_{5,}|-{5,}|confidential|important\s+notice|"
    r"this\s+(?:e-?mail|message)\b|disclaimer|please\s+consider\s+the\s+environment|powered\s+by|"
    r"sent\s+via|unsubscribe|view\s+(?:open|in)|privacy)",
    re.I,
)


@lru_cache(maxsize=8192)
def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _local(address: str | None) -> str:
    return (address or "").split("@")[0]


def _domain_label(address: str | None) -> str:
    domain = (address or "").split("@")[-1].lower()
    parts = [p for p in domain.split(".") if p]
    if len(parts) >= 2:
        parts = parts[:-1]  # drop the TLD
        if len(parts) >= 2 and parts[-1] in ("co", "com", "org", "ac", "gov", "net", "edu"):
            parts = parts[:-1]
    return parts[-1] if parts else ""


def _is_noreply(address: str | None) -> bool:
    if not address:
        return False
    domain_labels = address.rpartition("@")[2].lower().split(".")
    if any(
        re.fullmatch(r"notifications?|notify|mailer|bounces?|no-?reply|donotreply", label)
        for label in domain_labels
    ):
        return True
    return bool(_NOREPLY_LOCAL.search(_local(address)))


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s*\n\s*", " \n ", text)
    parts = re.split(r"(?<=[.!?])\s+|\n \n", text)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]


# ---------------------------------------------------------------- structure


@dataclass(frozen=True)
class _Layout:
    greeting_name: str | None
    body: str  # prose between greeting and sign-off
    signature: tuple[str, ...]
    footer: str


_GREETING = re.compile(
    r"^(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening)|bonjour|hallo|hej)"
    r"\b[ \t,]*(?P<name>[^,\n:!—–-]{0,60}?)\s*(?:[,:!—–-]|$)",
    re.I,
)


def _person_like(text: str) -> bool:
    text = _HONORIFIC.sub("", text.strip().strip(",").strip())
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or len(text) > 50:
        return False
    if _TEAMISH.search(text) or _TITLE_WORDS.search(text):
        return False
    if re.search(r"[@:/|\d()]", text):
        return False
    for token in tokens:
        bare = token.strip(".,")
        if not bare:
            return False
        if bare.lower() in ("van", "von", "de", "da", "del", "der", "den", "bin", "al", "la", "le"):
            continue
        if not bare[0].isupper():
            return False
    return True


def _layout(text: str) -> _Layout:
    lines = text.split("\n")
    greeting_name = None
    start = 0
    for i, line in enumerate(lines[:15]):
        found = _GREETING.match(line.strip())
        if found:
            greeting_name = found.group("name").strip() or None
            rest_of_line = line.strip()[found.end() :].strip()
            start = i + 1
            if len(rest_of_line) > 3:
                lines = [*lines[:i], rest_of_line, *lines[i + 1 :]]
                start = i
            break
        stripped = line.strip()
        if (
            stripped.endswith(",")
            and _person_like(stripped[:-1])
            and i + 1 < len(lines)
            and not lines[i + 1].strip()
        ):
            greeting_name, start = stripped[:-1], i + 1
            break
    # Sign-off: the last closing line; else the trailing short-line block.
    end = len(lines)
    closing = None
    for i in range(len(lines) - 1, start - 1, -1):
        stripped = lines[i].strip()
        if _CLOSINGS.match(stripped) and len(stripped) < 60 and not stripped.endswith("."):
            closing = i
            break
    signature: list[str] = []
    footer_lines: list[str] = []
    if closing is not None:
        end = closing
        rest = lines[closing + 1 :]
        # A closing like "— The brightnote team" carries the signature itself.
        inline = re.sub(r"^[-–—]+\s*", "", lines[closing].strip())
        if re.match(r"^[-–—]", lines[closing].strip()):
            signature.append(inline)
    else:
        # Walk back over footer paragraphs, then take the last short-line paragraph.
        paras: list[tuple[int, int]] = []
        i = start
        while i < len(lines):
            if lines[i].strip():
                j = i
                while j < len(lines) and lines[j].strip():
                    j += 1
                paras.append((i, j))
                i = j
            else:
                i += 1
        sig_start = len(lines)
        for a, b in reversed(paras):
            block = [line.strip() for line in lines[a:b]]
            if _FOOTER_LINE.match(block[0]) or _UNMONITORED.search(" ".join(block)):
                sig_start = a
                continue
            if all(len(line) <= 60 and not line.endswith((".", "?")) for line in block):
                sig_start = a
                if len(paras) > 1 and (a, b) != paras[0]:
                    continue
            break
        end = sig_start
        rest = lines[sig_start:]
        # The last prose paragraph may end with the signer's name on its own line.
        if end > start:
            prev = [line.strip() for line in lines[start:end] if line.strip()]
            if prev and _person_like(prev[-1]) and len(prev) > 1:
                signature.append(prev[-1])
    for line in rest:
        stripped = line.strip()
        if not stripped:
            if signature:
                signature.append("")
            continue
        if _FOOTER_LINE.match(stripped) or len(stripped) > 90:
            footer_lines.append(stripped)
            continue
        if footer_lines:
            footer_lines.append(stripped)
            continue
        signature.append(stripped)
    while signature and not signature[-1]:
        signature.pop()
    sig = tuple(line for line in signature[:14])
    return _Layout(greeting_name, "\n".join(lines[start:end]).strip(), sig, "\n".join(footer_lines))


# ---------------------------------------------------------------- people


def _clean_person(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip().strip("\"'").strip()
    if "," in name:
        last, _, first = name.partition(",")
        if first.strip() and _person_like(first) and _person_like(last):
            name = f"{first.strip()} {last.strip()}"
    name = _HONORIFIC.sub("", name).strip()
    if "@" in name or not name:
        return None
    return name if _person_like(name) else None


def _same_person(short: str, full: str) -> bool:
    a = [fold(t).strip(".") for t in short.split()]
    b = [fold(t).strip(".") for t in full.split()]
    if not a or not b:
        return False
    if a[-1] == b[-1] and (len(a) == 1 or not a[0] or a[0][0] == b[0][0]):
        return True
    return a[0] == b[0] and (len(a) == 1 or a[-1] == b[-1])


def _fullest(name: str, others: list[str | None]) -> str:
    for other in others:
        if other and len(other) > len(name) and _same_person(name, other):
            name = other
    return name


def _signer(layout: _Layout, email: Email) -> str | None:
    names = [_clean_person(line) for line in layout.signature]
    found = [n for n in names if n]
    from_name = _clean_person(email.from_name)
    if found:
        best = max(found, key=lambda n: len(n.split()))
        # Prefer the first name-like line but widen it to its fullest form.
        first = found[0]
        if _same_person(first, best):
            first = best
        return _fullest(first, [from_name, *found])
    if (
        from_name
        and not _is_noreply(email.from_address)
        and not _TEAMISH.search(email.from_name or "")
    ):
        # Signed only by a team or system? Then no contact.
        if layout.signature and all(_TEAMISH.search(line) for line in layout.signature if line):
            return None
        return from_name
    return None


def _candidate(layout: _Layout, email: Email) -> str | None:
    to_name = _clean_person(email.to_name)
    greeting = layout.greeting_name
    greet = _clean_person(greeting) if greeting else None
    quoted_names: list[str | None] = []
    if email.quoted:
        q_lines = [line.strip() for line in email.quoted.split("\n")]
        for i, line in enumerate(q_lines):
            if _CLOSINGS.match(line) and i + 1 < len(q_lines):
                quoted_names.append(_clean_person(q_lines[i + 1]))
    if to_name:
        return _fullest(to_name, [greet, *quoted_names])
    if greet:
        return _fullest(greet, quoted_names)
    named = [n for n in quoted_names if n]
    return named[0] if named else None


# ---------------------------------------------------------------- organisations


def _org_candidates(text: str) -> list[str]:
    found: list[str] = []
    patterns = [
        rf"\b(?:position|role|opening|post|job|opportunity|vacancy|program(?:me)?|internship)\s+"
        rf"(?:at|with)\s+(?P<org>{_ORG})",
        rf"\b(?:at|with|to|join|joining)\s+(?P<org>{_ORG})(?=\s+(?:as|and|for|is|in)\b|[.!,;:]|$)",
        rf"\binterest\s+in\s+(?:joining\s+|working\s+(?:at|for|with)\s+|employment\s+with\s+(?:the\s+)?)?"
        rf"(?P<org>{_ORG})",
        rf"\b(?:(?i:my|our|the)\s+client,?|on\s+behalf\s+of|client\s+company,?)\s+(?P<org>{_ORG})",
        rf"\b(?:here\s+at|team\s+at|hiring\s+team\s+at|hiring\s+manager\s+at|applying\s+to)\s+(?P<org>{_ORG})",
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
    if not org or fold(org) in _STOP_ORG or len(org) < 2:
        return None
    if re.fullmatch(r"[\d\W]+", org):
        return None
    return org


def _lowercase_brand(text: str, email: Email) -> str | None:
    """A lowercase brand like 'pebbleware' seen in the text and in the sender's domain or lines."""
    labels = {_domain_label(email.from_address), _domain_label(email.reply_to_address)}
    counts: dict[str, int] = {}
    for token in re.findall(r"(?<![\w@./-])([a-z][a-z0-9]{3,})(?![\w@-])", text):
        counts[token] = counts.get(token, 0) + 1
    standalone = {line.strip() for line in text.split("\n")}
    best = None
    for token, count in counts.items():
        if token in labels and (token in standalone or count >= 1):
            best = token
        elif (
            token in standalone
            and count >= 2
            and re.search(rf"\b(?:the|at|to|join)\s+{token}\b", text)
        ):
            best = best or token
    return best


def _fuller_org(org: str, text: str) -> str:
    """The longest written form that starts with org (adds legal suffixes and trailing words)."""
    best = org
    pattern = re.escape(org) + rf"(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP}){{0,3}}(?:,?[ \t]+{_LEGAL})?"
    for match in re.finditer(pattern, text):
        candidate = _trim_org(match.group(0)) or org
        tail = candidate[len(org) :].strip()
        # Only accept suffix words that look like part of a name (legal suffix or org noun).
        if tail and not re.fullmatch(
            rf"(?:,?\s*{_LEGAL}|(?:(?:{_CONNECT})\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*)*(?:,?\s+{_LEGAL})?)",
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
    squashed = _squash(_LEGAL_RE.sub("", org))
    for address in (email.from_address, email.reply_to_address):
        raw_label = _domain_label(address)
        label = _squash(raw_label)
        if (
            label
            and squashed
            and not _ATS_DOMAIN.search(raw_label)
            and (label == squashed or label.startswith(squashed[:8]) or squashed.startswith(label))
        ):
            score += 3
            break
    if org in sig_text:
        score += 1
    if _squash(org) and _squash(org) in _squash(email.subject):
        score += 1
    score += min(text.count(org), 4) * 0.5
    return score


def _signature_orgs(layout: _Layout, people: list[str]) -> list[str]:
    found = []
    for line in layout.signature:
        if not line or re.search(r"\d{3}|@|https?:|www\.", line):
            continue
        parts = [p.strip() for p in re.split(r"\s*[|,·•]\s*|\s+[-–—]\s+", line) if p.strip()]
        for part in parts:
            if any(_squash(part) == _squash(p) or _same_person(part, p) for p in people):
                continue
            if _TITLE_WORDS.search(part) or re.search(
                r"\b(?:team|human\s+resources|hr|recruit\w*|talent\s+acquisition|department|"
                r"people|careers|hiring)\b",
                part,
                re.I,
            ):
                continue
            if re.fullmatch(_ORG, part) or re.fullmatch(r"[a-z][a-z0-9]{3,}", part):
                found.append(part)
    return found


def _company(
    email: Email, layout: _Layout, prose: str, full: str, agency: str | None, people: list[str]
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
            and not any(_same_person(display, p) for p in people)
            and not _clean_person(email.from_name)
            and not _TEAMISH.fullmatch(display)
        ):
            counts[display] = counts.get(display, 0) + 1.5
    brand = _lowercase_brand(full + "\n" + email.subject, email)
    if brand:
        counts[brand] = counts.get(brand, 0) + 2
    scored = []
    for org, count in counts.items():
        if any(_squash(org) == _squash(p) or _same_person(org, p) for p in people):
            continue
        score = count + _org_score(org, email, sig_text, full)
        if agency and (_squash(org).startswith(_squash(agency)[:6]) or _AGENCY_NAME.search(org)):
            score -= 10
        scored.append((score, len(org), org))
    if not scored:
        label = _domain_label(email.reply_to_address or email.from_address)
        if label and not _ATS_DOMAIN.search(label) and label not in ("gmail", "outlook", "yahoo"):
            return label.replace("-", " ").title()
        return None
    scored.sort(reverse=True)
    best = scored[0][2]
    # Merge with a fuller written form found anywhere.
    return _fuller_org(best, "\n".join([full, email.subject]))


def _agency(email: Email, layout: _Layout, text: str) -> str | None:
    """The recruiting agency's name when the sender works for one, else None."""
    sig = "\n".join(layout.signature)
    for line in layout.signature:
        for part in re.split(r"\s*[|,·•]\s*", line):
            if (
                _AGENCY_NAME.search(part)
                and not _TITLE_WORDS.search(part)
                and re.fullmatch(_ORG, part.strip())
            ):
                if re.search(r"\b(?:acquisition|team)\b", part, re.I):
                    continue
                return part.strip()
    domain = _domain_label(email.from_address)
    agency_domain = re.search(r"staffing|talent|recruit|search|resourcing|personnel", domain)
    client_talk = re.search(
        r"\b(?:submitted\s+you|your\s+(?:profile|cv|résumé|resume)\s+to|the\s+client|"
        r"hiring\s+(?:team|manager)\s+at|(?:role|position)\s+with)\b",
        text + sig,
        re.I,
    )
    if agency_domain and client_talk and not _is_noreply(email.from_address):
        return domain
    return None


# ---------------------------------------------------------------- role


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
    if not role or len(role) > 70 or fold(role) in _STOP_ORG:
        return None
    if not re.search(r"[A-Za-z]", role) or role.lower() in ("application", "update", "above"):
        return None
    return role


def _role(email: Email, text: str, company: str | None) -> str | None:
    found: dict[str, float] = {}

    def add(raw: str | None, weight: float) -> None:
        if not raw:
            return
        role = _clean_role(raw)
        if role and (not company or _squash(role) != _squash(company)):
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
        if company and _squash(role) in (_squash(company), _squash(_LEGAL_RE.sub("", company))):
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


# ---------------------------------------------------------------- stage, feedback, future

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


def _stage(text: str) -> str:
    for sentence in _sentences(text):
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


def _feedback(text: str) -> str:
    if _FEEDBACK_DECLINED.search(text):
        return "declined"
    for sentence in _sentences(text):
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


def _future(text: str) -> str:
    kept = invited = False
    for sentence in _sentences(text):
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


# ---------------------------------------------------------------- contact address


# The lookbehind keeps the scan linear on long runs of address characters.
_ADDRESS = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


def _contact_email(email: Email, contact: str | None, text: str, unmonitored: bool) -> str | None:
    candidate_addr = (email.to_address or "").lower()
    addresses: list[str] = []
    for address in (email.reply_to_address, email.from_address):
        if address:
            addresses.append(address.lower())
    addresses += [a.lower().rstrip(".") for a in re.findall(_ADDRESS, text)]
    usable = []
    for address in dict.fromkeys(addresses):
        if address == candidate_addr or _is_noreply(address):
            continue
        if unmonitored and address == (email.from_address or "").lower() and not contact:
            continue
        usable.append(address)
    sender = (email.from_address or "").lower()
    if (
        unmonitored
        and sender in usable
        and (not email.reply_to_address or email.reply_to_address == email.from_address)
    ):
        usable.remove(sender)
    if not usable:
        return None
    if contact:
        tokens = [_squash(t) for t in contact.split() if len(_squash(t)) > 1]
        for address in usable:
            local = _squash(_local(address))
            if any(t in local for t in tokens) or (
                tokens and local.startswith(tokens[0][:1]) and tokens[-1] in local
            ):
                return address
    return usable[0]


# ---------------------------------------------------------------- reading


def read_rejection(email: Email) -> Reading:
    """Extract the reply-relevant signals from a parsed rejection email."""
    raw = email.text or ""
    cut = _CUT_LISTS.search(raw)
    text = raw[: cut.start()] if cut else raw
    layout = _layout(text)
    whole = text
    unmonitored = bool(_UNMONITORED.search(whole)) or _is_noreply(email.from_address)
    automated = email.automated or _is_noreply(email.from_address) or bool(_AUTOMATED.search(whole))
    contact = _signer(layout, email)
    prose = layout.body or text
    agency = _agency(email, layout, prose)
    candidate = _candidate(layout, email)
    people = [p for p in (contact, candidate, _clean_person(email.from_name)) if p]
    company = _company(email, layout, prose, text, agency, people)
    role = _role(email, prose, company)
    contact_addr = _contact_email(email, contact, text, unmonitored)
    if contact and contact_addr is None and not unmonitored and email.from_address:
        contact_addr = None
    received = email.date.date().isoformat() if email.date is not None else None
    stage = _stage(prose)
    feedback = _feedback(prose)
    future = _future(prose)
    no_human = contact is None
    strategy, advised, reason = _advice(
        stage, feedback, future, unmonitored, automated, no_human, contact, contact_addr
    )
    summary = _summary(company, role, contact, stage, feedback, future, received, agency)
    return Reading(
        company=company,
        role=role,
        contact_name=contact,
        contact_email=contact_addr,
        candidate_name=candidate,
        received_date=received,
        stage=stage,
        feedback=feedback,
        future=future,
        suggested_strategy=strategy,
        reply_advised=advised,
        reply_reason=reason,
        summary=summary,
    )


def _advice(
    stage: str,
    feedback: str,
    future: str,
    unmonitored: bool,
    automated: bool,
    no_human: bool,
    contact: str | None,
    contact_addr: str | None,
) -> tuple[str, bool, str]:
    if unmonitored and no_human and contact_addr is None:
        return (
            "none",
            False,
            "This came from an address nobody reads, so a reply would not reach a person; "
            "it is fine to let this one go.",
        )
    if future in ("kept_on_file", "invited"):
        strategy = "future"
    elif feedback == "offered" or (stage == "interview" and feedback != "declined"):
        strategy = "feedback"
    else:
        strategy = "gratitude"
    if automated and stage == "application" and no_human:
        return (
            strategy,
            False,
            "This looks like an automated note at the application stage with no one named, so a "
            "reply is not usually needed.",
        )
    if contact and contact_addr is None:
        return (
            strategy,
            True,
            f"{contact} signed this personally, so a short thank-you is worth sending if you can "
            "find another way to reach them.",
        )
    reasons = {
        "future": "They left the door open, so a brief, warm note keeps you in mind for the next "
        "opening.",
        "feedback": "You met the team or were offered feedback, so a gracious note asking for it "
        "is welcome.",
        "gratitude": "A short thank-you leaves a good last impression with the people who read "
        "your application.",
    }
    return strategy, True, reasons[strategy]


def _summary(
    company: str | None,
    role: str | None,
    contact: str | None,
    stage: str,
    feedback: str,
    future: str,
    received: str | None,
    agency: str | None,
) -> str:
    who = company or "The company"
    what = f"the {role} role" if role else "the role"
    # The date is when the news came, not when the interview was: keep them apart.
    when = f"On {received}, " if received else ""
    stage_text = {
        "interview": ", after interviewing you",
        "application": ", at the application stage",
        "unknown": "",
    }[stage]
    parts = [f"{when}{who} turned you down for {what}{stage_text}."]
    if agency:
        parts.append("The news came through a recruiting agency.")
    if contact:
        parts.append(f"{contact} signed the message.")
    parts.append(
        {
            "offered": "They offered feedback or shared some.",
            "declined": "They said they can't give feedback.",
            "not_mentioned": "Feedback wasn't mentioned.",
        }[feedback]
    )
    parts.append(
        {
            "kept_on_file": "They will keep your details and may contact you about future roles.",
            "invited": "They encouraged you to apply again or stay in touch.",
            "not_mentioned": "Nothing was said about future roles.",
        }[future]
    )
    return " ".join(parts)
