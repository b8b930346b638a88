"""Print the inbox reader's speed: emails per second in process, and a 5,000-message .mbox.

In process: every dev email parsed and read, as the first pass of a fresh process (cold:
regex and lookup caches empty) and as later passes (warm); medians over several runs.
The folder: `afterword read FOLDER.mbox --format jsonl` as a real process, on generated
folders of dev rejections mixed with other mail, timed and with its peak memory (RSS);
the same peak at 500 and 5,000 messages shows that memory does not grow with the folder.
Usage: python benchmarks/read_speed.py [--data DIR] [--runs N] [--messages N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _table import print_table
from afterword.inbox import parse_email, read_rejection
from mailbox_samples import NOT_REJECTIONS, mbox_entry

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_rejections"
TARGET_PER_SECOND = 500
SCRIPT = Path(sys.executable).parent / "afterword"
COLD_PASS = """
import sys, time
from pathlib import Path
from afterword.inbox import parse_email, read_rejection
raw = [path.read_bytes() for path in sorted(Path(sys.argv[1]).glob("*.eml"))]
start = time.perf_counter()
for data in raw:
    read_rejection(parse_email(data))
print(time.perf_counter() - start)
"""


def in_process(raw: list[bytes], runs: int) -> tuple[list[float], list[float]]:
    """Seconds for the first pass of fresh processes, and for warm passes in this one."""
    cold = [
        float(
            subprocess.run(
                [sys.executable, "-c", COLD_PASS, str(DATA)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(runs)
    ]
    for data in raw:
        read_rejection(parse_email(data))
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        for data in raw:
            read_rejection(parse_email(data))
        warm.append(time.perf_counter() - start)
    return cold, warm


def write_folder(path: Path, raw: list[bytes], messages: int) -> None:
    """Dev rejections, each followed by three messages that are not rejections."""
    others = list(NOT_REJECTIONS.values())
    entries = [mbox_entry(data) for data in raw]
    fillers = [mbox_entry(data) for data in others]
    with path.open("wb") as folder:
        for index in range(messages):
            if index % 4 == 0:
                folder.write(entries[(index // 4) % len(entries)])
            else:
                folder.write(fillers[index % len(fillers)])


def read_folder(path: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB, and rejections found, for `afterword read` on a folder."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(
            [str(SCRIPT), "read", str(path), "--format", "jsonl"],
            stdout=out,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"afterword read {path} exited with {process.returncode}")
        out.seek(0)
        found = sum(1 for line in out if line.strip())
    return elapsed, usage.ru_maxrss / 1024, found


def main(argv: list[str] | None = None) -> int:
    global DATA
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--messages", type=int, default=5_000)
    args = parser.parse_args(argv)
    DATA = args.data
    raw = [path.read_bytes() for path in sorted(args.data.glob("*.eml"))]
    if not raw:
        raise SystemExit(f"no .eml files in {args.data}")

    cold, warm = in_process(raw, args.runs)
    rows = []
    for name, seconds in (("cold first pass", cold), ("warm pass", warm)):
        median = statistics.median(seconds)
        rate = len(raw) / median
        verdict = "meets" if rate >= TARGET_PER_SECOND else "misses"
        rows.append(
            [name, len(raw), f"{median * 1000:.1f}", f"{min(seconds) * 1000:.1f}",
             f"{rate:,.0f}", f"{verdict} {TARGET_PER_SECOND}/s"]
        )  # fmt: skip
    print_table(
        ["pass", "emails", "median ms", "best ms", "emails/s", "target"],
        rows,
        title=f"Reader in process on {args.data} (median of {args.runs} runs)",
    )

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in sorted({max(args.messages // 10, 1), args.messages}):
            path = Path(folder) / f"{count}.mbox"
            write_folder(path, raw, count)
            size = path.stat().st_size / 1_000_000
            elapsed, peak, found = read_folder(path)
            rows.append(
                [count, f"{size:.1f}", found, f"{elapsed:.2f}", f"{count / elapsed:,.0f}",
                 f"{peak:.0f}"]
            )  # fmt: skip
    print()
    print_table(
        ["messages", "MB", "rejections", "seconds", "messages/s", "peak RSS MB"],
        rows,
        title="afterword read FOLDER.mbox --format jsonl (a real process)",
    )
    return 0


DATA = DEFAULT_DATA

if __name__ == "__main__":
    raise SystemExit(main())
