"""The tracker's JSON API: file rejections, save and send follow-ups, log feedback, see what is due."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from afterword.review import ReviewConfig
from afterword.web.api import EML_TYPES, MAX_EML, check_pasted, json_body, parse_context
from afterword.web.responses import JSONBody
from afterword.web.trackers import review_config, tracker_for

router = APIRouter(prefix="/api/track", tags=["track"])

Tracker = Annotated[Any, Depends(tracker_for)]


def _clock(request: Request) -> dt.datetime:
    return request.app.state.settings.clock()


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


class RejectionFields(BaseModel):
    """A rejection given field by field (a phone call, say), instead of as an email."""

    company: str = Field(min_length=1, max_length=300)
    role: str = Field(min_length=1, max_length=300)
    received: dt.date
    contact_name: str | None = None
    contact_email: str | None = None
    stage: Literal["application", "interview", "unknown"] = "unknown"
    feedback: str = "unknown"
    future: str = "unknown"
    requisition: str | None = None
    application_url: str | None = None


class PastedRejection(BaseModel):
    text: str
    application_url: str | None = None


class DraftIn(BaseModel):
    subject: str = Field(default="", max_length=500)
    body: str = Field(max_length=50_000)
    strategy: str = "auto"
    context: dict[str, Any] | None = None


class SentIn(BaseModel):
    sent_on: dt.datetime | None = Field(
        default=None, description="When it went out; now if left out."
    )
    force: bool = Field(default=False, description="Send a second follow-up despite the policy.")


class ReplyIn(BaseModel):
    received: dt.date
    text: str = Field(default="", max_length=20_000)


class FeedbackIn(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)
    received: dt.date
    themes: list[str] | None = None


class ProfileIn(BaseModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    signature: str | None = None
    skills: list[str] | None = None
    follow_up_days: int | None = Field(default=None, ge=1, le=60)
    check_in_days: int | None = Field(default=None, ge=7, le=730)
    disabled_rules: list[str] | None = None


class OpeningIn(BaseModel):
    company: str = Field(min_length=1, max_length=300)
    role: str = Field(min_length=1, max_length=300)
    seen: dt.date
    url: str | None = None


@router.get("/due", summary="What is due now")
def due(request: Request, tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.due(now=_clock(request))))


@router.get("/rejections", summary="Rejections, newest first")
def rejections(
    tracker: Tracker,
    limit: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    company: str | None = None,
) -> JSONBody:
    return JSONBody(_plain(tracker.rejections(limit=limit, company=company)))


@router.post(
    "/rejections",
    summary="File a rejection email",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": PastedRejection.model_json_schema()},
                "message/rfc822": {"schema": {"type": "string", "format": "binary"}},
            }
        }
    },
)
async def add_rejection(request: Request, tracker: Tracker) -> JSONBody:
    """Read and file a rejection: `{"text"}` as JSON, or the .eml bytes as message/rfc822."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    today = _clock(request).date()
    if kind in EML_TYPES:
        raw = await request.body()
        if not raw.strip() or len(raw) > MAX_EML:
            raise HTTPException(
                422 if not raw.strip() else 413, "Send the .eml file's bytes (up to 5 MB)."
            )
        return JSONBody(_plain(tracker.add_rejection(raw, today=today)), status_code=201)
    payload = json_body(PastedRejection, await request.body())
    filed = tracker.add_rejection(
        check_pasted(payload.text), today=today, application_url=payload.application_url
    )
    return JSONBody(_plain(filed), status_code=201)


@router.post("/rejections/fields", summary="File a rejection from its fields")
def add_rejection_fields(body: RejectionFields, tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.add_rejection_fields(**body.model_dump())), status_code=201)


@router.get("/rejections/{rejection_id}", summary="One rejection with its messages and feedback")
def rejection(rejection_id: int, tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.rejection(rejection_id)))


