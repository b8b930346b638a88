"""Print the inbox reader's per-field accuracy on labeled rejections, and its speed.

Names are compared leniently (case, accents, punctuation and legal suffixes are ignored).
--data takes any folder of NN.eml files with a labels.jsonl (the dev set by default; for
example benchmarks/heldout_rejections, which the reader was not tuned on).
Usage: python benchmarks/read_accuracy.py [--data PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table
from afterword.inbox import is_rejection, parse_email, read_rejection

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_rejections"
FIELDS = [
    "company", "role", "contact_name", "contact_email", "candidate_name", "received_date",
    "stage", "feedback", "future",
]  # fmt: skip
NAME_FIELDS = {"company", "role", "contact_name", "candidate_name"}
_LEGAL = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|ab|aps|as|sa|bv|nv|co|corp|"
    r"corporation|company)\b\.?"
)


def lenient(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ")
    text = _LEGAL.sub(" ", re.sub(r"[^\w\s]", " ", text))
    return " ".join(text.split())


def same(field: str, got: object, want: object) -> bool:
    if got is None or want is None:
        return got is None and want is None
    if field in NAME_FIELDS:
        return lenient(got) == lenient(want)
    if field == "contact_email":
        return str(got).lower() == str(want).lower()
    return got == want


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="print every mismatch")
    args = parser.parse_args(argv)
    labels = [
        json.loads(line)
        for line in (args.data / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    raw = {label["file"]: (args.data / label["file"]).read_bytes() for label in labels}
    # One untimed pass warms regex and import caches; the speed is the best of five passes.
    readings = {name: read_rejection(parse_email(data)).to_dict() for name, data in raw.items()}
    first = elapsed = float("inf")
    for attempt in range(6):
        start = time.perf_counter()
        for data in raw.values():
            read_rejection(parse_email(data))
        spent = time.perf_counter() - start
        if attempt == 0:
            first = spent
        else:
            elapsed = min(elapsed, spent)

    hits = dict.fromkeys(FIELDS, 0)
    errors = []
    for label in labels:
        got = readings[label["file"]]
        for field in FIELDS:
            if same(field, got.get(field), label.get(field)):
                hits[field] += 1
            else:
                errors.append([label["file"], field, label.get(field), got.get(field)])
    total = len(labels)
    rows = [[field, hits[field], total, f"{100 * hits[field] / total:.1f}%"] for field in FIELDS]
    print_table(["field", "right", "of", "accuracy"], rows, title=f"Inbox reader on {args.data}")
    overall = sum(hits.values()) / (total * len(FIELDS)) if total else 0.0
    print(f"\noverall: {100 * overall:.1f}% of {total * len(FIELDS)} field values")
    recognised = sum(is_rejection(parse_email(data)) for data in raw.values())
    print(f"recognised as rejections (as in an .mbox): {recognised} of {len(raw)}")
    rate = total / elapsed if elapsed else float("inf")
    print(
        f"speed: {total} emails in {elapsed * 1000:.1f} ms = {rate:,.0f} emails/second "
        f"(best of 5 warm passes; first warm pass {first * 1000:.1f} ms)"
    )
    if args.errors and errors:
        print()
        print_table(["file", "field", "expected", "got"], errors, title="Mismatches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
