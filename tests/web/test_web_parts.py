"""The web shell's small parts: highlights, chart geometry, form fields, settings, signing."""

from __future__ import annotations

import base64
import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.review import review
from afterword.tracker.records import WeekCounts
from afterword.web import charts
from afterword.web.forms import FollowUp, as_sentence, split_subject
from afterword.web.highlight import MAX_MARK, marked, segments
from afterword.web.settings import is_loopback, parse_tokens
from afterword.web.signing import SESSION_DAYS, Signer

BITTER = "Dear Sam,\n\nFrankly, your process was a joke!! i am dissapointed.\n\nLee"


def test_highlight_pieces_cover_the_text_and_mark_the_gravest_finding() -> None:
    result = review(BITTER)
    pieces = segments(BITTER, result.findings)
    assert "".join(text for text, _ in pieces) == BITTER
    shaded = {text: severity for text, severity in pieces if severity}
    assert shaded["a joke!!"] == "warning"  # "joke" inside "a joke": one mark, not two
    assert shaded["Frankly, y"] == "suggestion"
    assert shaded["dissapointed"] == "warning"


def test_findings_about_the_whole_message_are_listed_not_shaded() -> None:
    result = review(BITTER)
    assert any(f.code == "gratitude.missing" for f in result.findings)
    shaded = "".join(piece for piece, severity in segments(BITTER, result.findings) if severity)
    assert "your process was" not in shaded
    long_text = "Hello there. " * 20
    wide = [f for f in review(long_text).findings if f.end - f.start > MAX_MARK]
    assert not marked(wide)


@given(st.text(max_size=300))
def test_highlights_never_lose_or_add_a_character(text: str) -> None:
    assert "".join(piece for piece, _ in segments(text, review(text).findings)) == text


def _week(day: int, **counts: int) -> WeekCounts:
    values = {"applications": 0, "rejections": 0, "follow_ups": 0, "replies": 0, **counts}
    return WeekCounts(week_start=dt.date(2026, 3, day), **values)


def test_timeline_bars_are_proportional_and_described() -> None:
    chart = charts.timeline([_week(2, rejections=1), _week(9, rejections=2, follow_ups=1)])
    heights = {bar.tip: bar.height for bar in chart.bars}
    assert heights["Week of 9 Mar: 2 rejections"] == 2 * heights["Week of 2 Mar: 1 rejections"]
    assert heights["Week of 2 Mar: 0 replies"] == 0
    assert chart.description == (
        "Over the last 2 weeks: 0 applications, 3 rejections, 1 follow-ups sent, 0 replies."
    )
    assert [tick.text for tick in chart.y_ticks] == ["0", "1", "2"]
    assert not chart.empty


def test_an_empty_timeline_says_so() -> None:
    assert charts.timeline([_week(2), _week(9)]).empty


@pytest.mark.parametrize(("peak", "step"), [(0, 1), (3, 1), (9, 5), (40, 10), (130, 50)])
def test_value_axis_steps_are_round(peak: int, step: int) -> None:
    assert charts.nice_step(peak) == step


def test_theme_bars_follow_the_counts_and_list_the_themes_mentioned() -> None:
    counts = {"skills_gap": 4, "team_fit": 0, "compensation": 2}
    chart = charts.themes(counts, {"skills_gap": "Skills gap", "compensation": "Compensation"})
    widths = {bar.series: bar.width for bar in chart.bars}
    assert widths["skills_gap"] == 2 * widths["compensation"]
    assert widths["team_fit"] == 0
    assert chart.description == "Feedback themes so far: Skills gap 4, Compensation 2."
    assert charts.themes(dict.fromkeys(counts, 0), {}).empty


def test_the_editor_text_splits_into_subject_and_body() -> None:
    assert split_subject("Subject: Thank you\n\nDear Sam,\nBest") == (
        "Thank you",
        "Dear Sam,\nBest",
    )
    assert split_subject("Dear Sam,\r\nBest") == (None, "Dear Sam,\nBest")


