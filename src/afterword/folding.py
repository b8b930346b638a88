"""Compare names and words as people read them: without case or accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase without accents, so 'Zielińska' and 'zielinska' compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
