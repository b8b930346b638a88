"""Today: what is due, the latest rejections, and two charts of the search so far."""

from __future__ import annotations

from fastapi import APIRouter, Request

from afterword.web import charts
from afterword.web.rendering import fragment, page
from afterword.web.trackers import tracker_for

router = APIRouter(include_in_schema=False)

RECENT = 8
WEEKS = 12


@router.get("/")
def today(request: Request, sent: int | None = None, saved: int | None = None):
    from afterword.tracker.errors import TrackerError

    tracker = tracker_for(request)
    now = request.app.state.settings.clock()
    owner = request.state.owner
    filed = None
    if sent is not None or saved is not None:
        # Just filed: draw from the database itself, whichever worker filed it.
        request.app.state.snapshots.forget(owner)
        try:
            filed = tracker.rejection(sent if sent is not None else saved).rejection
        except TrackerError:
            filed = None
    minute = now.replace(second=0, microsecond=0)
    figures = request.app.state.snapshots.get(owner, minute, lambda: _figures(tracker, now))
    return page(
        request,
        "today.html",
        **figures,
        filed=filed,
        filed_kind="sent" if sent is not None else "saved",
        today=now.date(),
    )


def _figures(tracker, now) -> dict:
    """Everything Today shows that comes from the history."""
    from afterword.themes import THEME_LABELS

    weeks = tracker.timeline(today=now.date(), weeks=WEEKS)
    counts = tracker.theme_counts()
    # The charts are the same for every request until the figures change: drawn once here.
    timeline = fragment(
        "partials/chart_timeline.html",
        chart=charts.timeline(weeks),
        weeks=weeks,
        series=charts.SERIES,
    )
    themes = fragment(
        "partials/chart_themes.html",
        chart=charts.themes(counts, THEME_LABELS),
        counts=counts,
        labels=THEME_LABELS,
    )
    return {
        "due": tracker.due(now=now),
        "recent": tracker.rejections(limit=RECENT),
        "timeline_chart": timeline,
        "themes_chart": themes,
    }


@router.get("/due")
def due(request: Request):
    """Every reminder due now, for when there are more than Today shows."""
    now = request.app.state.settings.clock()
    return page(request, "due.html", due=tracker_for(request).due(now=now), today=now.date())
