"""What the tracker says when it cannot do what was asked: one line for the user."""

from __future__ import annotations


class TrackerError(Exception):
    """Bad input, an unreadable or busy database, or a failed write; nothing was changed."""


class PolicyRefusal(TrackerError):
    """The timing policy advises against this (a second follow-up, a do-not-contact person)."""


class DuplicateRejection(TrackerError):
    """This rejection is on file already; `rejection_id` says where, so callers can use it."""

    def __init__(self, rejection_id: int) -> None:
        super().__init__(f"this rejection is already on file as #{rejection_id}")
        self.rejection_id = rejection_id