@router.post(
    "/rejections/{rejection_id}/drafts", summary="Save a follow-up draft (reviewed on the way in)"
)
def save_draft(
    rejection_id: int,
    body: DraftIn,
    tracker: Tracker,
    config: Annotated[ReviewConfig, Depends(review_config)],
) -> JSONBody:
    from afterword.services import check_draft

    text = f"Subject: {body.subject}\n\n{body.body}" if body.subject else body.body
    result = check_draft(text, parse_context(body.context), config)
    message = tracker.save_draft(
        rejection_id,
        subject=body.subject,
        body=body.body,
        strategy=body.strategy,
        verdict=result.verdict,
        findings=[finding.to_dict() for finding in result.findings],
    )
    return JSONBody(_plain(message), status_code=201)


@router.post("/messages/{message_id}/sent", summary="Mark a draft as sent")
def mark_sent(request: Request, message_id: int, body: SentIn, tracker: Tracker) -> JSONBody:
    sent_on = body.sent_on or _clock(request)
    return JSONBody(_plain(tracker.mark_sent(message_id, sent_on=sent_on, force=body.force)))


@router.post("/rejections/{rejection_id}/replies", summary="Log the company's reply")
def log_reply(rejection_id: int, body: ReplyIn, tracker: Tracker) -> JSONBody:
    tracker.log_reply(rejection_id, received=body.received, text=body.text)
    return JSONBody({"ok": True}, status_code=201)


@router.post("/rejections/{rejection_id}/feedback", summary="Log feedback received")
def log_feedback(rejection_id: int, body: FeedbackIn, tracker: Tracker) -> JSONBody:
    themes = tuple(body.themes) if body.themes is not None else None
    record = tracker.log_feedback(
        rejection_id, text=body.text, received=body.received, themes=themes
    )
    return JSONBody(_plain(record), status_code=201)


@router.get("/feedback", summary="All feedback received")
def feedback(tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.feedback()))


@router.get("/themes", summary="How often each feedback theme came up")
def themes(tracker: Tracker) -> JSONBody:
    return JSONBody(tracker.theme_counts())


@router.get("/timeline", summary="Applications, rejections, follow-ups and replies per week")
def timeline(
    request: Request, tracker: Tracker, weeks: Annotated[int, Query(ge=1, le=104)] = 12
) -> JSONBody:
    return JSONBody(_plain(tracker.timeline(today=_clock(request).date(), weeks=weeks)))


@router.post("/openings", summary="Log a new opening seen at a company")
def log_opening(body: OpeningIn, tracker: Tracker) -> JSONBody:
    tracker.log_opening(company=body.company, role=body.role, seen=body.seen, url=body.url)
    return JSONBody({"ok": True}, status_code=201)


@router.get("/companies", summary="Companies with their counts")
def companies(tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.companies()))


@router.get("/companies/{company_id}", summary="One company with its people and history")
def company(company_id: int, tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.company(company_id)))


@router.get("/contacts", summary="Every contact")
def contacts(tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.contacts()))


@router.get("/profile", summary="Your profile, reminder intervals and switched-off rules")
def profile(tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.profile()))


@router.put("/profile", summary="Change your profile")
def update_profile(body: ProfileIn, tracker: Tracker) -> JSONBody:
    changes = {key: value for key, value in body.model_dump().items() if value is not None}
    for key in ("skills", "disabled_rules"):
        if key in changes:
            changes[key] = tuple(changes[key])
    return JSONBody(_plain(tracker.update_profile(**changes)))


@router.get("/export", summary="Everything, as JSON (lossless) or CSV")
def export(tracker: Tracker, format: Literal["json", "csv"] = "json") -> Response:
    if format == "csv":
        return Response(tracker.export_csv(), media_type="text/csv; charset=utf-8")
    return JSONBody(tracker.export_json())


@router.post("/import", summary="Import an export into this account")
def import_data(data: dict[str, Any], tracker: Tracker) -> JSONBody:
    return JSONBody(_plain(tracker.import_json(data)))
