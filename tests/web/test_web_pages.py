"""The other pages through the server: Today, companies, feedback, guide and settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from web_helpers import REJECTION, csrf_token


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
    assert "Imported 1 rejection at 1 company, 1 contact" in done.text
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


def import_file(client, content: bytes):
    token = csrf_token(client, "/settings")
    return client.post(
        "/settings/import", data={"csrf_token": token},
        files={"file": ("export.json", content, "application/json")},
    )  # fmt: skip


def test_an_export_saved_with_a_byte_order_mark_imports_as_the_cli_does(
    client, make_client, tmp_path
) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    exported = client.get("/settings/export.json").content
    other = make_client(f"sqlite:///{tmp_path / 'other.db'}")
    done = import_file(other, b"\xef\xbb\xbf" + exported)  # as Windows Notepad saves it
    assert done.status_code == 200
    assert "Imported 1 rejection at 1 company" in done.text


def test_a_cut_off_import_says_it_looks_cut_off(client) -> None:
    answer = import_file(client, b'{"schema": 1, "compan')
    assert answer.status_code == 422
    assert "looks cut off" in answer.text
    assert "Nothing was changed" in answer.text


def test_an_import_over_the_size_limit_is_refused_unread(client, monkeypatch) -> None:
    from afterword.web.pages import settings

    monkeypatch.setattr(settings, "MAX_IMPORT", 1_000)
    answer = import_file(client, b'{"schema": 1, "companies": []' + b" " * 2_000 + b"}")
    assert answer.status_code == 413
    assert "too big" in answer.text
    assert "Nothing was changed" in answer.text


def test_a_backup_is_written_to_the_data_folder(client, home: Path) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/settings")
    answer = client.post("/settings/backup", data={"csrf_token": token})
    assert answer.status_code == 200
    (made,) = (home / "data-home" / "afterword" / "backups").iterdir()
    assert made.suffix == ".db" and made.stat().st_size > 0
    assert str(made) in answer.text


def test_a_backup_is_named_for_what_it_holds_on_either_database(
    make_client, database_url: str, home: Path
) -> None:
    import json

    client = make_client(database_url)
    client.post("/api/track/rejections", json={"text": REJECTION})
    token = csrf_token(client, "/settings")
    assert client.post("/settings/backup", data={"csrf_token": token}).status_code == 200
    (made,) = (home / "data-home" / "afterword" / "backups").iterdir()
    assert made.name.startswith("afterword-backup-2026-03-16-")
    if database_url.startswith("sqlite"):
        assert made.suffix == ".db"
    else:  # PostgreSQL backs up the user's data as an export, which opens as JSON
        assert made.suffix == ".json"
        assert json.loads(made.read_text("utf-8"))["companies"][0]["name"] == "Lumenfield"


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
