"""`afterword reply` from the command line: a draft to send, threaded under the rejection."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_rejections"
SCRIPT = Path(sys.executable).parent / "afterword"
pytestmark = pytest.mark.skipif(
    not DEV.is_dir(), reason="the dev rejections (../shared) are not here"
)


def run(*args: str, home: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), "reply", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=home,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg")},
        check=False,
    )


def test_reply_prints_a_ready_draft_with_what_the_email_said(home: Path) -> None:
    done = run(str(DEV / "24.eml"), home=home)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "To: Rosalind Pryce <rpryce@ellisonpark.example>" in out
    assert "Subject: Re: Architectural Designer position" in out
    assert "Dear Rosalind," in out
    assert "Review: ready to send." in out


def test_reply_as_eml_threads_under_the_original_and_goes_to_the_sender(home: Path) -> None:
    original = message_from_bytes((DEV / "31.eml").read_bytes(), policy=policy.default)
    done = run(str(DEV / "31.eml"), "--format", "eml", "--email", "anita@mail.example", home=home)
    assert done.returncode == 0, done.stderr
    reply = message_from_bytes(done.stdout, policy=policy.default)
    assert reply["In-Reply-To"] == original["Message-ID"]
    assert reply["References"] == original["Message-ID"]
    assert reply["Subject"].lower().startswith("re:")
    assert reply["To"].addresses[0].addr_spec == original["From"].addresses[0].addr_spec
    assert reply["X-Unsent"] == "1"
    assert "Granite Peak" in reply.get_content()


def test_reply_eml_to_a_file_is_written_whole(home: Path) -> None:
    target = home / "drafts" / "reply.eml"
    done = run(str(DEV / "24.eml"), "--format", "eml", "--out", str(target), home=home)
    assert done.returncode == 0, done.stderr
    assert message_from_bytes(target.read_bytes())["In-Reply-To"]
    assert [p.name for p in target.parent.iterdir()] == ["reply.eml"]  # no temp file left


def test_a_bare_form_rejection_asks_for_one_detail_then_answers(home: Path) -> None:
    bare = run(str(DEV / "01.eml"), home=home)
    assert bare.returncode == 2
    lines = bare.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "--detail" in lines[0] and "Alderbrook Analytics" in lines[0]
    detail = "the open data dashboards Alderbrook publishes for councils"
    done = run(str(DEV / "01.eml"), "--detail", detail, home=home)
    assert done.returncode == 0, done.stderr
    assert "open data dashboards" in done.stdout.decode()


def test_reply_reads_pasted_text_from_standard_input(home: Path) -> None:
    pasted = (
        b"From: Ines Duarte <ines@tidewater.example>\n"
        b"Subject: Your interview for Harbour Pilot\n\n"
        b"Dear Sam,\n\nThank you for interviewing with Tidewater Ports for the Harbour Pilot role. "
        b"The panel really enjoyed your walkthrough of the night-docking simulation.\n\n"
        b"We have decided to offer the role to another candidate.\n\nBest,\nInes Duarte\n"
        b"Tidewater Ports\n"
    )
    done = run("-", home=home, stdin=pasted)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "my walkthrough of the night-docking simulation" in out
    assert re.search(r"^(Dear|Hi) Ines,$", out, re.M)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.eml"], "not found"),
        (["empty.eml"], "empty"),
        (["x.eml", "--format", "pdf"], "unknown --format"),
        (["x.eml", "--out", "r.eml"], "--format eml"),
        (["x.eml", "--strategy", "beg"], "unknown --strategy"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(home: Path, args: list[str], message: str) -> None:
    (home / "empty.eml").write_bytes(b"")
    (home / "x.eml").write_bytes((DEV / "24.eml").read_bytes())
    done = run(*args, home=home)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_reply_track_files_the_rejection_and_the_draft_once(home: Path) -> None:
    database = f"sqlite:///{home / 'track.db'}"
    first = run(str(DEV / "24.eml"), "--track", "--database", database, home=home)
    assert first.returncode == 0, first.stderr
    assert "Filed with rejection #1 as draft #" in first.stderr.decode()
    # Asking again keeps one rejection on file and saves the new draft beside it.
    second = run(str(DEV / "24.eml"), "--track", "--database", database, home=home)
    assert second.returncode == 0, second.stderr
    assert "Filed with rejection #1 as draft #" in second.stderr.decode()
    listed = subprocess.run(
        [str(SCRIPT), "track", "list", "--format", "json", "--database", database],
        capture_output=True,
        cwd=home,
        timeout=60,
        check=True,
    )
    rejections = json.loads(listed.stdout)
    assert [r["company"] for r in rejections] == ["Ellison-Park Architects"]


def test_database_without_track_is_refused(home: Path) -> None:
    done = run(str(DEV / "24.eml"), "--database", "sqlite:///x.db", home=home)
    assert done.returncode == 2 and "--track" in done.stderr.decode()


def test_the_user_corrects_a_company_and_role_the_reader_could_not_find(home: Path) -> None:
    pasted = (
        b"Hi Sam,\n\nThanks for your time on the call last week. We really enjoyed your demo "
        b"of the offline ticket scanner, but we have decided to go another way.\n\nBest,\nJo\n"
    )
    (home / "bare.txt").write_bytes(pasted)
    missing = run("bare.txt", home=home)
    assert missing.returncode == 2 and "--company" in missing.stderr.decode()
    done = run("bare.txt", "--company", "Tidewater Ports", "--role", "Product Engineer", home=home)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "Tidewater Ports" in out and "Product Engineer" in out
    assert "my demo of the offline ticket scanner" in out


def test_reply_track_signs_with_your_saved_profile(home: Path) -> None:
    database = f"sqlite:///{home / 'track.db'}"
    subprocess.run(
        [str(SCRIPT), "track", "profile", "--name", "Noa Feld", "--email", "noa@mail.example",
         "--database", database],
        capture_output=True, cwd=home, timeout=60, check=True,
    )  # fmt: skip
    done = run(str(DEV / "24.eml"), "--track", "--database", database, home=home)
    assert done.returncode == 0, done.stderr
    signature = done.stdout.decode().split("\n\n")[-2]
    assert "Noa Feld" in signature and "noa@mail.example" in signature


def test_a_reply_that_cannot_be_written_is_not_filed(home: Path) -> None:
    database = f"sqlite:///{home / 'track.db'}"
    (home / "folder").mkdir()
    args = (str(DEV / "24.eml"), "--track", "--database", database, "--format", "eml")
    assert run(*args, "--email", "not an address", home=home).returncode == 2
    assert run(*args, "--out", str(home / "folder"), home=home).returncode == 2
    listed = subprocess.run(
        [str(SCRIPT), "track", "list", "--format", "json", "--database", database],
        capture_output=True, cwd=home, timeout=60, check=True,
    )  # fmt: skip
    assert json.loads(listed.stdout) == []
