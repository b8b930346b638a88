"""A local app is still a server: hosts, cross-site requests, injection, sizes and tokens."""

from __future__ import annotations

import html
import json
import re

import pytest
from web_helpers import DETAIL, REJECTION, csrf_token, hidden_fields

PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>"
ALICE, BOB = "alice-token-0123456789", "bob-token-0123456789ab"


def assert_inert(page: str) -> None:
    """No markup from the payload survives; it shows as text."""
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert all(
        tag.startswith('<script src="/static/') for tag in re.findall(r"<script[^>]*>", page)
    )


# Host header: against DNS rebinding


@pytest.mark.parametrize("path", ["/", "/api/track/due"])
def test_a_foreign_host_header_is_refused(client, path) -> None:
    answer = client.get(path, headers={"host": "evil.example:8000"})
    assert answer.status_code == 400
    assert "only answers to its own address" in answer.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost"])
def test_local_names_are_served(client, host) -> None:
    assert client.get("/guide", headers={"host": host}).status_code == 200


def test_a_shared_server_can_be_held_to_its_public_name(make_client) -> None:
    shared = make_client(tokens={ALICE: "alice"}, allowed_hosts=frozenset({"jobs.example.org"}))
    bearer = {"authorization": f"Bearer {ALICE}"}
    assert (
        shared.get("/api/track/due", headers={**bearer, "host": "jobs.example.org"}).status_code
        == 200
    )
    assert (
        shared.get("/api/track/due", headers={**bearer, "host": "evil.example"}).status_code == 400
    )


# Cross-site requests and CSRF


