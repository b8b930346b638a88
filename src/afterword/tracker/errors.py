"""What the tracker says when it cannot do what was asked: one line for the user."""

from __future__ import annotations


class TrackerError(Exception):
    """Bad input, an unreadable or busy database, or a failed write; nothing was changed."""


class PolicyRefusal(TrackerError):
    """The timing policy advises against this (a second follow-up, a do-not-contact person)."""
