"""Export and import: lossless round trips, and bad files refused without changing anything."""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rejection_mail import rejection_email

from afterword.themes import THEMES
from afterword.tracker.transfer_spec import PARENTS, SPEC
from afterword.tracking import PolicyRefusal, Tracker, TrackerError, open_tracker, read_export

START = date(2026, 1, 5)
_owners = itertools.count()


def canonical(data: dict) -> dict:
    """The export with ids renumbered in order: ids are addresses, not data."""
    data = copy.deepcopy(data)
    renumber = {}
    for table, fields in SPEC.items():
        if "id" in fields:
            renumber[table] = {entry["id"]: n for n, entry in enumerate(data[table], 1)}
            for entry in data[table]:
                entry["id"] = renumber[table][entry["id"]]
    for table, references in PARENTS.items():
        for entry in data[table]:
            for column, parent in references.items():
                if entry[column] is not None:
                    entry[column] = renumber[parent][entry[column]]
    return data


text = st.text(max_size=40)
names = st.text(min_size=1, max_size=30).filter(lambda name: any(c.isalnum() for c in name))
rejection_facts = st.fixed_dictionaries(
    {
        "company": st.sampled_from(
            ["Harbourline Ferries", "Zielińska & Søn GmbH", "北京数据", "O'Brien-Lund"]
        )
        | names,
        "role": text,
        "day": st.integers(0, 200),
        "contact": st.none() | names,
        "contact_email": st.none() | st.emails(),
        "stage": st.sampled_from(["application", "interview", "unknown"]),
        "feedback": st.sampled_from(["offered", "declined", "unknown"]),
        "future": st.sampled_from(["invited", "kept_on_file", "unknown"]),
        "requisition": st.none() | st.from_regex(r"REQ-[0-9]{3,6}", fullmatch=True),
        "drafts": st.lists(
            st.tuples(
                text,
                text,
                st.lists(st.dictionaries(st.sampled_from(["code", "message"]), text), max_size=2),
            ),
            max_size=2,
        ),
        "sent": st.booleans(),
        "reply": st.none() | text,
        "feedback_text": st.none() | text,
        "themes": st.none() | st.sets(st.sampled_from(THEMES), max_size=3),
        "do_not_contact": st.booleans(),
        "notes": st.none() | text,
        "opening": st.none() | names,
        "archived": st.booleans(),
        "original": st.none() | st.binary(min_size=1, max_size=200),
    }
)
profiles = st.fixed_dictionaries(
    {
        "name": text,
        "signature": text,
        "skills": st.lists(names, max_size=3),
        "check_in_days": st.integers(14, 730),
        "disabled_rules": st.lists(names, max_size=2),
    }
)


def fill(tracker: Tracker, facts: list[dict], profile: dict) -> None:
    """Put random but realistic records in through the same methods the app uses."""
    tracker.update_profile(**profile)
    for fact in facts:
        received = START + timedelta(days=fact["day"])
        try:
            if fact["original"] is not None:
                record = tracker.file_rejection(
                    fact["original"] + b"\n", today=received, company=fact["company"]
                ).rejection
            else:
                record = tracker.add_rejection_fields(
                    company=fact["company"],
                    role=fact["role"],
                    received=received,
                    contact_name=fact["contact"],
                    contact_email=fact["contact_email"],
                    stage=fact["stage"],
                    feedback=fact["feedback"],
                    future=fact["future"],
                    requisition=fact["requisition"],
                )
        except TrackerError:
            continue  # the same rejection twice, or a name that folds to nothing
        for subject, body, findings in fact["drafts"]:
            draft = tracker.save_draft(
                record.id,
                subject=subject,
                body=body,
                strategy="gratitude",
                verdict="ready",
                findings=findings,
            )
            if fact["sent"]:
                moment = datetime(2026, 1, 5, 9, 15, 30, 123456, tzinfo=UTC) + timedelta(
                    days=fact["day"] + 1
                )
                with contextlib.suppress(PolicyRefusal):
                    tracker.mark_sent(draft.id, sent_on=moment)
        if fact["reply"] is not None:
            tracker.log_reply(record.id, received=received + timedelta(days=3), text=fact["reply"])
        if fact["feedback_text"] is not None:
            themes = tuple(fact["themes"]) if fact["themes"] is not None else None
            tracker.log_feedback(
                record.id, text=fact["feedback_text"], received=received, themes=themes
            )
        if record.contact_id is not None and (fact["do_not_contact"] or fact["notes"]):
            tracker.update_contact(
                record.contact_id, do_not_contact=fact["do_not_contact"], notes=fact["notes"]
            )
        if fact["opening"] is not None:
            tracker.log_opening(company=record.company, role=fact["opening"], seen=received)
        if fact["archived"]:
            tracker.archive_company(record.company_id)


@settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(facts=st.lists(rejection_facts, max_size=5), profile=profiles)
def test_export_then_import_gives_identical_data(database_url: str, facts, profile) -> None:
    # Each example fills a new owner's space and imports into another, both empty.
    number = next(_owners)
    with (
        open_tracker(database_url, owner=f"source-{number}") as source,
        open_tracker(database_url, owner=f"copy-{number}") as target,
    ):
        fill(source, facts, profile)
        exported = source.export_json()
        as_file = json.loads(json.dumps(exported, ensure_ascii=False))
        summary = target.import_json(as_file)
        assert summary.rejections == len(exported["rejections"])
        again = target.export_json()
    assert canonical(again) == canonical(exported)


