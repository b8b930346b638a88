"""The API reference, drawn from the app's own OpenAPI document (no CDN, no script)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from fastapi import APIRouter, FastAPI, Request

from afterword.web.rendering import page

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    summary: str
    description: str
    body_types: tuple[str, ...]
    fields: tuple[tuple[str, str, bool], ...]  # name, type, required
    query: tuple[tuple[str, str], ...]


def _type(schema: dict[str, Any], components: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type(option, components) for option in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}), components)}"
    return schema.get("format", kind) if kind == "string" else kind


def _fields(
    content: dict[str, Any], components: dict[str, Any]
) -> tuple[tuple[str, str, bool], ...]:
    schema = (content.get("application/json") or {}).get("schema") or {}
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    required = set(schema.get("required", ()))
    return tuple(
        (name, _type(value, components), name in required)
        for name, value in (schema.get("properties") or {}).items()
    )


@cache
def endpoints(app: FastAPI) -> tuple[Endpoint, ...]:
    document = app.openapi()
    components = document.get("components", {}).get("schemas", {})
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = (operation.get("requestBody") or {}).get("content", {})
            query = tuple(
                (item["name"], _type(item.get("schema", {}), components))
                for item in operation.get("parameters", ())
                if item.get("in") == "query"
            )
            found.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    body_types=tuple(content),
                    fields=_fields(content, components),
                    query=query,
                )
            )
    return tuple(found)


@router.get("/api")
def reference(request: Request):
    return page(request, "api.html", endpoints=endpoints(request.app))