def test_form_choices_fall_back_to_neutral_values() -> None:
    found = FollowUp.from_form(
        {"stage": "hacked", "strategy": "beg", "tone": "", "company": " A  B "}
    )
    assert (found.stage, found.strategy, found.tone, found.company) == (
        "unknown",
        "auto",
        "warm",
        "A B",
    )


def test_an_eml_original_survives_the_round_trip_through_the_form() -> None:
    raw = b"From: a@b.example\r\nSubject: \xe9\r\n\r\nbody"
    carried = FollowUp.from_reading({}, original=raw, today=dt.date(2026, 3, 16))
    again = FollowUp.from_form(carried.as_dict())
    assert again.original_raw() == raw
    broken = FollowUp.from_form({**carried.as_dict(), "original": "not base64!"})
    assert broken.original_raw() is None
    assert base64.b64decode(carried.original) == raw


def test_field_problems_are_named_for_their_fields() -> None:
    problems = FollowUp(received="16/03/2026", contact_email="priya at x").problems()
    assert set(problems) == {"company", "received", "contact_email"}


def test_core_reasons_read_as_sentences() -> None:
    reason = "no clean draft is possible: this names another role. (“Data Analyst”)"
    assert (
        as_sentence(reason)
        == "No clean draft is possible: this names another role (“Data Analyst”)."
    )


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.5.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)],
)  # fmt: skip
def test_only_loopback_addresses_count_as_this_computer(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_one_token_belongs_to_me_and_many_to_their_owners() -> None:
    assert parse_tokens("x" * 16, None) == {"x" * 16: "me"}
    assert parse_tokens(None, "ann:" + "a" * 16 + ", bo:" + "b" * 16) == {
        "a" * 16: "ann",
        "b" * 16: "bo",
    }


def test_signed_values_resist_tampering_and_other_keys() -> None:
    signer = Signer("key-one")
    value = signer.sign("session", "me")
    assert signer.unsign("session", value) == "me"
    assert signer.unsign("csrf-nonce", value) is None
    assert Signer("key-two").unsign("session", value) is None
    assert signer.unsign("session", value[:-2] + "xx") is None
    assert signer.unsign("session", "garbage") is None


def test_sessions_expire(monkeypatch: pytest.MonkeyPatch) -> None:
    signer = Signer("key")
    cookie = signer.session("alice", "a" * 20)
    assert signer.session_owner(cookie, {"a" * 20: "alice"}) == "alice"
    later = time.time() + SESSION_DAYS * 86400 + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert signer.session_owner(cookie, {"a" * 20: "alice"}) is None


def test_todays_figures_are_reused_briefly_and_dropped_after_a_change() -> None:
    from afterword.web.snapshots import Snapshots

    now = [100.0]
    held = Snapshots(ttl=2.0, clock=lambda: now[0])
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert held.get("me", "10:30", compute) == 1
    assert held.get("me", "10:30", compute) == 1  # within the TTL: reused
    assert held.get("you", "10:30", compute) == 2  # each owner has their own
    held.forget("me")
    assert held.get("me", "10:30", compute) == 3  # a change: computed afresh
    assert held.get("me", "10:31", compute) == 4  # a new minute: due dates may have moved
    now[0] += 2.5
    assert held.get("me", "10:31", compute) == 5  # past the TTL


def test_while_one_request_refreshes_the_others_show_the_previous_figures() -> None:
    import threading

    from afterword.web.snapshots import Snapshots

    now = [0.0]
    held = Snapshots(ttl=1.0, clock=lambda: now[0])
    held.get("me", "k", lambda: "old")
    now[0] = 5.0
    inside, release = threading.Event(), threading.Event()

    def slow():
        inside.set()
        release.wait(timeout=10)
        return "new"

    refresher = threading.Thread(target=lambda: held.get("me", "k", slow))
    refresher.start()
    assert inside.wait(timeout=10)
    assert held.get("me", "k", lambda: "computed twice") == "old"
    release.set()
    refresher.join(timeout=10)
    assert held.get("me", "k", lambda: "computed twice") == "new"
