"""What a reply picks up from the rejection: kind words, a moment, their plans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from afterword.composer.echoes import Echoes, echoes_of


def test_praise_is_turned_into_the_candidates_own_voice() -> None:
    text = "We loved the way you redesigned the volunteer rota for the food bank."
    assert echoes_of(text).praise == "the way I redesigned the volunteer rota for the food bank"


def test_praise_that_is_only_a_courtesy_is_not_echoed() -> None:
    text = "We enjoyed learning more about you. We appreciate your interest in Halden."
    assert not echoes_of(text, ("Halden",))


def test_a_clause_that_carries_the_decision_is_not_praise() -> None:
    text = "While your background in logistics is impressive, we decided on someone else."
    assert echoes_of(text).praise is None
    assert echoes_of(text).praise_clause is None


def test_praise_after_a_contrast_is_still_found() -> None:
    text = "It was a close call, but the panel was impressed by your answer on tidal modelling."
    assert echoes_of(text).praise == "my answer on tidal modelling"


def test_a_writers_i_becomes_you_and_the_candidates_you_becomes_i() -> None:
    text = "I was struck by how you handled the surge-pricing question."
    assert echoes_of(text).praise == "how I handled the surge-pricing question"


def test_a_moment_of_the_process_they_thanked_you_for() -> None:
    text = "Thank you for coming in on Friday and for walking us through your harbour survey maps."
    assert echoes_of(text).moment == "walking you through my harbour survey maps"


def test_thanks_for_the_application_itself_is_not_a_moment() -> None:
    text = "Thank you for your recent application for the Paralegal position in our practice group."
    assert echoes_of(text).moment is None


def test_their_hiring_plans_are_addressed_back_to_them() -> None:
    text = "Please keep an eye on our site, as we expect to open two survey posts in Bergen this spring."
    assert echoes_of(text).plans == "you expect to open two survey posts in Bergen this spring"


def test_a_bare_form_rejection_gives_nothing_to_echo() -> None:
    text = (
        "Thank you for applying. After reviewing your application we have decided not to "
        "move forward. We wish you every success in your search."
    )
    assert echoes_of(text) == Echoes()


def test_hard_wrapped_lines_are_read_as_one_sentence() -> None:
    text = "The team really enjoyed\nyour demo of the offline\nticket scanner."
    assert echoes_of(text).praise == "my demo of the offline ticket scanner"


@given(st.text(max_size=400))
def test_echoes_never_raise_and_stay_short(text: str) -> None:
    found = echoes_of(text, ("Acme",))
    for phrase in (found.praise, found.praise_clause, found.plans, found.moment):
        assert phrase is None or 3 <= len(phrase.split()) <= 28


def test_a_gap_they_would_have_liked_to_see_is_not_praise() -> None:
    text = "* We'd have liked to hear more about how you've handled difficult stakeholders."
    assert not echoes_of(text).praise and not echoes_of(text).praise_clause


def test_a_bulleted_compliment_loses_its_bullet() -> None:
    text = "• The panel noted that your stock-rotation plan was excellent."
    assert (
        echoes_of(text).praise_clause == "the panel noted that my stock-rotation plan was excellent"
    )


def test_taking_the_time_to_speak_becomes_speaking() -> None:
    text = "Thank you for taking the time to speak with us about the night-shift rota at Harwell."
    assert echoes_of(text).moment == "speaking with you about the night-shift rota at Harwell"


def test_a_moment_stops_where_a_comment_on_it_begins() -> None:
    text = "Thanks for doing the trial shift on Friday, the kitchen was packed and you coped well."
    assert echoes_of(text).moment == "doing the trial shift on Friday"
