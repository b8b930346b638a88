"""Measure the web app under load: live-review round trips and the Today page.

Usage:

    .venv/bin/python benchmarks/web.py [--applications N] [--reviews R] [--seconds S] [--clients C]

What it does:

1. Seeds a fresh SQLite database with N applications (default 1,000) and their history:
   most were turned down, many got a follow-up, some a reply, some feedback.
2. Starts `afterword serve --no-browser` as its own process on a free loopback port, so the
   load generator here never shares the server's interpreter.
3. Live review: R sequential POST /api/review calls (default 300) of a 150-word draft over
   one kept-alive connection, as the editor makes them while someone types. Target: p95 <= 50 ms.
4. Today: C clients (default 20) each load GET / over their own connection, back to back,
   for S seconds (default 10). Target: p95 <= 100 ms.

Everything is bounded in time (each phase stops at its deadline, the server is stopped at
the end). It is a report, not a test: the exit status is 0 whatever the numbers, 1 when the
server cannot start. No network beyond loopback is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _table import print_table
from afterword.tracking import open_tracker

AFTERWORD = Path(sys.executable).parent / "afterword"
TARGET_REVIEW_P95_MS = 50.0
TARGET_TODAY_P95_MS = 100.0
START_TIMEOUT = 60.0

COMPANIES = [f"{name} {kind}" for name in ("Lumen", "Harbour", "Bellweather", "Northwind",
             "Cobalt", "Orchard", "Granite", "Meridian", "Juniper", "Tideline")
             for kind in ("Labs", "Foods", "Health", "Ferries", "Studio")]  # fmt: skip
ROLES = ["Data Analyst", "Operations Coordinator", "Pastry Chef", "Product Designer",
         "Support Lead", "Supply Chain Planner", "Nurse Educator", "Backend Engineer"]  # fmt: skip
FEEDBACK = [
    "We needed more hands-on experience with forecasting tools.",
    "Another candidate had more years leading a team.",
    "The role has been put on hold for this quarter.",
    "An internal candidate was chosen.",
    "Your interview answers could have used more concrete examples.",
]
DRAFT = """\
Subject: Thank you – Data Analyst interview

Dear Ms. Raman,

Thank you for letting me know, and for the time you and the team spent with me last week. \
I enjoyed hearing how your analysts publish every dashboard together with its method notes, \
and how the team reviews each release in a short weekly session. It is exactly the kind of \
careful, open practice I hope to keep working in, and it made the conversations a pleasure.

I understand the decision, and I would be glad to be considered for future analyst roles \
at Lumenfield. My experience with forecasting models and stakeholder reporting may be useful \
to the team later on, and I will keep an eye on your openings with real interest.

If you ever have a moment, I would value any brief feedback on my interviews, though please \
do not feel obliged. Thank you again for a thoughtful and well organised process.

