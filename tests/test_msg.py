"""Outlook .msg files: read like an .eml, with extract-msg loaded only when one arrives.

The .msg files here are real compound files, written with extract-msg's own OLE writer
(the streams Outlook uses for subject, sender, bodies and transport headers).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from afterword.mailfile import email_from_outlook

SCRIPT = Path(sys.executable).parent / "afterword"
HEADERS = (
    "From: =?utf-8?q?Zo=C3=AB_M=C3=BCller?= <zoe.mueller@lumiere-cafes.example>\r\n"
    "To: Renée Duval <renee@mail.example>\r\n"
    "Subject: Your application: Café Manager\r\n"
    "Date: Tue, 03 Mar 2026 23:40:00 -0500\r\n"
    "Message-ID: <r-123@lumiere-cafes.example>\r\n\r\n"
)
BODY = (
    "Dear Renée,\n\nThank you for interviewing with us for the Café Manager position at Lumière "
    "Cafés. We have decided to move forward with another candidate.\n\nWe will keep your CV on "
    "file and contact you if a suitable role opens.\n\nKind regards,\nZoë Müller\n"
)


def write_msg(
    path: Path, *, headers: str | None = HEADERS, body: str | None = BODY, html: str | None = None
) -> Path:
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    writer.addEntry("__properties_version1.0", b"\0" * 32)

    def text(tag: str, value: str) -> None:
        writer.addEntry(f"__substg1.0_{tag}001F", value.encode("utf-16-le"))

    text("001A", "IPM.Note")
    text("0037", "Your application: Café Manager")
    text("0C1A", "Zoë Müller")
    text("5D01", "zoe.mueller@lumiere-cafes.example")
    if headers is not None:
        text("007D", headers)
    if body is not None:
        text("1000", body)
    if html is not None:
        writer.addEntry("__substg1.0_10130102", html.encode("utf-8"))
    writer.write(str(path))
    return path


def read_json(path: Path) -> dict:
    completed = subprocess.run(
        [str(SCRIPT), "read", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    return json.loads(completed.stdout)


def test_an_outlook_message_reads_like_the_email_it_holds(tmp_path: Path) -> None:
    data = read_json(write_msg(tmp_path / "rejection.msg"))
    assert data["company"] == "Lumière Cafés"
    assert data["role"] == "Café Manager"
    assert data["contact_name"] == "Zoë Müller"
    assert data["contact_email"] == "zoe.mueller@lumiere-cafes.example"
    assert data["candidate_name"] == "Renée Duval"
    assert data["received_date"] == "2026-03-03"  # the transport header's own offset
    assert (data["stage"], data["future"]) == ("interview", "kept_on_file")


def test_a_message_with_html_only_and_no_transport_headers(tmp_path: Path) -> None:
    html = "<html><body><p>" + BODY.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"
    path = write_msg(tmp_path / "html.msg", headers=None, body=None, html=html)
    data = read_json(path)
    assert data["company"] == "Lumière Cafés"
    assert data["contact_email"] == "zoe.mueller@lumiere-cafes.example"
    assert data["candidate_name"] == "Renée"
    assert data["received_date"] is None


def test_the_kind_is_known_by_its_bytes_not_its_name(tmp_path: Path) -> None:
    path = write_msg(tmp_path / "saved-from-outlook.eml")
    assert read_json(path)["role"] == "Café Manager"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:2000],
        lambda data: data[:512] + bytes(len(data) - 512),
        lambda data: b"\xd0\xcf\x11\xe0" + b"not a compound file" * 10,
    ],
    ids=["cut short", "zeroed", "magic only"],
)
def test_a_damaged_msg_is_a_one_line_error(tmp_path: Path, damage) -> None:
    good = write_msg(tmp_path / "good.msg").read_bytes()
    path = tmp_path / "damaged.msg"
    path.write_bytes(damage(good))
    completed = subprocess.run(
        [str(SCRIPT), "read", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 2
    assert completed.stderr.strip() == (
        f"afterword: {path} could not be read as an Outlook message (.msg); it may be damaged"
    )


def test_reading_an_eml_does_not_load_extract_msg(tmp_path: Path) -> None:
    path = tmp_path / "plain.eml"
    path.write_text(HEADERS.replace("\r\n", "\n") + BODY, encoding="utf-8")
    probe = (
        "import sys\nfrom afterword.cli import main\n"
        f"sys.argv = ['afterword', 'read', {str(path)!r}, '-f', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('extract_msg' in sys.modules, file=sys.stderr)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert json.loads(completed.stdout)["company"] == "Lumière Cafés"
    assert completed.stderr.strip() == "False"


def test_conversion_takes_fields_from_properties_when_headers_are_missing() -> None:
    outlook = SimpleNamespace(
        header=None,
        sender="Zoë Müller <zoe.mueller@lumiere-cafes.example>",
        to="Renée Duval <renee@mail.example>",
        subject="Your application: Café Manager",
        date=datetime(2026, 3, 4, 4, 40, tzinfo=UTC),
        messageId="<r-123@lumiere-cafes.example>",
        body=None,
        htmlBody=b"<p>Dear Ren\xc3\xa9e,</p><p>We have decided not to move forward.</p>",
    )
    email = email_from_outlook(outlook)
    assert (email.from_name, email.from_address) == (
        "Zoë Müller",
        "zoe.mueller@lumiere-cafes.example",
    )
    assert email.to_name == "Renée Duval"
    assert email.date == datetime(2026, 3, 4, 4, 40, tzinfo=UTC)
    assert email.message_id == "<r-123@lumiere-cafes.example>"
    assert email.text.startswith("Dear Renée,\n\nWe have decided not to move forward.")


def test_conversion_survives_properties_that_raise() -> None:
    class Broken:
        subject = "Outcome"

        @property
        def sender(self) -> str:
            raise ValueError("damaged property stream")

        body = "Dear Sam,\n\nWe have decided not to move forward.\n"

    email = email_from_outlook(Broken())
    assert email.subject == "Outcome"
    assert email.from_address is None
    assert "not to move forward" in email.text
