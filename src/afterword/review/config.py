"""The user's review settings: rules switched off, extra phrases and known words.

Pure: the shell reads the TOML file and hands its decoded contents to config_from_dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from afterword.review.model import CODES


class ConfigError(ValueError):
    """The configuration has a field of the wrong type or an unknown code."""


@dataclass(frozen=True)
class ReviewConfig:
    """What the user changed: disabled rules (codes or ids), own phrases per code, own words."""

    disabled: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    words: tuple[str, ...] = ()

    def is_disabled(self, code: str, rule_id: str) -> bool:
        return (
            code in self.disabled
            or rule_id in self.disabled
            or any(rule_id.startswith(prefix + ".") for prefix in self.disabled)
        )


DEFAULT_CONFIG = ReviewConfig()


def config_from_dict(data: Mapping[str, Any]) -> ReviewConfig:
    """Build a ReviewConfig from decoded TOML, raising ConfigError on a bad entry."""
    rules = data.get("rules", {})
    if not isinstance(rules, Mapping):
        raise ConfigError("[rules] must be a table")
    disabled = rules.get("disable", [])
    if not isinstance(disabled, list) or not all(isinstance(item, str) for item in disabled):
        raise ConfigError("rules.disable must be a list of rule codes or ids")
    for item in disabled:
        if not any(item == code or item.startswith(code + ".") for code in CODES):
            raise ConfigError(f"rules.disable has an unknown rule {item!r}; see `afterword rules`")
    phrases = data.get("phrases", {})
    if not isinstance(phrases, Mapping):
        raise ConfigError("[phrases] must be a table of code = [phrases]")
    built = []
    for code, items in sorted(phrases.items()):
        if code not in CODES:
            raise ConfigError(f"[phrases] has an unknown code {code!r}")
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ConfigError(f"phrases.{code} must be a list of strings")
        cleaned = tuple(item.strip() for item in items if item.strip())
        if cleaned:
            built.append((code, cleaned))
    dictionary = data.get("dictionary", {})
    words = dictionary.get("words", []) if isinstance(dictionary, Mapping) else None
    if not isinstance(words, list) or not all(isinstance(item, str) for item in words):
        raise ConfigError("dictionary.words must be a list of words")
    return ReviewConfig(disabled=frozenset(disabled), phrases=tuple(built), words=tuple(words))
