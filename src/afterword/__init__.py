"""afterword: the one gracious message after a job rejection, drafted, reviewed and tracked offline."""

from afterword.compose import ComposeError, Draft, compose
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
