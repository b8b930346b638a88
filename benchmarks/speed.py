"""Measure afterword's speed and memory: batch throughput next to proselint, cold start, peak RSS.

Usage:

    .venv/bin/python benchmarks/speed.py [--runs N] [--repeat R]

Sections, each a table of the median with the min and max:

1. Batch throughput, whole process: the dev letters repeated 10 times as a JSONL file, run
   through `afterword check --batch FILE --format jsonl` (output to /dev/null), side by side
   with proselint linting the same texts in one `python -c` process. N runs each, interleaved.
2. Cold start, whole process: `afterword check LETTER --format json` and `--format text`,
   R runs each, after one discarded run that also writes any stale bytecode.
3. Peak memory: the max RSS of every run above. Each command runs under a small `python -c`
   wrapper that reports its own `RUSAGE_CHILDREN` max RSS, so each figure covers exactly one
   command and nothing that ran before it.
4. In-process: milliseconds per `afterword.review(text, context)` over the dev letters after
   a warm-up call, and the import time of `afterword` (and of `afterword.cli`) in fresh processes.

A final summary compares the medians with the targets. It is a report, not a test: the exit
status is 0 whatever the numbers, and 1 only when a subprocess fails (its stderr is printed).
No network is used; every subprocess has a timeout. The data file defaults to
../shared/data/dev_letters.jsonl next to the repository; set AFTERWORD_DATA to use another.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _table import print_table as _print_table

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev_letters.jsonl"
BIN = Path(sys.executable).parent
AFTERWORD = BIN / ("afterword.exe" if os.name == "nt" else "afterword")

BATCH_COPIES = 10
TARGET_SPEEDUP = 2.0  # proselint seconds / afterword seconds on the same batch
TARGET_COLD_MS = 250.0
TARGET_RSS_MIB = 150.0

BATCH_TIMEOUT = 180.0
SINGLE_TIMEOUT = 30.0
SCRIPT_TIMEOUT = 120.0

# Runs one command (argv[2:]) with stdout to /dev/null and reports, as one JSON line, its wall
# time and the max RSS of this wrapper's children: exactly that one command, and its own
# children if it has any.
MEASURE = r"""
import json, subprocess, sys, time
try:
    import resource
except ImportError:
    resource = None
timeout = float(sys.argv[1])
cmd = sys.argv[2:]
start = time.perf_counter()
try:
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=timeout)
except subprocess.TimeoutExpired as error:
    stderr = (error.stderr or b"").decode("utf-8", "replace")
    print(json.dumps({"returncode": None, "stderr": stderr[-4000:],
                      "error": f"timed out after {timeout:g} s"}))
    sys.exit(0)
seconds = time.perf_counter() - start
maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if resource else None
print(json.dumps({"seconds": seconds, "maxrss": maxrss, "returncode": proc.returncode,
                  "stderr": proc.stderr.decode("utf-8", "replace")[-4000:]}))
"""

# proselint over every text of a JSONL file, in one process. 0.14+ has LintFile and a check
# registry that must be filled first (as its command line does); older releases had
# proselint.tools.lint(text).
PROSELINT = r"""
import json, sys
try:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile
except ImportError:
    from proselint.tools import lint
else:
    CheckRegistry().register_many(__register__)

    def lint(text):
        return LintFile("<text>", text).lint(DEFAULT) if text else []

found = 0
with open(sys.argv[1], encoding="utf-8") as cases:
    for line in cases:
        found += len(lint(json.loads(line)["text"]))
print(found)
"""

# How much each tool checks: afterword's rules, proselint's enabled checks.
INFO = r"""
import json
from importlib.metadata import version
from afterword.review.registry import all_rules
rules = all_rules()
from afterword.review.phrases import PhraseCheck
patterns = sum(len(rule.check.patterns) for rule in rules if isinstance(rule.check, PhraseCheck))
info = {"afterword_version": version("afterword"), "afterword_rules": len(rules),
        "afterword_codes": len({rule.code for rule in rules}), "afterword_patterns": patterns,
        "proselint_version": None, "proselint_checks": None}
try:
    info["proselint_version"] = version("proselint")
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    registry = CheckRegistry()
    registry.register_many(__register__)
    info["proselint_checks"] = len(registry.get_all_enabled(DEFAULT["checks"]))
except Exception:
    pass
print(json.dumps(info))
"""

IMPORT_TIME = r"""
import sys, time
start = time.perf_counter()
__import__(sys.argv[1])
print(time.perf_counter() - start)
"""

# One warm-up review (it loads the rules and the dictionary), then every letter, pass by pass.
IN_PROCESS = r"""
import json, sys, time
import afterword
with open(sys.argv[1], encoding="utf-8") as handle:
    cases = [json.loads(line) for line in handle if line.strip()]
