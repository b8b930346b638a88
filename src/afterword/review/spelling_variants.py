"""Spelling variants, regular inflections and accent folding for the English dictionary.

Pure string functions: they propose spellings a word may be a form of, and the dictionary in
`spelling.py` decides which of those exist. Nothing here reads data or keeps state.
"""

from __future__ import annotations

import re
import unicodedata

# British words whose American form no suffix rule reaches; looked up in both directions.
_PAIRS = {
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "aluminium": "aluminum",
    "artefact": "artifact",
    "cheque": "check",
    "cosy": "cozy",
    "defence": "defense",
    "distil": "distill",
    "doughnut": "donut",
    "draught": "draft",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "grey": "gray",
    "instalment": "installment",
    "instil": "instill",
    "jewellery": "jewelry",
    "judgement": "judgment",
    "kerb": "curb",
    "licence": "license",
    "manoeuvre": "maneuver",
    "mould": "mold",
    "moustache": "mustache",
    "offence": "offense",
    "plough": "plow",
    "practise": "practice",
    "pretence": "pretense",
    "programme": "program",
    "pyjamas": "pajamas",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "skilful": "skillful",
    "smoulder": "smolder",
    "storey": "story",
    "sulphur": "sulfur",
    "tyre": "tire",
    "wilful": "willful",
}
_PAIRS_BACK = {us: uk for uk, us in _PAIRS.items()}

# British -> American spelling rules. Each only ever maps a British spelling to the American
# one the word list holds; the reverse direction would turn misspellings such as "advize"
# into "advise".
_RULES = (
    # organise, organisation, realising: but not "advise" (no American "advize" exists).
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|er|ers|ing|able|ation|ations|ational)$"), r"iz\1"),
    # colour, honourable, behaviours; never author/actor/sponsor, which are -or in Britain too.
    (re.compile(r"(?<=[a-z][lnvbimdgp])our"), "or"),
    # centre, theatres, fibre, meagre.
    (re.compile(r"(?<=[a-z]{2}[tbg])re(s?)$"), r"er\1"),
    # analyse, paralysed.
    (re.compile(r"ys(e|es|ed|er|ers|ing)$"), r"yz\1"),
    # catalogue, dialogues.
    (re.compile(r"(?<=[a-z]{2})ogue(s?)$"), r"og\1"),
    # travelled, counselling: Britain doubles the l of an unstressed last syllable, so the
    # stem needs two syllables ("smilled" is no British "smiled").
    (re.compile(r"^([a-z]*[aeiou][^aeiou]{1,3}[aeiou])ll(ed|ing|er|ers|ery)$"), r"\1l\2"),
    # paediatric, anaemia, oestrogen: only the Greek and Latin roots that keep the digraph.
    (
        re.compile(r"paed|haem|anaem|anaes|gynaec|leukaem|oesoph|oestr|foet|aetiol|caesar|rhoea"),
        lambda match: match[0].replace("ae", "e").replace("oe", "e"),
    ),
)

# One scan that tells whether any rule could apply, so most words skip the seven rules.
_ANY_RULE = re.compile("|".join(pattern.pattern for pattern, _ in _RULES))

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
_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


def fold_accents(text: str) -> str:
    """`text` without diacritics: "résumé" -> "resume", "Æsop" -> "AEsop"."""
    if text.isascii():
        return text
    text = text.translate(_LIGATURES).translate(str.maketrans({"Æ": "AE", "Œ": "OE"}))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def american_variants(word: str) -> list[str]:
    """Spellings `word` may be the British (or, for listed pairs, American) form of."""
    if word not in _PAIRS and word not in _PAIRS_BACK and not _ANY_RULE.search(word):
        return []
    found: list[str] = []
    if word in _PAIRS:
        found.append(_PAIRS[word])
    if word in _PAIRS_BACK:
        found.append(_PAIRS_BACK[word])
    combined = word
    for pattern, replacement in _RULES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            found.append(changed)
        combined = pattern.sub(replacement, combined)
    if combined != word:
        found.append(combined)
    return list(dict.fromkeys(found))


def _consonant_y(stem: str) -> bool:
    return len(stem) > 1 and stem[-1] == "y" and stem[-2] not in _VOWELS


def _cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant, so a suffix may double the last letter (stop, occur)."""
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-1] not in "wxy"
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
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
            if len(stem) >= 3:
                forms = regular_forms(stem, suffix)
                if word in forms:
                    found.append((stem, forms, False))
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            found.append((word[len(prefix) :], frozenset(), True))
    return found
