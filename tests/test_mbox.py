"""Mail folders: `afterword read FOLDER.mbox` finds the rejections among the rest, streaming."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.inbox import is_rejection, parse_email, read
from afterword.inbox.limits import MAX_BYTES
from afterword.inbox.mbox import split_mbox
from mailbox_samples import (
    NEAR_MISS_SENTENCES,
    NOT_REJECTIONS,
    REJECTION_SENTENCES,
    REJECTIONS,
    mbox,
    one_sentence_mail,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_rejections"
SCRIPT = Path(sys.executable).parent / "afterword"


def dev_emails() -> list[bytes]:
    if not DEV.is_dir():
        pytest.skip("the dev rejections are not here")
    return [path.read_bytes() for path in sorted(DEV.glob("*.eml"))]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The 40 dev rejections, each followed by mail that is not one."""
    others = list(NOT_REJECTIONS.values())
    messages = []
    for index, data in enumerate(dev_emails()):
        messages += [data, others[index % len(others)]]
    path = tmp_path / "Inbox.mbox"
    path.write_bytes(mbox(messages))
    return path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_every_dev_rejection_is_a_rejection() -> None:
    missed = [i for i, data in enumerate(dev_emails(), 1) if not is_rejection(parse_email(data))]
    assert missed == []


@pytest.mark.parametrize("kind", sorted(NOT_REJECTIONS))
def test_other_mail_is_not_a_rejection(kind: str) -> None:
    assert not is_rejection(parse_email(NOT_REJECTIONS[kind]))


@pytest.mark.parametrize("kind", sorted(REJECTIONS))
def test_rejections_in_other_words_are_found(kind: str) -> None:
    assert is_rejection(parse_email(REJECTIONS[kind]))


@pytest.mark.parametrize("sentence", REJECTION_SENTENCES)
def test_a_decision_in_any_words_makes_a_rejection(sentence: str) -> None:
    assert is_rejection(parse_email(one_sentence_mail(sentence)))


@pytest.mark.parametrize("sentence", NEAR_MISS_SENTENCES)
def test_job_mail_that_only_sounds_like_bad_news_is_not_a_rejection(sentence: str) -> None:
    assert not is_rejection(parse_email(one_sentence_mail(sentence)))


def test_a_folder_gives_each_rejection_and_a_count(folder: Path) -> None:
    completed = run("read", str(folder))
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip().endswith("Found 40 rejections in 80 messages (40 skipped)")
    assert completed.stdout.count("Worth a reply") + completed.stdout.count("not needed") == 40
    assert "Alderbrook Analytics · Junior Data Analyst · 2025-01-14" in completed.stdout
    assert "Your offer from Corvid Health" not in completed.stdout


def test_json_readings_match_reading_each_file_alone(folder: Path) -> None:
    completed = run("read", str(folder), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    records = json.loads(completed.stdout)
    assert [record["message"] for record in records] == list(range(1, 80, 2))
    for record, data in zip(records, dev_emails(), strict=True):
        alone = read(data).to_dict()
        assert {key: record[key] for key in alone} == alone
    assert completed.stderr.strip() == "Found 40 rejections in 80 messages (40 skipped)"


def test_jsonl_is_one_reading_a_line(folder: Path) -> None:
    completed = run("read", str(folder), "--format", "jsonl")
    lines = completed.stdout.splitlines()
    assert len(lines) == 40
    assert json.loads(lines[0])["subject"] == "Your application for Junior Data Analyst"


def test_a_folder_is_known_by_its_first_line_whatever_its_name(folder: Path) -> None:
    renamed = folder.with_name("saved-mail.txt")
    folder.rename(renamed)
    completed = run("read", str(renamed), "--format", "jsonl")
    assert len(completed.stdout.splitlines()) == 40


def test_an_apple_mail_export_folder_is_read(folder: Path) -> None:
    export = folder.with_name("Work.mbox")
    export.mkdir()
    folder.rename(export / "mbox")
    completed = run("read", str(export))
    assert completed.stdout.strip().endswith("Found 40 rejections in 80 messages (40 skipped)")


def test_a_terminal_sees_a_progress_bar_and_stdout_stays_clean(folder: Path) -> None:
    completed = run(
        "read", str(folder), "--format", "json", env={"TTY_COMPATIBLE": "1", "COLUMNS": "100"}
    )
    assert "Reading Inbox.mbox" in completed.stderr and "40 found" in completed.stderr
    assert len(json.loads(completed.stdout)) == 40


def test_a_folder_without_rejections_says_so(tmp_path: Path) -> None:
    path = tmp_path / "Other.mbox"
    path.write_bytes(mbox(NOT_REJECTIONS.values()))
    completed = run("read", str(path))
    assert completed.returncode == 0
    assert completed.stdout.strip() == "Found 0 rejections in 11 messages (11 skipped)"


def lines_of(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def test_quoted_from_lines_are_unquoted_and_do_not_split() -> None:
    one = b"Subject: a\n\nFrom here on, plain text.\n>From the archive.\n"
    two = b"Subject: b\n\nSecond.\n"
    assert list(split_mbox(lines_of(mbox([one, two])))) == [one, two]


def test_a_body_line_starting_with_from_does_not_split_a_message() -> None:
    data = b"From a@b Mon Jan  1 10:00:00 2024\nSubject: a\n\nFrom me to you.\n\nFrom now on\n"
    assert list(split_mbox(lines_of(data))) == [b"Subject: a\n\nFrom me to you.\n\nFrom now on\n"]


def test_a_message_stays_bounded_whatever_its_attachment() -> None:
    payload = [b"QUJD" * 19 + b"\n"] * 400_000  # 30 MB of base64
    data = [b"From a@b Mon Jan  1 10:00:00 2024\n", b"Subject: big\n", b"\n", *payload]
    (message,) = split_mbox(data)
    assert len(message) <= MAX_BYTES
    assert message.startswith(b"Subject: big\n")


def test_messages_come_out_as_the_folder_is_read() -> None:
    """The splitter pulls lines lazily: the first message is out before the rest is read."""
    pulled = 0

    def lines() -> Iterator[bytes]:
        nonlocal pulled
        for index in range(1_000_000):
            pulled += 1
            yield b"From a@b Mon Jan  1 10:00:00 2024\n" if index % 4 == 0 else b"Subject: x\n"

    first = next(iter(split_mbox(lines())))
    assert first == b"Subject: x\nSubject: x\nSubject: x\n"
    assert pulled <= 5


BODY_LINES = st.sampled_from(
    [
        b"Hello.\n",
        b"From here.\n",
        b">From there.\n",
        b">>From far.\n",
        b"\n",
        b"From x Mon 10:00 2024\n",
    ]
)


@given(st.lists(st.lists(BODY_LINES, max_size=8), min_size=1, max_size=6))
def test_writing_then_splitting_a_folder_gives_back_each_message(bodies: list[list[bytes]]) -> None:
    messages = [b"Subject: s\n\n" + b"".join(body) for body in bodies]
    expected = [message.rstrip(b"\n") + b"\n" for message in messages]
    assert list(split_mbox(lines_of(mbox(messages)))) == expected
