"""Bounds that keep the reader's work small whatever it is handed."""

from __future__ import annotations

__all__ = ["MAX_BYTES", "MAX_PARTS", "MAX_TEXT"]

MAX_TEXT = 200_000
MAX_BYTES = 2_000_000
MAX_PARTS = 200
