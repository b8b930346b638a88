"""Word lists shared by the parser and the rules, read from data/wordlists.toml."""

from __future__ import annotations

import tomllib
from importlib import resources


def _load() -> dict[str, frozenset[str]]:
    text = (resources.files("afterword") / "data" / "wordlists.toml").read_text(encoding="utf-8")
    return {key: frozenset(words) for key, words in tomllib.loads(text).items()}


# Read once, when the reviewer loads.
WORDLISTS = _load()
