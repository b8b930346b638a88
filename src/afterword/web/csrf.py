"""CSRF: every state-changing request carries a token that only our own pages know.

The token is derived from a random nonce in a SameSite=Strict cookie (the Guard hands it
out), so it needs no server-side session. Pages put it in a hidden field; the page scripts
send it as the X-CSRF-Token header. Scripts are let through when they cannot be a browser
tricked by another site: with an access token, or locally with a JSON (or message/rfc822)
body and none of a browser's cookies or origin headers, a request no cross-site form can make.
"""

from __future__ import annotations

from fastapi import Request
from starlette.exceptions import HTTPException

from afterword.web.guard import CSRF_COOKIE, SAFE_METHODS

FIELD = "csrf_token"
HEADER = "x-csrf-token"
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
# What a cross-site <form> can send without asking the server first (CORS "simple" types).
SIMPLE_TYPES = FORM_TYPES | {"text/plain", ""}

API_REFUSED = (
    "Refused: this request carries browser cookies but no X-CSRF-Token header. "
    "afterword's pages send one; a script should send JSON without cookies, or a Bearer token."
)
EXPIRED = (
    "This page was open too long or came from somewhere else, so nothing was changed. "
    "Go back (your text is still there and can be copied), then reload the page and try again."
)


async def verify_csrf(request: Request) -> None:
    """Refuse a state-changing request without a valid token (a FastAPI dependency)."""
    if request.method in SAFE_METHODS or request.state.bearer:
        return
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    token = request.headers.get(HEADER)
    if token is None and kind in FORM_TYPES:
        value = (await request.form()).get(FIELD)
        token = value if isinstance(value, str) else None
    if request.state.signer.csrf_ok(request.cookies.get(CSRF_COOKIE), token):
        return
    if token is None and _plain_script(request, kind):
        return
    if request.url.path.startswith("/api/"):
        raise HTTPException(403, API_REFUSED)
    raise HTTPException(403, EXPIRED)


def _plain_script(request: Request, kind: str) -> bool:
    settings = request.app.state.settings
    headers = request.headers
    return (
        not settings.requires_token
        and kind not in SIMPLE_TYPES
        and "origin" not in headers
        and "sec-fetch-site" not in headers
        and "cookie" not in headers
    )
