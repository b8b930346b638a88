"""Cue phrases and small text helpers shared by the signal readers."""

from __future__ import annotations

import re
from functools import lru_cache

from afterword.folding import fold

__all__ = [
    "AGENCY_NAME",
    "ATS_DOMAIN",
    "AUTOMATED",
    "CAP",
    "CLOSINGS",
    "CONNECT",
    "CREDENTIAL",
    "CREDENTIALS",
    "CUT_LISTS",
    "FOOTER_LINE",
    "HONORIFIC",
    "LEGAL",
    "LEGAL_RE",
    "ORG",
    "STOP_ORG",
    "STREET",
    "TEAMISH",
    "TITLE_WORDS",
    "UNMONITORED",
    "domain_label",
    "is_noreply",
    "local_part",
    "sentences",
    "squash",
]

_NOREPLY_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|mailer[-_.]daemon|bounces?|"
    r"notifications?|notify|alerts?|automated|system)(?:[-_.+].*)?$|[-_.](?:no[-_.]?reply|noreply)$",
    re.I,
)
UNMONITORED = re.compile(
    r"\b(?:please\s+)?(?:do\s+not|don'?t|don’t)\s+reply\b|\bnot\s+(?:be\s+)?monitored\b|"
    r"\bunmonitored\b|\bcannot\s+(?:receive|accept)\s+replies\b|\bno-?reply\b|"
    r"\breplies\s+(?:to\s+this\s+[\w ]+\s+)?(?:are|will)\s+not\s+(?:be\s+)?(?:read|monitored|answered)",
    re.I,
)
AUTOMATED = re.compile(
    r"\bautomated\s+(?:message|notification|e-?mail)\b|\bpowered\s+by\b|\bsent\s+via\b|"
    r"\bon\s+behalf\s+of\b|\bunsubscribe\b",
    re.I,
)
CLOSINGS = re.compile(
    r"^(?:[-–—]+\s*)?(?:[^\n]{0,40}/\s*)?(?:mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|viele\s+gr(?:ü|ue)(?:ß|ss)e|"
    r"bien\s+(?:à|a)\s+vous|cordialement|bien\s+cordialement|saludos(?:\s+cordiales)?|un\s+saludo|"
    r"atentamente|met\s+vriendelijke\s+groet(?:en)?|(?:med\s+)?vänliga\s+hälsningar|bästa\s+hälsningar|"
    r"venlig\s+hilsen|med\s+vennlig\s+hilsen|cordiali\s+saluti|distinti\s+saluti|"
    r"(?:with\s+)?(?:best|kind|warm|warmest|many|all\s+the)?\s*(?:regards|wishes|best)|"
    r"best|cheers|thanks(?:\s+again)?|thank\s+you|many\s+thanks|sincerely|yours\s+(?:sincerely|faithfully|truly)|"
    r"respectfully|take\s+care|best\s+of\s+luck|good\s+luck|all\s+the\s+best|warmly|regards|"
    r"speak\s+soon|talk\s+soon|wishing\s+you|have\s+a\s+(?:\w+\s+)?(?:week|weekend|day|evening)|"
    r"(?:un\s+)?(?:saludo|cordial\s+saludo)|cordialmente|(?:com\s+os\s+)?melhores\s+cumprimentos|"
    r"cumprimentos|(?:beste|liebe|herzliche)\s+gr(?:ü|ue)(?:ß|ss)e|groetjes|mvh|hälsningar|yours)"
    r"\b[^\n]{0,40}$",
    re.I,
)
TEAMISH = re.compile(
    r"\b(?:team|recruit\w*|human\s+resources|hr|talent|acquisition|careers?|jobs?|hiring|"
    r"department|dept|office|people|staffing|university|college|school|academy|inc|ltd|llc|llp|"
    r"plc|gmbh|group|company|co|corp|services|partners|foundation|council|city|bank|board|"
    r"notifications?|no-?reply|system|admin|support|info)\b",
    re.I,
)
TITLE_WORDS = re.compile(
    r"\b(?:recruiter|manager|director|coordinator|specialist|engineer|officer|partner|lead|head|"
    r"ceo|cto|coo|cfo|founder|co-founder|advisor|adviser|consultant|generalist|chef|president|"
    r"vp|associate|assistant|analyst|owner|principal|winemaker|supervisor|administrator|"
    r"executive|representative|sourcer|chief|dean|professor|teacher|editor|designer|developer)\b",
    re.I,
)
# Titles before a name, and "on behalf of" marks before a signature (German i.A./i.V., pp).
HONORIFIC = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?|i\.\s?[av]\.|p\.?p\.?)\s+", re.I
)
# Letters after a name: degrees, licences and memberships ("Ph.D.", "RN", "MSc", "CIPD"),
# told from a given name ("Ann") by their second capital.
CREDENTIAL = r"(?=(?:[^A-Z\s,]*[A-Z]){2})(?:[A-Z][a-z]{0,2}\.?){1,4}(?![\w.])"
# Without a comma only well-known ones count: "Marie DUPONT" keeps her capitalised surname.
_KNOWN_CREDENTIAL = (
    r"(?:Ph\.?\s?D\.?|M\.?B\.?A\.?|M\.?D\.?|MSc|BSc|MA|BA|MEng|BEng|CEng|RIBA|MRICS|FRICS|CIPD|"
    r"MCIPD|FCIPD|ACCA|FCCA|ACA|FCA|CPA|CFA|PMP|SPHR|PHR|SHRM-(?:CP|SCP)|RN|BSN|MSN|DDS)"
)
CREDENTIALS = re.compile(
    rf"(?:,\s*{CREDENTIAL}(?:\s+{CREDENTIAL})*)+$|(?:\s+{_KNOWN_CREDENTIAL}(?![\w.]))+$"
)
LEGAL = (
    r"(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|plc|PLC|GmbH|AG|AB|ApS|A/S|AS|ASA|"
    r"Oy|SA|S\.A\.|SAS|S\.p\.A\.|SpA|BV|B\.V\.|NV|N\.V\.|(?:\(Pty\)|Pty\.?)\s+Ltd\.?|Co\.|Corp\.?|"
    r"Corporation|Company|KG|SE|SRL|S\.r\.l\.|K\.K\.|N\.A\.|S\.L\.|SL|SARL|Pvt\.?\s+Ltd\.?|LP|L\.P\.|Sp\.\s*z\s*o\.\s*o\.)"
)
LEGAL_RE = re.compile(r"[\s,]+" + LEGAL + r"$")
CAP = r"(?:(?<![\w'’.\-])[A-Z0-9ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ][\w'’.\-]{0,40})"
CONNECT = r"(?:&|and|of|y|de|du|des|la|le|del|da|van|von|der|den|for|on|the|'n'|\+)"
# "Bank of the Eastern Isles": a connecting word, and "the" after it, may join capitals.
ORG = rf"{CAP}(?:[ \t]+(?:{CONNECT}[ \t]+(?:the[ \t]+)?)?{CAP}){{0,5}}(?:,?[ \t]+{LEGAL})?"
STOP_ORG = {
    "we", "our", "us", "you", "your", "the", "this", "that", "it", "i", "thank", "thanks",
    "unfortunately", "dear", "hi", "hello", "please", "after", "as", "if", "in", "at", "for",
    "linkedin", "google", "gmail", "outlook", "iphone", "this year", "team", "hr",
}  # fmt: skip
# The street part of an address line: "Harbour Drive", "Suite 400".
STREET = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Drive|Boulevard|Blvd|Way|Lane|Place|Square|Terrace|"
    r"Parkway|Highway|Court|Row|Quay|Wharf|Suite|Floor|Level|Unit|Building|Box)\b\.?$|^(?:Suite|"
    r"Floor|Level|Unit|PO\s+Box)\b"
)
ATS_DOMAIN = re.compile(
    r"(?:(?:^|[-_])ats(?:$|[-_])|mail|careers?|jobs?|recruit\w*|hire\w*|talent\w*|apply\w*|workday|greenhouse|lever|"
    r"smartrecruiters|icims|taleo|bamboohr|workable|jobvite|teamtailor|personio|notifications?)",
    re.I,
)
AGENCY_NAME = re.compile(
    r"\b(?:staffing|recruitment|recruiting|talent\s+partners|talent|search|headhunt\w*|"
    r"resourcing|agency|personnel|placements?|executive\s+search)\b",
    re.I,
)


