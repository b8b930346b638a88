"""Print the reviewer's per-code precision, recall and F1 on the labeled dev letters.

A code counts as found when a finding with that code has severity error or warning.
Usage: python benchmarks/accuracy.py [--data PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table
from afterword import review

LABEL_CODES = [
    "tone.negative", "tone.desperate", "boundary.pushy", "feedback.demanding",
    "gratitude.missing", "interest.missing", "personal.generic", "personal.placeholder",
    "personal.mismatch", "concise.too_long", "skills.overselling", "proof.spelling",
    "proof.grammar", "format.structure", "timing.late", "timing.repeat",
]  # fmt: skip
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_letters.jsonl"


def score(cases: list[dict]) -> tuple[list[list[object]], dict[str, float], list[str]]:
    true_pos, false_pos, false_neg = Counter(), Counter(), Counter()
    clean = clean_ready = 0
    errors = []
    for case in cases:
        result = review(case["text"], case.get("context"))
        found = result.codes()
        wanted = set(case["labels"])
        if not wanted:
            clean += 1
            clean_ready += result.ready
        for code in LABEL_CODES:
            if code in found and code in wanted:
                true_pos[code] += 1
            elif code in found:
                false_pos[code] += 1
                spans = [f.excerpt[:50] for f in result.findings if f.code == code]
                errors.append(f"{case['id']}  extra   {code}: {spans}")
            elif code in wanted:
                false_neg[code] += 1
                errors.append(f"{case['id']}  missed  {code}")
    rows, f1s = [], []
    for code in LABEL_CODES:
        tp, fp, fn = true_pos[code], false_pos[code], false_neg[code]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        rows.append([code, tp + fn, f"{precision:.2f}", f"{recall:.2f}", f"{f1:.2f}"])
    summary = {
        "macro_f1": sum(f1s) / len(f1s),
        "clean_ready": clean_ready / clean if clean else 1.0,
        "clean": clean,
        "cases": len(cases),
    }
    return rows, summary, errors


_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:['’][a-z]+)?")


def proper_noun_flags(cases: list[dict]) -> tuple[int, int, int]:
    """Capitalised words inside sentences, outside the context: (total, unknown to the bare
    word list, flagged by afterword)."""
    from afterword.review.spelling import english

    words = english()
    total = unknown = flagged = 0
    for case in cases:
        context_words = " ".join(str(value) for value in case.get("context", {}).values())
        found = {
            finding.excerpt
            for finding in review(case["text"], case.get("context")).findings
            if finding.code == "proof.spelling"
        }
        for match in _MID_CAPITAL.finditer(case["text"]):
            word = re.sub(r"['’]s$", "", match.group())
            if word in context_words:
                continue
            total += 1
            unknown += not words.frequency(word.lower())
            flagged += word in found
    return total, unknown, flagged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("AFTERWORD_DATA", DEFAULT_DATA))
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    path = args.data if args.data.suffix == ".jsonl" else args.data / "dev_letters.jsonl"
    cases = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rows, summary, errors = score(cases)
    print_table(
        ["code", "labeled", "precision", "recall", "F1"], rows, title=f"Accuracy on {path.name}"
    )
    print()
    print_table(
        ["measure", "value", "target"],
        [
            ["macro-F1", f"{summary['macro_f1']:.3f}", ">= 0.90"],
            [
                "clean letters judged ready",
                f"{summary['clean_ready']:.1%} of {summary['clean']}",
                ">= 90%",
            ],
            ["letters", summary["cases"], ""],
        ],
        title="Summary",
    )
    total, unknown, flagged = proper_noun_flags(cases)
    print()
    print_table(
        ["capitalised words inside sentences (not context names)", "count", "share"],
        [
            ["in all letters", total, ""],
            ["missing from the bare word list", unknown, f"{unknown / max(total, 1):.0%}"],
            ["flagged as misspelled by afterword", flagged, f"{flagged / max(total, 1):.0%}"],
        ],
        title="Proper nouns",
    )
    if args.errors:
        print()
        print("\n".join(errors) or "no errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
