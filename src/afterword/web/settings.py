"""How one web server runs: where it listens, who may use it, and where data lives.

Plain values, read from the command line or from environment variables, so that every
worker of `afterword serve --workers N` (and every instance behind a load balancer) builds
the same app from the same settings. No fastapi here: `afterword serve` validates its
options before it pays for importing the web stack.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
LOCAL_OWNER = "me"
MIN_TOKEN_LENGTH = 16

ENV_DATABASE = "AFTERWORD_DATABASE_URL"
ENV_TOKEN = "AFTERWORD_ACCESS_TOKEN"
ENV_TOKENS = "AFTERWORD_ACCESS_TOKENS"
ENV_SECRET = "AFTERWORD_SECRET_KEY"
ENV_HOST = "AFTERWORD_HOST"
ENV_ALLOWED_HOSTS = "AFTERWORD_ALLOWED_HOSTS"


class SettingsError(ValueError):
    """The server cannot start safely as asked; the message says what to change."""


def local_now() -> datetime:
    """The shell's clock: the current local time, with its offset."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class WebSettings:
    """Everything create_app needs; tests pass their own database and clock."""

    host: str = "127.0.0.1"
    database_url: str | None = None
    # token -> owner: each access token opens that owner's data only.
    tokens: Mapping[str, str] = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    allowed_hosts: frozenset[str] = frozenset()
    clock: Callable[[], datetime] = local_now

    @property
    def requires_token(self) -> bool:
        return bool(self.tokens)

    @property
    def is_local(self) -> bool:
        return is_loopback(self.host)

    def owner_for(self, token: str) -> str | None:
        """The owner this token belongs to, compared in constant time."""
        found = None
        for known, owner in self.tokens.items():
            if hmac.compare_digest(known.encode(), token.encode()):
                found = owner
        return found

    def check(self) -> WebSettings:
        """Refuse to serve beyond this machine without an access token."""
        if not self.is_local and not self.tokens:
            raise SettingsError(
                f"serving on {self.host} lets other machines in, so an access token is "
                f"required: set {ENV_TOKEN} (or pass --token) to a long random string"
            )
        for token in self.tokens:
            if len(token) < MIN_TOKEN_LENGTH:
                raise SettingsError(
                    f"an access token must be at least {MIN_TOKEN_LENGTH} characters long, "
                    "so that it cannot be guessed"
                )
        return self


def is_loopback(host: str) -> bool:
    """Whether the address or name only ever reaches this machine."""
    name = host.strip().strip("[]").lower()
    if name in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def parse_tokens(single: str | None, many: str | None) -> dict[str, str]:
    """Access tokens to owners: one token for "me", or "alice:token1,bob:token2"."""
    tokens: dict[str, str] = {}
    if single and single.strip():
        tokens[single.strip()] = LOCAL_OWNER
    for item in (many or "").split(","):
        if not item.strip():
            continue
        owner, colon, token = item.partition(":")
        if not colon or not owner.strip() or not token.strip():
            raise SettingsError(
                f"{ENV_TOKENS} must look like alice:token1,bob:token2 (an owner, a colon, a token)"
            )
        if token.strip() in tokens:
            raise SettingsError(f"{ENV_TOKENS} gives the same token to two owners")
        tokens[token.strip()] = owner.strip()
    return tokens


def settings_from_env(environ: Mapping[str, str] | None = None) -> WebSettings:
    """Settings from AFTERWORD_* variables: how each worker process learns them."""
    env = os.environ if environ is None else environ
    allowed = frozenset(
        name.strip().lower() for name in env.get(ENV_ALLOWED_HOSTS, "").split(",") if name.strip()
    )
    tokens = parse_tokens(env.get(ENV_TOKEN), env.get(ENV_TOKENS))
    return WebSettings(
        host=env.get(ENV_HOST, "127.0.0.1"),
        database_url=env.get(ENV_DATABASE) or None,
        tokens=tokens,
        secret_key=env.get(ENV_SECRET) or shared_secret(tokens),
        allowed_hosts=allowed,
    ).check()


def shared_secret(tokens: Mapping[str, str]) -> str:
    """The key that signs cookies: random, or derived from the tokens when there are some.

    Instances configured with the same tokens then accept each other's cookies behind a
    load balancer without another shared setting; AFTERWORD_SECRET_KEY overrides it.
    """
    if not tokens:
        return secrets.token_urlsafe(32)
    material = "\n".join(f"{owner}:{token}" for token, owner in sorted(tokens.items()))
    return hashlib.sha256(b"afterword cookie key\n" + material.encode()).hexdigest()
