"""`afterword track` from the command line: the whole flow, JSON for scripts, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rejection_mail import rejection_email
from typer.testing import CliRunner

from afterword.cli import app

SCRIPT = Path(sys.executable).parent / "afterword"


@pytest.fixture
def track(home: Path, database_url: str):
    """Run `afterword track ...` on the test database; returns the result."""

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(app, ["track", *args, "--database", database_url], input=input)

    return invoke


@pytest.fixture
def email_file(home: Path) -> Path:
    path = home / "rejection.eml"
    path.write_bytes(rejection_email())
    return path


def as_json(result) -> object:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_whole_flow_from_rejection_to_check_in(track, email_file: Path) -> None:
    added = track("add", str(email_file))
    assert added.exit_code == 0, added.stderr
    assert "Filed rejection #1: Harbourline Ferries — Operations Coordinator" in added.stdout

    [item] = as_json(track("due", "--today", "2026-03-04", "--format", "json"))
    assert (item["kind"], item["due_on"], item["contact"]) == (
        "follow_up",
        "2026-03-09",
        "Adaeze Okoro",
    )
    text = track("due", "--today", "2026-03-04").stdout
    assert "Follow up" in text and "by 2026-03-09" in text and "Adaeze Okoro" in text

    sent = track("sent", "--rejection", "1", "--on", "2026-03-04", "--subject", "Thank you")
    assert sent.exit_code == 0 and "sent on 2026-03-04" in sent.stdout
    again = track("sent", "--rejection", "1", "--on", "2026-03-05")
    assert again.exit_code == 2
    assert "already followed up with Harbourline Ferries on 2026-03-04" in again.stderr
    assert "--force" in again.stderr and again.stderr.count("\n") == 1

    feedback = track(
        "feedback",
        "add",
        "1",
        "They hoped for more experience with tide planning.",
        "--on",
        "2026-03-10",
    )
    assert feedback.exit_code == 0, feedback.stderr
    themes = as_json(track("feedback", "--format", "json"))["themes"]
    assert sum(themes.values()) >= 1

    assert as_json(track("due", "--today", "2026-03-20", "--format", "json")) == []
    [check_in] = as_json(track("due", "--today", "2026-05-31", "--format", "json"))
    assert (check_in["kind"], check_in["due_on"]) == ("check_in", "2026-05-31")


def test_add_with_flags_and_list_as_json(track) -> None:
    result = track(
        "add",
        "--company",
        "Northwind Labs",
        "--role",
        "Data Analyst",
        "--received",
        "2026-03-02",
        "--contact",
        "Tomás Ruiz",
        "--stage",
        "interview",
        "--future",
        "kept_on_file",
        "--format",
        "json",
    )
    filed = as_json(result)
    assert filed["rejection"]["contact"] == "Tomás Ruiz" and filed["new_company"] is True
    [record] = as_json(track("list", "--format", "json"))
    assert (record["company"], record["received_on"], record["suggested_strategy"]) == (
        "Northwind Labs",
        "2026-03-02",
        "future",
    )


def test_show_prints_the_details_and_the_original(track, email_file: Path) -> None:
    track("add", str(email_file))
    detail = as_json(track("show", "1", "--format", "json"))
    assert detail["rejection"]["company"] == "Harbourline Ferries"
    assert detail["contacts"][0]["role"] == "recruiter"
    assert "After careful consideration" in track("show", "1", "--original").stdout
    assert "Adaeze Okoro" in track("show", "1").stdout


def test_contacts_can_be_marked_do_not_contact(track, email_file: Path) -> None:
    track("add", str(email_file))
    [person] = as_json(track("contacts", "--format", "json"))
    changed = track("contacts", "set", str(person["id"]), "--do-not-contact")
    assert changed.exit_code == 0 and "No reminders" in changed.stdout
    assert as_json(track("due", "--today", "2026-03-03", "--format", "json")) == []
    added = track("contacts", "add", "1", "Tomás Ruiz", "--role", "hiring_manager")
    assert added.exit_code == 0, added.stderr
    assert {p["name"] for p in as_json(track("contacts", "--format", "json"))} == {
        "Adaeze Okoro",
        "Tomás Ruiz",
    }


def test_opening_brings_a_check_in_and_archive_silences_it(track, email_file: Path) -> None:
    track("add", str(email_file))
    track("sent", "--rejection", "1", "--on", "2026-03-03")
    assert (
        track("opening", "Harbourline Ferries", "Deck Officer", "--on", "2026-04-01").exit_code == 0
    )
    [item] = as_json(track("due", "--today", "2026-04-01", "--format", "json"))
    assert item["kind"] == "check_in" and "Deck Officer" in item["reason"]
    [company] = as_json(track("companies", "--format", "json"))
    assert track("archive", str(company["id"])).exit_code == 0
    assert as_json(track("due", "--today", "2026-04-01", "--format", "json")) == []


def test_profile_changes_the_check_in_interval(track, email_file: Path) -> None:
    track("add", str(email_file))
    track("sent", "--rejection", "1", "--on", "2026-03-03")
    assert (
        as_json(track("profile", "--check-in-days", "30", "--format", "json"))["check_in_days"]
        == 30
    )
    [item] = as_json(track("due", "--today", "2026-04-01", "--format", "json"))
    assert item["kind"] == "check_in"
    bad = track("profile", "--check-in-days", "0")
    assert bad.exit_code == 2 and "from 14 to 730" in bad.stderr


def test_export_import_and_csv(track, email_file: Path, home: Path, tmp_path: Path) -> None:
    track("add", str(email_file))
    out = home / "export.json"
    assert track("export", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["rejections"] == 1
    csv_text = track("export", "--format", "csv").stdout
    assert csv_text.splitlines()[1].startswith("1,2026-03-02,Harbourline Ferries")
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = CliRunner().invoke(app, ["track", "import", str(out), "--database", other])
    assert (
        imported.exit_code == 0
        and "Imported 1 rejection at 1 company, 1 contact" in imported.stdout
    )
    twice = CliRunner().invoke(app, ["track", "import", str(out), "--database", other])
    assert twice.exit_code == 2 and "already holds Harbourline Ferries" in twice.stderr


def test_calendar_and_report(track, email_file: Path, home: Path) -> None:
    track("add", str(email_file))
    track("applied", "Northwind Labs", "Data Analyst", "--on", "2026-02-20")
    ics = track("calendar", "--today", "2026-03-03").stdout
    assert ics.startswith("BEGIN:VCALENDAR") and "Follow up with Harbourline Ferries" in ics
    assert "DTSTART;VALUE=DATE:20260309" in ics and "Check in with Harbourline Ferries" in ics
    assert track("calendar", "--out", str(home / "due.ics")).exit_code == 0
    assert (home / "due.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    report = track("report", "--since", "2026-02-01", "--until", "2026-03-31").stdout
    assert "| 2026-02-20 | Northwind Labs | Data Analyst | Applied |" in report
    assert "Harbourline Ferries" in report and "Period: 2026-02-01 to 2026-03-31" in report
    rows = track(
        "report", "--format", "csv", "--since", "2026-03-01", "--until", "2026-03-31"
    ).stdout
    assert "Northwind" not in rows and "Harbourline Ferries" in rows


def test_backup_writes_a_file(track, email_file: Path, home: Path) -> None:
    track("add", str(email_file))
    result = track("backup", "--out", str(home / "copy.bak"))
    assert result.exit_code == 0, result.stderr
    assert (home / "copy.bak").stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "42"], "no rejection #42 on file"),
        (["sent", "42"], "no draft #42 on file"),
        (["sent"], "give the draft's number"),
        (["add"], "give the rejection email, or at least --company and --role"),
        (["add", "missing.eml"], "email not found: missing.eml"),
        (["add", "--company", "A", "--role", "B", "--stage", "onsite"], "unknown stage 'onsite'"),
        (["due", "--today", "tomorrow"], "--today must be a date like 2026-03-02"),
        (["report", "--format", "pdf"], "unknown --format 'pdf'"),
        (["feedback", "add", "1", "x", "--theme", "vibes"], "unknown theme 'vibes'"),
        (["feedback", "add", "1", "x"], "no rejection #1 on file"),
        (["contacts", "set", "3"], "say what to change"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(track, args: list[str], message: str) -> None:
    result = track(*args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_an_empty_file_is_refused(track, home: Path) -> None:
    (home / "empty.eml").write_bytes(b"")
    result = track("add", str(home / "empty.eml"))
    assert result.exit_code == 2 and "is empty" in result.stderr


def test_real_process_exit_codes_and_default_database(home: Path, email_file: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), "track", *args], capture_output=True, text=True, timeout=60, check=False
        )

    added = run("add", str(email_file))
    assert added.returncode == 0, added.stderr
    assert (home / "data-home" / "afterword" / "afterword.db").is_file()
    due = run("due", "--today", "2026-03-03", "--format", "json")
    assert due.returncode == 0 and json.loads(due.stdout)[0]["kind"] == "follow_up"
    missing = run("show", "9")
    assert missing.returncode == 2 and missing.stderr == "afterword: no rejection #9 on file\n"
    assert "Traceback" not in missing.stderr


def test_a_long_due_list_shows_fifteen_check_ins_unless_all(track) -> None:
    for n in range(17):
        track(
            "add",
            "--company",
            f"Company {n}",
            "--role",
            "Analyst",
            "--received",
            "2026-01-05",
            "--contact",
            f"Person {n}",
            "--future",
            "kept_on_file",
        )
    short = track("due", "--today", "2026-04-10").stdout
    assert short.startswith("Due on 2026-04-10: 17 check-ins.")
    assert (
        short.count("Check in ") == 15
        and "…and 2 more check-ins: afterword track due --all" in short
    )
    every = track("due", "--today", "2026-04-10", "--all").stdout
    assert every.count("Check in ") == 17 and "more check-in" not in every
