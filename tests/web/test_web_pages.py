"""The pages as a person uses them, through the server: every step keeps what was typed."""

from __future__ import annotations

import email
import email.policy
import html
import json
from pathlib import Path

import pytest
from web_helpers import DETAIL, NOW, REJECTION, csrf_token, hidden_fields, textarea


def read(client, pasted: str = REJECTION):
    token = csrf_token(client, "/new")
    return client.post("/new/read", data={"csrf_token": token, "pasted": pasted}), token


def draft(client, **changes):
    details, token = read(client)
    form = {**hidden_fields(details.text), "company_detail": DETAIL, **changes}
    return client.post("/new/draft", data=form), token


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", "What is due"),
        ("/new", "Paste the email"),
        ("/new/details", "Check the details"),
        ("/companies", "Companies and contacts"),
        ("/feedback", "Feedback log"),
        ("/guide", "why each check matters"),
        ("/settings", "Review rules"),
        ("/api", "The API"),
    ],
)
def test_every_page_opens_on_an_empty_database(client, path, words) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert words in page.text


def test_reading_a_pasted_rejection_fills_the_fields_for_checking(client) -> None:
    details, _ = read(client)
    assert details.status_code == 200
    fields = hidden_fields(details.text)
    assert fields["original_kind"] == "text"
    assert 'value="Lumenfield"' in details.text
    assert 'value="Priya Raman"' in details.text
    assert 'value="priya.raman@lumenfield.example"' in details.text
    assert '<option value="on_file" selected>' in details.text
    assert "They offered to keep your details on file" in details.text  # the suggestion's reason


def test_a_dropped_eml_file_is_read_like_pasted_text(client) -> None:
    token = csrf_token(client, "/new")
    raw = REJECTION.replace("\n", "\r\n").encode()
    details = client.post(
        "/new/read",
        data={"csrf_token": token},
        files={"eml": ("rejection.eml", raw, "message/rfc822")},
    )
    assert details.status_code == 200
    assert hidden_fields(details.text)["original_kind"] == "eml"
    assert 'value="Data Analyst"' in details.text


def test_reading_nothing_asks_again_politely(client) -> None:
    token = csrf_token(client, "/new")
    answer = client.post("/new/read", data={"csrf_token": token, "pasted": "   "})
    assert answer.status_code == 422
    assert "Paste the rejection email" in answer.text


def test_the_draft_opens_in_the_editor_reviewed_with_its_facts(client) -> None:
    editor, _ = draft(client)
    assert editor.status_code == 200
    text = textarea(editor.text, "text")
    assert text.startswith("Subject: Re: Your application for Data Analyst at Lumenfield")
    assert "Priya" in text and "dashboard" in text
    assert "Ready to send." in editor.text
    assert 'href="mailto:priya.raman@lumenfield.example?subject=' in editor.text


def test_a_missing_detail_is_asked_for_beside_its_field_keeping_every_value(client) -> None:
    details, _ = read(client)
    form = {**hidden_fields(details.text), "company_detail": "", "your_name": "Jordan Ellis"}
    answer = client.post("/new/draft", data=form)
    assert answer.status_code == 422
    assert 'aria-invalid="true"' in answer.text
    assert 'id="e-company_detail"' in answer.text
    assert 'value="Jordan Ellis"' in answer.text


def test_asking_for_feedback_they_declined_is_refused_before_writing(client) -> None:
    answer, _ = draft(client, feedback="declined", strategy="feedback")
    assert answer.status_code == 422
    assert "don't give feedback" in html.unescape(answer.text)


