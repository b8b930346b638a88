"""Eight processes filing and updating at once lose nothing, on SQLite and on PostgreSQL."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime, timedelta

from afterword.themes import themes_of

WORKERS = 8
ROUNDS = 10
COMPANIES = 3
START = date(2026, 3, 2)
FEEDBACK = "We hoped for more experience with Rust."


def sent_day(worker: int, round_: int) -> date:
    return START + timedelta(days=1 + (worker * 7 + round_ * 3) % 29)


def worker(url: str, number: int, ready, results) -> None:
    """File rejections at shared companies with shared recruiters, log feedback, send."""
    from afterword.tracking import open_tracker

    try:
        with open_tracker(url) as tracker:
            ready.wait(timeout=60)  # everyone starts together
            for round_ in range(ROUNDS):
                shared = round_ % COMPANIES
                record = tracker.add_rejection_fields(
                    company=f"Shared Company {shared}",
                    role=f"Role {number}-{round_}",
                    received=START,
                    contact_name=f"Recruiter {shared}",
                    contact_email=f"talent@shared{shared}.example",
                    future="kept_on_file",
                )
                tracker.log_feedback(record.id, text=FEEDBACK, received=START)
                draft = tracker.save_draft(
                    record.id,
                    subject=f"Thanks {number}-{round_}",
                    body="Thank you.",
                    strategy="gratitude",
                    verdict="ready",
                    findings=[],
                )
                day = sent_day(number, round_)
                tracker.mark_sent(
                    draft.id, sent_on=datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
                )
        results.put((number, "ok"))
    except Exception as error:  # reported to the test, which fails with it
        results.put((number, f"{type(error).__name__}: {error}"))


def test_eight_processes_at_once_lose_nothing(database_url: str) -> None:
    from afterword.tracking import open_tracker

    open_tracker(database_url).close()  # the schema exists before the race starts
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(WORKERS)
    results = context.Queue()
    processes = [
        context.Process(target=worker, args=(database_url, n, ready, results))
        for n in range(WORKERS)
    ]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=300) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    assert outcomes == dict.fromkeys(range(WORKERS), "ok")

    with open_tracker(database_url) as tracker:
        rejections = tracker.rejections()
        assert len(rejections) == WORKERS * ROUNDS
        assert {r.role for r in rejections} == {
            f"Role {w}-{r}" for w in range(WORKERS) for r in range(ROUNDS)
        }
        assert all(r.follow_up == "sent" for r in rejections)
        companies = tracker.companies()
        assert sorted(c.name for c in companies) == [
            f"Shared Company {n}" for n in range(COMPANIES)
        ]
        assert sum(c.applications for c in companies) == WORKERS * ROUNDS
        people = {person.email: person for person in tracker.contacts()}
        assert sorted(people) == [f"talent@shared{n}.example" for n in range(COMPANIES)]
        for shared in range(COMPANIES):
            latest = max(
                sent_day(w, r)
                for w in range(WORKERS)
                for r in range(ROUNDS)
                if r % COMPANIES == shared
            )
            assert people[f"talent@shared{shared}.example"].last_contact == latest
        assert len(tracker.feedback()) == WORKERS * ROUNDS
        counts = tracker.theme_counts()
        assert all(counts[theme] == WORKERS * ROUNDS for theme in themes_of(FEEDBACK))
