"""Measure `afterword track due` end to end on a database of 10,000 applications with history.

Usage:

    .venv/bin/python benchmarks/track.py [--applications N] [--runs R] [--database URL]

1. Builds the database: N applications (default 10,000) at N/4 companies over two years, with
   what a real search leaves behind: a rejection for most (its original email kept), people,
   drafts and sent follow-ups, replies, check-ins, feedback with themes, and new openings.
   It goes in through `afterword track import` of a generated export, so every row passes the
   same checks as a user's file. The default database is a fresh SQLite file in a temp
   folder; --database takes an empty PostgreSQL database instead.
2. Runs `afterword track due --today 2026-06-15` as a real subprocess R times (default 15)
   for text and for --format json, after one discarded run each: median, p90, min and max.
   Target: median <= 300 ms.
3. In-process: the Tracker's own due() through SQLAlchemy, for comparison.
4. The query plan (SQLite): each due query searches an index; none scans a whole table.

A report, not a test: the exit status is 0 whatever the numbers, and 1 only when a
subprocess fails. No network; every subprocess has a timeout.
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _table import print_table
from afterword.themes import THEMES

BIN = Path(sys.executable).parent
AFTERWORD = BIN / ("afterword.exe" if os.name == "nt" else "afterword")
TODAY = date(2026, 6, 15)
TARGET_MS = 300.0
TIMEOUT = 60.0
ROLES = (
    "Data Analyst",
    "Operations Coordinator",
    "Product Designer",
    "Backend Engineer",
    "Marketing Manager",
    "Claims Adjuster",
    "Pastry Chef",
    "UX Researcher",
)


def _email(company: str, role: str, person: str, day: date) -> str:
    text = (
        f"From: {person} <{person.lower().replace(' ', '.')}@example.com>\r\n"
        f"Subject: Your application for {role}\r\nDate: {day.strftime('%a, %d %b %Y')} "
        f"09:30:00 +0000\r\n\r\nDear Jordan,\r\n\r\nThank you for your time with {company}. "
        "After careful consideration we have decided to move forward with another candidate."
        "\r\n\r\nKind regards,\r\n" + person + "\r\n"
    ) * 3
    return base64.b64encode(text.encode()).decode()


def build_export(applications: int, seed: int = 7) -> dict:
    """A lossless export (schema 1) of a long job search, deterministic for the seed."""
    rng = random.Random(seed)
    tables: dict[str, list] = {
        name: []
        for name in (
            "companies",
            "contacts",
            "applications",
            "application_contacts",
            "rejections",
            "messages",
            "feedback",
            "feedback_themes",
            "openings",
        )
    }
    companies = max(1, applications // 4)
    for n in range(1, companies + 1):
        tables["companies"].append(
            {"id": n, "name": f"Company {n:05d} Ltd", "archived": n % 50 == 0}
        )
        tables["contacts"].append(
            {
                "id": n,
                "company_id": n,
                "name": f"Recruiter {n}",
                "email": f"talent@c{n}.example",
                "linkedin": None,
                "notes": "",
                "last_contact": None,
                "do_not_contact": n % 40 == 0,
            }
        )
    ids = {"messages": 0, "feedback": 0, "rejections": 0}
    for n in range(1, applications + 1):
        company = rng.randint(1, companies)
        role = f"{rng.choice(ROLES)} {n}"
        applied = TODAY - timedelta(days=rng.randint(0, 730))
        tables["applications"].append(
            {
                "id": n,
                "company_id": company,
                "role": role,
                "requisition": f"REQ-{n}",
                "url": None,
                "stage": rng.choice(["application", "interview"]),
                "applied_on": applied.isoformat(),
            }
        )
        tables["application_contacts"].append(
            {"application_id": n, "contact_id": company, "role": "recruiter"}
        )
        received = applied + timedelta(days=rng.randint(5, 60))
        if received > TODAY or rng.random() > 0.85:
            continue  # still waiting to hear
        ids["rejections"] += 1
        rejection = ids["rejections"]
        tables["rejections"].append(
            {
                "id": rejection,
                "application_id": n,
                "contact_id": company,
                "received_on": received.isoformat(),
                "received_at": f"{received.isoformat()}T09:30:00+00:00",
                "stage": "interview",
                "feedback": rng.choice(["offered", "declined", "not_mentioned"]),
                "future": rng.choice(["kept_on_file", "kept_on_file", "invited", "not_mentioned"]),
                "suggested_strategy": "future",
                "reply_advised": rng.random() < 0.85,
                "summary": f"{role} at company {company}.",
                "message_id": f"<{n}@c{company}.example>",
                "original": _email(f"Company {company}", role, f"Recruiter {company}", received),
                "original_kind": "eml",
            }
        )
        draws = rng.random()
        if draws < 0.7:
            ids["messages"] += 1
            sent = datetime.combine(
                received + timedelta(days=rng.randint(0, 6)), datetime.min.time(), UTC
            )
            tables["messages"].append(
                _message(
                    ids["messages"],
                    rejection,
                    "follow_up",
                    "sent" if draws < 0.6 else "draft",
                    sent,
                )
            )
        if rng.random() < 0.2:
            ids["messages"] += 1
            tables["messages"].append(
                _message(
                    ids["messages"],
                    rejection,
                    "reply",
                    "received",
                    None,
                    received + timedelta(days=9),
                )
            )
        if rng.random() < 0.05:
            ids["messages"] += 1
            later = datetime.combine(received + timedelta(days=95), datetime.min.time(), UTC)
            tables["messages"].append(
                _message(ids["messages"], rejection, "check_in", "sent", later)
            )
        if rng.random() < 0.3:
            ids["feedback"] += 1
            tables["feedback"].append(
                {
                    "id": ids["feedback"],
                    "rejection_id": rejection,
                    "text": "More depth in the technical round.",
                    "received_on": received.isoformat(),
                }
            )
            for theme in rng.sample(THEMES, rng.randint(1, 2)):
                tables["feedback_themes"].append({"feedback_id": ids["feedback"], "theme": theme})
    for n in range(1, applications // 20 + 1):
        tables["openings"].append(
            {
                "id": n,
                "company_id": rng.randint(1, companies),
                "role": rng.choice(ROLES),
                "url": None,
                "seen_on": (TODAY - timedelta(days=rng.randint(0, 365))).isoformat(),
            }
        )
    return {
        "schema": 1,
        "app": "afterword",
        **tables,
        "profile": None,
        "counts": {name: len(rows) for name, rows in tables.items()},
    }


def _message(number, rejection, kind, status, sent, received=None) -> dict:
    return {
        "id": number,
        "rejection_id": rejection,
        "kind": kind,
        "status": status,
        "subject": "Thank you",
        "body": "Thank you for your time. " * 8,
        "strategy": "gratitude",
        "verdict": "ready",
        "findings": [],
        "sent_at": sent.isoformat() if sent and status == "sent" else None,
        "received_on": received.isoformat() if received else None,
    }


def timed_runs(args: list[str], runs: int) -> tuple[list[float], str]:
    """Wall milliseconds of each run after one discarded run, and the last output."""
    times, output = [], ""
    for attempt in range(runs + 1):
        start = time.perf_counter()
        result = subprocess.run(
            [str(AFTERWORD), *args], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        elapsed = (time.perf_counter() - start) * 1000
        if result.returncode != 0:
            sys.stderr.write(f"afterword {' '.join(args)} failed:\n{result.stderr}")
            raise SystemExit(1)
        if attempt:
            times.append(elapsed)
        output = result.stdout
    return times, output


def summary(label: str, times: list[float]) -> list[object]:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    median = statistics.median(times)
    return [
        label,
        len(times),
        f"{median:.0f}",
        f"{p90:.0f}",
        f"{ordered[0]:.0f}",
        f"{ordered[-1]:.0f}",
        "yes" if median <= TARGET_MS else "NO",
    ]


def query_plans(path: Path) -> list[list[object]]:
    from afterword.tracker import reminders

    params = {
        "owner": "me",
        "archived": False,
        "since": TODAY - timedelta(days=400),
        "opened_since": TODAY - timedelta(days=182),
        "follow_up_since": TODAY - timedelta(days=14),
    }
    rows = []
    with sqlite3.connect(path) as connection:
        for name, sql in (
            ("rejections", reminders.REJECTIONS_SQL),
            ("openings", reminders.OPENINGS_SQL),
            ("check-ins", reminders.CHECK_INS_SQL),
        ):
            used = {k: v for k, v in params.items() if f":{k}" in sql}
            steps = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, used)]
            scans = [step for step in steps if step.startswith("SCAN") and "INDEX" not in step]
            searches = sum(step.startswith("SEARCH") for step in steps)
            rows.append([name, searches, "; ".join(scans) or "none"])
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", help="An empty database URL (default: a temp SQLite file).")
    args = parser.parse_args(argv)

    from afterword.tracking import open_tracker

    with tempfile.TemporaryDirectory(prefix="afterword-track-bench-") as folder:
        path = Path(folder) / "afterword.db"
        url = args.database or f"sqlite:///{path}"
        start = time.perf_counter()
        data = build_export(args.applications)
        with open_tracker(url) as tracker:
            tracker.import_json(data)
            built = time.perf_counter() - start
            counts = data["counts"]
            print_table(
                [
                    "applications",
                    "companies",
                    "rejections",
                    "messages",
                    "feedback",
                    "openings",
                    "build s",
                ],
                [
                    [
                        counts["applications"],
                        counts["companies"],
                        counts["rejections"],
                        counts["messages"],
                        counts["feedback"],
                        counts["openings"],
                        f"{built:.1f}",
                    ]
                ],
                "Database",
            )
            now = datetime.combine(TODAY, datetime.min.time()).replace(hour=12).astimezone()
            in_process = []
            for _ in range(args.runs):
                begin = time.perf_counter()
                items = tracker.due(now=now)
                in_process.append((time.perf_counter() - begin) * 1000)
        base = ["track", "due", "--today", TODAY.isoformat(), "--database", url]
        text_times, _ = timed_runs(base, args.runs)
        json_times, output = timed_runs([*base, "--format", "json"], args.runs)
        print()
        print_table(
            ["command", "runs", "median ms", "p90 ms", "min ms", "max ms", "<= 300 ms"],
            [
                summary("afterword track due", text_times),
                summary("afterword track due --format json", json_times),
                summary("Tracker.due() in process", in_process),
            ],
            f"afterword track due on {args.applications:,} applications ({len(items)} items due)",
        )
        if url.startswith("sqlite"):
            print()
            print_table(
                ["query", "index searches", "full table scans"],
                query_plans(path),
                "Query plans (SQLite EXPLAIN QUERY PLAN)",
            )
        del output


if __name__ == "__main__":
    main()
