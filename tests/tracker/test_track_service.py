"""The Tracker on SQLite and PostgreSQL: filing, matching, messages, feedback, due, people."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from rejection_mail import rejection_email

from afterword.tracker import quick
from afterword.tracking import (
    DuplicateRejection,
    PolicyRefusal,
    Tracker,
    TrackerError,
    due_now,
    open_tracker,
)

ARRIVED = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
DAY = ARRIVED.date()


@pytest.fixture
def tracker(database_url: str) -> Iterator[Tracker]:
    opened = open_tracker(database_url)
    yield opened
    opened.close()


def test_adding_an_email_files_company_contact_application_and_rejection(tracker: Tracker) -> None:
    filing = tracker.file_rejection(rejection_email(), today=DAY)
    record = filing.rejection
    assert (filing.new_company, filing.new_application, filing.new_contact) == (True, True, True)
    assert (record.company, record.role, record.contact) == (
        "Harbourline Ferries",
        "Operations Coordinator",
        "Adaeze Okoro",
    )
    assert record.received_on == DAY and record.received_at == ARRIVED
    assert (record.stage, record.future, record.follow_up) == ("interview", "kept_on_file", "none")
    detail = tracker.rejection(record.id)
    assert "After careful consideration" in detail.original
    assert [(c.name, c.role) for c in detail.contacts] == [("Adaeze Okoro", "recruiter")]
    assert tracker.rejections() == [record]


def test_pasted_text_is_filed_too(tracker: Tracker) -> None:
    text = (
        "From: Adaeze Okoro <adaeze@harbourline.example>\nSubject: Deckhand\n\nDear Jordan,\n"
        "Thank you for applying for the Deckhand role at Harbourline Ferries. We have decided "
        "not to progress your application.\n\nBest wishes,\nAdaeze Okoro\nHarbourline Ferries\n"
    )
    record = tracker.add_rejection(text, today=DAY)
    assert record.company == "Harbourline Ferries"
    assert record.received_on == DAY  # no date in the paste: the day it was filed
    assert tracker.rejection(record.id).original_kind == "text"


def test_a_second_rejection_from_the_company_joins_it_instead_of_duplicating(
    tracker: Tracker,
) -> None:
    tracker.add_rejection(rejection_email(), today=DAY)
    later = tracker.file_rejection(
        rejection_email(
            company="Harbourline Ferries Ltd",
            role="Deck Officer",
            date="Tue, 14 Apr 2026 10:00:00 +0000",
        ),
        today=DAY,
    )
    assert (later.new_company, later.new_application, later.new_contact) == (False, True, False)
    [company] = tracker.companies()
    assert (company.name, company.applications, company.rejections) == ("Harbourline Ferries", 2, 2)


def test_same_requisition_number_matches_the_application_despite_another_title(
    tracker: Tracker,
) -> None:
    first = tracker.add_rejection(
        rejection_email(role="Data Analyst", subject="Data Analyst (REQ-20431)"), today=DAY
    )
    second = tracker.file_rejection(
        rejection_email(
            role="Senior Data Analyst",
            subject="Your application, req #20431",
            date="Wed, 04 Mar 2026 10:00:00 +0000",
        ),
        today=DAY,
    )
    assert not second.new_application
    assert second.rejection.application_id == first.application_id


def test_same_title_with_another_requisition_is_another_application(tracker: Tracker) -> None:
    first = tracker.add_rejection(
        rejection_email(role="Data Analyst", subject="Data Analyst (REQ-1001)"), today=DAY
    )
    second = tracker.add_rejection(
        rejection_email(
            role="Data Analyst",
            subject="Data Analyst (REQ-2002)",
            date="Wed, 04 Mar 2026 10:00:00 +0000",
        ),
        today=DAY,
    )
    assert second.application_id != first.application_id


def test_filing_the_same_email_twice_is_refused_and_changes_nothing(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    with pytest.raises(DuplicateRejection, match=f"already on file as #{record.id}") as found:
        tracker.add_rejection(rejection_email(), today=DAY)
    assert found.value.rejection_id == record.id
    assert len(tracker.rejections()) == 1


def test_an_email_without_a_company_asks_for_one(tracker: Tracker) -> None:
    with pytest.raises(TrackerError, match="--company"):
        tracker.add_rejection("Sorry, no.", today=DAY)
    record = tracker.file_rejection("Sorry, no.", today=DAY, company="Alder & Co").rejection
    assert record.company == "Alder & Co"


def test_fields_are_checked_one_by_one(tracker: Tracker) -> None:
    with pytest.raises(TrackerError, match="unknown stage 'onsite'"):
        tracker.add_rejection_fields(company="Alder", role="Chef", received=DAY, stage="onsite")
    with pytest.raises(TrackerError, match="give the company name"):
        tracker.add_rejection_fields(company="  ", role="Chef", received=DAY)
    with pytest.raises(TrackerError, match="too long"):
        tracker.add_rejection_fields(company="A" * 301, role="Chef", received=DAY)
    assert tracker.rejections() == []


def test_unknown_ids_get_a_plain_message(tracker: Tracker) -> None:
    for call, what in (
        (lambda: tracker.rejection(99), "rejection #99"),
        (lambda: tracker.mark_sent(99, sent_on=ARRIVED), "draft #99"),
        (lambda: tracker.company(99), "company #99"),
        (lambda: tracker.update_contact(99, notes="x"), "contact #99"),
        (lambda: tracker.log_reply(99, received=DAY), "rejection #99"),
    ):
        with pytest.raises(TrackerError, match=f"no {what} on file"):
            call()


def test_one_follow_up_per_rejection_unless_they_replied_or_forced(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    drafts = [
        tracker.save_draft(
            record.id,
            subject=f"Thank you {n}",
            body="Thanks.",
            strategy="gratitude",
            verdict="ready",
            findings=[],
        )
        for n in range(3)
    ]
    sent = tracker.mark_sent(drafts[0].id, sent_on=ARRIVED + timedelta(days=1))
    assert sent.status == "sent" and sent.sent_at == ARRIVED + timedelta(days=1)
    with pytest.raises(
        PolicyRefusal, match="already followed up with Harbourline Ferries on 2026-03-03"
    ):
        tracker.mark_sent(drafts[1].id, sent_on=ARRIVED + timedelta(days=2))
    assert tracker.rejection(record.id).messages[1].status == "draft"
    tracker.log_reply(record.id, received=DAY + timedelta(days=3), text="Thanks, Jordan!")
    assert tracker.mark_sent(drafts[1].id, sent_on=ARRIVED + timedelta(days=4)).status == "sent"
    with pytest.raises(PolicyRefusal):
        tracker.mark_sent(drafts[2].id, sent_on=ARRIVED + timedelta(days=5))
    forced = tracker.mark_sent(drafts[2].id, sent_on=ARRIVED + timedelta(days=5), force=True)
    assert forced.status == "sent"


def test_marking_a_draft_sent_twice_is_refused(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    draft = tracker.save_draft(
        record.id,
        subject="Thanks",
        body="Thanks.",
        strategy="gratitude",
        verdict="ready",
        findings=[{"code": "tone.negative"}],
    )
    tracker.mark_sent(draft.id, sent_on=ARRIVED)
    with pytest.raises(TrackerError, match="already marked sent"):
        tracker.mark_sent(draft.id, sent_on=ARRIVED, force=True)
    assert tracker.rejection(record.id).messages[0].findings == ({"code": "tone.negative"},)


def test_do_not_contact_refuses_sending_and_silences_the_due_list(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    assert [item.kind for item in tracker.due(now=ARRIVED + timedelta(hours=5))] == ["follow_up"]
    tracker.update_contact(
        record.contact_id, do_not_contact=True, notes="Asked not to be contacted"
    )
    assert tracker.due(now=ARRIVED + timedelta(hours=5)) == []
    with pytest.raises(PolicyRefusal, match="Adaeze Okoro is marked do-not-contact"):
        tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=1))
    [person] = tracker.contacts()
    assert person.do_not_contact and person.notes == "Asked not to be contacted"


def test_archiving_a_company_silences_it(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    tracker.archive_company(record.company_id)
    assert tracker.due(now=ARRIVED + timedelta(days=1)) == []
    assert tracker.companies()[0].archived
    tracker.archive_company(record.company_id, archived=False)
    assert tracker.due(now=ARRIVED + timedelta(days=1))


def test_due_walks_from_cool_down_to_follow_up_to_check_in(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    assert [i.kind for i in tracker.due(now=ARRIVED + timedelta(hours=1))] == [
        "cool_down",
        "follow_up",
    ]
    assert [(i.kind, i.overdue) for i in tracker.due(now=ARRIVED + timedelta(days=8))] == [
        ("follow_up", True)
    ]
    tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=2))
    assert tracker.due(now=ARRIVED + timedelta(days=8)) == []
    [check_in] = tracker.due(now=ARRIVED + timedelta(days=90))
    assert (check_in.kind, check_in.due_on, check_in.contact) == (
        "check_in",
        DAY + timedelta(days=90),
        "Adaeze Okoro",
    )
    tracker.log_sent(record.id, kind="check_in", sent_on=ARRIVED + timedelta(days=91))
    assert tracker.due(now=ARRIVED + timedelta(days=92)) == []


def test_logging_an_opening_brings_a_check_in(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(kept_on_file=False), today=DAY)
    tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=1))
    later = DAY + timedelta(days=40)
    assert tracker.due(now=ARRIVED + timedelta(days=40)) == []
    tracker.log_opening(company="harbourline ferries", role="Deck Officer", seen=later)
    [item] = tracker.due(now=ARRIVED + timedelta(days=40))
    assert item.kind == "check_in" and "Deck Officer" in item.reason


def test_check_in_within_a_quarter_is_refused(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    tracker.log_sent(record.id, kind="check_in", sent_on=ARRIVED + timedelta(days=90))
    with pytest.raises(PolicyRefusal, match="one check-in a quarter"):
        tracker.log_sent(record.id, kind="check_in", sent_on=ARRIVED + timedelta(days=120))


def test_profile_intervals_drive_the_reminders(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=1))
    tracker.update_profile(check_in_days=30, follow_up_days=5, skills=["crew scheduling"])
    assert tracker.profile().skills == ("crew scheduling",)
    [item] = tracker.due(now=ARRIVED + timedelta(days=30))
    assert item.kind == "check_in"
    with pytest.raises(TrackerError, match="check in days must be a whole number"):
        tracker.update_profile(check_in_days=0)
    with pytest.raises(TrackerError, match="no field 'colour'"):
        tracker.update_profile(colour="blue")


def test_the_fast_due_list_matches_the_trackers(tracker: Tracker, database_url: str) -> None:
    for n, company in enumerate(("Harbourline Ferries", "Northwind Labs", "Alder & Co")):
        record = tracker.add_rejection(
            rejection_email(
                company=company,
                domain=f"c{n}.example",
                date=f"Mon, {2 + n * 20:02d} Mar 2026 09:30:00 +0000",
            ),
            today=DAY,
        )
        if n == 1:
            tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=25))
    tracker.log_opening(company="Alder & Co", role="Chef", seen=DAY + timedelta(days=41))
    for days in (0, 5, 21, 41, 45, 90, 130):
        now = ARRIVED + timedelta(days=days, hours=1)
        fast = quick.due(database_url, owner="me", now=now)
        assert fast is not None and fast == tracker.due(now=now)
        assert due_now(database_url, now=now) == fast


def test_feedback_themes_are_read_or_given_and_counted(tracker: Tracker) -> None:
    first = tracker.add_rejection(rejection_email(), today=DAY)
    second = tracker.add_rejection(
        rejection_email(company="Northwind", domain="nw.example"), today=DAY
    )
    read = tracker.log_feedback(
        first.id, text="The panel wanted more hands-on Kubernetes experience.", received=DAY
    )
    assert "skills_gap" in read.themes
    tracker.log_feedback(second.id, text="", received=DAY, themes=("none_given",))
    tracker.log_feedback(
        second.id, text="Budget froze.", received=DAY, themes=("role_closed", "none_given")
    )
    counts = tracker.theme_counts()
    assert counts["none_given"] == 1 and counts["role_closed"] == 1 and counts["skills_gap"] == 1
    assert set(counts) >= {"team_fit", "compensation"} and counts["team_fit"] == 0
    assert [f.rejection_id for f in tracker.feedback()] == [second.id, second.id, first.id]
    with pytest.raises(TrackerError, match="unknown theme 'vibes'"):
        tracker.log_feedback(first.id, text="", received=DAY, themes=("vibes",))


def test_people_and_companies_show_their_history(tracker: Tracker) -> None:
    record = tracker.add_rejection(rejection_email(), today=DAY)
    tracker.add_contact(
        record.id, name="Tomás Ruiz", role="interviewer", linkedin="linkedin.com/in/tr"
    )
    tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=1), subject="Thank you")
    tracker.log_reply(record.id, received=DAY + timedelta(days=2))
    detail = tracker.company(record.company_id)
    assert [e.kind for e in detail.history] == ["rejected", "follow_up", "reply"]
    assert detail.last_contact == DAY + timedelta(days=2)
    assert {c.name for c in detail.contacts} == {"Adaeze Okoro", "Tomás Ruiz"}
    people = {c.name: c for c in tracker.contacts()}
    assert people["Adaeze Okoro"].last_contact == DAY + timedelta(days=2)
    assert people["Tomás Ruiz"].linkedin == "linkedin.com/in/tr"


def test_timeline_counts_each_week(tracker: Tracker) -> None:
    tracker.add_application(
        company="Harbourline Ferries",
        role="Operations Coordinator",
        applied=DAY - timedelta(days=14),
    )
    record = tracker.add_rejection(rejection_email(), today=DAY)
    tracker.log_sent(record.id, sent_on=ARRIVED + timedelta(days=1))
    tracker.log_reply(record.id, received=DAY + timedelta(days=8))
    weeks = tracker.timeline(today=DAY + timedelta(days=8), weeks=4)
    assert [w.week_start.weekday() for w in weeks] == [0, 0, 0, 0]
    assert [(w.applications, w.rejections, w.follow_ups, w.replies) for w in weeks] == [
        (1, 0, 0, 0),
        (0, 0, 0, 0),
        (0, 1, 1, 0),
        (0, 0, 0, 1),
    ]


def test_owners_never_see_each_others_records(database_url: str) -> None:
    with (
        open_tracker(database_url, owner="ada") as ada,
        open_tracker(database_url, owner="bo") as bo,
    ):
        record = ada.add_rejection(rejection_email(), today=DAY)
        assert bo.rejections() == [] and bo.companies() == [] and bo.contacts() == []
        with pytest.raises(TrackerError, match="no rejection"):
            bo.rejection(record.id)
        assert (
            bo.add_rejection(rejection_email(), today=DAY).id != record.id
        )  # no duplicate across owners
        assert bo.due(now=ARRIVED) and len(ada.rejections()) == 1


def _everything_on_file(tracker: Tracker):
    """The policy's inputs rebuilt from the public records: every rejection, no SQL window."""
    from afterword.tracker.policy import OpeningFacts, RejectionFacts, Timing

    quiet = {person.id: person.do_not_contact for person in tracker.contacts()}
    archived = {company.id: company.archived for company in tracker.companies()}
    facts, openings, last = [], [], {}
    for record in tracker.rejections():
        drafts = [
            m.id
            for m in tracker.rejection(record.id).messages
            if m.kind == "follow_up" and m.status == "draft"
        ]
        facts.append(
            RejectionFacts(
                rejection_id=record.id,
                company_id=record.company_id,
                company=record.company,
                role=record.role,
                received_on=record.received_on,
                received_at=record.received_at,
                contact=record.contact,
                do_not_contact=quiet.get(record.contact_id, False),
                archived=archived[record.company_id],
                reply_advised=record.reply_advised,
                kept_on_file=record.future == "kept_on_file",
                follow_up_sent=record.follow_up == "sent",
                draft_id=max(drafts, default=None),
            )
        )
    for company_id, is_archived in archived.items():
        history = tracker.company(company_id).history
        if not is_archived:
            openings += [
                OpeningFacts(company_id, e.role, e.day) for e in history if e.kind == "opening"
            ]
        check_ins = [e.day for e in history if e.kind == "check_in"]
        if check_ins:
            last[company_id] = max(check_ins)
    profile = tracker.profile()
    return facts, openings, last, Timing(profile.follow_up_days, profile.check_in_days)


