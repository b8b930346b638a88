"""`afterword check` and friends as a user meets them: exit codes, stderr, stdout.

Each behaviour is checked in-process through Typer's CliRunner and, where the exit code
and the absence of a traceback matter, through the installed console script.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword import review
from afterword.cli import app
from samples import CONTEXT

SCRIPT = Path(sys.executable).parent / "afterword"

CLEAN = """\
Subject: Thank you – Pastry Chef interview

Dear Ms. Tanaka,

Thank you for letting me know, and for the time you spent with me last Thursday. I loved \
seeing how your bakers proof the sourdough overnight in the old stone cellar.

I would be glad to be considered for future roles at Bellweather Bakery, and I hope we \
stay in touch.

Kind regards,
Tomás O'Brien-Lund
"""

# Bitter, demanding and unthanking: several warnings, no error-free reading.
NEEDS_REVISION = """\
Dear Aiko,

Frankly, the whole tasting day was poorly organized. I would like a detailed explanation \
of why I was not selected!!

Tomás
"""


FINDING_KEYS = {
    "code",
    "rule",
    "severity",
    "message",
    "why",
    "start",
    "end",
    "excerpt",
    "suggestion",
}


# --------------------------------------------------------------------------- helpers


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def invoke(*args: str, input: str | bytes | None = None):
    """Run the Typer app in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args), input=input)


