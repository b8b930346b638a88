"""The timing policy: follow-ups within the week, a cool-down, one follow-up, quarterly check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from afterword.tracker import policy
from afterword.tracker.policy import OpeningFacts, RejectionFacts, Timing

MONDAY = date(2026, 3, 2)


def fact(**changes) -> RejectionFacts:
    values = dict(
        rejection_id=1,
        company_id=10,
        company="Harbourline Ferries",
        role="Deckhand",
        received_on=MONDAY,
        contact="Adaeze Okoro",
    )
    values.update(changes)
    return RejectionFacts(**values)


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def kinds(items) -> list[str]:
    return [item.kind for item in items]


def test_follow_up_shows_from_the_day_the_rejection_arrives() -> None:
    [item] = policy.due([fact()], [], {}, now=noon(MONDAY))
    assert (item.kind, item.due_on, item.overdue) == ("follow_up", MONDAY + timedelta(7), False)
    assert "7 days left" in item.reason


def test_follow_up_is_not_shown_before_the_rejection_arrives() -> None:
    assert policy.due([fact()], [], {}, now=noon(MONDAY - timedelta(1))) == []


def test_follow_up_is_due_until_day_seven_and_overdue_after() -> None:
    last_day = policy.due([fact()], [], {}, now=noon(MONDAY + timedelta(7)))
    assert [(i.overdue, "today" in i.reason) for i in last_day] == [(False, True)]
    late = policy.due([fact()], [], {}, now=noon(MONDAY + timedelta(8)))
    assert [(i.kind, i.overdue) for i in late] == [("follow_up", True)]


def test_an_overdue_follow_up_lapses_after_another_week() -> None:
    assert policy.due([fact()], [], {}, now=noon(MONDAY + timedelta(14)))
    assert policy.due([fact()], [], {}, now=noon(MONDAY + timedelta(15))) == []


def test_follow_up_window_follows_the_profile() -> None:
    timing = Timing(follow_up_days=3)
    [item] = policy.due([fact()], [], {}, now=noon(MONDAY + timedelta(4)), timing=timing)
    assert item.overdue and item.due_on == MONDAY + timedelta(3)


def test_a_sent_follow_up_clears_the_reminder() -> None:
    assert policy.due([fact(follow_up_sent=True)], [], {}, now=noon(MONDAY)) == []


def test_a_waiting_draft_is_mentioned() -> None:
    [item] = policy.due([fact(draft_id=4)], [], {}, now=noon(MONDAY))
    assert "draft #4" in item.reason


def test_no_follow_up_when_the_rejection_says_not_to_reply() -> None:
    assert policy.due([fact(reply_advised=False)], [], {}, now=noon(MONDAY)) == []


def test_cool_down_hint_in_the_first_hours_only() -> None:
    arrived = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    soon = policy.due([fact(received_at=arrived)], [], {}, now=arrived + timedelta(hours=1))
    assert kinds(soon) == ["cool_down", "follow_up"]
    later = policy.due([fact(received_at=arrived)], [], {}, now=arrived + timedelta(hours=5))
    assert kinds(later) == ["follow_up"]


def test_cool_down_compares_instants_across_time_zones() -> None:
    arrived = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    new_york = timezone(timedelta(hours=-5))
    two_hours_later = datetime(2026, 3, 2, 6, 0, tzinfo=new_york)
    five_hours_later = datetime(2026, 3, 2, 9, 0, tzinfo=new_york)
    assert "cool_down" in kinds(
        policy.due([fact(received_at=arrived)], [], {}, now=two_hours_later)
    )
    assert "cool_down" not in kinds(
        policy.due([fact(received_at=arrived)], [], {}, now=five_hours_later)
    )


def test_no_cool_down_without_the_time_of_arrival() -> None:
    assert kinds(policy.due([fact()], [], {}, now=noon(MONDAY))) == ["follow_up"]


def test_do_not_contact_silences_follow_up_and_check_in() -> None:
    quiet = fact(do_not_contact=True, kept_on_file=True, received_at=noon(MONDAY))
    for day in range(0, 200, 5):
        now = noon(MONDAY + timedelta(day))
        assert policy.reminders([quiet], [OpeningFacts(10, "Purser", MONDAY)], {}, now=now) == []


def test_archived_company_is_silent() -> None:
    archived = fact(archived=True, kept_on_file=True)
    assert (
        policy.reminders([archived], [OpeningFacts(10, "Purser", MONDAY)], {}, now=noon(MONDAY))
        == []
    )


def test_check_in_after_three_months_when_kept_on_file() -> None:
    kept = fact(kept_on_file=True, follow_up_sent=True)
    assert policy.due([kept], [], {}, now=noon(MONDAY + timedelta(89))) == []
    [item] = policy.due([kept], [], {}, now=noon(MONDAY + timedelta(90)))
    assert (item.kind, item.due_on, item.contact) == (
        "check_in",
        MONDAY + timedelta(90),
        "Adaeze Okoro",
    )
    assert "on file" in item.reason


def test_check_in_interval_follows_the_profile() -> None:
    kept = fact(kept_on_file=True, follow_up_sent=True)
    [item] = policy.due(
        [kept], [], {}, now=noon(MONDAY + timedelta(30)), timing=Timing(check_in_days=30)
    )
    assert item.due_on == MONDAY + timedelta(30)


def test_upcoming_check_in_is_a_reminder_but_not_due_yet() -> None:
    kept = fact(kept_on_file=True, follow_up_sent=True)
    [item] = policy.reminders([kept], [], {}, now=noon(MONDAY))
    assert item.kind == "check_in" and item.due_on == MONDAY + timedelta(90)


def test_a_new_opening_brings_a_check_in_at_once() -> None:
    old = fact(received_on=date(2025, 1, 6), follow_up_sent=True)
    opening = OpeningFacts(10, "Second Officer", MONDAY)
    [item] = policy.due([old], [opening], {}, now=noon(MONDAY))
    assert (
        item.kind == "check_in"
        and "Second Officer" in item.reason
        and "Adaeze Okoro" in item.reason
    )


def test_an_opening_at_a_company_with_no_rejection_brings_nothing() -> None:
    opening = OpeningFacts(99, "Second Officer", MONDAY)
    assert policy.due([fact(follow_up_sent=True)], [opening], {}, now=noon(MONDAY)) == []


def test_check_in_waits_a_quarter_after_the_last_one() -> None:
    old = fact(received_on=date(2025, 1, 6), follow_up_sent=True)
    opening = OpeningFacts(10, "Second Officer", MONDAY)
    last = {10: MONDAY - timedelta(30)}
    assert policy.due([old], [opening], last, now=noon(MONDAY)) == []
    [item] = policy.reminders([old], [opening], last, now=noon(MONDAY))
    assert item.due_on == MONDAY - timedelta(30) + timedelta(policy.QUARTER_DAYS)


def test_one_check_in_per_company_however_many_reasons() -> None:
    facts = [
        fact(
            rejection_id=n,
            kept_on_file=True,
            follow_up_sent=True,
            received_on=MONDAY - timedelta(100 + n),
        )
        for n in range(3)
    ]
    openings = [OpeningFacts(10, "Purser", MONDAY), OpeningFacts(10, "Bosun", MONDAY)]
    items = policy.due(facts, openings, {}, now=noon(MONDAY))
    assert kinds(items) == ["check_in"]


def test_a_check_in_nobody_acted_on_lapses_after_a_quarter() -> None:
    kept = fact(kept_on_file=True, follow_up_sent=True)
    due_day = MONDAY + timedelta(90)
    assert policy.due([kept], [], {}, now=noon(due_day + timedelta(policy.CHECK_IN_LAPSE_DAYS)))
    assert (
        policy.due([kept], [], {}, now=noon(due_day + timedelta(policy.CHECK_IN_LAPSE_DAYS + 1)))
        == []
    )


def test_check_in_skips_a_do_not_contact_person_for_a_colleague() -> None:
    facts = [
        fact(
            rejection_id=1,
            contact="Adaeze Okoro",
            do_not_contact=True,
            kept_on_file=True,
            follow_up_sent=True,
        ),
        fact(
            rejection_id=2,
            contact="Tomás Ruiz",
            received_on=MONDAY - timedelta(400),
            follow_up_sent=True,
        ),
    ]
    [item] = policy.due(facts, [OpeningFacts(10, "Purser", MONDAY)], {}, now=noon(MONDAY))
    assert item.contact == "Tomás Ruiz"


def test_due_list_puts_cool_down_first_then_overdue_follow_ups() -> None:
    arrived = noon(MONDAY)
    facts = [
        fact(rejection_id=1, received_at=arrived),
        fact(rejection_id=2, company="Northwind", company_id=11, received_on=MONDAY - timedelta(9)),
        fact(rejection_id=3, company="Alder", company_id=12, received_on=MONDAY - timedelta(2)),
    ]
    items = policy.due(facts, [], {}, now=arrived + timedelta(hours=1))
    assert [(i.kind, i.rejection_id) for i in items] == [
        ("cool_down", 1),
        ("follow_up", 2),
        ("follow_up", 3),
        ("follow_up", 1),
    ]


def test_second_follow_up_is_refused_with_the_reason() -> None:
    reason = policy.follow_up_refusal(
        company="Harbourline Ferries", earlier_sent_on=MONDAY, replied_since=False, force=False
    )
    assert reason is not None and "2026-03-02" in reason and "Harbourline Ferries" in reason


def test_second_follow_up_is_allowed_after_their_reply_or_when_forced() -> None:
    for replied, force in ((True, False), (False, True)):
        assert (
            policy.follow_up_refusal(
                company="H", earlier_sent_on=MONDAY, replied_since=replied, force=force
            )
            is None
        )
    assert (
        policy.follow_up_refusal(
            company="H", earlier_sent_on=None, replied_since=False, force=False
        )
        is None
    )


def test_check_in_within_a_quarter_is_refused_until_the_quarter_is_over() -> None:
    early = policy.check_in_refusal(
        company="H", last_check_in=MONDAY, on=MONDAY + timedelta(90), force=False
    )
    assert early is not None and "2026-06-01" in early
    assert (
        policy.check_in_refusal(
            company="H", last_check_in=MONDAY, on=MONDAY + timedelta(91), force=False
        )
        is None
    )


# Properties ------------------------------------------------------------------------------

days = st.integers(min_value=-30, max_value=400)


def rejection_id(fact: RejectionFacts) -> int:
    return fact.rejection_id  # rejections have one number each


facts_strategy = st.builds(
    RejectionFacts,
    rejection_id=st.integers(1, 50),
    company_id=st.integers(1, 5),
    company=st.sampled_from(["Alder", "Birch", "Cedar"]),
    role=st.text(max_size=20),
    received_on=days.map(lambda n: MONDAY + timedelta(n)),
    received_at=st.none()
    | st.integers(-2000, 2000).map(lambda m: noon(MONDAY) + timedelta(minutes=m)),
    contact=st.none() | st.sampled_from(["Ada", "Tomás"]),
    do_not_contact=st.booleans(),
    archived=st.booleans(),
    reply_advised=st.booleans(),
    kept_on_file=st.booleans(),
    follow_up_sent=st.booleans(),
)
openings_strategy = st.lists(
    st.builds(
        OpeningFacts,
        company_id=st.integers(1, 5),
        role=st.just("Purser"),
        seen_on=days.map(lambda n: MONDAY + timedelta(n)),
    ),
    max_size=4,
)


@given(st.lists(facts_strategy, max_size=8, unique_by=rejection_id), openings_strategy, days)
def test_due_never_lists_more_than_one_check_in_per_company(facts, openings, day) -> None:
    items = policy.reminders(facts, openings, {}, now=noon(MONDAY + timedelta(day)))
    companies = [(i.company, i.rejection_id) for i in items if i.kind == "check_in"]
    ids = {f.rejection_id: f.company_id for f in facts}
    check_in_companies = [ids[rid] for _, rid in companies]
    assert len(check_in_companies) == len(set(check_in_companies))


@given(st.lists(facts_strategy, max_size=8, unique_by=rejection_id), openings_strategy, days)
def test_silenced_people_and_archived_companies_never_appear(facts, openings, day) -> None:
    items = policy.reminders(facts, openings, {}, now=noon(MONDAY + timedelta(day)))
    by_id = {}
    for f in facts:
        by_id.setdefault(f.rejection_id, []).append(f)
    for item in items:
        chosen = by_id[item.rejection_id]
        assert any(not f.do_not_contact and not f.archived for f in chosen)


@given(st.lists(facts_strategy, max_size=6, unique_by=rejection_id), days)
def test_follow_up_shows_exactly_in_its_window(facts, day) -> None:
    today = MONDAY + timedelta(day)
    items = policy.due(facts, [], {}, now=noon(today))
    shown = {(i.rejection_id, i.due_on, i.overdue) for i in items if i.kind == "follow_up"}
    expected = {
        (f.rejection_id, f.received_on + timedelta(7), today > f.received_on + timedelta(7))
        for f in facts
        if not (f.follow_up_sent or f.do_not_contact or f.archived or not f.reply_advised)
        and f.received_on <= today <= f.received_on + timedelta(14)
    }
    assert shown == expected


@given(st.lists(facts_strategy, min_size=1, max_size=6, unique_by=rejection_id), openings_strategy)
def test_a_user_who_checks_in_when_told_never_checks_in_twice_a_quarter(facts, openings) -> None:
    last: dict[int, date] = {}
    done: dict[int, list[date]] = {}
    ids = {f.rejection_id: f.company_id for f in facts}
    for day in range(-30, 500):
        today = MONDAY + timedelta(day)
        for item in policy.due(facts, openings, last, now=noon(today)):
            if item.kind == "check_in":
                company = ids[item.rejection_id]
                last[company] = today
                done.setdefault(company, []).append(today)
    for dates in done.values():
        gaps = [(b - a).days for a, b in pairwise(dates)]
        assert all(gap >= policy.QUARTER_DAYS for gap in gaps)
