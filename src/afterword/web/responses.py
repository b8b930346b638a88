"""JSON responses serialized by orjson: dates and dataclass records come out as plain JSON."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response


class JSONBody(Response):
    """A JSON response; orjson writes dates as ISO 8601 and keeps non-ASCII text as is."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def error_body(message: str, status_code: int) -> JSONBody:
    """The API's one error shape: {"error": "..."}."""
    return JSONBody({"error": message}, status_code=status_code)
