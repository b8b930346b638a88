"""When to follow up, cool down and check in: the timing advice as pure functions.

"Today" and "now" are always arguments. The advice behind each number: reply within a
week; send one follow-up, not a series; revisit when they keep your CV on file or a role
opens, but no more than once a quarter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from afterword.tracker.records import Record

FOLLOW_UP_DAYS = 7
# An overdue follow-up stays on the list one more week: a late thank-you still helps if it
# goes soon; after that it reads as an afterthought and the reminder lapses.
GRACE_DAYS = 7
COOL_DOWN = timedelta(hours=4)
CHECK_IN_DAYS = 90
QUARTER_DAYS = 91
# A check-in nobody acted on for a quarter has missed its moment; the next trigger brings it back.
CHECK_IN_LAPSE_DAYS = 91
KINDS = ("cool_down", "follow_up", "check_in")


@dataclass(frozen=True)
class Timing:
    """The user's intervals (their profile); the advice's defaults."""

    follow_up_days: int = FOLLOW_UP_DAYS
    check_in_days: int = CHECK_IN_DAYS


@dataclass(frozen=True)
class RejectionFacts:
    """What the policy needs to know about one rejection."""

    rejection_id: int
    company_id: int
    company: str
    role: str
    received_on: date
    received_at: datetime | None = None
    contact: str | None = None
    do_not_contact: bool = False
    archived: bool = False
    reply_advised: bool = True
    kept_on_file: bool = False
    follow_up_sent: bool = False
    draft_id: int | None = None


@dataclass(frozen=True)
class OpeningFacts:
    company_id: int
    role: str
    seen_on: date


@dataclass(frozen=True)
class DueItem(Record):
    kind: str  # cool_down | follow_up | check_in
    rejection_id: int
    company: str
    role: str
    contact: str | None
    due_on: date
    overdue: bool
    reason: str


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def follow_up(fact: RejectionFacts, today: date, timing: Timing = Timing()) -> DueItem | None:
    """The follow-up reminder: from the day the rejection arrives, overdue after the window."""
    if fact.follow_up_sent or fact.do_not_contact or fact.archived or not fact.reply_advised:
        return None
    due_on = fact.received_on + timedelta(days=timing.follow_up_days)
    if today < fact.received_on or today > due_on + timedelta(days=GRACE_DAYS):
        return None
    overdue = today > due_on
    if overdue:
        reason = "The week has passed; a brief note still helps if it goes soon."
    elif today == due_on:
        reason = "Last day of the week: a short thank-you today keeps the door open."
    else:
        left = _days((due_on - today).days)
        reason = f"A short thank-you within the week keeps the door open ({left} left)."
    if fact.draft_id is not None:
        reason += f" Your draft #{fact.draft_id} is waiting."
    return DueItem(
        "follow_up",
        fact.rejection_id,
        fact.company,
        fact.role,
        fact.contact,
        due_on,
        overdue,
        reason,
    )


def cool_down(fact: RejectionFacts, now: datetime) -> DueItem | None:
    """A fresh rejection: take a few hours before replying."""
    if fact.received_at is None or fact.follow_up_sent or fact.do_not_contact or fact.archived:
        return None
    elapsed = _aware(now) - _aware(fact.received_at)
    if not timedelta(0) <= elapsed < COOL_DOWN:
        return None
    reason = (
        "This arrived only a few hours ago. Give it a little time: a calm note later "
        "this week reads better than a quick one now."
    )
    return DueItem(
        "cool_down",
        fact.rejection_id,
        fact.company,
        fact.role,
        fact.contact,
        fact.received_on,
        False,
        reason,
    )


@dataclass(frozen=True)
class _Trigger:
    day: date
    reason: str
    fact: RejectionFacts


def check_ins(
    facts: Sequence[RejectionFacts],
    openings: Iterable[OpeningFacts],
    last_check_in: Mapping[int, date],
    today: date,
    timing: Timing = Timing(),
) -> list[DueItem]:
    """Every company's next check-in, due or upcoming: at most one per company per quarter."""
    by_company: dict[int, list[RejectionFacts]] = {}
    for fact in facts:
        by_company.setdefault(fact.company_id, []).append(fact)
    seen: dict[int, list[OpeningFacts]] = {}
    for opening in openings:
        seen.setdefault(opening.company_id, []).append(opening)
    items = []
    for company_id, company_facts in by_company.items():
        item = _company_check_in(
            company_facts, seen.get(company_id, []), last_check_in.get(company_id), today, timing
        )
        if item is not None:
            items.append(item)
    return items