def run(*args: str, input: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the installed console script, as a shell would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    completed = subprocess.run(
        [str(SCRIPT), *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env=env,
    )
    completed.stdout = completed.stdout.decode("utf-8")
    completed.stderr = completed.stderr.decode("utf-8")
    return completed


def squash(text: str) -> str:
    """Whitespace-insensitive form, so terminal wrapping cannot hide a message."""
    return " ".join(text.split())


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("afterword: "), stderr


@pytest.fixture
def context_file(home: Path) -> Path:
    return write(home, "context.json", json.dumps(CONTEXT))


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), f"{SCRIPT} missing: is the package installed in this venv?"


# --------------------------------------------------------------------------- verdicts


def test_clean_draft_is_ready_and_exits_0(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", CLEAN)
    result = invoke("check", str(draft), "--context", str(context_file), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "ready"


def test_clean_draft_with_strict_still_exits_0(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", CLEAN)
    completed = run("check", str(draft), "--context", str(context_file), "--strict")
    assert completed.returncode == 0, completed.stderr
    assert "Ready to send" in completed.stdout


def test_draft_needing_revision_exits_0_without_strict(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", NEEDS_REVISION)
    completed = run("check", str(draft), "--context", str(context_file))
    assert completed.returncode == 0, completed.stderr
    assert "Revise before sending" in completed.stdout
    assert completed.stderr == ""


def test_draft_needing_revision_exits_1_with_strict(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", NEEDS_REVISION)
    completed = run("check", str(draft), "--context", str(context_file), "--strict")
    assert completed.returncode == 1
    assert "Revise before sending" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_strict_in_process_matches_the_console_script(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", NEEDS_REVISION)
    assert invoke("check", str(draft), "-c", str(context_file), "--strict").exit_code == 1
    assert invoke("check", str(draft), "-c", str(context_file)).exit_code == 0


# --------------------------------------------------------------------------- JSON output


@pytest.mark.parametrize("text", [CLEAN, NEEDS_REVISION], ids=["clean", "needs-revision"])
def test_json_output_follows_the_contract(home: Path, context_file: Path, text: str) -> None:
    draft = write(home, "draft.txt", text)
    result = invoke("check", str(draft), "--context", str(context_file), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] in ("ready", "revise")
    assert isinstance(data["findings"], list)
    assert isinstance(data["stats"], dict)
    for finding in data["findings"]:
        assert finding.keys() >= FINDING_KEYS, finding
        assert finding["severity"] in ("error", "warning", "suggestion")
        assert 0 <= finding["start"] <= finding["end"] <= len(text)
        assert text[finding["start"] : finding["end"]] == finding["excerpt"]
    blocking = [f for f in data["findings"] if f["severity"] in ("error", "warning")]
    assert (data["verdict"] == "ready") == (not blocking)


def test_json_output_for_a_draft_needing_revision_lists_its_problems(
    home: Path, context_file: Path
) -> None:
    draft = write(home, "draft.txt", NEEDS_REVISION)
    data = json.loads(invoke("check", str(draft), "-c", str(context_file), "-f", "json").stdout)
    assert data["verdict"] == "revise"
    codes = {finding["code"] for finding in data["findings"]}
    assert {"tone.negative", "feedback.demanding", "gratitude.missing"} <= codes


def test_json_offsets_index_a_crlf_draft_as_given(home: Path) -> None:
    text = NEEDS_REVISION.replace("\n", "\r\n")
    draft = write(home, "draft.txt", text.encode("utf-8"))
    data = json.loads(invoke("check", str(draft), "--format", "json").stdout)
    assert data["findings"]
    for finding in data["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["excerpt"]


# --------------------------------------------------------------------------- standard input


def test_dash_reads_standard_input_in_process(home: Path) -> None:
    result = invoke("check", "-", "--format", "json", input=NEEDS_REVISION)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "revise"
    assert data["stats"]["characters"] == len(NEEDS_REVISION)


def test_dash_reads_standard_input_from_a_pipe(home: Path, context_file: Path) -> None:
    completed = run("check", "-", "--context", str(context_file), input=CLEAN.encode("utf-8"))
    assert completed.returncode == 0, completed.stderr
    assert "Ready to send" in completed.stdout
    assert "standard input" in completed.stdout


# --------------------------------------------------------------------------- bad input


def _bad_input(home: Path, case: str) -> tuple[list[str], str]:
    """Arguments for one kind of bad input, and a word its message must contain."""
    draft = write(home, "draft.txt", CLEAN)
    if case == "missing file":
        return ["check", str(home / "nowhere.txt")], "not found"
    if case == "folder":
        (home / "drafts").mkdir()
        return ["check", str(home / "drafts")], "folder"
    if case == "binary file":
        binary = write(home, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
        return ["check", str(binary)], "binary"
    if case == "malformed context":
        bad = write(home, "context.json", '{"recipient_name": "Aiko",')
        return ["check", str(draft), "--context", str(bad)], "JSON"
    if case == "context of wrong type":
        bad = write(home, "context.json", json.dumps({"previous_followups": "two"}))
        return ["check", str(draft), "--context", str(bad)], "previous_followups"
    if case == "unknown format":
        return ["check", str(draft), "--format", "xml"], "xml"
    if case == "malformed config":
        bad = write(home, "config.toml", '[rules\ndisable = ["proof.spelling"\n')
        return ["check", str(draft), "--config", str(bad)], "TOML"
    if case == "no file argument":
        return ["check"], "draft"
    if case == "file over 1 MB":
        big = write(home, "big.txt", "All good here. " * 70_000)
        return ["check", str(big)], "too long"
    raise AssertionError(case)


BAD_INPUTS = [
    "missing file",
    "folder",
    "binary file",
    "malformed context",
    "context of wrong type",
    "unknown format",
    "malformed config",
    "no file argument",
    "file over 1 MB",
]


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_with_one_line_on_stderr(home: Path, case: str) -> None:
    args, word = _bad_input(home, case)
    completed = run(*args)
    assert completed.returncode == 2, (completed.stdout, completed.stderr)
    assert_one_line_error(completed.stderr)
    assert word.lower() in completed.stderr.lower()
    assert completed.stdout == ""


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_in_process(home: Path, case: str) -> None:
    args, word = _bad_input(home, case)
    result = invoke(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert_one_line_error(result.stderr)
    assert word.lower() in result.stderr.lower()


def test_binary_on_standard_input_is_refused(home: Path) -> None:
    completed = run("check", "-", input=b"\x00\x01\x02 not a letter")
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "binary" in completed.stderr


# --------------------------------------------------------------------------- odd but valid input


def test_empty_file_gives_a_normal_review_that_says_it_is_empty(home: Path) -> None:
    draft = write(home, "empty.txt", "")
    completed = run("check", str(draft), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert data["verdict"] in ("ready", "revise")
    assert any("empty" in notice.lower() for notice in data["notices"])


def test_empty_file_in_text_format_says_it_is_empty(home: Path) -> None:
    draft = write(home, "empty.txt", "\n\n")
    result = invoke("check", str(draft))
    assert result.exit_code == 0, result.stderr
    assert "empty" in result.stdout.lower()


def test_non_utf8_bytes_are_replaced_with_a_notice(home: Path) -> None:
    latin1 = (
        "Dear Ms. Tanaka,\n\nThank you for the kind notes on my r\xe9sum\xe9 and for "
        "your time.\n\nKind regards,\nTom\xe1s\n"
    ).encode("latin-1")
    draft = write(home, "latin1.txt", latin1)
    completed = run("check", str(draft), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    data = json.loads(completed.stdout)
    assert data["verdict"] in ("ready", "revise")
    assert data["stats"]["words"] > 10
    assert any("UTF-8" in notice for notice in data["notices"]), data["notices"]
    text = latin1.decode("utf-8", errors="replace")
    for finding in data["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["excerpt"]


def test_ten_megabytes_are_refused_quickly(home: Path) -> None:
    huge = write(home, "huge.txt", "thank you " * 1_000_000)
    started = time.monotonic()
    completed = run("check", str(huge), timeout=30)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "too long" in completed.stderr


def test_ten_megabytes_on_standard_input_are_refused_quickly(home: Path) -> None:
    started = time.monotonic()
    completed = run("check", "-", input=b"thank you " * 1_000_000, timeout=30)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "too long" in completed.stderr


# --------------------------------------------------------------------------- batch


def _batch_lines() -> list[str]:
    return [
        json.dumps({"id": "clean", "text": CLEAN, "context": CONTEXT}),
        "this line is not JSON",
        json.dumps({"id": "no-text", "context": CONTEXT}),
        json.dumps({"id": "bad-context", "text": CLEAN, "context": {"feedback": "maybe"}}),
        json.dumps({"id": "revise", "text": NEEDS_REVISION}),
        json.dumps({"id": 7, "text": "", "context": None}),
    ]


def test_batch_gives_one_line_per_case_in_order(home: Path) -> None:
    cases = write(home, "cases.jsonl", "\n".join(_batch_lines()) + "\n")
    completed = run("check", "--batch", str(cases), "--format", "jsonl")
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    out = [json.loads(line) for line in completed.stdout.splitlines()]
    assert len(out) == len(_batch_lines())
    assert [item["id"] for item in out] == ["clean", None, "no-text", "bad-context", "revise", 7]
    assert out[1]["line"] == 2 and "error" in out[1]
    assert "error" in out[2] and "text" in out[2]["error"]
    assert "error" in out[3] and "feedback" in out[3]["error"]
    assert out[0]["verdict"] == "ready"
    assert out[4]["verdict"] == "revise"
    assert out[5]["verdict"] in ("ready", "revise")
    for item in (out[0], out[4], out[5]):
        assert "error" not in item
        assert isinstance(item["findings"], list)


def test_batch_findings_index_their_own_case(home: Path) -> None:
    cases = write(home, "cases.jsonl", "\n".join(_batch_lines()))
    result = invoke("check", "--batch", str(cases), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    out = {item["id"]: item for item in map(json.loads, result.stdout.splitlines())}
    for finding in out["revise"]["findings"]:
        assert NEEDS_REVISION[finding["start"] : finding["end"]] == finding["excerpt"]


def test_batch_line_with_a_unicode_line_separator_in_its_text_stays_one_case(home: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Dear Sam,\u2028Thank you."}, ensure_ascii=False),
        json.dumps({"id": "b", "text": "Thank you\x85for your time."}, ensure_ascii=False),
        json.dumps({"id": "c", "text": "Thank you."}),
    ]
    cases = write(home, "cases.jsonl", "\n".join(lines) + "\n")
    result = invoke("check", "--batch", str(cases), "--format", "jsonl")
    out = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [item["id"] for item in out] == ["a", "b", "c"]
    assert all("error" not in item for item in out)


def test_batch_with_a_draft_file_too_is_bad_input(home: Path) -> None:
    cases = write(home, "cases.jsonl", "\n".join(_batch_lines()))
    draft = write(home, "draft.txt", CLEAN)
    completed = run("check", str(draft), "--batch", str(cases), "--format", "jsonl")
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)


def test_missing_batch_file_is_bad_input(home: Path) -> None:
    completed = run("check", "--batch", str(home / "nowhere.jsonl"), "--format", "jsonl")
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "not found" in completed.stderr


# --------------------------------------------------------------------------- config


SPELLING_SLIP = """\
Subject: Thank you – Pastry Chef interview

Dear Ms. Tanaka,

Thank you for your time. I was glad to recieve your note and to see the Zorblax ovens.

I would be glad to be considered for future roles, and I hope we stay in touch.

Kind regards,
Tomás O'Brien-Lund
"""


def _codes(stdout: str) -> list[str]:
    return [finding["code"] for finding in json.loads(stdout)["findings"]]


def _excerpts(stdout: str, code: str) -> list[str]:
    findings = json.loads(stdout)["findings"]
    return [finding["excerpt"] for finding in findings if finding["code"] == code]


def test_config_can_disable_spelling(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", SPELLING_SLIP)
    before = invoke("check", str(draft), "-c", str(context_file), "-f", "json")
    assert "recieve" in _excerpts(before.stdout, "proof.spelling")
    config = write(home, "config.toml", '[rules]\ndisable = ["proof.spelling"]\n')
    after = invoke(
        "check", str(draft), "-c", str(context_file), "-f", "json", "--config", str(config)
    )
    assert after.exit_code == 0, after.stderr
    assert "proof.spelling" not in _codes(after.stdout)


def test_config_phrase_is_flagged_under_its_code(home: Path, context_file: Path) -> None:
    text = CLEAN.replace(
        "I hope we stay in touch.", "I hope we stay in touch; the rest was total nonsense."
    )
    draft = write(home, "draft.txt", text)
    before = invoke("check", str(draft), "-c", str(context_file), "-f", "json")
    assert "total nonsense" not in _excerpts(before.stdout, "tone.negative")
    config = write(home, "config.toml", '[phrases]\n"tone.negative" = ["total nonsense"]\n')
    after = invoke(
        "check", str(draft), "-c", str(context_file), "-f", "json", "--config", str(config)
    )
    assert after.exit_code == 0, after.stderr
    assert "total nonsense" in _excerpts(after.stdout, "tone.negative")
    assert json.loads(after.stdout)["verdict"] == "revise"


def _spelling(stdout: str) -> dict[str, str | None]:
    findings = json.loads(stdout)["findings"]
    return {f["excerpt"]: f["suggestion"] for f in findings if f["code"] == "proof.spelling"}


def test_config_dictionary_words_are_known_and_suggested(home: Path, context_file: Path) -> None:
    # A capitalised unknown word passes as a proper noun, and an unknown word with no near
    # neighbour is taken for a term; once the user's word is known, a slip of it is caught.
    text = SPELLING_SLIP.replace(
        "I hope we stay in touch.", "I hope we stay in touch. Zorblax ovens and zorbalx trays!"
    )
    draft = write(home, "draft.txt", text)
    before = _spelling(invoke("check", str(draft), "-c", str(context_file), "-f", "json").stdout)
    assert "zorbalx" not in before
    config = write(home, "config.toml", '[dictionary]\nwords = ["Zorblax"]\n')
    after = invoke(
        "check", str(draft), "-c", str(context_file), "-f", "json", "--config", str(config)
    )
    assert after.exit_code == 0, after.stderr
    flagged = _spelling(after.stdout)
    assert "Zorblax" not in flagged
    assert "Zorblax" in (flagged["zorbalx"] or "")
    assert "recieve" in flagged


def test_config_works_through_the_console_script(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", SPELLING_SLIP)
    config = write(home, "config.toml", '[rules]\ndisable = ["proof.spelling"]\n')
    completed = run(
        "check", str(draft), "-c", str(context_file), "-f", "json", "--config", str(config)
    )
    assert completed.returncode == 0, completed.stderr
    assert "proof.spelling" not in _codes(completed.stdout)


def test_config_with_an_unknown_phrase_code_is_bad_input(home: Path) -> None:
    draft = write(home, "draft.txt", CLEAN)
    config = write(home, "config.toml", '[phrases]\n"tone.grumpy" = ["meh"]\n')
    completed = run("check", str(draft), "--config", str(config))
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "tone.grumpy" in completed.stderr


def test_config_in_the_users_config_folder_is_read(home: Path, context_file: Path) -> None:
    folder = home / "config-home" / "afterword"
    folder.mkdir(parents=True)
    write(folder, "config.toml", '[rules]\ndisable = ["proof.spelling"]\n')
    draft = write(home, "draft.txt", SPELLING_SLIP)
    result = invoke("check", str(draft), "-c", str(context_file), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "proof.spelling" not in _codes(result.stdout)


# --------------------------------------------------------------------------- other commands


def test_rules_markdown_prints_the_reference(home: Path) -> None:
    result = invoke("rules", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Review rules")
    for code in ("tone.negative", "proof.spelling", "timing.late", "personal.mismatch"):
        assert f"`{code}`" in result.stdout


def test_rules_text_lists_rule_ids(home: Path) -> None:
    completed = run("rules")
    assert completed.returncode == 0, completed.stderr
    assert "proof.spelling" in completed.stdout
    assert "timing.repeat" in completed.stdout


def test_rules_with_an_unknown_format_is_bad_input(home: Path) -> None:
    completed = run("rules", "--format", "html")
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)


def test_demo_exits_0_and_prints_a_verdict(home: Path) -> None:
    completed = run("demo")
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert "Revise before sending" in completed.stdout or "Ready to send" in completed.stdout


def test_demo_in_process(home: Path) -> None:
    result = invoke("demo")
    assert result.exit_code == 0
    assert "sample draft" in result.stdout


# --------------------------------------------------------------------------- text output


def test_text_output_of_a_clean_draft_says_ready(home: Path, context_file: Path) -> None:
    draft = write(home, "draft.txt", CLEAN)
    result = invoke("check", str(draft), "--context", str(context_file))
    assert result.exit_code == 0, result.stderr
    assert "Ready to send" in result.stdout
    assert "Revise before sending" not in result.stdout


def test_text_output_shows_the_verdict_and_every_finding_message(
    home: Path, context_file: Path
) -> None:
    draft = write(home, "draft.txt", NEEDS_REVISION)
    as_json = json.loads(invoke("check", str(draft), "-c", str(context_file), "-f", "json").stdout)
    messages = [finding["message"] for finding in as_json["findings"]]
    assert messages
    result = invoke("check", str(draft), "--context", str(context_file))
    assert result.exit_code == 0, result.stderr
    shown = squash(result.stdout)
    assert "Revise before sending" in shown
    assert "Ready to send" not in shown
    for message in messages:
        assert squash(message) in shown


def test_text_output_shows_replacement_notice(home: Path) -> None:
    draft = write(home, "draft.txt", "Thank you for the r\xe9sum\xe9 tips.".encode("latin-1"))
    result = invoke("check", str(draft))
    assert result.exit_code == 0, result.stderr
    assert "UTF-8" in result.stdout


def test_text_output_does_not_interpret_markup_in_the_draft(home: Path) -> None:
    draft = write(home, "draft.txt", "Dear [bold]Sam[/bold],\n\nThank you [/].\n")
    result = invoke("check", str(draft))
    assert result.exit_code == 0, result.stderr
    assert "[bold]Sam[/bold]" in result.stdout


def test_text_output_names_the_file_as_given(home: Path) -> None:
    draft = write(home, "letter [v2].txt", CLEAN)
    result = invoke("check", str(draft))
    assert result.exit_code == 0, result.stderr
    assert "letter [v2].txt" in result.stdout


def test_a_reader_that_stops_early_does_not_turn_a_ready_draft_into_exit_1(
    home: Path, context_file: Path
) -> None:
    draft = write(home, "draft.txt", CLEAN)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [str(SCRIPT), "check", str(draft), "-c", str(context_file), "--strict"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    process.stdout.close()  # like `| head -0`: nobody reads the report
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr


def test_a_misspelt_rule_in_the_config_is_refused_in_one_line(home: Path) -> None:
    draft = write(home, "draft.txt", CLEAN)
    config = write(home, "config.toml", '[rules]\ndisable = ["proof.spellin"]\n')
    result = invoke("check", str(draft), "--config", str(config))
    assert result.exit_code == 2
    assert "proof.spellin" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version_is_printed() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("afterword ")


def test_a_fresh_process_finds_phrase_problems_in_its_very_first_review(home: Path) -> None:
    # Phrase rules share one index of trigger words; it must be whole before the first draft.
    draft = write(home, "draft.txt", NEEDS_REVISION)
    completed = run("check", str(draft), "--format", "json")
    codes = {finding["code"] for finding in json.loads(completed.stdout)["findings"]}
    in_process = {finding.code for finding in review(NEEDS_REVISION).findings}
    assert codes == in_process
    assert "tone.negative" in codes
