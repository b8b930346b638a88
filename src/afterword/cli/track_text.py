"""The due list as plain wrapped text: Rich takes ~1 ms an item, too slow for 500 of them."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from datetime import date

from afterword.tracking import DueItem

KIND_LABELS = {"cool_down": "Cool down", "follow_up": "Follow up", "check_in": "Check in"}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 check-in', '2 check-ins', '3 companies'."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def due_text(items: Sequence[DueItem], today: date, *, limit: int | None) -> str:
    """Each item with whom, by when and why; check-ins after the first `limit` are counted."""
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def style(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if styled else text

    if not items:
        return f"Nothing is due on {today.isoformat()}. Enjoy the quiet."
    width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 120))
    indent = " " * 11
    counts = {kind: sum(item.kind == kind for item in items) for kind in KIND_LABELS}
    late = sum(item.overdue for item in items if item.kind == "follow_up")
    parts = [f"{counts['cool_down']} just arrived"] if counts["cool_down"] else []
    if counts["follow_up"]:
        parts.append(
            plural(counts["follow_up"], "follow-up") + (f" ({late} overdue)" if late else "")
        )
    if counts["check_in"]:
        parts.append(plural(counts["check_in"], "check-in"))
    lines = [style(f"Due on {today.isoformat()}: {', '.join(parts)}.", "1")]
    shown = 0
    for item in items:
        if item.kind == "check_in":
            shown += 1
            if limit is not None and shown > limit:
                continue
        role = f" — {item.role}" if item.role else ""
        lines += [
            "",
            f"{style(f'{KIND_LABELS[item.kind]:<10}', '1')} {item.company}{role}  "
            f"(rejection #{item.rejection_id})",
        ]
        whom = f"with {item.contact}, " if item.contact else ""
        when = (
            "today"
            if item.kind == "cool_down"
            else (
                f"due since {item.due_on.isoformat()}"
                if item.overdue
                else f"by {item.due_on.isoformat()}"
            )
        )
        overdue = item.overdue and item.kind == "follow_up"
        lines.append(indent + style(whom + when, "31") if overdue else indent + whom + when)
        reason = textwrap.fill(item.reason, width, initial_indent=indent, subsequent_indent=indent)
        lines.append(style(reason, "2"))
    if limit is not None and shown > limit:
        lines += ["", f"…and {plural(shown - limit, 'more check-in')}: afterword track due --all"]
    return "\n".join(lines)
