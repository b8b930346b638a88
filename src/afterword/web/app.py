"""Build the web app: `create_app(settings)`; nothing connects or opens at import time."""

from __future__ import annotations

import logging
import re
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from afterword import __version__
from afterword.tracker.errors import DuplicateRejection, PolicyRefusal, TrackerError
from afterword.web.csrf import verify_csrf
from afterword.web.guard import SAFE_METHODS, Guard
from afterword.web.rendering import STATIC, error_page, page
from afterword.web.responses import JSONBody, error_body
from afterword.web.settings import WebSettings, settings_from_env
from afterword.web.snapshots import Snapshots
from afterword.web.trackers import TrackerPool

log = logging.getLogger("afterword.web")

UNEXPECTED = (
    "Something went wrong on our side and nothing was changed. "
    "Please try again; if it keeps happening, restart afterword."
)
_NOT_ON_FILE = re.compile(r"^no [\w -]+ #\d+ on file")
PASTED_TOO_LARGE = (
    "The pasted text is too long. Paste only the rejection email itself, "
    "without earlier messages in the thread."
)
MESSAGES = {
    404: "There is nothing at this address.",
    405: "This address does not accept that kind of request.",
}


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The whole app for these settings; trackers open on first use, per owner."""
    settings = (settings or WebSettings()).check()
    trackers = TrackerPool(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        trackers.close()

    app = FastAPI(
        title="afterword",
        version=__version__,
        summary="Read a rejection, write the follow-up, review it, and keep track.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(verify_csrf), Depends(_refresh_after_writes)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.trackers = trackers
    app.state.snapshots = Snapshots()
    _add_routes(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    app.add_middleware(Guard, settings=settings, error_page=error_page)
    return app


async def _refresh_after_writes(request: Request):
    """Once a change is saved, this worker draws its owner's Today afresh."""
    yield
    if request.method not in SAFE_METHODS:
        request.app.state.snapshots.forget(request.state.owner)


def create_app_from_env() -> FastAPI:
    """The factory each `afterword serve --workers N` worker calls: settings from AFTERWORD_*."""
    return create_app(settings_from_env())


def _add_routes(app: FastAPI) -> None:
    from afterword.web import api, api_track, pages

    app.include_router(api.router)
    app.include_router(api_track.router)
    for router in pages.routers():
        app.include_router(router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONBody:
        return JSONBody({"ok": True})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        message = error.detail if isinstance(error.detail, str) else None
        if message and message.startswith("Part exceeded maximum size"):
            # Starlette's own limit on one form field: say it as ours.
            error = HTTPException(413, PASTED_TOO_LARGE)
            message = PASTED_TOO_LARGE
        message = (
            MESSAGES.get(error.status_code, message) if error.status_code in MESSAGES else message
        )
        message = message or "That request could not be handled."
        if _wants_json(request):
            return error_body(message, error.status_code)
        return page(
            request, "error.html", error.status_code, status=error.status_code, message=message
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        message = readable(error.errors())
        if _wants_json(request):
            return error_body(message, 422)
        return page(request, "error.html", 400, status=400, message=message)

    @app.exception_handler(TrackerError)
    async def tracker_error(request: Request, error: TrackerError):
        status = tracker_status(error)
        message = sentence(str(error))
        if _wants_json(request):
            return error_body(message, status)
        return page(request, "error.html", status, status=status, message=message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        if _wants_json(request):
            return error_body(UNEXPECTED, 500)
        return page(request, "error.html", 500, status=500, message=UNEXPECTED)


def tracker_status(error: TrackerError) -> int:
    """409 for refusals and duplicates, 404 for a record that is not on file, else 400."""
    if isinstance(error, PolicyRefusal | DuplicateRejection):
        return 409
    return 404 if _NOT_ON_FILE.match(str(error)) else 400


def sentence(text: str) -> str:
    """The tracker's one-line reasons, as a sentence for people."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def readable(errors) -> str:
    """The first validation error as one sentence: "'text' is required"."""
    if not errors:
        return "The request could not be read."
    first = errors[0]
    loc = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(loc)
    kind = first.get("type", "")
    if kind == "json_invalid":
        return "The request body is not valid JSON."
    if kind == "missing":
        return f"'{field}' is required." if field else "The request body is missing."
    detail = first.get("msg", "is not valid")
    return f"'{field}': {detail}." if field else f"{detail}."
