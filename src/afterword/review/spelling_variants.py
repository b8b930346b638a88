"""Spelling variants, inflections, accent folding and edit search for the English dictionary.

Pure string functions: they propose spellings a word may be a form of, or a typo of, and the
dictionary in `spelling.py` decides which of those exist. Nothing here reads data or keeps state.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable

# British words whose American form no suffix rule reaches; looked up in both directions.
_PAIRS = dict(
    re.findall(
        r"(\w+):(\w+)",
        "acknowledgement:acknowledgment ageing:aging aluminium:aluminum artefact:artifact "
        "cheque:check cosy:cozy defence:defense distil:distill doughnut:donut draught:draft "
        "enrol:enroll enrolment:enrollment fulfil:fulfill fulfilment:fulfillment grey:gray "
        "instalment:installment instil:instill jewellery:jewelry judgement:judgment kerb:curb "
        "licence:license manoeuvre:maneuver mould:mold moustache:mustache offence:offense "
        "plough:plow practise:practice pretence:pretense programme:program pyjamas:pajamas "
        "sceptic:skeptic sceptical:skeptical skilful:skillful smoulder:smolder storey:story "
        "sulphur:sulfur tyre:tire wilful:willful",
    )
)
_PAIRS_BACK = {us: uk for uk, us in _PAIRS.items()}

_RE_ROOTS = "cent|theat|met|lit|fib|calib|somb|meag|spect|lust|sab|goit"
_DIGRAPH_ROOTS = "haem|anaem|anaes|gynaec|leukaem|oesoph|oestr|foet|rhoea"
_OUR_ENDINGS = (
    "s|ed|ing|ite|ites|able|ably|ful|less|er|ers|hood|hoods|al|ally|ist|ists|some|y"
    "|ise|ised|ises|ising|isation|ize|ized|izes|izing|ization"
)

_IS_ENDINGS = ("ise", "ises", "ised", "iser", "isers", "ising", "isable", "isation", "isations")
_YS_ENDINGS = ("yse", "yses", "ysed", "yser", "ysers", "ysing")
_LL_ENDINGS = ("lled", "lling", "ller", "llers", "llery")

# British -> American spelling rules: (a cheap guard, the rule, its replacement). Each only
# maps a British spelling to the American one the word list holds; the reverse direction
# would turn misspellings such as "advize" into "advise".
_RULES = (
    # organise, organisation, realising: but not "advise" (no American "advize" exists).
    (
        (*_IS_ENDINGS, "isational"),
        re.compile(r"(?<=[a-z]{2})is(e|es|ed|er|ers|ing|able|ation|ations|ational)$"),
        r"iz\1",
    ),
    # colour, honourable, neighbourhood; never author/actor/sponsor, -or in Britain too.
    ("our", re.compile(rf"(?<=[a-z][lnvbimdgp])our(?=(?:{_OUR_ENDINGS})?$)"), "or"),
    # centre, theatres, fibreglass, kilometre: the few roots that end in -re in Britain.
    ("re", re.compile(rf"({_RE_ROOTS})re"), r"\1er"),
    # analyse, paralysed.
    (_YS_ENDINGS, re.compile(r"ys(e|es|ed|er|ers|ing)$"), r"yz\1"),
    # catalogue, dialogues.
    (("ogue", "ogues"), re.compile(r"(?<=[a-z]{2})ogue(s?)$"), r"og\1"),
    # travelled, counselling: Britain doubles the l of an unstressed last syllable, so the
    # stem needs two syllables ("smilled" is no British "smiled").
    (
        _LL_ENDINGS,
        re.compile(r"^([a-z]*[aeiou][^aeiou]{1,3}[aeiou])ll(ed|ing|er|ers|ery)$"),
        r"\1l\2",
    ),
    # paediatric, anaemia, oestrogen: only the Greek and Latin roots that keep the digraph.
    (
        "e",
        re.compile(rf"(?:^|ortho|clo)paed|{_DIGRAPH_ROOTS}"),
        lambda match: match[0].replace("ae", "e").replace("oe", "e"),
    ),
)

_BRITISH_HINT = re.compile(rf"our|paed|{_DIGRAPH_ROOTS}|(?:{_RE_ROOTS})re")
_BRITISH_ENDINGS = (*_IS_ENDINGS, "isational", *_YS_ENDINGS, *_LL_ENDINGS, "ogue", "ogues")

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = frozenset("aeiou")
# Prefixes that attach to a known word without a hyphen (rewrite, unpaid, cofounder).
PREFIXES = ("un", "re", "pre", "co", "non", "over", "under", "multi", "inter", "anti", "semi")
# The auxiliaries that take n't; "walkn't" is no word however known "walk" is.
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "ca", "could"}
    | {"should", "would", "might", "must", "need", "dare", "ought", "wo", "sha"}
)
# Contractions that follow any known word: "the team'll", "Priya'd".
CLITICS = ("'ll", "'re", "'ve", "'d", "'m")

# Letters that NFKD leaves whole but an English writer types as plain letters.
_LIGATURES = str.maketrans(
    {"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "Æ": "AE", "Œ": "OE", "Ø": "O"}
)


def fold_accents(text: str) -> str:
    """`text` without diacritics: "résumé" -> "resume", "Æsop" -> "AEsop"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def may_be_british(word: str) -> bool:
    """A cheap test that `word` may have an American variant; most words fail it."""
    if word in _PAIRS or word in _PAIRS_BACK or word.endswith(_BRITISH_ENDINGS):
        return True
    return _BRITISH_HINT.search(word) is not None


