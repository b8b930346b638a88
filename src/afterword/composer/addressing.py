"""Names and phrases as a letter needs them: greetings, possessives, the role, the detail."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLES = {
    "dr": "Dr.", "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "miss": "Miss",
    "prof": "Prof.", "professor": "Professor", "captain": "Captain", "capt": "Capt.",
    "chef": "Chef", "coach": "Coach", "rev": "Rev.", "sir": "Sir", "dame": "Dame",
}  # fmt: skip
_JOB_NOUNS = ("role", "position", "post", "job", "vacancy", "opening")
# Capitalised only because a detail often starts a sentence: lower-cased mid-sentence.
_LEADING_COMMON = re.compile(r"^(The|A|An|Your|Its|Their|Our|How|That|This|These)\b")


@dataclass(frozen=True)
class Addressee:
    """How to greet the person: by first name, or by title and surname."""

    first: str | None
    formal: str | None

    @property
    def known(self) -> bool:
        return bool(self.first or self.formal)


def addressee(name: str | None) -> Addressee:
    """Split 'Dr. Min-jun Park' into a first name and a formal 'Dr. Park'."""
    words = (name or "").split()
    if not words:
        return Addressee(None, None)
    title = _TITLES.get(words[0].rstrip(".").lower())
    rest = words[1:] if title else words
    if not rest:
        return Addressee(None, " ".join(words))
    if title:
        # Someone introduced with a title is greeted with it, warm tone or not.
        return Addressee(None, f"{title} {surname(rest)}")
    return Addressee(rest[0], " ".join(rest))


_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "das",
        "bin",
        "binti",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
    ]
)


def surname(words: list[str]) -> str:
    """The last name with its particles: 'Ngozi van der Berg' gives 'van der Berg'."""
    index = len(words) - 1
    while index > 1 and words[index - 1].lower() in _PARTICLES:
        index -= 1
    return " ".join(words[index:])


def possessive(name: str) -> str:
    """'Acme's', and 'Northwind Labs'' for a name that already ends in s."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def role_phrase(role: str | None) -> str:
    """'the Data Engineer role', or 'the role' when no role is known."""
    if not role:
        return "the role"
    if role.lower().endswith(_JOB_NOUNS):
        return f"the {role}"
    return f"the {role} role"


def detail_phrase(detail: str, company: str | None) -> str:
    """The user's detail made to fit mid-sentence: 'its new app' becomes "Acme's new app"."""
    text = detail.strip().rstrip(".!;:,").strip()
    text = _LEADING_COMMON.sub(lambda match: match.group(1).lower(), text)
    if company:
        text = re.sub(r"^(its|their)\s+", possessive(company) + " ", text)
    else:
        text = re.sub(r"^(its|their)\s+", "the ", text)
    return text


def joined(items: tuple[str, ...]) -> str:
    """'A', 'A and B': at most two, because more reads as a pitch."""
    picked = [item.strip() for item in items if item.strip()][:2]
    return " and ".join(picked)
