"""Generate the rules reference (docs/rules.md) from the rule declarations."""

from __future__ import annotations

from afterword.review.model import CODES
from afterword.review.registry import all_rules
from afterword.review.rule import Example


def _example(example: Example) -> str:
    text = example.text.replace("\n", " ⏎ ")
    if len(text) > 240:
        text = f"{text[:200]} … ({len(example.plain.split())} words)"
    if example.context:
        pairs = ", ".join(f"{key}: {value}" for key, value in example.context.items())
        return f"`{text}` (context: {pairs})"
    return f"`{text}`"


def rules_markdown() -> str:
    """The whole reference as Markdown, in registry order, grouped by code."""
    rules = all_rules()
    lines = [
        "# Review rules",
        "",
        "Generated from the rule declarations by `afterword rules --format markdown`; "
        "do not edit by hand. A test fails when this file drifts from the code.",
        "",
        "Severity: **error** must be fixed, **warning** should be fixed, **suggestion** is "
        "worth considering. A draft is ready to send when it has no error and no warning. "
        "In bad examples, `[[double brackets]]` mark the text the rule flags.",
        "",
    ]
    codes = sorted({rule.code for rule in rules}, key=CODES.index)
    for code in codes:
        lines += [f"## `{code}`", ""]
        for rule in (item for item in rules if item.code == code):
            lines += [
                f"### `{rule.id}` · {rule.severity.value}",
                "",
                rule.message,
                "",
                f"*Why:* {rule.why}",
                "",
            ]
            if rule.fix:
                lines += [f"*Fix:* {rule.fix}", ""]
            lines += [f"*Kind:* {rule.kind}", ""]
            lines += [f"- Flags: {_example(example)}" for example in rule.bad]
            lines += [f"- Passes: {_example(example)}" for example in rule.good]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def shipped_patterns() -> list:
    """Every phrase pattern the package ships: lexicon rules and the rule modules' own."""
    import sys

    from afterword.review.patterns import Pattern
    from afterword.review.phrases import PhraseCheck

    found = [
        p
        for rule in all_rules()
        if isinstance(rule.check, PhraseCheck)
        for p in rule.check.patterns
    ]
    for name, module in sorted(sys.modules.items()):
        if name.startswith("afterword.review.rules."):
            found.extend(value for value in vars(module).values() if isinstance(value, Pattern))
    return found


def gates_file_text() -> str:
    """The contents of data/lexicons/gates.json for the shipped patterns."""
    from afterword.review.patterns import gates_json

    return gates_json(shipped_patterns())
