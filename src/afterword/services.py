"""One function per user action: where the shells meet the core."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import orjson

from afterword.context import Context, ContextError, context_from_dict
from afterword.review import Review, ReviewConfig, review

if TYPE_CHECKING:
    from afterword.composer import Draft
    from afterword.composer.phrasebank import Bank

EMPTY_NOTICE = "The draft is empty: there is nothing to review yet."


def check_draft(
    text: str, context: Context, config: ReviewConfig, notices: Iterable[str] = ()
) -> Review:
    """Review one draft and carry the input's notices (such as replaced bytes) along."""
    result = review(text, context, config)
    extra = tuple(notices)
    if not text.strip():
        extra += (EMPTY_NOTICE,)
    if extra:
        result = replace(result, notices=extra + result.notices)
    return result


def check_batch(lines: Iterable[str], config: ReviewConfig) -> Iterator[dict[str, Any]]:
    """One result per input line, in order; a bad line gives an error object, not a crash."""
    for number, line in enumerate(lines, 1):
        yield _check_line(number, line, config)


def _check_line(number: int, line: str, config: ReviewConfig) -> dict[str, Any]:
    if not line.strip():
        return {"id": None, "line": number, "error": "empty line"}
    try:
        case = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return {"id": None, "line": number, "error": f"not valid JSON: {error}"}
    if not isinstance(case, dict):
        return {"id": None, "line": number, "error": "each line must be a JSON object"}
    case_id = case.get("id")
    text = case.get("text")
    if not isinstance(text, str):
        return {"id": case_id, "line": number, "error": "'text' must be a string"}
    try:
        context = context_from_dict(case.get("context"))
    except ContextError as error:
        return {"id": case_id, "line": number, "error": str(error)}
    result = check_draft(text, context, config)
    line_result = {
        "id": case_id,
        "verdict": result.verdict,
        "findings": [finding.to_dict() for finding in result.findings],
    }
    if result.notices:
        line_result["notices"] = list(result.notices)
    return line_result


def compose_drafts(
    context: Context,
    *,
    strategy: str = "auto",
    variants: int = 1,
    recipients: Iterable[str] = (),
    phrases: Bank | None = None,
    config: ReviewConfig | None = None,
    **options: Any,
) -> list[Draft]:
    """The drafts the user asked for: one, several variants, or one per recipient."""
    # Loaded here so that reviewing a draft never pays for the composer.
    from afterword.composer import compose, compose_for_each, compose_variants

    settings: dict[str, Any] = {"strategy": strategy, "phrases": phrases, **options}
    if config is not None:
        settings["config"] = config
    people = [name for name in recipients if name.strip()]
    if people:
        return compose_for_each(context, people, **settings)
    if variants > 1:
        return compose_variants(context, variants, **settings)
    return [compose(context, **settings)]
