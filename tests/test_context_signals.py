"""What the reader says of a rejection becomes the context's values in one place."""

from __future__ import annotations

import pytest

from afterword.context import reader_signals


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        (("interview", "not_mentioned", "kept_on_file"), ("interview", "unknown", "on_file")),
        (("application", "declined", "invited"), ("application", "declined", "invited")),
        (("unknown", "offered", "on_file"), ("unknown", "offered", "on_file")),
        ((None, None, None), ("unknown", "unknown", "unknown")),
        (("onsite", "maybe", "someday"), ("unknown", "unknown", "unknown")),
    ],
)
def test_reader_words_map_onto_context_values(said: tuple, meant: tuple) -> None:
    signals = reader_signals(*said)
    assert (signals["stage"], signals["feedback"], signals["future"]) == meant
