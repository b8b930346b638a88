"""The JSON API for pages and scripts: review, compose and read (the tracker's is in api_track)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException

from afterword.context import ContextError, context_from_dict
from afterword.review import ReviewConfig
from afterword.web.forms import as_sentence
from afterword.web.guard import KB
from afterword.web.responses import JSONBody
from afterword.web.trackers import review_config

router = APIRouter(prefix="/api", tags=["review, compose, read"])

MAX_PASTED = 200 * KB
MAX_EML = 5 * 1024 * KB
EML_TYPES = ("message/rfc822", "application/octet-stream")


class ReviewRequest(BaseModel):
    """A draft to review, with the facts it should agree with."""

    text: str = Field(description="The whole message, subject line included.")
    context: dict[str, Any] | None = Field(
        default=None, description="Context JSON: names, dates, earlier follow-ups (all optional)."
    )


class ComposeRequest(BaseModel):
    """The facts of one rejection, and how to write the follow-up."""

    context: dict[str, Any] | None = None
    strategy: Literal["auto", "gratitude", "feedback", "future"] = "auto"
    tone: Literal["warm", "formal"] = "warm"
    length: Literal["short", "standard"] = "standard"
    seed: int = Field(default=0, ge=0, le=1_000_000)


class ReadRequest(BaseModel):
    """The pasted text of a rejection email."""

    text: str


def parse_context(data: dict[str, Any] | None):
    """The Context for a request, or a 422 that names the bad field."""
    try:
        return context_from_dict(data)
    except ContextError as error:
        raise HTTPException(422, str(error)) from None


@router.post("/review", summary="Review a draft")
def review_draft(
    body: ReviewRequest, config: Annotated[ReviewConfig, Depends(review_config)]
) -> JSONBody:
    """The review JSON of `afterword check --format json`: verdict, findings, stats."""
    from afterword.services import check_draft

    result = check_draft(body.text, parse_context(body.context), config)
    return JSONBody(result.to_dict())


@router.post("/compose", summary="Write a follow-up")
def compose_draft(
    body: ComposeRequest, config: Annotated[ReviewConfig, Depends(review_config)]
) -> JSONBody:
    """A draft that passes the review, or 422 with what to change in the context."""
    from afterword.composer import ComposeError
    from afterword.services import compose_drafts

    context = parse_context(body.context)
    try:
        (draft,) = compose_drafts(
            context,
            strategy=body.strategy,
            tone=body.tone,
            length=body.length,
            seed=body.seed,
            config=config,
        )
    except ComposeError as error:
        raise HTTPException(422, as_sentence(str(error))) from None
    return JSONBody(draft.to_dict())


@router.post(
    "/read",
    summary="Read a rejection email",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": ReadRequest.model_json_schema()},
                "message/rfc822": {"schema": {"type": "string", "format": "binary"}},
            }
        }
    },
)
async def read_email(request: Request) -> JSONBody:
    """What a rejection says: JSON `{"text"}` for pasted text, or the .eml bytes as message/rfc822."""
    from afterword.inbox import read

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in EML_TYPES:
        raw = await request.body()
        if not raw.strip():
            raise HTTPException(422, "The email is empty: send the .eml file's bytes.")
        return JSONBody(read(raw).to_dict())
    payload = json_body(ReadRequest, await request.body())
    text = check_pasted(payload.text)
    return JSONBody(read(text).to_dict())


def json_body(model: type[BaseModel], raw: bytes):
    """A JSON body read into its model, or a 422 that says what to send."""
    try:
        return model.model_validate_json(raw)
    except ValidationError:
        raise HTTPException(
            422, 'Send {"text": "..."} as JSON, or the .eml bytes as message/rfc822.'
        ) from None


def check_pasted(text: str) -> str:
    """Pasted text within its limit and not blank, or a clear 4xx."""
    if len(text.encode("utf-8")) > MAX_PASTED:
        raise HTTPException(
            413,
            "The pasted text is over 200 KB. Paste only the rejection email itself, "
            "without earlier messages in the thread.",
        )
    if not text.strip():
        raise HTTPException(422, "Paste the rejection email's text first.")
    return text
