"""Keys that let one company, role or requisition be recognised under its spellings. Pure."""

from __future__ import annotations

import re

from afterword.folding import fold

_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "pty",
        "co",
        "corp",
        "corporation",
        "company",
        "kg",
        "oy",
        "ab",
        "as",
        "spa",
        "srl",
    ]
)
_ROLE_WORDS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "dev": "developer",
    "asst": "assistant",
    "assoc": "associate",
}
_CODE = r"(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,24})\b"
_REQUISITION = re.compile(
    r"\breq(?:uisition)?\b(?:\s*(?:id|no\.?|number))?\s*[#:]?\s*"
    + _CODE
    + r"|\b(?:job|position|vacancy|posting|ref(?:erence)?)\s*(?:id|no\.?|number|code|[#:])\s*[#:]?\s*"
    + _CODE.replace("code", "code2"),
    re.IGNORECASE,
)
_REQ_PREFIXED = re.compile(r"\b(?P<code>REQ-?\d[\dA-Z-]{1,20})\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    folded = fold(text).replace("&", " and ")
    return re.findall(r"[^\W_]+", folded)


def company_key(name: str) -> str:
    """'Chiswell Trust Bank plc' and 'chiswell trust bank' give the same key."""
    words = _words(name)
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def role_key(role: str) -> str:
    """'Sr. Data Engineer (REQ-20431)' and 'senior data engineer' give the same key."""
    text = _REQ_PREFIXED.sub(" ", role)
    text = _REQUISITION.sub(" ", text)
    return " ".join(_ROLE_WORDS.get(word, word) for word in _words(text))


def email_key(address: str | None) -> str | None:
    """Addresses compare without case or surrounding spaces."""
    if not address or not address.strip():
        return None
    return address.strip().lower()


def requisition_of(*texts: str | None) -> str | None:
    """The first requisition or job number in the texts ('REQ-20431', '2025-4471'), or None."""
    for text in texts:
        if not text:
            continue
        match = _REQ_PREFIXED.search(text) or _REQUISITION.search(text)
        if match:
            return (match.group("code") or match.group("code2")).upper()
    return None


def requisition_key(code: str | None) -> str | None:
    """'REQ-20431', 'req 20431' and '20431' are one requisition."""
    if not code:
        return None
    digits = re.sub(r"[^0-9A-Z]", "", code.upper())
    digits = digits.removeprefix("REQ")
    return digits or None
