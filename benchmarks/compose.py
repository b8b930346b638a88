"""Measure the composer: time per draft (its review included) and how often a clean context gives a draft.

Usage:

    .venv/bin/python benchmarks/compose.py [--contexts N] [--grid M] [--seed S]

Sections:

1. Latency: milliseconds per `afterword.compose.compose(context, ...)` call, the composer's
   own reviews included (it reviews each attempt until one is ready), over N varied contexts
   (default 200) after one discarded warm-up call that loads the rules and the dictionary.
   Median, p95, min and max, for every call and separately for the calls that gave a draft
   and those that raised ComposeError. Target: median <= 20 ms.
2. Pass rate: a deterministic grid of M generated contexts (default 500): varied names
   (accents, apostrophes, hyphens, honorifics, very long ones), companies (some ending in
   "s"), roles of every length, clean company details ("its ...", "your ...", "their ...",
   plain noun phrases), both tones and lengths, every strategy, stage, feedback and future
   value, email and note, and send dates within a week of the rejection. The share that
   yields a draft whose review is ready. Target: 100 %. Every failure is listed with its
   reason and the facts that produced it, so that it can be reproduced and fixed.

The grid never asks for the feedback strategy when the rejection declined feedback: the
composer refuses that by design, so such a context is not a clean one.

It is a report, not a test: the exit status is 0 whatever the numbers. No network is used.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _table import print_table as _print_table
from afterword.composer import ComposeError, Draft, compose

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from compose_pools import (
    CLARIFICATIONS,
    COMPANIES,
    DETAIL_NOUNS,
    GIVEN_NAMES,
    HONORIFICS,
    PLAIN_DETAILS,
    ROLES,
    SKILLS,
    SURNAMES,
    THEIR_SUBJECTS,
)

TARGET_MEDIAN_MS = 20.0
TARGET_PASS_RATE = 1.0


@dataclass
class Case:
    context: dict[str, Any]
    options: dict[str, Any]


@dataclass
class Outcome:
    case: Case
    seconds: float
    draft: Draft | None
    reason: str | None

    @property
    def ready(self) -> bool:
        return self.draft is not None and self.draft.review.ready


def _name(rng: random.Random, honorific: bool) -> str:
    if rng.random() < 0.08:
        name = f"{rng.choice(GIVEN_NAMES)} {'-'.join(rng.sample(SURNAMES, 3))}"
        while len(name) < 60:
            name = f"{rng.choice(GIVEN_NAMES)}-{name}"
    else:
        parts = [rng.choice(GIVEN_NAMES)]
        if rng.random() < 0.15:
            parts.append(rng.choice(GIVEN_NAMES))
        parts.append(rng.choice(SURNAMES))
        name = " ".join(parts)
    if honorific and rng.random() < 0.3:
        name = f"{rng.choice(HONORIFICS)} {name}"
    return name


def _detail(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(PLAIN_DETAILS)
    lead = rng.choice(["its", "Its", "your", "their", "the"])
    return f"{lead} {rng.choice(DETAIL_NOUNS)}" + rng.choice(["", "", "."])


def generate(count: int, seed: int) -> list[Case]:
    """`count` clean contexts and options, the same for the same seed."""
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        stage = rng.choice(["application", "interview", "unknown"])
        context: dict[str, Any] = {
            "company": rng.choice(COMPANIES),
            "company_detail": _detail(rng),
            "stage": stage,
            "feedback": rng.choice(["offered", "declined", "unknown"]),
            "future": rng.choice(["invited", "on_file", "unknown"]),
            "channel": rng.choice(["email", "email", "note"]),
        }
        if rng.random() < 0.85:
            context["recipient_name"] = _name(rng, honorific=True)
        if rng.random() < 0.85:
            context["sender_name"] = _name(rng, honorific=False)
        if rng.random() < 0.9:
            context["role"] = rng.choice(ROLES)
        if rng.random() < 0.6:
            context["skills"] = rng.sample(SKILLS, rng.randint(1, 4))
        if rng.random() < 0.15:
            context["their_subject"] = rng.choice(THEIR_SUBJECTS)
        if rng.random() < 0.75:
            rejected = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 330))
            context["rejection_date"] = rejected.isoformat()
            context["send_date"] = (rejected + dt.timedelta(days=rng.randint(0, 7))).isoformat()
            if stage == "interview" and rng.random() < 0.5:
                context["interview_date"] = (rejected - dt.timedelta(days=4)).isoformat()
        strategy = rng.choice(["auto", "auto", "gratitude", "future", "feedback"])
        if strategy == "feedback" and context["feedback"] == "declined":
            strategy = "auto"
        clarification = None
        if stage == "interview" and rng.random() < 0.25:
            clarification = rng.choice(CLARIFICATIONS)
        options = {
            "strategy": strategy,
            "tone": rng.choice(["warm", "formal"]),
            "length": rng.choice(["short", "standard"]),
            "seed": index,
            "clarification": clarification,
            "transferable": rng.random() < 0.25,
        }
        cases.append(Case(context, options))
    return cases


def run(case: Case) -> Outcome:
    options = dict(case.options)
    strategy = options.pop("strategy")
    start = time.perf_counter()
    try:
        draft = compose(case.context, strategy, **options)
    except ComposeError as error:
        return Outcome(case, time.perf_counter() - start, None, str(error))
    return Outcome(case, time.perf_counter() - start, draft, None)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at or above `share` of the values."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * share)) - 1]


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def print_table(headers: list[str], rows: list[list[object]], title: str) -> None:
    _print_table(headers, rows, title)
    print()


def describe(case: Case) -> str:
    """The facts of a case in one line, enough to reproduce it."""
    c, o = case.context, case.options
    facts = [
        f"strategy={o['strategy']}",
        f"tone={o['tone']}",
        f"length={o['length']}",
        f"seed={o['seed']}",
        f"channel={c['channel']}",
        f"stage={c['stage']}",
        f"feedback={c['feedback']}",
        f"future={c['future']}",
        f"company={c['company']!r}",
        f"detail={c['company_detail']!r}",
        f"recipient={c.get('recipient_name')!r}",
        f"role={c.get('role')!r}",
    ]
    if c.get("skills"):
        facts.append(f"skills={c['skills']!r}")
    if o.get("clarification"):
        facts.append(f"clarification={o['clarification']!r}")
    if o.get("transferable"):
        facts.append("transferable")
    if c.get("rejection_date"):
        facts.append(
            f"days={(dt.date.fromisoformat(c['send_date']) - dt.date.fromisoformat(c['rejection_date'])).days}"
        )
    return ", ".join(facts)


def latency(args: argparse.Namespace) -> float:
    cases = generate(args.contexts, args.seed + 1)
    run(cases[0])  # warm-up: loads the rules, the lexicons and the dictionary
    outcomes = [run(case) for case in cases]
    groups = {
        "every call": [o.seconds * 1000 for o in outcomes],
        "calls giving a draft": [o.seconds * 1000 for o in outcomes if o.draft],
        "calls raising ComposeError": [o.seconds * 1000 for o in outcomes if not o.draft],
    }
    by_channel = collections.defaultdict(list)
    for outcome in outcomes:
        key = f"{outcome.case.context['channel']}, {outcome.case.options['length']}"
        by_channel[key].append(outcome.seconds * 1000)
    rows = []
    for name, values in [*groups.items(), *sorted(by_channel.items())]:
        if not values:
            rows.append([name, 0, "-", "-", "-", "-"])
            continue
        rows.append(
            [
                name,
                len(values),
                fmt(statistics.median(values), 2),
                fmt(percentile(values, 0.95), 2),
                fmt(min(values), 2),
                fmt(max(values), 2),
            ]
        )
    print_table(
        ["calls", "n", "median ms", "p95 ms", "min ms", "max ms"],
        rows,
        f"1. Latency per compose() call, review included ({len(cases)} contexts, seed "
        f"{args.seed + 1}, after one warm-up call)",
    )
    return statistics.median(groups["every call"])


def pass_rate(args: argparse.Namespace) -> float:
    cases = generate(args.grid, args.seed)
    outcomes = [run(case) for case in cases]
    ready = [o for o in outcomes if o.ready]
    failures = [o for o in outcomes if not o.ready]
    rate = len(ready) / len(outcomes)

    rows = []
    for label, key in (
        ("channel", lambda o: o.case.context["channel"]),
        ("strategy asked", lambda o: o.case.options["strategy"]),
        ("strategy chosen", lambda o: o.draft.strategy if o.draft else "(none)"),
        ("stage", lambda o: o.case.context["stage"]),
        ("tone", lambda o: o.case.options["tone"]),
        ("length", lambda o: o.case.options["length"]),
    ):
        counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        for outcome in outcomes:
            counts[key(outcome)][0] += 1
            counts[key(outcome)][1] += outcome.ready
        for value, (total, good) in sorted(counts.items()):
            rows.append([label, value, total, good, f"{100 * good / total:.1f}%"])
    rows.append(["all", "", len(outcomes), len(ready), f"{100 * rate:.1f}%"])
    print_table(
        ["by", "value", "contexts", "ready drafts", "pass rate"],
        rows,
        f"2. Pass rate over a grid of {len(cases)} clean contexts (seed {args.seed}): "
        "drafts whose review is ready",
    )

    words = collections.defaultdict(list)
    for outcome in ready:
        draft = outcome.draft
        assert draft is not None
        if outcome.case.context["channel"] == "note":
            words["note (characters)"].append(len(draft.body))
        else:
            middle = " ".join(draft.body.split("\n\n")[1:-1])
            words[f"email {outcome.case.options['length']} (body words)"].append(
                len(middle.split())
            )
    print_table(
        ["drafts", "n", "min", "median", "max"],
        [
            [name, len(values), min(values), fmt(statistics.median(values)), max(values)]
            for name, values in sorted(words.items())
        ],
        "Size of the ready drafts (email body between greeting and sign-off)",
    )

    if failures:
        reasons = collections.Counter(
            o.reason or "a draft whose review is not ready" for o in failures
        )
        print_table(
            ["count", "reason"],
            [[count, reason] for reason, count in reasons.most_common()],
            f"Failures by reason ({len(failures)})",
        )
        print(f"Every failure ({len(failures)}):")
        for number, outcome in enumerate(failures, 1):
            print(f"{number:>3}. {outcome.reason or 'review not ready'}")
            print(f"     {describe(outcome.case)}")
            print(f"     context: {json.dumps(outcome.case.context, ensure_ascii=False)}")
            print(f"     options: {json.dumps(outcome.case.options, ensure_ascii=False)}")
        print()
    else:
        print("No failures.\n")
    return rate


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--contexts", type=int, default=200, metavar="N", help="contexts timed (default 200)"
    )
    parser.add_argument(
        "--grid",
        type=int,
        default=500,
        metavar="M",
        help="contexts in the pass-rate grid (default 500)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="seed of the grid (default 2026)")
    args = parser.parse_args(argv)
    if args.contexts < 1 or args.grid < 1:
        parser.error("--contexts and --grid must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    print(f"afterword compose report: {sys.executable}\n")
    median_ms = latency(args)
    rate = pass_rate(args)

    def verdict(ok: bool) -> str:
        return "pass" if ok else "FAIL"

    print_table(
        ["measure", "value", "target", "result"],
        [
            [
                "compose() per draft, review included (median ms)",
                fmt(median_ms, 2),
                f"<= {TARGET_MEDIAN_MS:.0f}",
                verdict(median_ms <= TARGET_MEDIAN_MS),
            ],
            [
                f"clean contexts giving a ready draft ({args.grid})",
                f"{100 * rate:.1f}%",
                f"{100 * TARGET_PASS_RATE:.0f}%",
                verdict(rate >= TARGET_PASS_RATE),
            ],
        ],
        "Summary",
    )
    print(f"(benchmark took {time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
