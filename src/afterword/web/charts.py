"""Chart geometry for the server-drawn SVG charts: numbers in, rectangles and labels out.

No chart library and no script: the templates draw these shapes, and every chart has a
title, a description and the same numbers as a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SERIES = (
    ("applications", "Applications"),
    ("rejections", "Rejections"),
    ("follow_ups", "Follow-ups sent"),
    ("replies", "Replies"),
)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    tip: str


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    x_labels: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    description: str
    empty: bool


def nice_step(peak: int, lines: int = 4) -> int:
    """A round step for the value axis: 1, 2, 5, 10, 20, 50 ..."""
    if peak <= lines:
        return 1
    raw = peak / lines
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def timeline(weeks: Sequence[Any], width: int = 600, height: int = 250) -> Chart:
    """Grouped bars: per week, applications, rejections, follow-ups and replies."""
    left, top, right, bottom = 36.0, 12.0, width - 8.0, height - 34.0
    peak = max((getattr(week, key) for week in weeks for key, _ in SERIES), default=0)
    step = nice_step(peak)
    top_value = max(step, math.ceil(peak / step) * step)
    slot = (right - left) / max(len(weeks), 1)
    bar_width = max(2.0, (slot - 6) / len(SERIES))
    bars = []
    labels = []
    for index, week in enumerate(weeks):
        start = left + index * slot + 3
        day = week.week_start
        shown = f"{day.day} {day:%b}"
        every = 1 if len(weeks) <= 8 else 2
        if index % every == 0:
            labels.append(Tick(start + (slot - 6) / 2, shown))
        for number, (key, name) in enumerate(SERIES):
            value = getattr(week, key)
            bar_height = (bottom - top) * value / top_value
            bars.append(
                Bar(
                    x=round(start + number * bar_width, 1),
                    y=round(bottom - bar_height, 1),
                    width=round(bar_width - 1, 1),
                    height=round(bar_height, 1),
                    series=key,
                    tip=f"Week of {shown}: {value} {name.lower()}",
                )
            )
    ticks = [
        Tick(round(bottom - (bottom - top) * value / top_value, 1), str(value))
        for value in range(0, top_value + 1, step)
    ]
    totals = {key: sum(getattr(week, key) for week in weeks) for key, _ in SERIES}
    description = (
        f"Over the last {len(weeks)} weeks: "
        + ", ".join(f"{totals[key]} {name.lower()}" for key, name in SERIES)
        + "."
    )
    return Chart(
        width,
        height,
        tuple(bars),
        tuple(labels),
        tuple(ticks),
        (left, top, right, bottom),
        description,
        peak == 0,
    )


def themes(counts: Mapping[str, int], labels: Mapping[str, str], width: int = 400) -> Chart:
    """Horizontal bars: how often each feedback theme came up, zeros included."""
    row = 28.0
    left, top = 168.0, 4.0
    right = width - 30.0
    height = int(top + row * len(counts) + 6)
    peak = max(counts.values(), default=0)
    bars = []
    names = []
    for index, (theme, count) in enumerate(counts.items()):
        y = top + index * row
        length = (right - left) * count / peak if peak else 0.0
        name = labels.get(theme, theme)
        names.append(Tick(y + row / 2, name))
        bars.append(
            Bar(
                x=left,
                y=round(y + 5, 1),
                width=round(length, 1),
                height=row - 10,
                series=theme,
                tip=f"{name}: {count}",
            )
        )
    mentioned = [(labels.get(theme, theme), count) for theme, count in counts.items() if count]
    mentioned.sort(key=lambda item: -item[1])
    description = (
        "No feedback logged yet."
        if not mentioned
        else "Feedback themes so far: "
        + ", ".join(f"{name} {count}" for name, count in mentioned)
        + "."
    )
    return Chart(
        width,
        height,
        tuple(bars),
        tuple(names),
        (),
        (left, top, right, height - 6.0),
        description,
        peak == 0,
    )
