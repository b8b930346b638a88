"""`afterword compose` as a user meets it: flags, a context file, prompts, and each format.

In-process through Typer's CliRunner; through the installed console script where the exit
code and the absence of a traceback matter.
"""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner

from afterword.cli import app, compose_cmd

SCRIPT = Path(sys.executable).parent / "afterword"

CONTEXT: dict[str, Any] = {
    "sender_name": "Jordan Ellis",
    "recipient_name": "Adaeze Okoro",
    "company": "Harbourline Ferries",
    "role": "Operations Coordinator",
    "rejection_date": "2026-11-18",
    "send_date": "2026-11-20",
    "company_detail": "the new night crossing timetable",
    "skills": ["scheduling", "crew rostering"],
    "recipient_email": "adaeze@harbourline.example",
    "sender_email": "jordan@ellis.example",
}
FLAGS = [
    "--company", "Bellweather Bakery",
    "--role", "Pastry Chef",
    "--recipient", "Aiko Tanaka",
    "--sender", "Tomás O'Brien-Lund",
    "--detail", "the sourdough proofing overnight in the stone cellar",
    "--skill", "lamination",
]  # fmt: skip
DRAFT_KEYS = {"subject", "body", "strategy", "why", "review"}


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def context_file(home: Path) -> Path:
    return write(home, "context.json", CONTEXT)


