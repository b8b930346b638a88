"""The composer's phrase bank: slots and their wordings, from data files."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

PLACEHOLDERS = frozenset(
    [
        "first",
        "formal",
        "company",
        "company_possessive",
        "role",
        "role_the",
        "detail",
        "detail_capital",
        "skills",
        "clarification",
        "sender",
        "praise",
        "praise_clause",
        "moment",
        "plans",
    ]
)
Bank = Mapping[str, Mapping[str, tuple[str, ...]]]


class PhraseBankError(ValueError):
    """A phrase bank has the wrong shape or an unknown placeholder."""


@cache
def shipped_bank() -> Bank:
    """The wordings that ship with afterword."""
    text = (resources.files("afterword") / "data" / "compose" / "phrases.toml").read_text(
        encoding="utf-8"
    )
    return bank_from_dict(tomllib.loads(text), "the shipped phrase bank")


def bank_from_dict(data: Mapping[str, Any], origin: str) -> Bank:
    """Validate decoded TOML: tables of lists of wordings with known placeholders."""
    bank: dict[str, dict[str, tuple[str, ...]]] = {}
    for slot, variants in data.items():
        if not isinstance(variants, Mapping):
            raise PhraseBankError(f"{origin}: [{slot}] must be a table of lists")
        bank[slot] = {}
        for key, wordings in variants.items():
            if not isinstance(wordings, list) or not all(isinstance(w, str) for w in wordings):
                raise PhraseBankError(f"{origin}: {slot}.{key} must be a list of strings")
            for wording in wordings:
                unknown = _placeholders(wording) - PLACEHOLDERS
                if unknown:
                    raise PhraseBankError(
                        f"{origin}: {slot}.{key} uses unknown placeholder {{{sorted(unknown)[0]}}}"
                    )
            bank[slot][key] = tuple(wordings)
    return bank


def merged(base: Bank, extra: Bank | None) -> Bank:
    """The shipped wordings plus the user's own; the user's come first in each list."""
    if not extra:
        return base
    result = {slot: dict(variants) for slot, variants in base.items()}
    for slot, variants in extra.items():
        for key, wordings in variants.items():
            known = result.setdefault(slot, {}).get(key, ())
            result[slot][key] = tuple(wordings) + tuple(w for w in known if w not in wordings)
    return result


def _placeholders(wording: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(wording) if field}
    except ValueError:
        return {"<unbalanced braces>"}
