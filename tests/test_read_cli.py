"""`afterword read` from the command line: fields a user can act on, and clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app

SCRIPT = Path(sys.executable).parent / "afterword"


def rejection(**overrides: str) -> bytes:
    message = EmailMessage()
    message["From"] = overrides.get("from_", "Maren Holt <maren.holt@lindqvist-marine.example>")
    message["To"] = "Tomasz Wrona <tomasz.wrona@mail.example>"
    message["Subject"] = overrides.get("subject", "Your application: Marine Electrician")
    message["Date"] = "Tue, 03 Mar 2026 23:40:00 -0500"
    message.set_content(
        overrides.get(
            "body",
            "Dear Tomasz,\n\nThank you for interviewing with us for the Marine Electrician "
            "position at Lindqvist Marine AB. After careful thought we have decided to move "
            "forward with another candidate.\n\nWe will keep your CV on file and contact you "
            "if a suitable role opens.\n\nKind regards,\nMaren Holt\nTalent Partner, "
            "Lindqvist Marine AB\n",
        )
    )
    return bytes(message)


@pytest.fixture
def email_file(tmp_path: Path) -> Path:
    path = tmp_path / "rejection.eml"
    path.write_bytes(rejection())
    return path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_json_names_the_company_role_person_and_date_as_written(email_file: Path) -> None:
    result = invoke("read", str(email_file), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["company"] == "Lindqvist Marine AB"
    assert data["role"] == "Marine Electrician"
    assert data["contact_name"] == "Maren Holt"
    assert data["received_date"] == "2026-03-03"  # in the header's own offset
    assert data["stage"] == "interview"
    assert data["future"] == "kept_on_file"
    assert data["suggested_strategy"] == "future"


def test_text_output_says_whether_to_reply(email_file: Path) -> None:
    result = invoke("read", str(email_file))
    assert result.exit_code == 0, result.stderr
    assert "Lindqvist Marine AB" in result.stdout
    assert "Worth a reply." in result.stdout


def test_a_do_not_reply_notice_advises_no_reply(tmp_path: Path) -> None:
    body = (
        "Dear applicant,\n\nThank you for applying for the Data Analyst role at Quarrystone "
        "Insurance. We have decided not to progress your application.\n\nThis mailbox is not "
        "monitored; please do not reply to this email.\n\nQuarrystone Insurance Recruitment\n"
    )
    path = tmp_path / "ats.eml"
    path.write_bytes(
        rejection(from_="Quarrystone Careers <no-reply@ats.quarrystone.example>", body=body)
    )
    data = json.loads(invoke("read", str(path), "-f", "json").stdout)
    assert data["reply_advised"] is False
    assert data["contact_email"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (None, "not found")],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.eml"
    if content is not None:
        path.write_bytes(content)
    completed = subprocess.run(
        [str(SCRIPT), "read", str(path)], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 2
    assert message in completed.stderr
    assert len(completed.stderr.strip().splitlines()) == 1
    assert "Traceback" not in completed.stderr


def test_binary_garbage_gives_a_best_effort_reading_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "garbage.eml"
    path.write_bytes(bytes(range(256)) * 40)
    completed = subprocess.run(
        [str(SCRIPT), "read", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode in (0, 2)
    assert "Traceback" not in completed.stderr


def test_an_unknown_format_is_refused(email_file: Path) -> None:
    result = invoke("read", str(email_file), "--format", "xml")
    assert result.exit_code == 2
    assert "unknown --format" in result.stderr
