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
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from importlib import resources

from afterword.review.spelling_variants import (
    AUXILIARIES,
    CLITICS,
    PREFIXES,
    american_variants,
    derivations,
    fold_accents,
)

_MAX_WORD = 64  # longer tokens are URLs or noise, not words
_MAX_SUGGEST = 30
_DEPTH = 4  # un + organis + ation + s: enough layers for real words, a bound for junk
_TERM_FREQ = 1_000  # a listed term outranks the word list's rare tail (frequency 50)
_RARE = 50  # the frequency of the word list's long tail, where its junk lives
_PREFIX_MIN = 1_000  # a prefixed word's root must be common: "re" + "mite" is a typo
_INFLECT_MAX = 2_000  # commoner words have all their regular forms listed already
_EXTRA_FREQ = 1_000_000  # a caller's names rank with common words: the writer has them in mind
_EDIT2_BUDGET = 6_000  # trie nodes one distance-2 search may expand: bounded, repeatable work
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_NOT_A_WORD = re.compile(r"[^a-z']")
_HYPHEN_PARTS = frozenset({*PREFIXES, "self", "ex", "mid", "post", "pro", "sub", "cross", "e"})
_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*(?:s|k|m|bn|x|am|pm|h|hrs?|mins?|ms|kg|km|cm|mm|kb|mb|gb|tb|px|d|g)?"
    r"|v\d+(?:\.\d+)*|q[1-4]|fy\d{2,4}"
)
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")
_NUMERIC = "#"  # vouches for numbers and compounds, which have no single entry to count


def _data_text(name: str) -> str:
    return (resources.files("afterword") / "data" / name).read_text(encoding="utf-8")


def _data_lines(name: str) -> list[str]:
    lines = (line.strip() for line in _data_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


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


def _edits1(word: str) -> list[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return [
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]),
        *(a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0]),
        *(a + c + b for a, b in splits for c in _ALPHABET + "'"),
    ]


def _within_two(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of `a` and `b` is at most 2."""
    if abs(len(a) - len(b)) > 2:
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
    return prev[-1] <= 2


class _Base:
    """The shared, read-only word data; lazily built indexes are shared by every copy."""

    def __init__(self) -> None:
        packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
        self.freq: dict[str, int] = json.loads(gzip.decompress(packed))
        self.misspelt: dict[str, str] = {}
        for line in _data_lines("misspellings.txt"):
            wrong, _, right = line.partition(" ")
            self.misspelt[wrong.lower()] = right.strip()
        self.terms: set[str] = set()
        self.cased: dict[str, str] = {}
        for term in _data_lines("terms.txt"):
            if term.islower() or term == term.lower():
                self.terms.update({term, fold_accents(term)})
            else:
                self.cased[term.lower()] = term

    @functools.cached_property
    def folded(self) -> frozenset[str]:
        """ASCII spellings of the accented entries: "cafe" for the listed "café"."""
        return frozenset(fold_accents(word) for word in self.freq if not word.isascii())

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
                        extra.update({part, fold_accents(part)})
                    else:
                        cased[part.lower()] = part
        return SpellingDictionary(self._base, frozenset(extra), cased)

    def is_known(self, word: str) -> bool:
        """Whether `word` (one token) is correctly spelt English or a word the caller gave."""
        return self._vouch(word) is not None

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
        extra = lower in self._extra or (lower in self._cased and lower not in base.cased)
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
        if "-" in token:
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
            return lower if lower[:-3] in AUXILIARIES else None
        clitic = next((c for c in CLITICS if lower.endswith(c)), None)
        return self._vouch_token(token[: -len(clitic)]) if clitic and len(token) > 3 else None

    def _known_folded(self, lower: str) -> str | None:
        folded = fold_accents(lower)
        if folded in self._base.folded and folded not in self._base.misspelt:
            return folded
        return self._known(folded, _DEPTH) if folded != lower else None

    def _known_uncached(self, lower: str, depth: int) -> str | None:
        if lower in self._base.misspelt:
            return None
        if self._direct(lower):
            return lower
        if depth == 0 or not lower.isalpha():
            return None
        for variant in american_variants(lower):
            if self._direct(variant):
                return variant
        found = derivations(lower)
        # "occured" derives from "occur", but so does the listed "occurred": a misspelling.
        freq = self._base.freq
        if any(form != lower and form in freq for _, forms, _ in found for form in forms):
            return None
        for stem, _, prefixed in found:
            root = self._known(stem, depth - 1)
            if root and self._may_derive(stem, root, prefixed):
                return root
        return None

    def _may_derive(self, stem: str, root: str, prefixed: bool) -> bool:
        """Whether `stem`, known through `root`, may be inflected or prefixed."""
        if prefixed:  # the list's rare tail is full of fragments: co + "lur" is no word
            return self._rank(root) >= _PREFIX_MIN
        # The list already spells out the regular forms of its common words, so a form it
        # lacks is a typo ("activitier") or an irregular verb ("teached"). Inflect only the
        # words it lacks (terms, names, British spellings) and its mid-frequency ones.
        base, freq = self._base, self._base.freq.get(stem)
        if freq is None and (root in base.terms or root in self._extra):
            return True  # onboarded, onboarders
        mid = freq is not None and _RARE < freq <= _INFLECT_MAX and len(stem) >= 6
        return mid or any(map(self._direct, american_variants(stem)))

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
        folded = fold_accents(lower)
        if _NOT_A_WORD.search(folded):
            return None
        best = self._best_nearby(folded)
        return None if best is None else _match_case(core, self._cased.get(best, best))

    def _pick(self, candidates: Iterable[str]) -> str | None:
        ranked = [(-self._rank(c), c) for c in dict.fromkeys(candidates)]
        ranked = [pair for pair in ranked if pair[0] < 0]
        return min(ranked)[1] if ranked else None

    def _best_nearby(self, word: str) -> str | None:
        near = _edits1(word)
        best = self._pick(near)
        if best:
            return best
        # A British writer's typo is one edit from a British spelling the list lacks.
        british = [
            (-rank, c)
            for c in near
            if c not in self._base.misspelt
            for rank in map(self._rank, american_variants(c))
            if rank
        ]
        if british:
            return min(british)[1]
        nearby = [*self._trie_within_two(word), *(e for e in self._extra if _within_two(word, e))]
        return self._pick(sorted(nearby))

    def _trie_within_two(self, word: str) -> list[str]:
        """Listed words at most two edits from `word`, walking the sorted keys as a trie."""
        keys = self._base.sorted_keys
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
                children[prefix] = "".join(c for c in found if c in _ALPHABET or c == "'")
            return children[prefix]

        freq, terms, cased = self._base.freq, self._base.terms, self._cased
        found: list[str] = []
        stack, seen, budget, n = [("", 0, 0)], set(), _EDIT2_BUDGET, len(word)
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
                found += [t for t in tails if t in freq or t in terms or t in cased]
                continue
            stack += [(out + k, i, 1) for k in nxt]
            if i < n:
                stack += [(out, i + 1, 1), *((out + k, i + 1, 1) for k in nxt if k != word[i])]
                if i + 1 < n and word[i + 1] in nxt and word[i] in kids(out + word[i + 1]):
                    stack.append((out + word[i + 1] + word[i], i + 2, 1))
        return found


@functools.cache
def english() -> SpellingDictionary:
    """The English dictionary, loaded once per process."""
    return SpellingDictionary(_Base())
