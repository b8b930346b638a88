"""People in a rejection: who signed it, who it was for, and the address that reaches the signer."""

from __future__ import annotations

import re
from functools import lru_cache

from afterword.folding import fold
from afterword.inbox.cues import (
    CLOSINGS,
    CREDENTIALS,
    HONORIFIC,
    STREET,
    TEAMISH,
    TITLE_WORDS,
    is_noreply,
    local_part,
    squash,
)
from afterword.inbox.layout import Layout, person_like
from afterword.inbox.mime import Email

__all__ = ["clean_person", "find_candidate", "find_contact_email", "find_signer", "same_person"]


# Pure and asked about the same few strings many times per email.
@lru_cache(maxsize=4096)
def clean_person(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip().strip("\"'").strip()
    name = CREDENTIALS.sub("", name)
    if "," in name:
        last, _, first = name.partition(",")
        if STREET.search(last.strip()):
            return None  # "Harbour Drive, Mombasa" is an address
        if first.strip() and person_like(first) and person_like(last):
            name = f"{first.strip()} {last.strip()}"
    name = HONORIFIC.sub("", name).strip()
    speaker = _SPEAKER.match(name)
    if speaker and not person_like(name):
        name = speaker.group(1)  # "Lena from Tidal", "Sam @ Acme": the person speaking
    if "@" in name or not name:
        return None
    return name if person_like(name) else None


_SPEAKER = re.compile(r"(.+?)\s+(?:from|at|@)\s+\S")


# Pure and asked about the same few strings many times per email.
@lru_cache(maxsize=4096)
def same_person(short: str, full: str) -> bool:
    """Whether `short` names the person `full` names: a surname, a given name or a nickname."""
    a = [fold(t).strip(".") for t in short.split()]
    b = [fold(t).strip(".") for t in full.split()]
    if not a or not b:
        return False
    if a[-1] == b[-1] and (len(a) == 1 or not a[0] or a[0][0] == b[0][0]):
        return True
    if len(a) == 1 and len(a[0]) >= 3 and (b[0].startswith(a[0]) or b[0].endswith(a[0])):
        return True  # 'Bart' for Bartholomew, 'Seun' for Oluwaseun
    return a[0] == b[0] and (len(a) == 1 or a[-1] == b[-1])


def _fullest(name: str, others: list[str | None]) -> str:
    for other in others:
        if other and len(other) > len(name) and same_person(name, other):
            name = other
    return name


_SIGNATURE_PARTS = re.compile(r"\s*[|·•,]\s*|\s+[-–—]\s+")


_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _signature_name(line: str) -> str | None:
    """The person on a signature line: the whole line, or its first part before a '|'.

    Pronouns and other asides in brackets ("Alex Kim (they/them)") are not part of the name.
    """
    line = _PARENTHESES.sub("", line)
    return clean_person(line) or clean_person(_SIGNATURE_PARTS.split(line, maxsplit=1)[0])


def find_signer(layout: Layout, email: Email) -> str | None:
    found = [name for name in map(_signature_name, layout.signature) if name]
    from_name = clean_person(email.from_name)
    if found:
        first = found[0]
        # The sign-off is often a first name or a nickname ("Bart" for Bartholomew); the
        # full name typed below it, or in the From header, is the same person.
        fuller = [
            name
            for name in [*found[1:], from_name]
            if name
            and len(name.split()) > len(first.split())
            and (same_person(first, name) or name == from_name)
        ]
        if fuller and len(first.split()) == 1:
            first = fuller[0]
        return _fullest(first, [from_name, *found])
    if (
        from_name
        and not is_noreply(email.from_address)
        and not TEAMISH.search(email.from_name or "")
    ):
        # Signed only by a team or system? Then no contact.
        # A title line ("Talent Partner | Acme") is a person's signature, not a team's.
        if layout.signature and all(
            TEAMISH.search(line) and not TITLE_WORDS.search(line)
            for line in layout.signature
            if line
        ):
            return None
        return from_name
    return None


def find_candidate(layout: Layout, email: Email) -> str | None:
    to_name = clean_person(email.to_name)
    greeting = layout.greeting_name
    greet = clean_person(greeting) if greeting else None
    quoted_names: list[str | None] = []
    if email.quoted:
        q_lines = [line.strip() for line in email.quoted.split("\n")]
        for i, line in enumerate(q_lines):
            if CLOSINGS.match(line) and i + 1 < len(q_lines):
                quoted_names.append(clean_person(q_lines[i + 1]))
    if to_name:
        return _fullest(to_name, [greet, *quoted_names])
    if greet:
        return _fullest(greet, quoted_names)
    named = [n for n in quoted_names if n]
    return named[0] if named else None


_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe",
                               "Ü": "Ue", "ø": "oe", "Ø": "Oe", "å": "aa", "æ": "ae"})  # fmt: skip
# The lookbehind keeps the scan linear on long runs of address characters.
_ADDRESS = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


def find_contact_email(
    email: Email, contact: str | None, text: str, unmonitored: bool
) -> str | None:
    candidate_addr = (email.to_address or "").lower()
    addresses: list[str] = []
    for address in (email.reply_to_address, email.from_address):
        if address:
            addresses.append(address.lower())
    addresses += [a.lower().rstrip(".") for a in re.findall(_ADDRESS, text)]
    usable = []
    for address in dict.fromkeys(addresses):
        if address == candidate_addr or is_noreply(address):
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
        # A name is written in an address without its accents, or spelled out: 'ä' as 'ae'.
        words = [*contact.split(), *contact.translate(_SPELLED_OUT).split()]
        tokens = [squash(word) for word in words if len(squash(word)) > 1]
        for address in usable:
            local = squash(local_part(address))
            if any(token in local for token in tokens):
                return address
    return usable[0]