passes = int(sys.argv[2])
start = time.perf_counter()
afterword.review(cases[0]["text"], cases[0]["context"])
first = time.perf_counter() - start
times = []
for _ in range(passes):
    row = []
    for case in cases:
        start = time.perf_counter()
        afterword.review(case["text"], case["context"])
        row.append(time.perf_counter() - start)
    times.append(row)
print(json.dumps({"first": first, "times": times}))
"""


class BenchError(Exception):
    """A subprocess failed; the report cannot go on."""

    def __init__(self, what: str, cmd: list[str], detail: str, stderr: str) -> None:
        super().__init__(what)
        self.what = what
        self.cmd = cmd
        self.detail = detail
        self.stderr = stderr


@dataclass
class Run:
    seconds: float
    rss_mib: float | None


@dataclass
class Series:
    """Repeated measurements of one command."""

    runs: list[Run]

    @property
    def seconds(self) -> list[float]:
        return [run.seconds for run in self.runs]

    @property
    def rss(self) -> list[float]:
        return [run.rss_mib for run in self.runs if run.rss_mib is not None]


def _rss_mib(maxrss: int | None) -> float | None:
    if maxrss is None:
        return None
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _short(cmd: list[str]) -> str:
    shown = [
        "<script>" if before == "-c" else Path(part).name if os.sep in part else part
        for before, part in zip(["", *cmd], cmd, strict=False)
    ]
    text = " ".join(shown)
    return text if len(text) < 160 else text[:157] + "..."


def print_table(headers: list[str], rows: list[list[object]], title: str) -> None:
    _print_table(headers, rows, title)
    print()


def run_script(what: str, code: str, *args: str, cwd: Path, timeout: float) -> str:
    """Run `python -c code args`, return its stdout; raise BenchError if it fails."""
    cmd = [sys.executable, "-c", code, *args]
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as error:
        stderr = error.stderr or ""
        if isinstance(stderr, bytes):
            stderr = stderr.decode("utf-8", "replace")
        raise BenchError(what, cmd, f"timed out after {timeout:g} s", stderr) from None
    if proc.returncode != 0:
        raise BenchError(what, cmd, f"exit status {proc.returncode}", proc.stderr)
    return proc.stdout


def measure(what: str, cmd: list[str], *, cwd: Path, timeout: float) -> Run:
    """Time one run of `cmd` (stdout to /dev/null) and take its peak RSS, via the wrapper."""
    out = run_script(what, MEASURE, str(timeout), *cmd, cwd=cwd, timeout=timeout + 30)
    result = json.loads(out.strip().splitlines()[-1])
    if result.get("error") or result["returncode"] != 0:
        detail = result.get("error") or f"exit status {result['returncode']}"
        raise BenchError(what, cmd, detail, result.get("stderr", ""))
    return Run(result["seconds"], _rss_mib(result["maxrss"]))


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def n_runs(count: int) -> str:
    return f"{count} run{'' if count == 1 else 's'}"


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def load_cases(path: Path) -> list[dict]:
    cases = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            case = json.loads(line)
            if not isinstance(case.get("text"), str):
                raise SystemExit(f"speed.py: {path}:{number}: no 'text' string")
            cases.append(case)
    if not cases:
        raise SystemExit(f"speed.py: {path} holds no letters")
    return cases


def write_batch(cases: list[dict], path: Path, copies: int) -> int:
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for case in cases:
                line = {"id": f"{case.get('id')}#{copy}", "text": case["text"]}
                line["context"] = case.get("context")
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return copies * len(cases)


def pick_letter(cases: list[dict]) -> dict:
    """The letter of median length: a typical draft, not the shortest or the longest."""
    ordered = sorted(cases, key=lambda case: len(case["text"]))
    return ordered[len(ordered) // 2]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        metavar="N",
        help="runs of each batch command, and in-process passes over the letters (default 5)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=15,
        metavar="R",
        help="runs of each cold-start command, and of each import timing (default 15)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.repeat < 1:
        parser.error("--runs and --repeat must be at least 1")
    return args


def report(args: argparse.Namespace, data: Path, work: Path) -> None:
    if not AFTERWORD.exists():
        raise BenchError(
            "find the afterword command",
            [str(AFTERWORD)],
            "not found next to this Python",
            "Run this script with the venv's Python: .venv/bin/python benchmarks/speed.py",
        )
    cases = load_cases(data)
    batch_file = work / "batch.jsonl"
    texts = write_batch(cases, batch_file, BATCH_COPIES)
    letter = pick_letter(cases)
    letter_file = work / "letter.txt"
    letter_file.write_text(letter["text"], encoding="utf-8")
    words = len(letter["text"].split())
    began = time.perf_counter()

    print(f"afterword speed report: {sys.executable}")
    print(f"data: {data} ({len(cases)} letters)")
    info = json.loads(
        run_script("count rules and checks", INFO, cwd=work, timeout=SCRIPT_TIMEOUT).strip()
    )
    print(
        f"afterword {info['afterword_version']}: {info['afterword_rules']} rules "
        f"({info['afterword_codes']} codes, {info['afterword_patterns']} lexicon patterns, plus "
        "a 160,000-word spelling dictionary and grammar checks); "
        f"proselint {info['proselint_version'] or '?'}: "
        f"{info['proselint_checks'] or '?'} enabled checks\n"
    )

    # One discarded run: a smoke test before the long batch, and it writes any stale bytecode
    # (after an edit) so that no timed run pays for compiling.
    for output in ("text", "json"):
        measure(
            "afterword check (warm-up)",
            [str(AFTERWORD), "check", str(letter_file), "--format", output],
            cwd=work,
            timeout=SINGLE_TIMEOUT,
        )

    # 1. Batch throughput, interleaved so drift in machine load hits both tools alike.
    afterword_cmd = [str(AFTERWORD), "check", "--batch", str(batch_file), "--format", "jsonl"]
    proselint_cmd = [sys.executable, "-c", PROSELINT, str(batch_file)]
    batch = Series([])
    peer = Series([])
    for _ in range(args.runs):
        batch.runs.append(
            measure("afterword batch", afterword_cmd, cwd=work, timeout=BATCH_TIMEOUT)
        )
        peer.runs.append(measure("proselint batch", proselint_cmd, cwd=work, timeout=BATCH_TIMEOUT))
    ours, _, _ = stats(batch.seconds)
    theirs, _, _ = stats(peer.seconds)
    speedup = theirs / ours
    rows = []
    for name, checks, series in (
        ("afterword check --batch", info["afterword_rules"], batch),
        ("proselint (one process)", info["proselint_checks"], peer),
    ):
        median, low, high = stats(series.seconds)
        rows.append(
            [
                name,
                texts,
                "-" if checks is None else checks,
                fmt(median, 2),
                fmt(low, 2),
                fmt(high, 2),
                fmt(texts / median, 0),
                fmt(1000 * median / texts, 2),
                f"{median / ours:.2f}x",
            ]
        )
    print_table(
        [
            "tool",
            "texts",
            "checks",
            "median s",
            "min s",
            "max s",
            "texts/s",
            "ms/text",
            "time/afterword",
        ],
        rows,
        f"1. Batch throughput, whole process, {n_runs(args.runs)} "
        f"({len(cases)} letters x {BATCH_COPIES}; time/afterword: median s over afterword's)",
    )
    print(
        f"proselint/afterword time ratio: {speedup:.2f} "
        f"(target >= {TARGET_SPEEDUP:.1f}: afterword at least {TARGET_SPEEDUP:g}x faster)\n"
    )

    # 2. Cold start on one letter.
    cold: dict[str, Series] = {}
    for output in ("json", "text"):
        cmd = [str(AFTERWORD), "check", str(letter_file), "--format", output]
        cold[output] = Series(
            [
                measure(f"afterword check --format {output}", cmd, cwd=work, timeout=SINGLE_TIMEOUT)
                for _ in range(args.repeat)
            ]
        )
    print_table(
        ["command", "median ms", "min ms", "max ms"],
        [
            [
                f"afterword check LETTER --format {output}",
                *map(fmt, (1000 * v for v in stats(s.seconds))),
            ]
            for output, s in cold.items()
        ],
        f"2. Cold start, whole process, {n_runs(args.repeat)} "
        f"(letter {letter.get('id')}, {words} words)",
    )

    # 3. Peak memory of the runs above.
    memory_rows = []
    for name, series in (
        ("afterword check --batch", batch),
        ("afterword check --format json", cold["json"]),
        ("afterword check --format text", cold["text"]),
        ("proselint (one process)", peer),
    ):
        if series.rss:
            memory_rows.append([name, len(series.rss), *map(fmt, stats(series.rss))])
        else:
            memory_rows.append([name, 0, "-", "-", "-"])
    print_table(
        ["command", "runs", "median MiB", "min MiB", "max MiB"],
        memory_rows,
        "3. Peak memory (max RSS of each run, via RUSAGE_CHILDREN in a fresh wrapper)",
    )

    # 4. In-process: import times in fresh processes, then review() per letter.
    imports: dict[str, list[float]] = {}
    for module in ("afterword", "afterword.cli"):
        imports[module] = [
            float(
                run_script(
                    f"import {module}",
                    IMPORT_TIME,
                    module,
                    cwd=work,
                    timeout=SINGLE_TIMEOUT,
                ).strip()
            )
            for _ in range(args.repeat)
        ]
    timed = json.loads(
        run_script(
            "review() in process",
            IN_PROCESS,
            str(data),
            str(args.runs),
            cwd=work,
            timeout=SCRIPT_TIMEOUT,
        ).strip()
    )
    passes = timed["times"]
    all_calls = [1000 * t for row in passes for t in row]
    first_pass = [1000 * t for t in passes[0]]
    later = [1000 * t for row in passes[1:] for t in row]
    review_ms = statistics.median(all_calls)
    rows = [
        [f"import {module}", len(values), *(fmt(1000 * v) for v in stats(values))]
        for module, values in imports.items()
    ]
    rows.append(["first review() (loads rules, dictionary)", 1, *[fmt(1000 * timed["first"])] * 3])
    rows.append(["review() per letter, all passes", len(all_calls), *map(fmt, stats(all_calls))])
    rows.append(["review() per letter, pass 1", len(first_pass), *map(fmt, stats(first_pass))])
    if later:
        rows.append(["review() per letter, passes 2+", len(later), *map(fmt, stats(later))])
    print_table(
        ["measure", "samples", "median ms", "min ms", "max ms"],
        rows,
        f"4. In process ({len(cases)} letters x {args.runs} pass(es) after one warm-up call; "
        "imports in fresh processes)",
    )

    # Summary.
    def verdict(ok: bool) -> str:
        return "pass" if ok else "FAIL"

    cold_json = statistics.median(cold["json"].seconds) * 1000
    cold_text = statistics.median(cold["text"].seconds) * 1000
    rss_batch = statistics.median(batch.rss) if batch.rss else None
    rss_single = statistics.median(cold["json"].rss) if cold["json"].rss else None
    summary = [
        [
            "batch speed vs proselint (time ratio)",
            f"{speedup:.2f}x",
            f">= {TARGET_SPEEDUP:.1f}x",
            verdict(speedup >= TARGET_SPEEDUP),
        ],
        [
            "batch throughput (texts/s)",
            fmt(texts / ours, 0),
            "-",
            "info",
        ],
        [
            "cold start, --format json (median ms)",
            fmt(cold_json),
            f"<= {TARGET_COLD_MS:.0f}",
            verdict(cold_json <= TARGET_COLD_MS),
        ],
        [
            "cold start, --format text (median ms)",
            fmt(cold_text),
            f"<= {TARGET_COLD_MS:.0f}",
            verdict(cold_text <= TARGET_COLD_MS),
        ],
        [
            "peak RSS, batch (MiB)",
            fmt(rss_batch),
            f"<= {TARGET_RSS_MIB:.0f}",
            "?" if rss_batch is None else verdict(rss_batch <= TARGET_RSS_MIB),
        ],
        [
            "peak RSS, single check (MiB)",
            fmt(rss_single),
            f"<= {TARGET_RSS_MIB:.0f}",
            "?" if rss_single is None else verdict(rss_single <= TARGET_RSS_MIB),
        ],
        ["review() per letter (median ms)", fmt(review_ms, 2), "-", "info"],
        [
            "import afterword (median ms)",
            fmt(1000 * statistics.median(imports["afterword"])),
            "-",
            "info",
        ],
    ]
    print_table(["measure", "value", "target", "result"], summary, "Summary")
    print(f"(benchmark took {time.perf_counter() - began:.0f} s)")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data = Path(os.environ.get("AFTERWORD_DATA") or DEFAULT_DATA).expanduser()
    if not data.is_file():
        sys.stderr.write(f"speed.py: data file not found: {data} (set AFTERWORD_DATA)\n")
        return 1
    with tempfile.TemporaryDirectory(prefix="afterword-speed-") as tmp:
        try:
            report(args, data, Path(tmp))
        except BenchError as error:
            sys.stdout.flush()
            sys.stderr.write(
                f"\nspeed.py: {error.what} failed ({error.detail})\n"
                f"command: {_short(error.cmd)}\n"
                f"--- stderr ---\n{error.stderr.rstrip() or '(empty)'}\n"
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