Kind regards,
Jordan Ellis
"""


def seed(url: str, applications: int, today: dt.date) -> dict[str, int]:
    """File the applications and their history straight through the tracker."""
    rng = random.Random(7)
    counts = {"applications": 0, "rejections": 0, "follow-ups": 0, "replies": 0, "feedback": 0}
    with open_tracker(url) as tracker:
        for number in range(applications):
            company = rng.choice(COMPANIES)
            role = f"{rng.choice(ROLES)} {number}"
            applied = today - dt.timedelta(days=rng.randint(10, 200))
            tracker.add_application(company=company, role=role, applied=applied)
            counts["applications"] += 1
            if rng.random() > 0.7:
                continue
            received = min(today, applied + dt.timedelta(days=rng.randint(5, 40)))
            rejection = tracker.add_rejection_fields(
                company=company, role=role, received=received,
                contact_name=rng.choice(["Priya Raman", "Sam Okafor", "Ana Ruiz", None]),
                stage=rng.choice(["application", "interview"]),
                future=rng.choice(["unknown", "kept_on_file", "invited"]),
            )  # fmt: skip
            counts["rejections"] += 1
            if rng.random() < 0.6:
                message = tracker.save_draft(
                    rejection.id, subject="Thank you", body=DRAFT, strategy="gratitude",
                    verdict="ready", findings=[],
                )  # fmt: skip
                sent = dt.datetime.combine(received, dt.time(12), dt.UTC) + dt.timedelta(days=1)
                tracker.mark_sent(message.id, sent_on=sent)
                counts["follow-ups"] += 1
                if rng.random() < 0.3:
                    tracker.log_reply(rejection.id, received=received + dt.timedelta(days=3))
                    counts["replies"] += 1
            if rng.random() < 0.25:
                tracker.log_feedback(rejection.id, text=rng.choice(FEEDBACK), received=received)
                counts["feedback"] += 1
    return counts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "AFTERWORD_DATABASE_URL": url}
    env.pop("AFTERWORD_ACCESS_TOKEN", None)
    env.pop("AFTERWORD_ACCESS_TOKENS", None)
    server = subprocess.Popen(
        [str(AFTERWORD), "serve", "--no-browser", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                server.stderr.read().decode(errors="replace") if server.stderr else ""
            )
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"the server did not answer within {START_TIMEOUT:.0f} s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def live_review(port: int, count: int, deadline_s: float) -> list[float]:
    """Milliseconds per review round trip, one connection, one request after another."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"text": DRAFT, "context": {"company": "Lumenfield", "role": "Data Analyst"}})
    headers = {"Content-Type": "application/json"}
    timings = []
    stop = time.monotonic() + deadline_s
    for _ in range(count + 5):
        if time.monotonic() > stop:
            break
        began = time.perf_counter()
        connection.request("POST", "/api/review", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"/api/review answered {response.status}")
        timings.append((time.perf_counter() - began) * 1000)
    connection.close()
    return timings[5:]  # the first calls warm the rules and the dictionary


def today_under_load(port: int, clients: int, seconds: float) -> tuple[list[float], int]:
    """Milliseconds per Today page with `clients` loading it back to back; and the errors."""
    timings: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = threading.Barrier(clients)
    stop_at = [0.0]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        start.wait()
        while time.monotonic() < stop_at[0]:
            began = time.perf_counter()
            try:
                connection.request("GET", "/")
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                if ok:
                    mine.append(elapsed)
                else:
                    errors[0] += 1
        with lock:
            timings.extend(mine)

    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(5):
        warm.request("GET", "/")
        warm.getresponse().read()
    stop_at[0] = time.monotonic() + seconds
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return timings, errors[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--reviews", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=20)
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="afterword-web-bench-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    began = time.perf_counter()
    counts = seed(url, options.applications, dt.date.today())
    seeded_s = time.perf_counter() - began
    print_table(["what", "count"], [[name, value] for name, value in counts.items()],
                title=f"Seeded in {seeded_s:.1f} s")  # fmt: skip
    print()
    port = free_port()
    try:
        server = start_server(url, port)
    except RuntimeError as error:
        sys.stderr.write(f"web.py: the server did not start: {error}\n")
        return 1
    try:
        reviews = live_review(port, options.reviews, deadline_s=60)
        pages, errors = today_under_load(port, options.clients, options.seconds)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    draft_words = len(DRAFT.split())
    rows = []
    for name, values, target in (
        (f"live review, {draft_words}-word draft, 1 client", reviews, TARGET_REVIEW_P95_MS),
        (f"Today page, {options.clients} clients", pages, TARGET_TODAY_P95_MS),
    ):
        p95 = percentile(values, 0.95)
        rows.append([
            name, len(values), f"{statistics.median(values):.1f}", f"{p95:.1f}", f"{max(values):.1f}",
            f"{target:.0f}", "yes" if p95 <= target else "NO",
        ])  # fmt: skip
    print_table(
        ["measure", "requests", "median ms", "p95 ms", "max ms", "target p95", "met"],
        rows,
        title=f"Web app on loopback ({options.applications:,} applications, SQLite)",
    )
    throughput = len(pages) / options.seconds
    print(f"\nToday page: {throughput:.0f} pages/s, {errors} errors.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
