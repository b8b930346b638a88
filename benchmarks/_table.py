"""Print small plain-text tables with aligned columns, shared by the benchmark scripts.

Standard library only. A column whose cells are all numbers, or strings that read as numbers
("1,234", "12.5", "2.10x", "87%"), is right-aligned; any other column is left-aligned. Floats
are shown with three decimals, so format them first for another precision. None shows as "-"
and does not affect a column's alignment.
"""

from __future__ import annotations

import re
import sys
from numbers import Number

__all__ = ["format_table", "print_table"]

_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?\s?[A-Za-z%]{0,3}")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _is_numeric(value: object) -> bool:
    if isinstance(value, str):
        return value == "-" or _NUMBER.fullmatch(value.strip()) is not None
    return isinstance(value, Number) and not isinstance(value, bool)


def format_table(headers: list[str], rows: list[list[object]], title: str | None = None) -> str:
    """Return the table as one string: optional title, header, rule, then one line per row."""
    width = max([len(headers), *(len(row) for row in rows)], default=0)
    header_cells = [*headers, *[""] * (width - len(headers))]
    body = [[*row, *[None] * (width - len(row))] for row in rows]
    text_rows = [[_cell(value) for value in row] for row in body]
    # A column is right-aligned when every non-empty value in it is a number.
    numeric = [
        any(row[i] is not None for row in body)
        and all(row[i] is None or _is_numeric(row[i]) for row in body)
        for i in range(width)
    ]
    widths = [
        max([len(header_cells[i]), *(len(row[i]) for row in text_rows)]) for i in range(width)
    ]

    def line(cells: list[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    out = []
    if title:
        out.append(title)
    out.append(line(header_cells))
    out.append("  ".join("-" * w for w in widths))
    out.extend(line(row) for row in text_rows)
    return "\n".join(out)


def print_table(headers: list[str], rows: list[list[object]], title: str | None = None) -> None:
    """Print an aligned plain-text table (no blank line after it; callers space tables)."""
    sys.stdout.write(format_table(headers, rows, title) + "\n")
    sys.stdout.flush()
