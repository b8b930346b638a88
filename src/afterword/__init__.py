"""afterword: the one gracious message after a job rejection, drafted, reviewed and tracked offline."""

from typing import Any

from afterword.context import Context, ContextError, context_from_dict
from afterword.review import Finding, Review, ReviewConfig, Severity, review

__version__ = "0.1.0"

__all__ = [
    "ComposeError",
    "Context",
    "ContextError",
    "Draft",
    "Finding",
    "Review",
    "ReviewConfig",
    "Severity",
    "__version__",
    "compose",
    "context_from_dict",
    "review",
]

_COMPOSER = frozenset({"compose", "ComposeError", "Draft"})


def __getattr__(name: str) -> Any:
    # The composer loads on first use: `afterword check` starts faster without it.
    if name in _COMPOSER:
        from afterword import composer

        return getattr(composer, name)
    raise AttributeError(f"module 'afterword' has no attribute {name!r}")
