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


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def assert_one_line_error(completed: subprocess.CompletedProcess[bytes], words: str) -> None:
    stderr = completed.stderr.decode()
    assert completed.returncode == 2
    assert words in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr


def test_binary_garbage_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "garbage.eml"
    path.write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run("read", str(path)), "looks like a binary file")


def _parsed(raw: bytes) -> EmailMessage:
    from email import message_from_bytes, policy

    return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def test_truncated_mime_gives_what_could_be_read(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "Maren Holt <maren.holt@lindqvist-marine.example>"
    message["Subject"] = "Your application: Marine Electrician"
    message.set_content(_parsed(rejection()).get_content())
    message.add_alternative("<p>" + "Thank you for applying. " * 200 + "</p>", subtype="html")
    raw = bytes(message)
    path = tmp_path / "cut.eml"
    path.write_bytes(raw[: raw.index(b"<p>") + 100])  # cut inside the HTML part
    completed = run("read", str(path), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["company"] == "Lindqvist Marine AB"


@pytest.mark.parametrize(("declared", "actual"), [("utf-8", "cp1252"), ("windows-1252", "utf-8")])
def test_a_lying_charset_still_reads_the_names(tmp_path: Path, declared: str, actual: str) -> None:
    text = (
        "From: Zoë Müller <zoe@lumiere-cafes.example>\nTo: Renée Duval <renee@mail.example>\n"
        "Subject: Café Manager\nDate: Tue, 03 Mar 2026 10:00:00 +0100\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset={declared}\nContent-Transfer-Encoding: 8bit\n\n"
        "Dear Renée,\n\nThank you for applying for the Café Manager position at Lumière Cafés. "
        "We’ve decided not to move forward.\n\nKind regards,\nZoë Müller\n"
    )
    path = tmp_path / "lying.eml"
    path.write_bytes(text.encode(actual))
    completed = run("read", str(path), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert (data["company"], data["contact_name"]) == ("Lumière Cafés", "Zoë Müller")
    assert data["candidate_name"] == "Renée Duval"


@pytest.mark.parametrize("attachment_first", [False, True])
def test_a_20_mb_attachment_is_read_past_quickly(tmp_path: Path, attachment_first: bool) -> None:
    message = EmailMessage()
    for header in ("From", "To", "Subject", "Date"):
        message[header] = EmailMessage.get(_parsed(rejection()), header)
    message.make_mixed()
    body = EmailMessage()
    body.set_content(_parsed(rejection()).get_content())
    attachment = EmailMessage()
    attachment.set_content(bytes(range(256)) * 80_000, maintype="application", subtype="pdf")
    for part in (attachment, body) if attachment_first else (body, attachment):
        message.attach(part)
    path = tmp_path / "big.eml"
    path.write_bytes(bytes(message))
    assert path.stat().st_size > 20_000_000
    completed = run("read", str(path), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["role"] == "Marine Electrician"


def test_an_email_piped_on_standard_input_is_read() -> None:
    completed = run("read", "-", "--format", "json", stdin=rejection())
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["contact_name"] == "Maren Holt"


def test_jsonl_gives_one_line(email_file: Path) -> None:
    result = invoke("read", str(email_file), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.strip())["company"] == "Lindqvist Marine AB"


def test_an_unknown_format_is_refused(email_file: Path) -> None:
    result = invoke("read", str(email_file), "--format", "xml")
    assert result.exit_code == 2
    assert "unknown --format" in result.stderr
