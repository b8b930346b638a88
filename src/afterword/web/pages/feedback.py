"""Feedback log: what companies said, sorted into themes, with a form to add more."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from afterword.web import charts
from afterword.web.rendering import page
from afterword.web.trackers import tracker_for

router = APIRouter(include_in_schema=False)

MAX_FEEDBACK = 20_000


def _page(request: Request, status: int = 200, **values):
    from afterword.themes import THEME_LABELS, THEMES

    tracker = tracker_for(request)
    counts = tracker.theme_counts()
    today = request.app.state.settings.clock().date()
    values.setdefault("error", None)
    values.setdefault("form", {})
    values.setdefault("added", False)
    values.setdefault("chosen", None)
    return page(
        request,
        "feedback.html",
        status,
        entries=tracker.feedback(),
        rejections=tracker.rejections(),
        chart=charts.themes(counts, THEME_LABELS),
        counts=counts,
        labels=THEME_LABELS,
        themes=THEMES,
        today=today.isoformat(),
        **values,
    )


@router.get("/feedback")
def feedback_log(request: Request, added: bool = False, rejection: int | None = None):
    return _page(request, added=added, chosen=rejection)


@router.post("/feedback")
async def add_feedback(request: Request):
    """Log feedback for one rejection; themes picked by hand, or read from the text."""
    from afterword.themes import THEMES

    form = await request.form()
    text = form.get("text") if isinstance(form.get("text"), str) else ""
    text = text.strip()[:MAX_FEEDBACK]
    chosen = form.get("rejection_id")
    picked = tuple(theme for theme in form.getlist("themes") if theme in THEMES)
    kept = {"text": text, "received": form.get("received") or "", "themes": picked}
    if not isinstance(chosen, str) or not chosen.isdigit():
        return _page(
            request, 422, error="Choose which rejection this feedback is about.", form=kept
        )
    if not text:
        return _page(
            request,
            422,
            error="Write down what they said, in their words or yours.",
            form=kept,
            chosen=int(chosen),
        )
    today = request.app.state.settings.clock().date()
    try:
        received = dt.date.fromisoformat(str(form.get("received") or ""))
    except ValueError:
        received = today
    tracker_for(request).log_feedback(
        int(chosen), text=text, received=received, themes=picked or None
    )
    return RedirectResponse("/feedback?added=true", status_code=303)