def american_variants(word: str) -> list[str]:
    """Spellings `word` may be the British (or, for listed pairs, American) form of."""
    if not may_be_british(word):
        return []
    found: list[str] = []
    if word in _PAIRS:
        found.append(_PAIRS[word])
    if word in _PAIRS_BACK:
        found.append(_PAIRS_BACK[word])
    fired = [
        (pattern, replacement)
        for guard, pattern, replacement in _RULES
        if (word.endswith(guard) if isinstance(guard, tuple) else guard in word)
    ]
    found += [pattern.sub(replacement, word) for pattern, replacement in fired]
    if len(fired) > 1:  # colourise needs two rules at once
        combined = word
        for pattern, replacement in fired:
            combined = pattern.sub(replacement, combined)
        found.append(combined)
    return [variant for variant in dict.fromkeys(found) if variant != word]


def _consonant_y(stem: str) -> bool:
    return len(stem) > 1 and stem[-1] == "y" and stem[-2] not in _VOWELS


def _cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant, so a suffix may double the last letter (stop, occur)."""
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-1] not in "wxy"
        and stem[-2] in _VOWELS
        and (stem[-3] not in _VOWELS or stem[-4:-2] == "qu")  # acquit: qu is a consonant
    )


def regular_forms(stem: str, suffix: str) -> frozenset[str]:
    """Every regular spelling of `stem` + `suffix`; usually one, two where stress decides."""
    if suffix == "s":
        if stem.endswith(("s", "x", "z", "ch", "sh")):
            return frozenset({stem + "es"})
        if _consonant_y(stem):
            return frozenset({stem[:-1] + "ies"})
        if stem.endswith("o"):
            return frozenset({stem + "s", stem + "es"})
        return frozenset({stem + "s"})
    if suffix in ("ly", "ness", "ment"):
        if _consonant_y(stem):
            return frozenset({stem[:-1] + "i" + suffix})
        if stem.endswith("ue"):  # truly, argument
            return frozenset({stem[:-1] + suffix})
        if suffix == "ly" and stem.endswith("ic"):  # basically
            return frozenset({stem + "ally"})
        if suffix == "ly" and stem.endswith("le") and len(stem) > 2 and stem[-3] not in _VOWELS:
            return frozenset({stem[:-1] + "y"})  # simply
        if suffix == "ly" and stem.endswith("ll"):  # fully
            return frozenset({stem + "y"})
        return frozenset({stem + suffix})
    if suffix == "ing":
        if stem.endswith("ie"):  # lying
            return frozenset({stem[:-2] + "ying"})
        if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")):
            return frozenset({stem[:-1] + "ing"})
    elif stem.endswith("e"):
        if suffix == "able" and stem.endswith(("ce", "ge")):  # noticeable keeps its soft c
            return frozenset({stem + suffix})
        return frozenset({stem[:-1] + suffix})
    elif _consonant_y(stem):  # tried, happier, reliable
        return frozenset({stem[:-1] + "i" + suffix})
    forms = {stem + suffix}
    if _cvc(stem):
        forms.add(stem + stem[-1] + suffix)
    return frozenset(forms)


# A stem that already ends in an inflection takes no other: "chatteding", "consultsing".
_INFLECTED = re.compile(r"(?:[^su]s|ed|ing)$")
_SUFFIXES = ("ing", "ed", "er", "est", "able", "ly", "ness", "ment", "s")


def _stem_guesses(word: str, suffix: str) -> list[str]:
    base = word[: -len(suffix)]
    guesses = [base, base + "e"]
    if suffix == "s":
        guesses += [word[:-2], word[:-3] + "y"]
    if base.endswith("i"):
        guesses.append(base[:-1] + "y")
    if len(base) > 1 and base[-1] == base[-2]:
        guesses.append(base[:-1])
    if suffix == "ing" and base.endswith("y"):
        guesses.append(base[:-1] + "ie")
    if suffix == "ly":
        guesses += [base + "le", base + "l", base[:-2]]
    return guesses


def derivations(word: str) -> list[tuple[str, frozenset[str], bool]]:
    """Ways `word` is a form of a shorter word: (stem, all regular spellings, prefixed?).

    The caller accepts `word` when a stem is known and no *other* regular spelling of the
    same form is in the word list: "occured" is a form of "occur", but so is the listed
    "occurred", which makes "occured" a misspelling.
    """
    found: list[tuple[str, frozenset[str], bool]] = []
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        for stem in dict.fromkeys(_stem_guesses(word, suffix)):
            # Short stems are mostly fragments and acronyms: "uri" + "ed" is a typo.
            if len(stem) >= 4 and not _INFLECTED.search(stem):
                forms = regular_forms(stem, suffix)
                if word in forms:
                    found.append((stem, forms, False))
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            found.append((word[len(prefix) :], frozenset(), True))
    return found


def edits1(word: str) -> list[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return [
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]),
        *(a + c + b[1:] for a, b in splits if b for c in ALPHABET if c != b[0]),
        *(a + c + b for a, b in splits for c in ALPHABET + "'"),
    ]


def within_edits(a: str, b: str, limit: int = 2) -> bool:
    """Optimal-string-alignment distance of `a` and `b` is at most `limit`."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2, prev = [], list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        prev2, prev = prev, row
    return prev[-1] <= limit