def test_due_reads_exactly_what_the_policy_needs_from_a_long_history(tracker: Tracker) -> None:
    from afterword.tracker import policy

    start = date(2025, 1, 6)
    for n in range(36):
        received = start + timedelta(days=n * 13)
        record = tracker.add_rejection_fields(
            company=f"Company {n % 7}",
            role=f"Role {n}",
            received=received,
            contact_name=f"Person {n % 9}",
            contact_email=f"p{n % 9}@c{n % 7}.example",
            future="kept_on_file" if n % 3 else "invited",
            stage="interview",
        )
        if n % 4 == 0:
            tracker.log_sent(
                record.id,
                sent_on=datetime.combine(received, datetime.min.time(), UTC) + timedelta(days=2),
            )
        elif n % 4 == 1:
            tracker.save_draft(
                record.id,
                subject="Thanks",
                body="Thanks.",
                strategy="gratitude",
                verdict="ready",
                findings=[],
            )
        if n % 10 == 5:
            tracker.log_sent(
                record.id,
                kind="check_in",
                force=True,
                sent_on=datetime.combine(received, datetime.min.time(), UTC) + timedelta(days=100),
            )
        if n % 11 == 3:
            tracker.log_opening(
                company=f"Company {n % 7}", role="Opening", seen=received + timedelta(days=30)
            )
    people = tracker.contacts()
    tracker.update_contact(people[2].id, do_not_contact=True)
    tracker.archive_company(tracker.companies()[4].id)
    tracker.update_profile(check_in_days=60)
    inputs = _everything_on_file(tracker)
    for offset in range(0, 560, 9):
        now = datetime.combine(
            start + timedelta(days=offset), datetime.min.time(), UTC
        ) + timedelta(hours=11)
        expected = policy.due(*inputs[:3], now=now, timing=inputs[3])
        assert tracker.due(now=now) == expected, now
