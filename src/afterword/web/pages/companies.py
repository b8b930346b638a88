"""Companies and contacts, each with its history; one rejection with its messages and feedback."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from afterword.web.forms import as_sentence
from afterword.web.rendering import page
from afterword.web.trackers import tracker_for

router = APIRouter(include_in_schema=False)

MAX_TEXT = 20_000


def _text(form, name: str, limit: int = MAX_TEXT) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _day(form, name: str, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(_text(form, name))
    except ValueError:
        return default


@router.get("/companies")
def companies(request: Request, archived: bool = False):
    tracker = tracker_for(request)
    listed = tracker.companies()
    shown = [company for company in listed if company.archived == archived]
    return page(
        request,
        "companies.html",
        companies=shown,
        archived_count=sum(company.archived for company in listed),
        showing_archived=archived,
        contacts=tracker.contacts(),
    )


@router.get("/companies/{company_id}")
def company(request: Request, company_id: int, saved: str | None = None):
    tracker = tracker_for(request)
    detail = tracker.company(company_id)
    rejections = tracker.rejections(company=detail.name)
    today = request.app.state.settings.clock().date()
    return page(
        request,
        "company.html",
        company=detail,
        rejections=rejections,
        saved=saved,
        today=today.isoformat(),
    )


@router.post("/companies/{company_id}/archive")
async def archive(request: Request, company_id: int):
    form = await request.form()
    tracker_for(request).archive_company(company_id, archived=form.get("archived") == "yes")
    return RedirectResponse(f"/companies/{company_id}?saved=archive", status_code=303)


@router.post("/companies/{company_id}/opening")
async def opening(request: Request, company_id: int):
    """Log a new role seen at this company: a reason for a check-in."""
    form = await request.form()
    tracker = tracker_for(request)
    detail = tracker.company(company_id)
    role = _text(form, "role", 300)
    if not role:
        today = request.app.state.settings.clock().date()
        rejections = tracker.rejections(company=detail.name)
        return page(
            request,
            "company.html",
            422,
            company=detail,
            rejections=rejections,
            saved=None,
            today=today.isoformat(),
            opening_error="Give the role you saw, so the check-in can mention it.",
        )
    today = request.app.state.settings.clock().date()
    tracker.log_opening(
        company=detail.name,
        role=role,
        seen=_day(form, "seen", today),
        url=_text(form, "url", 2000) or None,
    )
    return RedirectResponse(f"/companies/{company_id}?saved=opening", status_code=303)


@router.post("/contacts/{contact_id}")
async def update_contact(request: Request, contact_id: int):
    form = await request.form()
    tracker_for(request).update_contact(
        contact_id,
        do_not_contact=form.get("do_not_contact") == "yes",
        notes=_text(form, "notes"),
        linkedin=_text(form, "linkedin", 500) or None,
    )
    back = _text(form, "back", 200)
    target = back if back.startswith("/") and not back.startswith("//") else "/companies"
    return RedirectResponse(f"{target}?saved=contact", status_code=303)


@router.get("/rejections/{rejection_id}")
def rejection(request: Request, rejection_id: int, saved: str | None = None):
    from afterword.themes import THEME_LABELS

    detail = tracker_for(request).rejection(rejection_id)
    today = request.app.state.settings.clock().date()
    return page(
        request,
        "rejection.html",
        detail=detail,
        saved=saved,
        today=today.isoformat(),
        theme_labels=THEME_LABELS,
    )


@router.post("/rejections/{rejection_id}/reply")
async def log_reply(request: Request, rejection_id: int):
    """They answered the follow-up: note it, which also allows one more message."""
    form = await request.form()
    today = request.app.state.settings.clock().date()
    tracker_for(request).log_reply(
        rejection_id, received=_day(form, "received", today), text=_text(form, "text")
    )
    return RedirectResponse(f"/rejections/{rejection_id}?saved=reply", status_code=303)


@router.post("/messages/{message_id}/sent")
async def mark_message_sent(request: Request, message_id: int):
    """Mark a saved draft as sent, from the rejection's page."""
    from afterword.tracker.errors import PolicyRefusal
    from afterword.web.actions import sent_moment

    form = await request.form()
    rejection_id = _text(form, "rejection_id", 20)
    tracker = tracker_for(request)
    now = request.app.state.settings.clock()
    try:
        tracker.mark_sent(
            message_id,
            sent_on=sent_moment(form.get("sent_on"), now=now),
            force=form.get("force") == "yes",
        )
    except PolicyRefusal as error:
        detail = tracker.rejection(int(rejection_id)) if rejection_id.isdigit() else None
        if detail is None:
            raise
        from afterword.themes import THEME_LABELS

        return page(
            request,
            "rejection.html",
            409,
            detail=detail,
            saved=None,
            today=now.date().isoformat(),
            theme_labels=THEME_LABELS,
            refusal=as_sentence(str(error)),
            refused_message=message_id,
        )
    target = f"/rejections/{rejection_id}?saved=sent" if rejection_id.isdigit() else "/"
    return RedirectResponse(target, status_code=303)
