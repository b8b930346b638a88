"""Choose the follow-up's strategy from what the rejection said, and say why."""

from __future__ import annotations

from afterword.context import Context

STRATEGIES = ("gratitude", "feedback", "future")
CHOICES = ("auto", *STRATEGIES)


class StrategyError(ValueError):
    """The requested strategy cannot fit this context."""


def choose(context: Context, requested: str = "auto") -> tuple[str, str]:
    """The strategy to write in, and a one-sentence reason a person can read."""
    if requested not in CHOICES:
        raise StrategyError(f"unknown strategy {requested!r}; choose {', '.join(CHOICES)}")
    if requested == "feedback" and context.feedback == "declined":
        raise StrategyError(
            "they said they don't give feedback, so a feedback request would strain the "
            "relationship; choose gratitude or future instead"
        )
    if requested != "auto":
        return requested, f"You asked for the {requested} strategy."
    if context.channel == "note":
        return (
            "gratitude",
            "A connection note has room only for thanks and a wish to stay in touch.",
        )
    if context.future in ("invited", "on_file"):
        offer = (
            "They offered to keep your details on file"
            if context.future == "on_file"
            else "They invited you to apply again"
        )
        return "future", f"{offer}, so the note leans on future roles."
    if context.feedback == "declined":
        return (
            "gratitude",
            "They said they don't give feedback, so the note thanks them and keeps the door open without asking.",
        )
    if context.feedback == "offered":
        return "feedback", "They offered feedback, so the note takes them up on it, lightly."
    if context.after_interview:
        return (
            "feedback",
            "After interviews, a brief and clearly optional request for feedback is welcome.",
        )
    return "gratitude", "At the application stage, thanks and continued interest are enough."