def test_the_whole_flow_files_the_follow_up_as_sent_and_today_shows_it(any_client) -> None:
    editor, token = draft(any_client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    before = any_client.get("/").text
    assert "Write the follow-up" not in before
    sent = any_client.post("/new/sent", data={**form, "sent_on": NOW.date().isoformat()})
    assert sent.status_code == 303
    today = any_client.get(sent.headers["location"])
    assert (
        "Your follow-up to Lumenfield about the Data Analyst role is marked as sent" in today.text
    )
    assert "Follow-up sent" in today.text
    detail = any_client.get("/api/track/rejections/1").json()
    (message,) = detail["messages"]
    assert message["status"] == "sent"
    assert message["subject"] == "Re: Your application for Data Analyst at Lumenfield"
    assert message["verdict"] == "ready"
    assert detail["original"].startswith("From: Priya Raman")


def test_saving_a_draft_leaves_the_follow_up_due(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    saved = client.post("/new/save", data=form)
    assert saved.status_code == 303
    today = client.get(saved.headers["location"]).text
    assert "Draft saved" in today
    assert "Write the follow-up" in today


def test_a_second_follow_up_is_refused_with_the_reason_and_the_text_kept(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    client.post("/new/sent", data=form)
    again = client.get("/new", params={"rejection": 1})
    assert 'value="1"' in again.text  # the filed rejection, not a new one
    second = {**form, "rejection_id": "1", "text": "Subject: Hello again\n\nDear Priya, me again."}
    refused = client.post("/new/sent", data=second)
    assert refused.status_code == 409
    assert "me again" in textarea(refused.text, "text")
    assert 'name="force"' in refused.text
    forced = client.post("/new/sent", data={**second, "force": "yes"})
    assert forced.status_code == 303


def test_the_draft_downloads_as_an_eml_addressed_to_the_contact(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    answer = client.post("/new/eml", data=form)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("message/rfc822")
    assert 'filename="follow-up-lumenfield.eml"' in answer.headers["content-disposition"]
    message = email.message_from_bytes(answer.content, policy=email.policy.default)
    assert message["To"] == "Priya Raman <priya.raman@lumenfield.example>"
    assert message["Subject"] == "Re: Your application for Data Analyst at Lumenfield"
    assert "dashboard" in message.get_content()


def test_feedback_is_logged_with_themes_and_counted(any_client) -> None:
    any_client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(any_client, "/feedback")
    text = "We needed someone with more years leading a team of analysts."
    added = any_client.post(
        "/feedback",
        data={"csrf_token": token, "rejection_id": "1", "text": text, "received": "2026-03-14"},
    )
    assert added.status_code == 303
    page = any_client.get("/feedback?added=true").text
    assert "Feedback logged" in page
    assert text in page
    assert any_client.get("/api/track/themes").json()["experience_level"] == 1


def test_feedback_without_text_keeps_the_choice_and_says_why(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/feedback")
    answer = client.post("/feedback", data={"csrf_token": token, "rejection_id": "1", "text": " "})
    assert answer.status_code == 422
    assert "Write down what they said" in answer.text
    assert '<option value="1" selected>' in answer.text


def test_settings_save_the_profile_reminders_and_rules(client) -> None:
    token = csrf_token(client, "/settings")
    client.post(
        "/settings/profile",
        data={"csrf_token": token, "name": "Jordan Ellis", "skills": "SQL, dashboards"},
    )
    client.post(
        "/settings/reminders",
        data={"csrf_token": token, "follow_up_days": "5", "check_in_days": "60"},
    )
    client.post("/settings/rules", data={"csrf_token": token, "off": ["style.hedging", "nonsense"]})
    profile = client.get("/api/track/profile").json()
    assert profile["name"] == "Jordan Ellis"
    assert profile["skills"] == ["SQL", "dashboards"]
    assert (profile["follow_up_days"], profile["check_in_days"]) == (5, 60)
    assert profile["disabled_rules"] == ["style.hedging"]
    page = client.get("/settings?saved=rules").text
    assert 'value="style.hedging" checked' in page


def test_a_reminder_interval_out_of_range_is_explained(client) -> None:
    token = csrf_token(client, "/settings")
    answer = client.post(
        "/settings/reminders",
        data={"csrf_token": token, "follow_up_days": "0", "check_in_days": "90"},
    )
    assert answer.status_code == 422
    assert "from 1 to 60" in answer.text


def test_export_and_import_through_settings(client, make_client, tmp_path) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    exported = client.get("/settings/export.json")
    assert exported.headers["content-disposition"].startswith("attachment")
    csv = client.get("/settings/export.csv")
    assert "Lumenfield" in csv.text
    other = make_client(f"sqlite:///{tmp_path / 'other.db'}")
    token = csrf_token(other, "/settings")
    done = other.post(
        "/settings/import", data={"csrf_token": token},
        files={"file": ("export.json", exported.content, "application/json")},
    )  # fmt: skip
    assert done.status_code == 200
    assert "Imported" in done.text and "1 rejections" in done.text
    assert other.get("/api/track/rejections").json()[0]["company"] == "Lumenfield"


def test_a_broken_import_changes_nothing_and_says_so(client) -> None:
    token = csrf_token(client, "/settings")
    answer = client.post(
        "/settings/import", data={"csrf_token": token},
        files={"file": ("export.json", b'{"schema": 1, "compan', "application/json")},
    )  # fmt: skip
    assert answer.status_code == 422
    assert "Nothing was changed" in answer.text
    assert client.get("/api/track/rejections").json() == []


def test_a_backup_is_written_to_the_data_folder(client, home: Path) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/settings")
    answer = client.post("/settings/backup", data={"csrf_token": token})
    assert answer.status_code == 200
    (made,) = (home / "data-home" / "afterword" / "backups").iterdir()
    assert made.suffix == ".db" and made.stat().st_size > 0
    assert str(made) in answer.text


def test_company_page_shows_history_people_and_logs_an_opening(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/companies/1")
    logged = client.post(
        "/companies/1/opening", data={"csrf_token": token, "role": "Senior Analyst"}
    )
    assert logged.status_code == 303
    page = client.get("/companies/1").text
    assert "Priya Raman" in page
    assert "New opening noted" in page and "Senior Analyst" in page
    client.post(
        "/contacts/1",
        data={"csrf_token": token, "do_not_contact": "yes", "notes": "Met at the meetup"},
    )
    contacts = client.get("/api/track/contacts").json()
    assert contacts[0]["do_not_contact"] is True and contacts[0]["notes"] == "Met at the meetup"


def test_archiving_a_company_moves_it_to_the_archive(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/companies/1")
    client.post("/companies/1/archive", data={"csrf_token": token, "archived": "yes"})
    assert "Lumenfield" not in client.get("/companies").text.split("Contacts")[0]
    assert "Lumenfield" in client.get("/companies?archived=true").text


def test_an_unknown_record_is_a_friendly_404_page(client) -> None:
    answer = client.get("/rejections/42")
    assert answer.status_code == 404
    assert "No rejection #42 on file." in answer.text


def test_the_guide_explains_every_rule_with_its_examples(client) -> None:
    from afterword.review.registry import all_rules

    page = client.get("/guide").text
    for rule in all_rules():
        assert f'id="{rule.id}"' in page
    assert "<mark>disappointed</mark>" in page


def test_timeline_and_themes_data_tables_match_the_tracker(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    client.post(
        "/api/track/rejections/1/feedback",
        json={"text": "An internal candidate was chosen.", "received": "2026-03-16"},
    )
    page = client.get("/").text
    assert "Over the last 12 weeks: 0 applications, 1 rejections" in page
    assert "Feedback themes so far: Internal candidate 1." in page
    timeline = client.get("/api/track/timeline").json()
    assert json.dumps(timeline)  # the same numbers are there for scripts