def within_two_of(
    word: str, keys: list[str], listed: Callable[[str], bool], budget: int
) -> list[str]:
    """Listed words at most two edits from `word`, walking the sorted `keys` as a trie.

    `budget` caps the trie nodes expanded, so the work is bounded and the same every run.
    """
    children: dict[str, str] = {}

    def kids(prefix: str) -> str:
        if prefix not in children:
            found, lo, depth = [], bisect_left(keys, prefix), len(prefix)
            while lo < len(keys) and keys[lo].startswith(prefix):
                if len(keys[lo]) == depth:
                    lo += 1
                    continue
                ch = keys[lo][depth]
                found.append(ch)
                lo = bisect_left(keys, prefix + chr(ord(ch) + 1), lo)
            children[prefix] = "".join(c for c in found if c in ALPHABET or c == "'")
        return children[prefix]

    found: list[str] = []
    stack, seen, n = [("", 0, 0)], set(), len(word)
    while stack and budget > 0:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        budget -= 1
        out, i, edits = state
        nxt = kids(out)
        if i < n and word[i] in nxt:
            stack.append((out + word[i], i + 1, edits))
        rest = word[i + 1 :]
        if edits == 1:  # the last edit: finish each branch with the rest of the word
            tails = [out + k + word[i:] for k in nxt]
            if i < n:
                tails += [out + rest, *(out + k + rest for k in nxt if k != word[i])]
                if i + 1 < n:
                    tails.append(out + word[i + 1] + word[i] + word[i + 2 :])
            found += filter(listed, tails)
            continue
        stack += [(out + k, i, 1) for k in nxt]
        if i < n:
            stack += [(out, i + 1, 1), *((out + k, i + 1, 1) for k in nxt if k != word[i])]
            if i + 1 < n and word[i + 1] in nxt and word[i] in kids(out + word[i + 1]):
                stack.append((out + word[i + 1] + word[i], i + 2, 1))
    return found
