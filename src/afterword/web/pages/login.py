"""Sign in with an access token, when the server is shared beyond this computer."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from afterword.web.guard import SESSION_COOKIE, session_cookie
from afterword.web.rendering import page

router = APIRouter(include_in_schema=False)


def _safe_next(value: object) -> str:
    """Only a path on this server: never another site after signing in."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


@router.get("/login")
def login_form(request: Request, next: str = "/"):
    if not request.app.state.settings.requires_token:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
async def login(request: Request):
    settings = request.app.state.settings
    form = await request.form()
    target = _safe_next(form.get("next"))
    if not settings.requires_token:
        return RedirectResponse(target, status_code=303)
    token = form.get("token")
    owner = settings.owner_for(token.strip()) if isinstance(token, str) and token.strip() else None
    if owner is None:
        message = "That access token is not right. Check it with whoever runs this server."
        return page(request, "login.html", 401, next=target, error=message)
    response = RedirectResponse(target, status_code=303)
    value = request.state.signer.session(owner, token.strip())
    response.headers.append("set-cookie", session_cookie(value, request.url.scheme == "https"))
    return response


@router.post("/logout")
def logout(request: Request):
    response = RedirectResponse("/login", status_code=303)
    response.headers.append(
        "set-cookie", f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
    )
    return response