def write(folder: Path, name: str, content: str | dict[str, Any]) -> Path:
    path = folder / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["compose", *args], input=input)


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    """The installed console script, stdin not a terminal, as a script would run it."""
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "XDG_CONFIG_HOME": str(home / "config-home"),
        "COLUMNS": "200",
    }
    completed = subprocess.run(
        [str(SCRIPT), "compose", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        env=env,
        cwd=home,
    )
    completed.stdout = completed.stdout.decode("utf-8")
    completed.stderr = completed.stderr.decode("utf-8")
    return completed


def as_json(*args: str) -> Any:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("afterword: "), stderr


def parse_eml(data: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert not message.defects
    return message


def eml_body(message: email.message.EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n").removesuffix("\n")


# --------------------------------------------------------------------------- formats


def test_text_shows_subject_body_strategy_and_why(context_file: Path) -> None:
    result = invoke("--context", str(context_file))
    assert result.exit_code == 0, result.stderr
    draft = as_json("--context", str(context_file))
    assert f"Subject: {draft['subject']}" in result.stdout
    assert draft["body"] in result.stdout, "the body is printed as is, ready to copy"
    assert f"Strategy: {draft['strategy']}" in result.stdout
    assert f"Why: {draft['why']}" in result.stdout
    assert "ready to send" in result.stdout
    assert result.stderr == ""


def test_json_is_the_contract_and_the_draft_is_ready(context_file: Path) -> None:
    draft = as_json("--context", str(context_file))
    assert set(draft) == DRAFT_KEYS
    assert draft["review"]["verdict"] == "ready"
    assert draft["strategy"] in ("gratitude", "feedback", "future")
    assert draft["why"]
    assert draft["body"].startswith("Hi Adaeze,") or draft["body"].startswith("Dear Adaeze,")
    assert "new night crossing timetable" in draft["body"]
    assert draft["body"].rstrip().endswith("jordan@ellis.example")
    assert "Operations Coordinator" in draft["subject"]


@pytest.mark.parametrize("strategy", ["gratitude", "feedback", "future", "auto"])
def test_each_strategy_gives_a_ready_draft(context_file: Path, strategy: str) -> None:
    draft = as_json("--context", str(context_file), "--strategy", strategy)
    assert draft["review"]["verdict"] == "ready"
    if strategy != "auto":
        assert draft["strategy"] == strategy


@pytest.mark.parametrize("tone", ["warm", "formal"])
@pytest.mark.parametrize("length", ["short", "standard"])
def test_tone_and_length_give_ready_drafts(context_file: Path, tone: str, length: str) -> None:
    args = ("--context", str(context_file), "--tone", tone, "--length", length)
    assert as_json(*args)["review"]["verdict"] == "ready"


def test_short_is_shorter_than_standard(context_file: Path) -> None:
    short = as_json("--context", str(context_file), "--length", "short")
    standard = as_json("--context", str(context_file), "--length", "standard")
    assert len(short["body"].split()) < len(standard["body"].split())


def test_eml_to_stdout_is_an_unsent_draft(context_file: Path) -> None:
    draft = as_json("--context", str(context_file))
    result = invoke("--context", str(context_file), "--format", "eml")
    assert result.exit_code == 0, result.stderr
    message = parse_eml(result.stdout_bytes)
    assert message["To"].addresses[0].addr_spec == "adaeze@harbourline.example"
    assert message["To"].addresses[0].display_name == "Adaeze Okoro"
    assert message["From"].addresses[0].addr_spec == "jordan@ellis.example"
    assert message["Subject"] == draft["subject"]
    assert parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["Message-ID"].endswith("@ellis.example>")
    assert message["X-Unsent"] == "1"
    assert eml_body(message) == draft["body"]


def test_eml_without_a_known_address_has_no_to(home: Path) -> None:
    result = invoke(*FLAGS, "--format", "eml")
    assert result.exit_code == 0, result.stderr
    message = parse_eml(result.stdout_bytes)
    assert message["To"] is None
    assert message["X-Unsent"] == "1"
    assert "Aiko" in eml_body(message)


def test_several_eml_drafts_go_to_a_folder(context_file: Path, home: Path) -> None:
    result = invoke("--context", str(context_file), "--variants", "3", "-f", "eml", "--out", "out")
    assert result.exit_code == 0, result.stderr
    files = sorted((home / "out").iterdir())
    assert [path.name for path in files] == ["1.eml", "2.eml", "3.eml"]
    messages = [parse_eml(path.read_bytes()) for path in files]
    assert len({message["Message-ID"] for message in messages}) == 3
    assert len({eml_body(message) for message in messages}) == 3
    assert all(message["X-Unsent"] == "1" for message in messages)
    assert result.stdout.splitlines()[-1] == f"wrote {Path('out') / '3.eml'}"


def test_several_eml_drafts_without_a_folder_are_refused(context_file: Path, home: Path) -> None:
    completed = run("--context", str(context_file), "--variants", "2", "-f", "eml", home=home)
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "--out" in completed.stderr
    assert completed.stdout == ""


def test_mailto_decodes_back_to_the_same_subject_and_body(context_file: Path) -> None:
    draft = as_json("--context", str(context_file))
    result = invoke("--context", str(context_file), "--mailto")
    assert result.exit_code == 0, result.stderr
    link = result.stdout.strip()
    assert link.startswith("mailto:") and "\n" not in link and " " not in link
    parts = urlsplit(link)
    assert unquote(parts.path) == "adaeze@harbourline.example"
    fields = {
        key: unquote(value) for key, value in (p.split("=", 1) for p in parts.query.split("&"))
    }
    assert fields["subject"] == draft["subject"]
    assert fields["body"].replace("\r\n", "\n") == draft["body"]


def test_mailto_gives_one_link_per_draft(context_file: Path) -> None:
    result = invoke("--context", str(context_file), "--variants", "2", "--mailto")
    assert result.exit_code == 0, result.stderr
    links = result.stdout.splitlines()
    assert len(links) == 2 and all(link.startswith("mailto:") for link in links)


# --------------------------------------------------------------------------- several drafts


def test_three_variants_have_three_different_bodies(context_file: Path) -> None:
    drafts = as_json("--context", str(context_file), "--variants", "3")
    assert isinstance(drafts, list) and len(drafts) == 3
    assert len({draft["body"] for draft in drafts}) == 3
    assert all(set(draft) == DRAFT_KEYS for draft in drafts)
    assert all(draft["review"]["verdict"] == "ready" for draft in drafts)


def test_json_is_a_list_whenever_several_were_asked_for(context_file: Path) -> None:
    # Two connection-note wordings exist: asking for four gives the distinct ones, as a list.
    result = invoke(
        "--context", str(context_file), "--channel", "note", "--variants", "4", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    drafts = json.loads(result.stdout)
    assert isinstance(drafts, list) and 1 <= len(drafts) < 4
    assert len({draft["body"] for draft in drafts}) == len(drafts)
    assert result.stderr.startswith(f"afterword: only {len(drafts)} differently worded drafts")
    one = as_json("--context", str(context_file), "--to", "Sam Lee")
    assert isinstance(one, dict) and "Sam" in one["body"]


def test_variants_in_text_are_numbered(context_file: Path) -> None:
    result = invoke("--context", str(context_file), "--variants", "3")
    assert result.exit_code == 0, result.stderr
    for number in (1, 2, 3):
        assert f"Draft {number} of 3" in result.stdout


def test_seed_is_repeatable_and_changes_the_wording(context_file: Path) -> None:
    first = as_json("--context", str(context_file), "--seed", "7")
    assert first == as_json("--context", str(context_file), "--seed", "7")
    bodies = {as_json("--context", str(context_file), "--seed", str(n))["body"] for n in range(4)}
    assert len(bodies) > 1


def test_one_draft_per_interviewer_each_naming_its_person(context_file: Path) -> None:
    drafts = as_json("--context", str(context_file), "--to", "Sam Lee", "--to", "Priya Natarajan")
    assert len(drafts) == 2
    first, second = drafts
    assert "Sam" in first["body"].splitlines()[0] and "Priya" not in first["body"]
    assert "Priya" in second["body"].splitlines()[0] and "Sam" not in second["body"]
    # Not copies: with the names taken out, the wording still differs.
    assert first["body"].replace("Sam", "X") != second["body"].replace("Priya", "X")
    assert all(draft["review"]["verdict"] == "ready" for draft in drafts)


def test_recipients_list_with_addresses_gives_addressed_emls(
    context_file: Path, home: Path
) -> None:
    result = invoke(
        "--context", str(context_file),
        "--recipients", "Sam Lee <sam@harbourline.example>, Adaeze Okoro, Priya Natarajan",
        "--format", "eml", "--out", "drafts",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    sam, adaeze, priya = (parse_eml((home / "drafts" / f"{n}.eml").read_bytes()) for n in (1, 2, 3))
    assert sam["To"].addresses[0].addr_spec == "sam@harbourline.example"
    assert "Sam" in eml_body(sam).splitlines()[0]
    # The context's address belongs to its recipient only.
    assert adaeze["To"].addresses[0].addr_spec == "adaeze@harbourline.example"
    assert priya["To"] is None
    assert "Priya" in eml_body(priya).splitlines()[0]


def test_text_says_who_each_draft_is_for(context_file: Path) -> None:
    result = invoke("--context", str(context_file), "--to", "Sam Lee", "--to", "Ana Ruiz")
    assert result.exit_code == 0, result.stderr
    assert "Draft 1 of 2 for Sam Lee" in result.stdout
    assert "Draft 2 of 2 for Ana Ruiz" in result.stdout


# --------------------------------------------------------------------------- channel


def test_note_fits_a_connection_request(context_file: Path) -> None:
    draft = as_json("--context", str(context_file), "--channel", "note")
    assert draft["subject"] is None
    assert len(draft["body"]) <= 300
    assert "Adaeze" in draft["body"]
    assert draft["review"]["verdict"] == "ready"
    text = invoke("--context", str(context_file), "--channel", "note")
    assert "Subject:" not in text.stdout
    assert draft["body"] in text.stdout


def test_notes_for_several_people_all_fit(context_file: Path) -> None:
    drafts = as_json(
        "--context", str(context_file), "--channel", "note", "--to", "Sam Lee", "--to", "Ana Ruiz"
    )  # fmt: skip
    assert [len(draft["body"]) <= 300 for draft in drafts] == [True, True]
    assert "Sam" in drafts[0]["body"] and "Ana" in drafts[1]["body"]


# --------------------------------------------------------------------------- inputs


def test_flags_alone_are_enough(home: Path) -> None:
    draft = as_json(*FLAGS)
    assert "Aiko" in draft["body"].splitlines()[0]
    assert "Pastry Chef" in draft["subject"]
    assert "sourdough proofing" in draft["body"]
    assert draft["body"].rstrip().endswith("Tomás O'Brien-Lund")


def test_flags_override_the_context_file(context_file: Path) -> None:
    draft = as_json(
        "--context", str(context_file),
        "--company", "Northwind Labs",
        "--role", "Data Engineer",
        "--recipient", "Priya Natarajan",
        "--detail", "the open-source tide model",
        "--sender", "Sam Ortiz",
    )  # fmt: skip
    body = draft["body"]
    assert "Priya" in body.splitlines()[0] and "Adaeze" not in body
    assert "Data Engineer" in draft["subject"]
    assert "tide model" in body and "night crossing" not in body
    assert "Sam Ortiz" in body and "Jordan Ellis" not in body
    # What the flags did not touch still comes from the file.
    assert body.rstrip().endswith("jordan@ellis.example")


def test_channel_flag_overrides_the_context_file(home: Path) -> None:
    context = write(home, "note.json", {**CONTEXT, "channel": "note"})
    assert as_json("--context", str(context))["subject"] is None
    assert as_json("--context", str(context), "--channel", "email")["subject"]


def test_skill_flags_replace_the_context_skills(context_file: Path) -> None:
    draft = as_json("--context", str(context_file), "--skill", "timetabling", "--skill", "GIS")
    assert "crew rostering" not in draft["body"]
    assert "timetabling" in draft["body"]


def test_recipient_email_flag_addresses_the_draft(home: Path) -> None:
    result = invoke(*FLAGS, "--recipient-email", "aiko@bellweather.example", "--mailto")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("mailto:aiko@bellweather.example?subject=")


def test_clarify_and_transferable_reach_the_draft(context_file: Path) -> None:
    clarified = as_json(
        "--context", str(context_file), "--clarify", "my harbour pilot licence was renewed in May"
    )
    assert "harbour pilot licence was renewed in May" in clarified["body"]
    plain = as_json("--context", str(context_file))
    moved = as_json("--context", str(context_file), "--transferable")
    assert moved["body"] != plain["body"]
    assert moved["review"]["verdict"] == "ready"


def test_clarify_may_start_with_i(context_file: Path) -> None:
    clarified = as_json("--context", str(context_file), "--clarify", "I have led a team of twelve")
    assert "I have led a team of twelve" in clarified["body"]


def test_context_from_standard_input(home: Path) -> None:
    result = invoke("--context", "-", "--format", "json", input=json.dumps(CONTEXT))
    assert result.exit_code == 0, result.stderr
    assert "Adaeze" in json.loads(result.stdout)["body"]


def test_guided_prompts_in_a_terminal(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose_cmd, "_interactive", lambda: True)
    answers = "\n".join(
        [
            "Bellweather Bakery",
            "Pastry Chef",
            "Aiko Tanaka",
            "Tomás O'Brien-Lund",
            "the sourdough proofing overnight in the stone cellar",
            "lamination, plating",
        ]
    )
    result = invoke("--format", "json", input=answers + "\n")
    assert result.exit_code == 0, result.stderr
    eml = invoke("--format", "eml", input=answers + "\n")
    assert eml.stdout_bytes.startswith(b"To:") or eml.stdout_bytes.startswith(b"Subject:")
    # The whole conversation goes to stderr: stdout is the draft alone, even redirected.
    assert result.stdout.startswith("{")
    draft = json.loads(result.stdout)
    assert "Aiko" in draft["body"].splitlines()[0]
    assert "Pastry Chef" in draft["subject"]
    assert "sourdough proofing" in draft["body"]
    assert "Company" in result.stderr


def test_no_prompts_when_something_is_given(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compose_cmd, "_interactive", lambda: True)
    result = invoke(*FLAGS)
    assert result.exit_code == 0, result.stderr
    assert "Company" not in result.stderr


def test_no_prompts_without_a_terminal(home: Path) -> None:
    completed = run(home=home)
    assert completed.returncode == 2
    assert_one_line_error(completed.stderr)
    assert "company" in completed.stderr
    assert completed.stdout == ""


def test_user_phrase_bank_joins_the_shipped_wordings(context_file: Path, home: Path) -> None:
    folder = home / "config-home" / "afterword"
    folder.mkdir(parents=True)
    write(folder, "phrases.toml", '[closing]\nwarm = ["Many thanks,"]\n')
    drafts = as_json("--context", str(context_file), "--variants", "6")
    assert any("\nMany thanks,\n" in draft["body"] for draft in drafts)


def test_config_file_is_read(context_file: Path, home: Path) -> None:
    config = write(home, "config.toml", "")
    assert as_json("--context", str(context_file), "--config", str(config))["body"]


# --------------------------------------------------------------------------- bad input


def _bad_phrases(home: Path) -> None:
    folder = home / "config-home" / "afterword"
    folder.mkdir(parents=True)
    write(folder, "phrases.toml", '[closing]\nwarm = ["Yours, {nickname}"]\n')


def _broken_phrases(home: Path) -> None:
    folder = home / "config-home" / "afterword"
    folder.mkdir(parents=True)
    write(folder, "phrases.toml", "[closing\nwarm = \n")


BAD_INPUTS: list[tuple[str, list[str], dict[str, Any] | str | None, Any]] = [
    # (id, extra args, context file content or None, setup)
    ("unknown strategy", ["--strategy", "beg"], CONTEXT, None),
    ("unknown tone", ["--tone", "cold"], CONTEXT, None),
    ("unknown length", ["--length", "epic"], CONTEXT, None),
    ("unknown format", ["--format", "pdf"], CONTEXT, None),
    ("unknown channel", ["--channel", "fax"], CONTEXT, None),
    ("empty company flag", ["--company", ""], CONTEXT, None),
    ("blank company flag", ["--company", "   "], CONTEXT, None),
    ("empty company in file", [], {**CONTEXT, "company": ""}, None),
    ("context not JSON", [], "{company: Acme", None),
    ("context not an object", [], "[1, 2]", None),
    ("context field wrong type", [], {**CONTEXT, "skills": 3}, None),
    ("context date wrong", [], {**CONTEXT, "send_date": "next week"}, None),
    ("context file missing", ["--context", "nowhere.json"], None, None),
    ("no detail", [], {**CONTEXT, "company_detail": None}, None),
    ("bitter detail", ["--detail", "your terrible, unfair hiring process"], CONTEXT, None),
    ("late send date", [], {**CONTEXT, "send_date": "2026-12-20"}, None),
    ("feedback declined", ["--strategy", "feedback"], {**CONTEXT, "feedback": "declined"}, None),
    ("variants zero", ["--variants", "0"], CONTEXT, None),
    ("variants too many", ["--variants", "500"], CONTEXT, None),
    ("variants and recipients", ["--variants", "2", "--to", "Sam Lee"], CONTEXT, None),
    ("address with no name", ["--to", "sam@example.com"], CONTEXT, None),
    ("bad recipient address", ["--recipient-email", "not-an-address"], CONTEXT, None),
    ("mailto with json", ["--mailto", "--format", "json"], CONTEXT, None),
    ("out without eml", ["--out", "drafts"], CONTEXT, None),
    ("unknown placeholder in phrases", [], CONTEXT, _bad_phrases),
    ("phrases not TOML", [], CONTEXT, _broken_phrases),
]


@pytest.mark.parametrize(
    ("extra", "content", "setup"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_is_one_line_and_exit_2(
    home: Path, extra: list[str], content: Any, setup: Any
) -> None:
    if setup is not None:
        setup(home)
    args = list(extra)
    if content is not None:
        args = ["--context", str(write(home, "context.json", content)), *args]
    completed = run(*args, home=home)
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert_one_line_error(completed.stderr)
    assert completed.stdout == ""


def test_bad_input_messages_say_what_to_change(home: Path) -> None:
    context = str(write(home, "context.json", CONTEXT))
    cases = {
        ("--strategy", "beg"): "choose auto, gratitude, feedback or future",
        ("--format", "pdf"): "choose text, json or eml",
        ("--company", ""): "company",
    }
    for args, expected in cases.items():
        result = invoke("--context", context, *args)
        assert result.exit_code == 2
        assert expected in result.stderr
    not_json = str(write(home, "bad.json", "{company: Acme"))
    result = invoke("--context", not_json)
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    late = str(write(home, "late.json", {**CONTEXT, "send_date": "2026-12-20"}))
    result = invoke("--context", late)
    assert result.exit_code == 2 and "days after the rejection" in result.stderr