def _company_check_in(
    facts: list[RejectionFacts],
    openings: list[OpeningFacts],
    last: date | None,
    today: date,
    timing: Timing,
) -> DueItem | None:
    if any(fact.archived for fact in facts):
        return None
    newest = sorted(facts, key=lambda fact: (fact.received_on, fact.rejection_id), reverse=True)
    reachable = [fact for fact in newest if not fact.do_not_contact]
    if not reachable:
        return None  # everyone known there asked not to be contacted
    triggers = [
        _Trigger(
            fact.received_on + timedelta(days=timing.check_in_days),
            "They said they would keep your CV on file; a short note asking about new "
            "roles keeps you in mind.",
            fact,
        )
        for fact in reachable
        if fact.kept_on_file
    ]
    whom = f"to {reachable[0].contact} " if reachable[0].contact else ""
    triggers += [
        _Trigger(
            opening.seen_on,
            f"You noted a new opening ({opening.role}); a brief note {whom}shows your "
            "interest is still there.",
            reachable[0],
        )
        for opening in openings
    ]
    earliest_allowed = last + timedelta(days=QUARTER_DAYS) if last is not None else None
    live = []
    for trigger in triggers:
        if last is not None and trigger.day <= last:
            continue  # a check-in since then covered it
        due_on = max(trigger.day, earliest_allowed) if earliest_allowed else trigger.day
        if today <= due_on + timedelta(days=CHECK_IN_LAPSE_DAYS):
            live.append((due_on, trigger))
    if not live:
        return None
    due_on, trigger = min(live, key=lambda pair: (pair[0], pair[1].fact.rejection_id))
    fact = trigger.fact
    return DueItem(
        "check_in",
        fact.rejection_id,
        fact.company,
        fact.role,
        fact.contact,
        due_on,
        today > due_on,
        trigger.reason,
    )


def reminders(
    facts: Sequence[RejectionFacts],
    openings: Iterable[OpeningFacts],
    last_check_in: Mapping[int, date],
    *,
    now: datetime,
    timing: Timing = Timing(),
) -> list[DueItem]:
    """Everything on the calendar: follow-ups and check-ins, due now or later."""
    today = now.date()
    items = []
    for fact in facts:
        for item in (cool_down(fact, now), follow_up(fact, today, timing)):
            if item is not None:
                items.append(item)
    items += check_ins(facts, openings, last_check_in, today, timing)
    return sorted(items, key=_order)


def due(
    facts: Sequence[RejectionFacts],
    openings: Iterable[OpeningFacts],
    last_check_in: Mapping[int, date],
    *,
    now: datetime,
    timing: Timing = Timing(),
) -> list[DueItem]:
    """What to act on today: cool-down hints, follow-ups (overdue first), check-ins due."""
    today = now.date()
    return [
        item
        for item in reminders(facts, openings, last_check_in, now=now, timing=timing)
        if item.kind != "check_in" or item.due_on <= today
    ]


def _order(item: DueItem) -> tuple:
    return (KINDS.index(item.kind), not item.overdue, item.due_on, item.company, item.rejection_id)


def follow_up_refusal(
    *, company: str, earlier_sent_on: date | None, replied_since: bool, force: bool
) -> str | None:
    """Why a second follow-up should not go, or None when it may."""
    if earlier_sent_on is None or replied_since or force:
        return None
    return (
        f"you already followed up with {company} on {earlier_sent_on.isoformat()}; one "
        "follow-up per rejection is enough until they reply"
    )


def check_in_refusal(
    *, company: str, last_check_in: date | None, on: date, force: bool
) -> str | None:
    """Why a check-in should wait, or None when it may go: one per company per quarter."""
    if last_check_in is None or force:
        return None
    next_allowed = last_check_in + timedelta(days=QUARTER_DAYS)
    if on >= next_allowed:
        return None
    return (
        f"you checked in with {company} on {last_check_in.isoformat()}; one check-in a "
        f"quarter is plenty, so the next fits from {next_allowed.isoformat()}"
    )


def contact_refusal(*, contact: str | None, archived_company: str | None) -> str | None:
    """Do-not-contact and archived companies silence everything, sending included."""
    if contact is not None:
        return f"{contact} is marked do-not-contact"
    if archived_company is not None:
        return f"{archived_company} is archived"
    return None
