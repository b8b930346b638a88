"""Load what the timing policy needs in three indexed queries of plain SQL.

Plain SQL so that `afterword track due` can run it on the standard library's sqlite3 (or on
psycopg) without importing SQLAlchemy, which alone costs ~250 ms a start; the Tracker runs
the very same statements through its SQLAlchemy session.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from afterword.tracker import policy

Execute = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]

# How far back a trigger can still be live: an overdue follow-up, or a check-in pushed back
# by the quarter rule and not yet lapsed (see policy).
_FOLLOW_UP_REACH = policy.GRACE_DAYS
_CHECK_IN_REACH = policy.QUARTER_DAYS + policy.CHECK_IN_LAPSE_DAYS

TIMING_SQL = "SELECT follow_up_days, check_in_days FROM profiles WHERE owner = :owner"

REJECTIONS_SQL = """
SELECT r.id, c.id, c.name, a.role, r.received_on, r.received_at, ct.name,
       ct.do_not_contact, r.reply_advised, r.future,
       CASE WHEN r.received_on >= :follow_up_since THEN
         (SELECT count(*) FROM messages m
           WHERE m.rejection_id = r.id AND m.kind = 'follow_up' AND m.status = 'sent')
       ELSE 1 END,
       CASE WHEN r.received_on >= :follow_up_since THEN
         (SELECT max(m.id) FROM messages m
           WHERE m.rejection_id = r.id AND m.kind = 'follow_up' AND m.status = 'draft')
       END
FROM rejections r
JOIN applications a ON a.id = r.application_id
JOIN companies c ON c.id = a.company_id
LEFT JOIN contacts ct ON ct.id = r.contact_id
WHERE c.owner = :owner AND c.archived = :archived AND a.company_id IN (
    SELECT a2.company_id FROM rejections r2
    JOIN applications a2 ON a2.id = r2.application_id
    WHERE r2.received_on >= :since
    UNION
    SELECT o.company_id FROM openings o WHERE o.seen_on >= :opened_since
)
"""

OPENINGS_SQL = """
SELECT o.company_id, o.role, o.seen_on
FROM openings o JOIN companies c ON c.id = o.company_id
WHERE c.owner = :owner AND c.archived = :archived AND o.seen_on >= :opened_since
"""

CHECK_INS_SQL = """
SELECT a.company_id, max(m.sent_at)
FROM messages m
JOIN rejections r ON r.id = m.rejection_id
JOIN applications a ON a.id = r.application_id
JOIN companies c ON c.id = a.company_id
WHERE c.owner = :owner AND m.kind = 'check_in' AND m.status = 'sent'
GROUP BY a.company_id
"""


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def load(
    execute: Execute, *, owner: str, today: date
) -> tuple[list[policy.RejectionFacts], list[policy.OpeningFacts], dict[int, date], policy.Timing]:
    """The facts, openings, last check-ins and the user's intervals."""
    found = execute(TIMING_SQL, {"owner": owner})
    timing = policy.Timing(*found[0]) if found else policy.Timing()
    reach = max(timing.follow_up_days + _FOLLOW_UP_REACH, timing.check_in_days + _CHECK_IN_REACH)
    params = {
        "owner": owner,
        "archived": False,
        "since": today - timedelta(days=reach),
        # Older rejections only matter for check-ins; their follow-up state is not looked up.
        "follow_up_since": today - timedelta(days=timing.follow_up_days + _FOLLOW_UP_REACH),
        "opened_since": today - timedelta(days=_CHECK_IN_REACH),
    }
    facts = [
        policy.RejectionFacts(
            rejection_id=row[0],
            company_id=row[1],
            company=row[2],
            role=row[3],
            received_on=_date(row[4]),
            received_at=_moment(row[5]),
            contact=row[6],
            do_not_contact=bool(row[7]),
            reply_advised=bool(row[8]),
            kept_on_file=row[9] in ("kept_on_file", "on_file"),
            follow_up_sent=bool(row[10]),
            draft_id=row[11],
        )
        for row in execute(REJECTIONS_SQL, params)
    ]
    openings = [
        policy.OpeningFacts(company_id=row[0], role=row[1], seen_on=_date(row[2]))
        for row in execute(OPENINGS_SQL, params)
    ]
    last = {row[0]: _date(row[1]) for row in execute(CHECK_INS_SQL, {"owner": owner})}
    return facts, openings, last, timing


def load_in_session(session, owner: str, *, today: date):
    """The same load through a SQLAlchemy session (the Tracker's way)."""
    from sqlalchemy import text

    return load(
        lambda sql, params: session.execute(text(sql), params).all(), owner=owner, today=today
    )


def pyformat(sql: str) -> str:
    """':name' parameters as psycopg's '%(name)s'."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)