CUT_LISTS = re.compile(
    r"^[^\n]{0,20}\b(?:jobs?\s+you\s+(?:may|might)\s+(?:like|be\s+interested)|you\s+(?:may|might)\s+also\s+like|"
    r"similar\s+(?:jobs|roles|openings)|recommended\s+(?:jobs|roles|for\s+you)|other\s+(?:jobs|roles|openings)\s+"
    r"(?:you|that|we\s+think)|more\s+jobs\b)[^\n]{0,30}$",
    re.I | re.M,
)
FOOTER_LINE = re.compile(
    r"^(?:sent\s+from\s+my\b|get\s+outlook\b|--\s*$|_{5,}|-{5,}|confidential|important\s+notice|"
    r"this\s+(?:e-?mail|message)\b|disclaimer|please\s+consider\s+the\s+environment|powered\s+by|"
    r"sent\s+via|unsubscribe|view\s+(?:open|in)|privacy)",
    re.I,
)


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def local_part(address: str | None) -> str:
    return (address or "").split("@")[0]


def domain_label(address: str | None) -> str:
    domain = (address or "").split("@")[-1].lower()
    parts = [p for p in domain.split(".") if p]
    if len(parts) >= 2:
        parts = parts[:-1]  # drop the TLD
        if len(parts) >= 2 and parts[-1] in ("co", "com", "org", "ac", "gov", "net", "edu"):
            parts = parts[:-1]
    return parts[-1] if parts else ""


def is_noreply(address: str | None) -> bool:
    if not address:
        return False
    domain_labels = address.rpartition("@")[2].lower().split(".")
    if any(
        re.fullmatch(r"notifications?|notify|mailer|bounces?|no-?reply|donotreply", label)
        for label in domain_labels
    ):
        return True
    return bool(_NOREPLY_LOCAL.search(local_part(address)))


def sentences(text: str) -> list[str]:
    text = re.sub(r"\s*\n\s*", " \n ", text)
    parts = re.split(r"(?<=[.!?])\s+|\n \n", text)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]
