"""Offline English spelling dictionary behind the proofreading rule `proof.spelling`.

The word list is the word -> frequency table that pyspellchecker ships in its wheel, read
straight from the package (building a `SpellChecker` would index far more than is needed).
On top of it come British spellings, regular inflections, compounds, numbers, the trade
terms in `data/terms.txt`, the caller's own words, and `data/misspellings.txt`, which always
wins: that list's junk tail (frequency 50) holds a few misspellings such as "accidently".
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources

import orjson

from afterword.review import spelling_variants as sv

_MAX_WORD = 64  # longer tokens are URLs or noise, not words
_MAX_SUGGEST = 30  # a longer unknown token is a code or a URL, not a typo of a word
_DEPTH = 4  # un + organis + ation + s: enough layers for real words, a bound for junk
_TERM_FREQ = 1_000  # a listed term outranks the word list's rare tail (frequency 50)
_RARE = 50  # the frequency of the word list's long tail, where its junk lives
_PREFIX_MIN = 1_000  # a prefixed word's root must be common: "re" + "mite" is a typo
_INFLECT_MAX = 2_000  # commoner words have their other regular forms listed already
_EXTRA_FREQ = 1_000_000  # a caller's names rank with common words: the writer has them in mind
_BRITISH_BUDGET = 500  # edit candidates one suggestion runs the British rules on
_EDIT2_BUDGET = 6_000  # trie nodes one distance-2 search may expand: bounded, repeatable work
_NOT_A_WORD = re.compile(r"[^a-z']")
_HYPHEN_PARTS = frozenset({*sv.PREFIXES, "self", "ex", "mid", "post", "pro", "sub", "cross", "e"})
_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)
_NUMERIC = "#"  # vouches for numbers and compounds, which have no single entry to count
# 1,000 3.2 1990s 5pm 10k 4x v2.1 Q3 FY24: figures an email quotes, with their usual units.
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*(?:s|k|m|bn|x|am|pm|h|hrs?|mins?|ms|kg|km|cm|mm|kb|mb|gb|tb|px|d|g)?"
    r"|v\d+(?:\.\d+)*|q[1-4]|fy\d{2,4}"
)
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")


def _is_number(lower: str) -> bool:
    match = _ORDINAL.fullmatch(lower)
    if match:
        n = int(match[1][-2:])
        wanted = "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return match[2] == wanted
    return _NUMBER.fullmatch(lower) is not None


def _match_case(original: str, word: str) -> str:
    """`word` capitalised like `original`, unless `word` carries case of its own (iOS)."""
    if len(original) > 1 and original.isupper():
        return word.upper()
    if not word.islower():
        return word
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def _data_lines(name: str) -> list[str]:
    text = (resources.files("afterword") / "data" / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


class _Base:
    """The shared, read-only word data; lazily built indexes are shared by every copy."""

    def __init__(self) -> None:
        packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
        # orjson parses the 160,000-word table twice as fast; it is most of a cold start.
        self.freq: dict[str, int] = orjson.loads(gzip.decompress(packed))
        self.misspelt: dict[str, str] = {}
        for line in _data_lines("misspellings.txt"):
            wrong, _, right = line.partition(" ")
            self.misspelt[wrong.lower()] = right.strip()
        self.terms: set[str] = set()
        self.cased: dict[str, str] = {}
        for term in _data_lines("terms.txt"):
            if term == term.lower():
                self.terms.update({term, sv.fold_accents(term)})
            else:
                self.cased[term.lower()] = term

    @functools.cached_property
    def folded(self) -> dict[str, str]:
        """Accented entries by their ASCII spelling: "cafe" -> the listed "café"."""
        return {sv.fold_accents(word): word for word in self.freq if not word.isascii()}

    @functools.cached_property
    def sorted_keys(self) -> list[str]:
        # The word list is stored sorted, so this sort is a cheap merge.
        keys = [*self.freq, *sorted(self.terms), *sorted(self.cased)]
        keys.sort()
        return keys


class SpellingDictionary:
    """Which English words are known, how common they are, and the likeliest fix for a typo."""

    def __init__(
        self, base: _Base, extra: frozenset[str] = frozenset(), cased: dict[str, str] | None = None
    ) -> None:
        self._base = base
        self._extra = extra
        self._cased: dict[str, str] = dict(base.cased if cased is None else cased)
        self._cased_forms = frozenset(self._cased.values())
        self._names = frozenset(self._cased.keys() - base.cased.keys())  # the caller's, cased
        self._known = functools.lru_cache(maxsize=16_384)(self._known_uncached)
        self._vouch_token = functools.lru_cache(maxsize=16_384)(self._vouch_token_uncached)
        self._suggest = functools.lru_cache(maxsize=4_096)(self._suggest_uncached)

    def with_words(self, words: Iterable[str]) -> SpellingDictionary:
        """A copy that also knows `words` (names, user terms); "Priya" keeps its capital."""
        extra, cased = set(self._extra), dict(self._cased)
        for item in words:
            if not isinstance(item, str):
                continue
            for raw in item.translate(_TYPOGRAPHY).split():
                token = unicodedata.normalize("NFC", raw).strip(".,;:!?()[]{}\"'")
                for part in dict.fromkeys([token, *token.split("-")]):
                    if not part or len(part) > _MAX_WORD:
                        continue
                    if part == part.lower():
                        extra.update({part, sv.fold_accents(part)})
                    else:
                        cased[part.lower()] = part
        return SpellingDictionary(self._base, frozenset(extra), cased)

    def is_known(self, word: str) -> bool:
        """Whether `word` (one token) is correctly spelt English or a word the caller gave."""
        return self._vouch(word) is not None

    def is_common_misspelling(self, word: str) -> bool:
        """Whether the word is in the table of well-known misspellings."""
        return word.lower() in self._base.misspelt

    def frequency(self, word: str) -> int:
        """How common `word` is in the word list; 0 if unknown, at least 1 if known."""
        found = self._vouch(word)
        return 0 if found is None else max(self._rank(found), 1)

    def suggest(self, word: str) -> str | None:
        """The likeliest correct spelling of an unknown `word`, in its capitalisation."""
        if not isinstance(word, str) or not word or len(word) > _MAX_SUGGEST:
            return None
        return self._suggest(unicodedata.normalize("NFC", word.translate(_TYPOGRAPHY)))

    # Looking words up

    def _direct(self, lower: str) -> bool:
        base = self._base
        return lower not in base.misspelt and (
            lower in base.freq or lower in base.terms or lower in self._extra
        )

    def _rank(self, lower: str) -> int:
        base = self._base
        if lower in base.misspelt:
            return 0
        rank = base.freq.get(lower, 0)
        if lower in base.terms or lower in self._cased:
            rank = max(rank, _TERM_FREQ)
        extra = lower in self._extra or lower in self._names
        return max(rank, _EXTRA_FREQ) if extra else rank

    def _vouch(self, word: str) -> str | None:
        if not isinstance(word, str) or not word or len(word) > _MAX_WORD:
            return None
        token = unicodedata.normalize("NFC", word.translate(_TYPOGRAPHY)).strip("'-")
        return self._vouch_token(token) if token else None

    def _vouch_token_uncached(self, token: str) -> str | None:
        """The entry that makes `token` known (its own, a root's, or `_NUMERIC`), else None."""
        lower = token.lower()
        if lower in self._base.misspelt:
            return None
        if token in self._cased_forms or (token.isupper() and lower in self._cased):
            return lower
        if _is_number(lower):
            return _NUMERIC
        if "-" in token and not self._direct(lower):  # "wi-fi" is a term in its own right
            parts = token.split("-")
            ok = all(p and (p.lower() in _HYPHEN_PARTS or self._vouch_token(p)) for p in parts)
            return _NUMERIC if ok else None
        found = self._known(lower, _DEPTH)
        if found or "'" not in lower:
            return found or self._known_folded(lower)
        if lower.endswith("'s") and len(token) > 2:
            return self._vouch_token(token[:-2])
        if lower.endswith("s'"):
            return self._vouch_token(token[:-1])
        if lower.endswith("n't"):
            return lower if lower[:-3] in sv.AUXILIARIES else None
        clitic = next((c for c in sv.CLITICS if lower.endswith(c)), None)
        return self._vouch_token(token[: -len(clitic)]) if clitic and len(token) > 3 else None

    def _known_folded(self, lower: str) -> str | None:
        folded = sv.fold_accents(lower)
        if folded in self._base.folded and folded not in self._base.misspelt:
            return self._base.folded[folded]
        return self._known(folded, _DEPTH) if folded != lower else None

    def _known_uncached(self, lower: str, depth: int) -> str | None:
        if lower in self._base.misspelt:
            return None
        if self._direct(lower):
            return lower
        if depth == 0 or not lower.isalpha():
            return None
        for variant in sv.american_variants(lower):
            if self._direct(variant):
                return variant
        found = sv.derivations(lower)
        # "occured" derives from "occur", but so does the listed "occurred": a misspelling.
        freq = self._base.freq
        if any(form != lower and form in freq for _, forms, _ in found for form in forms):
            return None
        for stem, _, prefixed in found:
            root = self._known(stem, depth - 1)
            if root and self._may_derive(stem, root, prefixed, lower):
                return root
        return None

    def _may_derive(self, stem: str, root: str, prefixed: bool, word: str) -> bool:
        """Whether `stem`, known through `root`, may be inflected or prefixed."""
        if prefixed:  # the list's rare tail is full of fragments: co + "lur" is no word
            return self._rank(root) >= _PREFIX_MIN
        # The list spells out most regular forms of its common words, so a form it lacks is
        # a typo ("activitier") or an irregular verb ("teached"); plurals are the exception
        # ("timelines" is missing), and a false alarm on a plural costs the writer more.
        if word in (stem + "s", stem + "es") or (stem.endswith("y") and word == stem[:-1] + "ies"):
            return True
        base, freq = self._base, self._base.freq.get(stem)
        if freq is None and (root in base.terms or root in self._extra):
            return True  # onboarded, onboarders
        mid = freq is not None and _RARE < freq <= _INFLECT_MAX and len(stem) >= 6
        return mid or any(map(self._direct, sv.american_variants(stem)))

    # Suggesting corrections

    def _suggest_uncached(self, word: str) -> str | None:
        if self.is_known(word):
            return None
        core = word.strip("'-")
        if not core:
            return None
        if core != word:
            fixed = self._suggest(core)
            head, tail = word[: word.index(core)], word[word.index(core) + len(core) :]
            return None if fixed is None else head + fixed + tail
        if "-" in core:
            parts = [p if self.is_known(p) else self._suggest(p) for p in core.split("-")]
            return None if None in parts else "-".join(parts)  # type: ignore[arg-type]
        lower = core.lower()
        if lower.endswith("'s") and len(core) > 2:
            fixed = self._suggest(core[:-2])
            return None if fixed is None else fixed + core[-2:]
        if lower in self._base.misspelt:
            return _match_case(core, self._base.misspelt[lower])
        if lower in self._cased:  # "Github" -> "GitHub", "priya" -> "Priya"
            return self._cased[lower]
        folded = sv.fold_accents(lower)
        if _NOT_A_WORD.search(folded):
            return None
        best = self._best_nearby(folded)
        return None if best is None else _match_case(core, self._cased.get(best, best))

    def _pick(self, candidates: Iterable[str]) -> str | None:
        ranked = [(-self._rank(c), c) for c in dict.fromkeys(candidates)]
        ranked = [pair for pair in ranked if pair[0] < 0]
        return min(ranked)[1] if ranked else None

    def _best_nearby(self, word: str) -> str | None:
        near = sv.edits1(word)
        best = self._pick(near)
        if best:
            return best
        # A British writer's typo is one edit from a British spelling the list lacks.
        hinted = [c for c in near if sv.may_be_british(c) and c not in self._base.misspelt]
        british = [
            (-rank, c)
            for c in hinted[:_BRITISH_BUDGET]
            for rank in map(self._rank, sv.american_variants(c))
            if rank
        ]
        if british:
            return min(british)[1]
        names = [e for e in self._extra | self._names if sv.within_edits(word, e)]
        base, cased = self._base, self._cased

        def listed(word: str) -> bool:
            return word in base.freq or word in base.terms or word in cased

        nearby = sv.within_two_of(word, base.sorted_keys, listed, _EDIT2_BUDGET)
        return self._pick([*nearby, *names])


@functools.cache
def english() -> SpellingDictionary:
    """The English dictionary, loaded once per process."""
    return SpellingDictionary(_Base())
