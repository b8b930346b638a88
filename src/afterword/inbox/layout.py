"""A body's layout: the greeting, the prose, the signature block and the footer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from afterword.inbox.cues import (
    CLOSINGS,
    FOOTER_LINE,
    HONORIFIC,
    LEGAL,
    LEGAL_RE,
    TEAMISH,
    TITLE_WORDS,
    UNMONITORED,
)
from afterword.inbox.lexicon import lexicon

__all__ = ["Layout", "find_layout", "person_like"]


@dataclass(frozen=True)
class Layout:
    greeting_name: str | None
    body: str  # prose between greeting and sign-off
    signature: tuple[str, ...]
    footer: str
    letterhead: tuple[str, ...] = ()  # short lines above the greeting: a logo's name, a heading


_GREETING = re.compile(
    r"^(?:dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening)|bonjour|hallo|hej)"
    r"\b[ \t,]*(?P<name>(?:[^,\n:!—–-]|(?<=\w)-(?=\w)){0,60}?)\s*(?:[,:!—–]|-(?!\w)|$)",
    re.I,
)
# The capitalised words that open a greeting running on into prose ("Hi Aoife thanks for ...").
_NAME_LEAD = re.compile(r"((?:[A-Z][\w'’.\-]*)(?:[ \t]+[A-Z][\w'’.\-]*){0,2})[ \t]+(?=[a-z])")


# A line ending in "Inc." or "S.A." is a name, not a sentence.
_ENDS_IN_ABBREVIATION = re.compile(rf"(?:\s{LEGAL}|\b(?:[A-Z]\.){{2,}})$")
# "--", "–––" or "_____": the rule between a sign-off and the signature or footer below it.
_RULE = re.compile(r"[-–—_=*]{2,}\s*")


def _sentence_like(line: str) -> bool:
    if line.endswith("?") or (line.endswith("!") and len(line.split()) >= 4):
        return True
    return line.endswith(".") and not _ENDS_IN_ABBREVIATION.search(line)


# Street words that are nobody's surname ("Lane" and "Way" are).
_STREET_END = re.compile(
    r"\b(?:Road|Rd|Street|Avenue|Ave|Drive|Boulevard|Blvd|Terrace|Parkway|Highway|Quay|Wharf)\.?$"
)


# Pure and asked about the same few strings many times per email.
@lru_cache(maxsize=4096)
def person_like(text: str) -> bool:
    text = HONORIFIC.sub("", text.strip().strip(",").strip())
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or len(text) > 50:
        return False
    if TEAMISH.search(text) or TITLE_WORDS.search(text) or LEGAL_RE.search(text):
        return False
    names = lexicon()
    if names.org_noun.search(text) or names.department.search(text):
        return False
    if re.search(r"[@:/|\d()]", text) or _STREET_END.search(text):
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


def _closes(line: str, after: list[str]) -> bool:
    """A closing line; one ending in a full stop only when a name follows it."""
    if not line.endswith("."):
        return True
    following = next((rest.strip() for rest in after if rest.strip()), "")
    return person_like(following)


def _notice(line: str) -> bool:
    """A line of the legal or automated footer: a full sentence, a do-not-reply note."""
    if UNMONITORED.search(line) or lexicon().boilerplate.search(line):
        return True
    return _sentence_like(line) and len(line.split()) >= 6


def find_layout(text: str) -> Layout:
    lines = text.split("\n")
    greeting_name = None
    start = 0
    letterhead: tuple[str, ...] = ()
    for i, line in enumerate(lines[:15]):
        found = _GREETING.match(line.strip())
        if found:
            letterhead = tuple(s for s in (line.strip() for line in lines[:i]) if 0 < len(s) <= 60)
            greeting_name = found.group("name").strip() or None
            rest_of_line = line.strip()[found.end() :].strip()
            # A greeting without a comma runs on into the first sentence: the name is the
            # capitalised words in front, and the rest of the line is prose.
            lead = _NAME_LEAD.match(greeting_name or "")
            if (
                greeting_name
                and lead
                and not person_like(greeting_name)
                and person_like(lead.group(1))
            ):
                rest_of_line = line.strip()[found.start("name") + lead.end(1) :].strip()
                greeting_name = lead.group(1)
            start = i + 1
            if len(rest_of_line) > 3:
                lines = [*lines[:i], rest_of_line, *lines[i + 1 :]]
                start = i
            break
        stripped = line.strip()
        if (
            stripped.endswith(",")
            and person_like(stripped[:-1])
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
        if CLOSINGS.match(stripped) and len(stripped) < 60 and _closes(stripped, lines[i + 1 :]):
            closing = i
            break
    signature: list[str] = []
    footer_lines: list[str] = []
    if closing is not None:
        end = closing
        rest = lines[closing + 1 :]
        # A closing like "— The brightnote team" carries the signature itself, and one like
        # "Best regards, Jane Doyle" carries the name.
        inline = re.sub(r"^[-–—]+\s*", "", lines[closing].strip())
        named = inline.partition(",")[2].strip()
        if re.match(r"^[-–—]", lines[closing].strip()):
            signature.append(inline)
        elif named and person_like(named):
            signature.append(named)
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
            if FOOTER_LINE.match(block[0]) or UNMONITORED.search(" ".join(block)):
                sig_start = a
                continue
            if all(len(line) <= 60 and not _sentence_like(line) for line in block):
                sig_start = a
                if len(paras) > 1 and (a, b) != paras[0]:
                    continue
            break
        end = sig_start
        rest = lines[sig_start:]
        # The last prose paragraph may end with the signer's name on its own line.
        if end > start:
            prev = [line.strip() for line in lines[start:end] if line.strip()]
            if prev and person_like(prev[-1]) and len(prev) > 1:
                signature.append(prev[-1])
    for line in rest:
        stripped = line.strip()
        if not stripped or (_RULE.fullmatch(stripped) and not footer_lines):
            if signature:
                signature.append("")
            continue
        if FOOTER_LINE.match(stripped) or len(stripped) > 90 or _notice(stripped):
            footer_lines.append(stripped)
            continue
        if footer_lines:
            footer_lines.append(stripped)
            continue
        signature.append(stripped)
    while signature and not signature[-1]:
        signature.pop()
    sig = tuple(line for line in signature[:14])
    body = "\n".join(lines[start:end]).strip()
    return Layout(greeting_name, body, sig, "\n".join(footer_lines), letterhead)
