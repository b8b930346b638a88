"""Settings: profile and signature, reminder intervals, rules switched off, and your data."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from afterword.review.model import CODES
from afterword.review.registry import all_rules
from afterword.web.pages.guide import topics
from afterword.web.rendering import page
from afterword.web.trackers import tracker_for

router = APIRouter(include_in_schema=False)

PROFILE_FIELDS = {"name": 300, "email": 320, "phone": 80, "linkedin": 500, "signature": 2000}
DAY_LIMITS = {"follow_up_days": (1, 60), "check_in_days": (7, 730)}
MAX_IMPORT = 20 * 1024 * 1024


def _page(request: Request, status: int = 200, **values):
    profile = tracker_for(request).profile()
    disabled = set(profile.disabled_rules)
    values.setdefault("notice", None)
    values.setdefault("error", None)
    values.setdefault("errors", {})
    values.setdefault("draft", None)
    return page(
        request,
        "settings.html",
        status,
        profile=profile,
        topics=topics(),
        disabled=disabled,
        switched_off={topic.code: _switched_off(topic, disabled) for topic in topics()},
        shared=request.app.state.settings.requires_token,
        **values,
    )


def _switched_off(topic, disabled: set[str]) -> str:
    """How much of a topic is off, in words: "", "all off" or "2 off"."""
    if topic.code in disabled:
        return "all off"
    count = sum(rule.id in disabled for rule, _, _ in topic.rules)
    return f"{count} off" if count else ""


NOTICES = {
    "profile": "Your profile is saved. New drafts are signed with it.",
    "reminders": "Reminder intervals saved.",
    "rules": "Your review rules are saved. The editor uses them from the next review.",
}


@router.get("/settings")
def settings(request: Request, saved: str | None = None):
    return _page(request, notice=NOTICES.get(saved or ""))


@router.post("/settings/profile")
async def save_profile(request: Request):
    form = await request.form()
    values = {}
    for name, limit in PROFILE_FIELDS.items():
        raw = form.get(name)
        values[name] = raw.strip()[:limit] if isinstance(raw, str) else ""
    skills = form.get("skills") if isinstance(form.get("skills"), str) else ""
    values["skills"] = tuple(item.strip() for item in skills.split(",") if item.strip())[:20]
    if values["email"] and ("@" not in values["email"] or " " in values["email"]):
        return _page(
            request,
            422,
            errors={"email": "This does not look like an email address."},
            draft=values,
        )
    tracker_for(request).update_profile(**values)
    return RedirectResponse("/settings?saved=profile#profile", status_code=303)


@router.post("/settings/reminders")
async def save_reminders(request: Request):
    form = await request.form()
    values = {}
    errors = {}
    for name, (low, high) in DAY_LIMITS.items():
        raw = str(form.get(name) or "").strip()
        if not raw.isdigit() or not low <= int(raw) <= high:
            errors[name] = f"Give a whole number of days from {low} to {high}."
        else:
            values[name] = int(raw)
    if errors:
        return _page(request, 422, errors=errors)
    tracker_for(request).update_profile(**values)
    return RedirectResponse("/settings?saved=reminders#reminders", status_code=303)


@router.post("/settings/rules")
async def save_rules(request: Request):
    form = await request.form()
    known = set(CODES) | {rule.id for rule in all_rules()}
    chosen = tuple(
        sorted({item for item in form.getlist("off") if isinstance(item, str) and item in known})
    )
    tracker_for(request).update_profile(disabled_rules=chosen)
    return RedirectResponse("/settings?saved=rules#rules", status_code=303)


@router.get("/settings/export.json")
def export_json(request: Request):
    data = tracker_for(request).export_json()
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _download(body.encode("utf-8"), "application/json", "afterword-export.json")


@router.get("/settings/export.csv")
def export_csv(request: Request):
    return _download(
        tracker_for(request).export_csv().encode("utf-8"),
        "text/csv; charset=utf-8",
        "afterword-export.csv",
    )


@router.post("/settings/import")
async def import_data(request: Request):
    """Load an export back in, read as the CLI reads it; a bad file changes nothing and says why."""
    from afterword.tracking import TrackerError, read_export
    from afterword.web.forms import as_sentence

    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, 422, error="Choose an afterword export file (.json) to import.")
    raw = await upload.read(MAX_IMPORT + 1)
    if len(raw) > MAX_IMPORT:
        return _page(
            request,
            413,
            error=(
                f"That file is too big to import here (over {MAX_IMPORT // (1024 * 1024)} MB): "
                "import it from a terminal with afterword track import. Nothing was changed."
            ),
        )
    try:
        summary = tracker_for(request).import_json(read_export(raw))
    except TrackerError as error:
        return _page(request, 422, error=f"{as_sentence(str(error))} Nothing was changed.")
    return _page(request, notice=summary.describe())


@router.post("/settings/backup")
def backup(request: Request):
    """Copy the whole database to the user's data folder (on this computer only)."""
    from afterword.tracker.errors import TrackerError
    from afterword.web.actions import backup_folder

    if request.app.state.settings.requires_token:
        return _page(
            request,
            403,
            error="On a shared server, backups are made by whoever runs it. Use the export instead.",
        )
    now = request.app.state.settings.clock()
    tracker = tracker_for(request)
    try:
        path = tracker.backup(backup_folder() / tracker.backup_name(now))
    except TrackerError as error:
        return _page(request, 500, error=f"The backup could not be made: {error}")
    return _page(request, notice=f"Backup saved to {path}.")


def _download(data: bytes, media_type: str, filename: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            "cache-control": "no-store",
        },
    )
