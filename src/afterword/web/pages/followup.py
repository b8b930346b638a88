"""New follow-up: paste or drop the rejection, check the details, edit the draft, send, file.

Each step is a form that carries the earlier steps' fields, so nothing is held on the
server between steps and a reload never loses what the user typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from afterword.mailfile import MailFileError
from afterword.review import ReviewConfig
from afterword.web import actions
from afterword.web.api import MAX_EML, check_pasted
from afterword.web.forms import FollowUp, as_sentence, context_json, split_subject
from afterword.web.highlight import WHOLE_MESSAGE, is_marked, segments
from afterword.web.rendering import page
from afterword.web.trackers import profile_of, review_config, tracker_for

router = APIRouter(include_in_schema=False)

Config = Annotated[ReviewConfig, Depends(review_config)]


def _today(request: Request) -> dt.date:
    return request.app.state.settings.clock().date()


@router.get("/new")
def start(request: Request, rejection: int | None = None):
    """Step 1 (paste or drop), or step 2 straight away for a rejection already filed."""
    if rejection is not None:
        followup = actions.followup_for(tracker_for(request), rejection, profile_of(request))
        return _details(request, followup)
    return page(request, "new/paste.html")


@router.get("/new/details")
def blank_details(request: Request):
    """Step 2 with empty fields, for a rejection given by phone or in person."""
    profile = profile_of(request)
    followup = FollowUp(
        received=_today(request).isoformat(),
        your_name=getattr(profile, "name", "") or "",
        skills=", ".join(getattr(profile, "skills", ()) or ()),
    )
    return _details(request, followup)


@router.post("/new/read")
async def read_rejection(request: Request):
    """Read the pasted text or the dropped .eml, then show the fields it found."""
    form = await request.form()
    upload = form.get("eml")
    pasted = form.get("pasted")
    raw: bytes | str | None = None
    email = None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_EML + 1)
        if len(data) > MAX_EML:
            raise HTTPException(
                413, "That file is over 5 MB. Save the email without its attachments and try again."
            )
        if not data.strip():
            return _paste_again(
                request, "That file is empty. Choose the saved email (.eml) or paste its text."
            )
        try:
            raw, email = actions.read_dropped(data, upload.filename)
        except MailFileError as error:
            return _paste_again(request, as_sentence(str(error)))
    elif isinstance(pasted, str) and pasted.strip():
        raw = check_pasted(pasted)
    if raw is None:
        return page(
            request,
            "new/paste.html",
            422,
            error="Paste the rejection email, or choose the saved .eml file.",
            pasted="",
        )
    reading, subject = actions.read_upload(raw, email=email)
    followup = FollowUp.from_reading(reading, original=raw, today=_today(request))
    followup = replace(followup, their_subject=subject)
    profile = profile_of(request)
    if profile is not None:
        followup = actions.with_profile(followup, profile)
    return _details(request, followup, reading=reading)


def _paste_again(request: Request, error: str):
    return page(request, "new/paste.html", 422, error=error, pasted="")


STRATEGY_TITLES = {
    "gratitude": "Thank them",
    "feedback": "Thank them and ask for feedback",
    "future": "Thank them and ask about later roles",
}


def _details(request: Request, followup: FollowUp, *, status: int = 200, errors=None, reading=None):
    from afterword.composer.strategy import choose

    chosen, reason = choose(followup.context(), "auto")
    title = STRATEGY_TITLES[chosen]
    return page(
        request,
        "new/details.html",
        status,
        f=followup,
        errors=errors or {},
        reading=reading,
        suggestion_title=title,
        suggestion_reason=reason,
        suggestion_text=f"{title}. {reason}",
        today=_today(request).isoformat(),
    )


@router.post("/new/draft")
async def draft(request: Request, config: Config):
    """Step 3 to 6: write the draft in the chosen strategy and open it in the editor."""
    from afterword.composer import ComposeError

    followup = FollowUp.from_form(await request.form())
    problems = followup.problems()
    if problems:
        return _details(request, followup, status=422, errors=problems)
    profile = profile_of(request)
    try:
        written = actions.write_draft(
            followup, profile=profile, today=_today(request), config=config
        )
    except ComposeError as error:
        return _details(
            request, followup, status=422, errors=actions.compose_problem(str(error), followup)
        )
    return _editor(
        request, followup, written.text, written.review, strategy=written.strategy, why=written.why
    )


def _editor(
    request, followup, text, review, *, strategy, why, status=200, error=None, ask_force=False
):
    profile = profile_of(request)
    today = _today(request)
    context = followup.context(profile=profile, send_date=today)
    subject, body = split_subject(text)
    from afterword.export import mailto_link

    return page(
        request,
        "new/editor.html",
        status,
        f=followup,
        text=text,
        review=review,
        marks=segments(text, review.findings),
        whole=WHOLE_MESSAGE,
        is_marked=is_marked,
        strategy=strategy,
        strategy_title=STRATEGY_TITLES.get(strategy, "Your own approach"),
        why=why,
        context=context_json(context),
        mailto=mailto_link(subject, body, followup.contact_email or None),
        today=today.isoformat(),
        error=error,
        ask_force=ask_force,
    )


@router.post("/new/eml")
async def download_eml(request: Request):
    """The draft as an .eml file that mail clients open ready to send."""
    form = await request.form()
    followup = FollowUp.from_form(form)
    text = _text(form)
    data, filename = actions.eml_for(
        followup, text, profile=profile_of(request), now=request.app.state.settings.clock()
    )
    return Response(
        data,
        media_type="message/rfc822",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/new/save")
async def save(request: Request, config: Config):
    """Keep the draft in the tracker without sending it."""
    return await _file(request, config, sent=False)


@router.post("/new/sent")
async def mark_sent(request: Request, config: Config):
    """Step 7: file the rejection and the follow-up as sent, then show Today."""
    return await _file(request, config, sent=True)


async def _file(request: Request, config: ReviewConfig, *, sent: bool):
    from afterword.tracker.errors import PolicyRefusal, TrackerError

    form = await request.form()
    followup = FollowUp.from_form(form)
    text = _text(form)
    strategy = (
        form.get("used_strategy")
        if isinstance(form.get("used_strategy"), str)
        else followup.strategy
    )
    profile = profile_of(request)
    today = _today(request)
    review = actions.review_text(text, followup, profile=profile, today=today, config=config)
    why = form.get("why") if isinstance(form.get("why"), str) else ""
    if not text.strip():
        return _editor(
            request,
            followup,
            text,
            review,
            strategy=strategy,
            why=why,
            status=422,
            error="The draft is empty: write the message before filing it.",
        )
    sent_at = (
        actions.sent_moment(form.get("sent_on"), now=request.app.state.settings.clock())
        if sent
        else None
    )
    try:
        rejection_id = actions.file_follow_up(
            tracker_for(request),
            followup,
            text,
            strategy=strategy,
            review=review,
            today=today,
            sent_at=sent_at,
            force=form.get("force") == "yes",
        )
    except TrackerError as error:
        # A policy refusal (a second follow-up) can be overridden; other errors cannot.
        refused = isinstance(error, PolicyRefusal)
        return _editor(
            request,
            followup,
            text,
            review,
            strategy=strategy,
            why=why,
            status=409 if refused else 422,
            error=as_sentence(str(error)),
            ask_force=refused,
        )
    done = "sent" if sent else "saved"
    return RedirectResponse(f"/?{done}={rejection_id}", status_code=303)


def _text(form) -> str:
    value = form.get("text")
    return value.replace("\r\n", "\n") if isinstance(value, str) else ""