def test_import_into_a_new_empty_database_keeps_everything(database_url: str, tmp_path) -> None:
    with open_tracker(database_url) as source:
        record = source.add_rejection(rejection_email(), today=START)
        draft = source.save_draft(
            record.id,
            subject="Merci, Zoë 🌊",
            body="Thank you…",
            strategy="gratitude",
            verdict="ready",
            findings=[],
        )
        source.mark_sent(draft.id, sent_on=datetime(2026, 3, 3, 8, tzinfo=UTC))
        source.log_feedback(record.id, text="Needed more Rust.", received=START)
        exported = source.export_json()
    with open_tracker(f"sqlite:///{tmp_path / 'fresh.db'}") as fresh:
        fresh.import_json(exported)
        assert fresh.export_json() == exported  # same ids too, in a database of its own
        detail = fresh.rejection(1)
        assert detail.original is not None and "After careful consideration" in detail.original
        assert detail.messages[0].subject == "Merci, Zoë 🌊"


@pytest.fixture
def filled(database_url: str):
    with open_tracker(database_url) as tracker:
        record = tracker.add_rejection(rejection_email(), today=START)
        tracker.log_feedback(record.id, text="Team fit.", received=START, themes=("team_fit",))
        second = tracker.add_rejection(
            rejection_email(company="Northwind Labs", domain="nw.example"), today=START
        )
        tracker.log_sent(second.id, sent_on=datetime(2026, 3, 3, tzinfo=UTC))
        exported = tracker.export_json()
        yield tracker, exported


def broken_files(exported: dict):
    text = json.dumps(exported)
    yield "truncated", text[: len(text) // 2], "cut off"
    wrong = dict(exported, schema=99)
    yield "wrong schema", json.dumps(wrong), "schema 99"
    no_schema = {k: v for k, v in exported.items() if k != "schema"}
    yield "no schema", json.dumps(no_schema), "not an afterword export"
    short = dict(exported, rejections=exported["rejections"][:1])
    yield "records missing", json.dumps(short), "holds 1 of 2 rejections"
    twin = copy.deepcopy(exported)
    twin["companies"].append(dict(twin["companies"][0], id=999, name="HARBOURLINE FERRIES LTD"))
    twin["counts"]["companies"] += 1
    yield "duplicate company", json.dumps(twin), "lists the company 'HARBOURLINE FERRIES LTD' twice"
    same_id = copy.deepcopy(exported)
    same_id["messages"].append(dict(same_id["messages"][0]))
    same_id["counts"]["messages"] += 1
    yield "duplicate id", json.dumps(same_id), "lists message"
    orphan = copy.deepcopy(exported)
    orphan["feedback"][0]["rejection_id"] = 12345
    yield "orphan", json.dumps(orphan), "rejection #12345, which is not in the file"
    bad_date = copy.deepcopy(exported)
    bad_date["rejections"][1]["received_on"] = "yesterday"
    yield "bad date", json.dumps(bad_date), "'received_on' must be a date"
    bad_theme = copy.deepcopy(exported)
    bad_theme["feedback_themes"][0]["theme"] = "vibes"
    yield "bad theme", json.dumps(bad_theme), "'theme' must be one of"
    yield "not json", "hello", "not valid JSON"
    yield "a list", "[]", "not an afterword export"


def test_bad_import_files_change_nothing(filled) -> None:
    tracker, exported = filled
    fresh_owner = Tracker(tracker._db, "someone-new")  # an empty space in the same database
    for label, text, message in broken_files(exported):
        with pytest.raises(TrackerError, match=re.escape(message)):
            fresh_owner.import_json(read_export(text))
        assert fresh_owner.export_json()["counts"] == dict.fromkeys(SPEC, 0), label
    assert tracker.export_json() == exported


def test_importing_the_same_export_twice_is_refused(filled) -> None:
    tracker, exported = filled
    with pytest.raises(TrackerError, match="already holds Harbourline Ferries"):
        tracker.import_json(exported)
    assert tracker.export_json() == exported


def test_a_failure_halfway_through_an_import_leaves_nothing(filled) -> None:
    tracker, exported = filled
    fresh_owner = Tracker(tracker._db, "someone-new")
    broken = copy.deepcopy(exported)
    broken["openings"] = [
        {
            "id": 1,
            "company_id": broken["companies"][0]["id"],
            "role": "x" * 301,
            "seen_on": "2026-01-01",
            "url": None,
        }
    ]
    broken["counts"]["openings"] = 1
    with pytest.raises(TrackerError):
        fresh_owner.import_json(broken)
    assert fresh_owner.companies() == [] and fresh_owner.rejections() == []


def test_csv_keeps_spreadsheet_formulas_inert(database_url: str) -> None:
    with open_tracker(database_url) as tracker:
        tracker.add_rejection_fields(
            company='=HYPERLINK("http://x")', role="+Analyst", received=START
        )
        rows = tracker.export_csv().splitlines()
    assert rows[0].startswith("rejection_id,received_on,company,role")
    assert "'=HYPERLINK" in rows[1] and ",'+Analyst," in rows[1]
