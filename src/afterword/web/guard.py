"""The checks every request passes before any route runs: a local app is still a server.

One plain ASGI middleware, in this order: the Host header must name this server (against
DNS rebinding); a state-changing request must not come from another site; with access
tokens configured, the caller must hold one; the body must fit its size limit. It also
hands out the CSRF cookie and adds the security headers to every response. The CSRF token
itself is checked by `csrf.verify_csrf`, once the form is parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from http.cookies import SimpleCookie
from urllib.parse import quote, urlsplit

import orjson
from starlette.exceptions import HTTPException

from afterword.web.settings import LOCAL_OWNER, WebSettings, is_loopback
from afterword.web.signing import SESSION_DAYS, Signer

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_COOKIE = "afterword_csrf"
SESSION_COOKIE = "afterword_session"
OPEN_PATHS = ("/login", "/static/", "/healthz")

KB = 1024
MB = 1024 * KB
DEFAULT_BODY_LIMIT = 256 * KB
# A .eml with attachments may be large; a whole exported history larger still.
BODY_LIMITS = {
    "/new/read": 5 * MB + 64 * KB,
    "/api/read": 5 * MB + 64 * KB,
    # The later steps of New follow-up carry the original email along (up to 2 MB, base64).
    "/new/draft": 3 * MB,
    "/new/eml": 3 * MB,
    "/new/save": 3 * MB,
    "/new/sent": 3 * MB,
    "/settings/import": 20 * MB,
    "/api/track/import": 20 * MB,
}

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

ErrorPage = Callable[[int, str], bytes]


class TooLarge(HTTPException):
    """The body grew past its limit while streaming in (no Content-Length told us before)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, size_message(limit))


def body_limit(path: str) -> int:
    return BODY_LIMITS.get(path.rstrip("/") or "/", DEFAULT_BODY_LIMIT)


def size_message(limit: int) -> str:
    size = f"{limit // MB} MB" if limit >= MB else f"{limit // KB} KB"
    return (
        f"That is more than this form accepts ({size}). A rejection email or a follow-up "
        "is far smaller: paste only the message itself, or save the email without attachments."
    )


class Guard:
    """Host, origin, access and size checks, plus the CSRF cookie and security headers."""

    def __init__(self, app, settings: WebSettings, error_page: ErrorPage) -> None:
        self.app = app
        self.settings = settings
        self.signer = Signer(settings.secret_key)
        self.error_page = error_page

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        path = scope["path"]
        wants_json = path.startswith("/api/") or "application/json" in headers.get("accept", "")
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, message = refusal
            await self._error(send, status, message, wants_json)
            return
        state = scope.setdefault("state", {})
        cookies = _cookies(headers)
        owner, bearer = self._owner(headers, cookies)
        if owner is None and not path.startswith(OPEN_PATHS):
            if wants_json:
                await self._error(
                    send,
                    401,
                    "Sign in first: send 'Authorization: Bearer <your access token>'.",
                    True,
                )
            else:
                await _redirect(send, "/login?next=" + quote(_path_with_query(scope), safe="/"))
            return
        state["owner"] = owner
        state["bearer"] = bearer
        nonce = cookies.get(CSRF_COOKIE)
        fresh = None
        if self.signer.unsign("csrf-nonce", nonce or "") is None:
            nonce = fresh = self.signer.new_nonce()
        state["csrf_nonce"] = nonce
        state["csrf_token"] = self.signer.csrf_token(nonce)
        state["signer"] = self.signer

        limit = body_limit(path)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await self._error(send, 413, size_message(limit), wants_json)
            return
        secure = scope.get("scheme") == "https"
        started = False

        async def limited_receive():
            message = await receive()
            if message["type"] == "http.request":
                limited_receive.seen += len(message.get("body", b""))
                if limited_receive.seen > limit:
                    raise TooLarge(limit)
            return message

        limited_receive.seen = 0

        async def guarded_send(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = list(SECURITY_HEADERS)
                # Only pages need the CSRF cookie; a script's cookie jar stays empty.
                if fresh is not None and _is_html(message.get("headers", [])):
                    extra.append((b"set-cookie", _csrf_cookie(fresh, secure)))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except TooLarge:
            if not started:
                await self._error(send, 413, size_message(limit), wants_json)

    def _refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if not self._host_allowed(host):
            return 400, (
                "This server only answers to its own address. Open it as "
                "http://127.0.0.1 (with its port) instead."
            )
        if scope["method"] not in SAFE_METHODS and _cross_site(headers, host):
            return 403, (
                "This request came from another website, so it was refused. "
                "Use afterword's own pages to make changes."
            )
        return None

    def _host_allowed(self, host: str) -> bool:
        name = _host_name(host)
        if not name:
            return False
        if name in self.settings.allowed_hosts:
            return True
        if self.settings.requires_token and not self.settings.allowed_hosts:
            # Behind a token, a rebinding page gains nothing: it holds neither token nor cookie.
            return True
        return is_loopback(name)

    def _owner(self, headers: dict[str, str], cookies: dict[str, str]) -> tuple[str | None, bool]:
        if not self.settings.requires_token:
            return LOCAL_OWNER, False
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return self.settings.owner_for(token.strip()), True
        owner = self.signer.session_owner(cookies.get(SESSION_COOKIE), dict(self.settings.tokens))
        return owner, False

    async def _error(self, send, status: int, message: str, wants_json: bool) -> None:
        if wants_json:
            body = orjson.dumps({"error": message})
            kind = b"application/json"
        else:
            body = self.error_page(status, message)
            kind = b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send(
            {"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS}
        )
        await send({"type": "http.response.body", "body": body})


def session_cookie(value: str, secure: bool) -> str:
    """The Set-Cookie value that keeps a person signed in on this browser."""
    flags = "; Secure" if secure else ""
    return (
        f"{SESSION_COOKIE}={value}; Path=/; Max-Age={SESSION_DAYS * 86400}; HttpOnly; "
        f"SameSite=Strict{flags}"
    )


def _csrf_cookie(nonce: str, secure: bool) -> bytes:
    flags = "; Secure" if secure else ""
    return f"{CSRF_COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict{flags}".encode()


def _is_html(headers) -> bool:
    return any(
        key.lower() == b"content-type" and value.startswith(b"text/html") for key, value in headers
    )


def _headers(scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        name = key.decode("latin-1").lower()
        if name not in found:
            found[name] = value.decode("latin-1")
    return found


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    raw = headers.get("cookie")
    if not raw:
        return {}
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed Cookie header is treated as no cookies at all
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cross_site(headers: dict[str, str], host: str) -> bool:
    # Browsers set Sec-Fetch-Site themselves and no page can change it: trust it when sent.
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc.lower() != host.strip().lower()


def _path_with_query(scope) -> str:
    query = scope.get("query_string", b"").decode("latin-1")
    return scope["path"] + ("?" + query if query else "")


async def _redirect(send, location: str) -> None:
    headers = [(b"location", location.encode("latin-1")), (b"content-length", b"0")]
    await send(
        {"type": "http.response.start", "status": 303, "headers": headers + SECURITY_HEADERS}
    )
    await send({"type": "http.response.body", "body": b""})
