"""Word lists shared by the reviewer and the reader, read once from the package's data."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def occupations() -> frozenset[str]:
    """Lower-case job nouns (nurse, engineer, ...): what makes a phrase read as a job title."""
    text = (resources.files("afterword") / "data" / "occupations.txt").read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )
