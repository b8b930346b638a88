"""The JSON API as scripts meet it: the same contracts as the command line, errors as {"error"}."""

from __future__ import annotations

import json

from typer.testing import CliRunner
from web_helpers import DETAIL, REJECTION

from afterword.cli import app as cli_app

BITTER = """\
Dear Aiko,

Frankly, the whole tasting day was poorly organized. I would like a detailed explanation \
of why I was not selected!!

Tomás
"""
CONTEXT = {"company": "Bellweather Bakery", "recipient_name": "Aiko Tanaka", "role": "Pastry Chef"}


def test_review_answers_exactly_what_afterword_check_prints(client, tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(BITTER, encoding="utf-8")
    (tmp_path / "context.json").write_text(json.dumps(CONTEXT), encoding="utf-8")
    printed = CliRunner().invoke(
        cli_app,
        ["check", str(draft), "--context", str(tmp_path / "context.json"), "--format", "json"],
    )
    answered = client.post("/api/review", json={"text": BITTER, "context": CONTEXT})
    assert answered.status_code == 200
    assert answered.json() == json.loads(printed.stdout)
    assert answered.json()["verdict"] == "revise"


def test_review_offsets_count_characters_not_bytes(client) -> None:
    text = "Dear Zoë 🙂,\n\nThank you, i enjoyed meeting the team.\n\nBest,\nLee"
    found = client.post("/api/review", json={"text": text}).json()["findings"]
    lowercase_i = next(f for f in found if f["rule"] == "proof.grammar.lowercase_i")
    assert text[lowercase_i["start"] : lowercase_i["end"]] == "i"


def test_review_without_text_is_a_clear_422(client) -> None:
    answer = client.post("/api/review", json={"context": {}})
    assert answer.status_code == 422
    assert answer.json() == {"error": "'text' is required."}


def test_review_with_a_bad_context_field_names_it(client) -> None:
    answer = client.post("/api/review", json={"text": "Hi", "context": {"rejection_date": "soon"}})
    assert answer.status_code == 422
    assert "rejection_date" in answer.json()["error"]


def test_a_body_that_is_not_json_is_refused_in_one_sentence(client) -> None:
    answer = client.post(
        "/api/review", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json() == {"error": "The request body is not valid JSON."}


def test_compose_returns_a_ready_draft_with_its_review(client) -> None:
    context = {**CONTEXT, "company_detail": "its sourdough proofed overnight in a stone cellar"}
    answer = client.post("/api/compose", json={"context": context, "strategy": "gratitude"})
    assert answer.status_code == 200
    draft = answer.json()
    assert draft["strategy"] == "gratitude"
    assert "Bellweather Bakery" in draft["body"]
    assert draft["review"]["verdict"] == "ready"


def test_compose_says_what_to_add_when_no_clean_draft_is_possible(client) -> None:
    answer = client.post("/api/compose", json={"context": {"company": "Lumenfield"}})
    assert answer.status_code == 422
    assert "Lumenfield" in answer.json()["error"]
    assert answer.json()["error"][0].isupper()


def test_compose_refuses_an_unknown_strategy(client) -> None:
    answer = client.post("/api/compose", json={"context": CONTEXT, "strategy": "beg"})
    assert answer.status_code == 422
    assert "strategy" in answer.json()["error"]


def test_read_takes_pasted_text_as_json(client) -> None:
    answer = client.post("/api/read", json={"text": REJECTION})
    assert answer.status_code == 200
    reading = answer.json()
    assert reading["company"] == "Lumenfield"
    assert reading["contact_name"] == "Priya Raman"
    assert reading["future"] == "kept_on_file"


def test_read_takes_the_eml_bytes_as_message_rfc822(client) -> None:
    raw = REJECTION.replace("\n", "\r\n").encode()
    answer = client.post("/api/read", content=raw, headers={"content-type": "message/rfc822"})
    assert answer.status_code == 200
    assert answer.json()["role"] == "Data Analyst"


def test_read_of_empty_text_asks_for_the_email(client) -> None:
    answer = client.post("/api/read", json={"text": "  "})
    assert answer.status_code == 422
    assert "Paste" in answer.json()["error"]


def test_read_of_pasted_text_over_200_kb_is_refused_cleanly(client) -> None:
    answer = client.post("/api/read", json={"text": "word " * 41_000})
    assert answer.status_code == 413
    assert "200 KB" in answer.json()["error"]


def test_unknown_api_path_is_a_json_404(client) -> None:
    answer = client.get("/api/nothing-here")
    assert answer.status_code == 404
    assert answer.json() == {"error": "There is nothing at this address."}


def test_openapi_documents_every_route_for_scripts(client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/review", "/api/compose", "/api/read", "/api/track/due"):
        assert path in paths
    assert "message/rfc822" in paths["/api/read"]["post"]["requestBody"]["content"]


def test_the_api_reference_page_needs_no_cdn(client) -> None:
    page = client.get("/api")
    assert page.status_code == 200
    assert "/api/review" in page.text
    assert "cdn" not in page.text.lower()


def test_tracker_api_files_a_rejection_and_tells_what_is_due(any_client) -> None:
    filed = any_client.post("/api/track/rejections", json={"text": REJECTION})
    assert filed.status_code == 201
    rejection_id = filed.json()["id"]
    due = any_client.get("/api/track/due").json()
    assert [item["rejection_id"] for item in due if item["kind"] == "follow_up"] == [rejection_id]


def test_tracker_api_saves_reviews_and_sends_a_draft(any_client) -> None:
    filed = any_client.post(
        "/api/track/rejections/fields",
        json={"company": "Lumenfield", "role": "Data Analyst", "received": "2026-03-15"},
    ).json()
    saved = any_client.post(
        f"/api/track/rejections/{filed['id']}/drafts",
        json={"subject": "Thank you", "body": BITTER, "strategy": "gratitude"},
    )
    assert saved.status_code == 201
    assert saved.json()["verdict"] == "revise"
    sent = any_client.post(f"/api/track/messages/{saved.json()['id']}/sent", json={})
    assert sent.status_code == 200
    assert sent.json()["status"] == "sent"
    again = any_client.post(
        f"/api/track/rejections/{filed['id']}/drafts", json={"body": "Hello", "subject": "Hi"}
    ).json()
    refused = any_client.post(f"/api/track/messages/{again['id']}/sent", json={})
    assert refused.status_code == 409
    assert refused.json()["error"]


def test_tracker_api_reports_an_unknown_rejection_as_not_found(any_client) -> None:
    answer = any_client.get("/api/track/rejections/999")
    assert answer.status_code == 404
    assert answer.json()["error"]


def test_export_then_import_into_another_account_keeps_everything(make_client, tmp_path) -> None:
    tokens = {"a" * 20: "alice", "b" * 20: "bob"}
    shared = make_client(f"sqlite:///{tmp_path / 'shared.db'}", tokens=tokens)
    alice = {"authorization": "Bearer " + "a" * 20}
    bob = {"authorization": "Bearer " + "b" * 20}
    shared.post("/api/track/rejections", json={"text": REJECTION}, headers=alice)
    exported = shared.get("/api/track/export", headers=alice).json()
    summary = shared.post("/api/track/import", json=exported, headers=bob)
    assert summary.status_code == 200
    assert summary.json()["rejections"] == 1
    assert shared.get("/api/track/rejections", headers=bob).json()[0]["company"] == "Lumenfield"


def test_profile_rules_switched_off_apply_to_the_review(client) -> None:
    text = "Dear Sam,\n\nThanks, i loved the tour.\n\nBest,\nLee"
    before = client.post("/api/review", json={"text": text}).json()["findings"]
    assert any(f["rule"] == "proof.grammar.lowercase_i" for f in before)
    changed = client.put("/api/track/profile", json={"disabled_rules": ["proof.grammar"]})
    assert changed.status_code == 200
    after = client.post("/api/review", json={"text": text}).json()["findings"]
    assert not any(f["code"] == "proof.grammar" for f in after)


def test_compose_context_detail_from_the_web_flow_is_used(client) -> None:
    context = {"company": "Lumenfield", "role": "Data Analyst", "company_detail": DETAIL}
    body = client.post("/api/compose", json={"context": context}).json()["body"]
    assert "dashboard" in body
