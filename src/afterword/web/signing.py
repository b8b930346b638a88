"""Signed cookie values: the server keeps no sessions, so any worker can check any cookie."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

SESSION_DAYS = 30


class Signer:
    """Signs and checks short values with the app's secret key, per purpose."""

    def __init__(self, secret_key: str) -> None:
        self._key = secret_key.encode()

    def _mac(self, purpose: str, payload: str) -> str:
        digest = hmac.new(self._key, f"{purpose}\n{payload}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")

    def sign(self, purpose: str, payload: str) -> str:
        encoded = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
        return f"{encoded}.{self._mac(purpose, payload)}"

    def unsign(self, purpose: str, value: str) -> str | None:
        """The payload, or None when the value was not signed by us for this purpose."""
        encoded, dot, mac = value.partition(".")
        if not dot or not encoded or len(value) > 4096:
            return None
        try:
            payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        if not hmac.compare_digest(mac, self._mac(purpose, payload)):
            return None
        return payload

    # The CSRF pair: a random nonce in a cookie, and a token derived from it in each form.

    def new_nonce(self) -> str:
        return self.sign("csrf-nonce", secrets.token_urlsafe(18))

    def csrf_token(self, nonce: str) -> str:
        return self._mac("csrf-token", nonce)

    def csrf_ok(self, nonce: str | None, token: str | None) -> bool:
        if not nonce or not token or self.unsign("csrf-nonce", nonce) is None:
            return False
        return hmac.compare_digest(token, self.csrf_token(nonce))

    # The login cookie: who, which token let them in (so revoking it logs them out), when.

    def session(self, owner: str, token: str) -> str:
        fingerprint = hashlib.sha256(token.encode()).hexdigest()[:16]
        return self.sign("session", f"{int(time.time())}|{fingerprint}|{owner}")

    def session_owner(self, value: str | None, tokens: dict[str, str]) -> str | None:
        """The owner of a valid, unexpired session whose token is still configured."""
        payload = self.unsign("session", value) if value else None
        if payload is None:
            return None
        issued, _, rest = payload.partition("|")
        fingerprint, _, owner = rest.partition("|")
        if not issued.isdigit() or time.time() - int(issued) > SESSION_DAYS * 86400:
            return None
        for token, token_owner in tokens.items():
            if token_owner == owner and hmac.compare_digest(
                hashlib.sha256(token.encode()).hexdigest()[:16], fingerprint
            ):
                return owner
        return None
