"""Print how well afterword.themes sorts labelled feedback snippets: precision and recall per theme.

Each line of the cases file is {"id", "set", "text", "themes": [...]}; a snippet counts as exact
when the themes found are exactly the labelled ones. The "dev" snippets were written in four
batches; each was measured once before the cue lexicon was tuned on it (the untuned batches
scored 20/50, 18/42 and 18/40 exact). The "heldout" snippets were written last and are never
tuned on: they are the honest estimate for feedback nobody has seen.
Usage: python benchmarks/themes.py [--cases PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table
from afterword.themes import THEME_LABELS, THEMES, themes_of

DEFAULT_CASES = Path(__file__).resolve().parent / "themes_cases.jsonl"


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def report(name: str, cases: list[dict], *, show_errors: bool) -> None:
    results = [(case, set(themes_of(case["text"])), set(case["themes"])) for case in cases]
    rows: list[list[object]] = []
    for theme in THEMES:
        true_pos = sum(theme in got and theme in want for _, got, want in results)
        false_pos = sum(theme in got and theme not in want for _, got, want in results)
        false_neg = sum(theme not in got and theme in want for _, got, want in results)
        rows.append(
            [
                THEME_LABELS[theme],
                true_pos + false_neg,
                ratio(true_pos, true_pos + false_pos),
                ratio(true_pos, true_pos + false_neg),
            ]
        )
    exact = sum(got == want for _, got, want in results)
    title = f"Feedback themes, {name} set: {exact} of {len(results)} snippets exactly right"
    print_table(["Theme", "Cases", "Precision", "Recall"], rows, title=title)
    if show_errors:
        for case, got, want in results:
            if got != want:
                print(
                    f"  {case['id']}: want {', '.join(sorted(want))}; got {', '.join(sorted(got))}"
                )
                print(f"    {case['text']}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--errors", action="store_true", help="print every mislabelled snippet")
    args = parser.parse_args(argv)
    cases = [
        json.loads(line)
        for line in args.cases.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for name in dict.fromkeys(case.get("set", "dev") for case in cases):
        chosen = [case for case in cases if case.get("set", "dev") == name]
        report(name, chosen, show_errors=args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