def test_a_cross_site_form_post_is_refused_and_changes_nothing(client) -> None:
    token = csrf_token(client, "/settings")
    answer = client.post(
        "/settings/profile",
        data={"csrf_token": token, "name": "Mallory"},
        headers={"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
    )
    assert answer.status_code == 403
    assert "another website" in answer.text
    assert client.get("/api/track/profile").json()["name"] == ""


def test_a_post_from_another_origin_is_refused_without_fetch_metadata(client) -> None:
    token = csrf_token(client, "/settings")
    answer = client.post(
        "/settings/profile", data={"csrf_token": token, "name": "Mallory"},
        headers={"origin": "http://evil.example"},
    )  # fmt: skip
    assert answer.status_code == 403


def test_a_form_post_without_the_csrf_token_is_refused(client) -> None:
    csrf_token(client, "/settings")  # the browser holds the cookie, the attacker not the token
    answer = client.post("/settings/profile", data={"name": "Mallory"})
    assert answer.status_code == 403
    assert "reload the page" in answer.text
    assert client.get("/api/track/profile").json()["name"] == ""


def test_a_form_post_with_the_page_token_goes_through(client) -> None:
    token = csrf_token(client, "/settings")
    answer = client.post(
        "/settings/profile", data={"csrf_token": token, "name": "Jordan Ellis"},
        headers={"sec-fetch-site": "same-origin", "origin": "http://127.0.0.1:8000"},
    )  # fmt: skip
    assert answer.status_code == 303
    assert client.get("/api/track/profile").json()["name"] == "Jordan Ellis"


def test_a_token_from_another_cookie_is_refused(make_client, client) -> None:
    other = make_client()
    stolen = csrf_token(other, "/settings")
    csrf_token(client, "/settings")
    answer = client.post("/settings/profile", data={"csrf_token": stolen, "name": "Mallory"})
    assert answer.status_code == 403


def test_the_page_script_sends_its_token_in_a_header(client) -> None:
    token = csrf_token(client)
    answer = client.post(
        "/api/review", json={"text": "Hi"},
        headers={"x-csrf-token": token, "sec-fetch-site": "same-origin"},
    )  # fmt: skip
    assert answer.status_code == 200


def test_json_with_browser_cookies_but_no_token_is_refused(client) -> None:
    csrf_token(client)
    answer = client.post("/api/review", json={"text": "Hi"})
    assert answer.status_code == 403
    assert answer.json()["error"].startswith("Refused")


def test_a_text_plain_post_which_any_site_can_send_is_refused(client) -> None:
    answer = client.post(
        "/api/review", content=json.dumps({"text": "Hi"}), headers={"content-type": "text/plain"}
    )
    assert answer.status_code == 403


def test_a_local_script_needs_no_token_for_json(client) -> None:
    for _ in range(2):  # and keeps working: API answers set no cookie
        assert client.post("/api/review", json={"text": "Hi"}).status_code == 200
    assert not client.cookies


# Escaping: whatever a user types shows as text


def test_script_in_every_follow_up_field_is_rendered_inert(client) -> None:
    token = csrf_token(client, "/new")
    pasted = REJECTION.replace("Priya Raman <", f"Priya {PAYLOAD} <").replace(
        "Hi Jordan", f"Hi {PAYLOAD}"
    )
    details = client.post("/new/read", data={"csrf_token": token, "pasted": pasted})
    assert details.status_code == 200
    assert_inert(details.text)
    fields = hidden_fields(details.text)
    names = ["company", "role", "contact_name", "their_subject", "your_name", "skills"]
    form = {**fields, **{name: f"{name} O'Hara {PAYLOAD}" for name in names}}
    form["company_detail"] = f"{DETAIL} {PAYLOAD}"
    editor = client.post("/new/draft", data=form)
    assert_inert(editor.text)
    context = re.search(r"data-context='([^']*)'", editor.text)
    if context:  # the live review's facts survive quotes and markup intact
        assert json.loads(html.unescape(context.group(1)))["company"] == form["company"]
    sent_form = {**hidden_fields(editor.text), "text": f"Subject: Hi\n\nDear {PAYLOAD}"}
    filed = client.post("/new/sent", data={**sent_form, **form, "csrf_token": token})
    assert filed.status_code in (303, 200, 409, 422)
    for path in ["/", "/companies", "/companies/1", "/rejections/1", "/feedback", "/api"]:
        page = client.get(path)
        assert page.status_code == 200, path
        assert_inert(page.text)


def test_script_in_feedback_notes_profile_and_replies_is_rendered_inert(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/feedback")
    posts = [
        ("/feedback", {"rejection_id": "1", "text": PAYLOAD, "received": "2026-03-15"}),
        (
            "/settings/profile",
            {n: PAYLOAD for n in ("name", "phone", "linkedin", "signature", "skills")},
        ),
        ("/rejections/1/reply", {"text": PAYLOAD, "received": "2026-03-15"}),
        ("/companies/1/opening", {"role": PAYLOAD, "seen": "2026-03-15"}),
        ("/contacts/1", {"notes": PAYLOAD, "back": "/companies/1"}),
    ]
    for path, data in posts:
        answer = client.post(path, data={**data, "csrf_token": token})
        assert answer.status_code in (200, 303), (path, answer.text[:300])
        assert_inert(answer.text)
    for path in ["/", "/feedback", "/settings", "/rejections/1", "/companies/1", "/companies"]:
        page = client.get(path)
        assert_inert(page.text)
        assert "&lt;script&gt;" in page.text or path in ("/", "/companies"), path


def test_a_login_return_address_cannot_smuggle_markup_or_leave_the_site(make_client) -> None:
    shared = make_client(tokens={ALICE: "alice"})
    page = shared.get("/login", params={"next": '"><script>alert(1)</script>'})
    assert_inert(page.text)
    token = csrf_token(shared, "/login")
    away = shared.post(
        "/login", data={"csrf_token": token, "token": ALICE, "next": "//evil.example"}
    )
    assert away.headers["location"] == "/"


# Size limits


def test_an_oversized_eml_upload_is_refused_cleanly(client) -> None:
    token = csrf_token(client, "/new")
    big = b"From: a@b.example\r\nSubject: x\r\n\r\n" + b"x" * (6 * 1024 * 1024)
    answer = client.post(
        "/new/read", data={"csrf_token": token}, files={"eml": ("big.eml", big, "message/rfc822")}
    )
    assert answer.status_code == 413
    assert "5 MB" in answer.text
    assert "Traceback" not in answer.text
    assert client.get("/new").status_code == 200  # and the server carries on


def test_a_body_streamed_past_the_limit_without_a_length_is_refused(client) -> None:
    def chunks():
        payload = json.dumps({"text": "word " * 100_000}).encode()
        for start in range(0, len(payload), 65_536):
            yield payload[start : start + 65_536]

    answer = client.post(
        "/api/review", content=chunks(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413
    assert "256 KB" in answer.json()["error"]


def test_pasted_text_over_200_kb_is_refused_on_the_page_too(client) -> None:
    token = csrf_token(client, "/new")
    answer = client.post("/new/read", data={"csrf_token": token, "pasted": "word " * 41_000})
    assert answer.status_code == 413
    assert "200 KB" in answer.text


# Headers


@pytest.mark.parametrize("path", ["/", "/guide", "/api/track/due", "/static/app.css", "/nowhere"])
def test_every_response_carries_a_strict_content_security_policy(client, path) -> None:
    policy = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_pages_use_no_inline_scripts_styles_or_handlers(client) -> None:
    for path in [
        "/",
        "/new",
        "/new/details",
        "/guide",
        "/settings",
        "/feedback",
        "/companies",
        "/api",
    ]:
        page = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), path
        assert not re.search(r"\son[a-z]+=", page), path
        assert " style=" not in page and "<style" not in page, path
        assert "http://" not in page.replace("http://127.0.0.1:8000", "") or path == "/api", path


def test_pasted_text_past_the_form_parsers_own_limit_gets_the_same_plain_answer(client) -> None:
    token = csrf_token(client, "/new")
    answer = client.post(
        "/new/read",
        data={"csrf_token": token, "pasted": "word " * 240_000},
        files={"eml": ("", b"", "application/octet-stream")},
    )
    assert answer.status_code == 413
    assert "too long" in answer.text
