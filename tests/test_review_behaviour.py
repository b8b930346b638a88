"""What a job seeker would expect of the reviewer, one behaviour per test.

The letters are written for these tests: a pastry chef, Tomás, turned down by Aiko
Tanaka at Bellweather Bakery, writes back.
"""

from __future__ import annotations

from typing import Any

from afterword import Review, Severity, review
from samples import CONTEXT

THANKS = "Thank you for letting me know, and for the time you spent with me last Thursday."
DETAIL = "I loved seeing how your bakers proof the sourdough overnight in the old stone cellar."
INTEREST = (
    "I would be glad to be considered for future roles at Bellweather Bakery, "
    "and I hope we stay in touch."
)


def letter(
    *sentences: str,
    subject: str | None = "Subject: Thank you – Pastry Chef interview",
    greeting: str | None = "Dear Ms. Tanaka,",
    signoff: str | None = "Kind regards,\nTomás O'Brien-Lund",
) -> str:
    """A complete email: subject, greeting, the thanks, detail and interest, and a sign-off."""
    body = " ".join(sentences or (THANKS, DETAIL))
    parts = [subject, greeting, body, INTEREST, signoff]
    return "\n\n".join(part for part in parts if part) + "\n"


def check(text: str, **changes: Any) -> Review:
    return review(text, {**CONTEXT, **changes})


def blocking(result: Review, code: str) -> list:
    """Findings of `code` that stop the draft being ready (errors and warnings)."""
    return [f for f in result.findings if f.code == code and f.severity.blocks]


def test_a_clean_complete_letter_is_ready_to_send() -> None:
    result = check(letter())
    assert result.verdict == "ready", [(f.rule, f.excerpt) for f in result.findings]
    assert result.ready


def test_polite_sadness_is_not_a_negative_tone_warning() -> None:
    text = letter(THANKS, "I was disappointed, but I appreciate your time.", DETAIL)
    result = check(text)
    assert blocking(result, "tone.negative") == []
    assert result.verdict == "ready"


def test_bitterness_about_the_process_is_a_negative_tone_warning() -> None:
    text = letter(THANKS, "To be blunt, the tasting day felt disorganized and unfair.", DETAIL)
    found = blocking(check(text), "tone.negative")
    assert found
    assert {f.severity for f in found} <= {Severity.WARNING, Severity.ERROR}


def test_a_brief_optional_feedback_request_passes() -> None:
    text = letter(
        THANKS,
        DETAIL,
        "If you have a moment, I would welcome any brief feedback, but please don't feel obliged.",
    )
    result = check(text)
    assert blocking(result, "feedback.demanding") == []
    assert result.verdict == "ready"


def test_demanding_reasons_for_the_decision_is_flagged() -> None:
    text = letter(THANKS, DETAIL, "I expect a full explanation of why I was not chosen by Friday.")
    assert blocking(check(text), "feedback.demanding")


def test_asking_for_feedback_after_they_declined_to_give_it_is_flagged() -> None:
    text = letter(THANKS, DETAIL, "If you have a moment, I would welcome any brief feedback.")
    assert blocking(check(text, feedback="unknown"), "feedback.demanding") == []
    found = blocking(check(text, feedback="declined"), "feedback.demanding")
    assert found
    assert "feedback" in found[0].excerpt


def test_sending_exactly_seven_days_after_the_rejection_is_not_late() -> None:
    result = check(letter(), rejection_date="2025-04-07", send_date="2025-04-14")
    assert blocking(result, "timing.late") == []


def test_sending_eight_days_after_the_rejection_is_late() -> None:
    result = check(letter(), rejection_date="2025-04-07", send_date="2025-04-15")
    found = blocking(result, "timing.late")
    assert len(found) == 1
    assert "8" in found[0].message


def test_late_is_measured_across_a_month_end() -> None:
    on_time = check(letter(), rejection_date="2025-01-28", send_date="2025-02-04")
    late = check(letter(), rejection_date="2025-01-28", send_date="2025-02-05")
    assert blocking(on_time, "timing.late") == []
    assert blocking(late, "timing.late")


def test_a_second_follow_up_is_a_repeat() -> None:
    assert blocking(check(letter(), previous_followups=0), "timing.repeat") == []
    assert blocking(check(letter(), previous_followups=1), "timing.repeat")


def test_greeting_the_wrong_person_is_a_mismatch() -> None:
    result = check(letter(greeting="Dear Ms. Delgado,"))
    found = blocking(result, "personal.mismatch")
    assert [f.excerpt for f in found] == ["Ms. Delgado"]
    assert found[0].severity is Severity.ERROR
    assert "Tanaka" in (found[0].suggestion or "")


def test_greeting_the_right_person_by_first_name_is_no_mismatch() -> None:
    result = check(letter(greeting="Hi Aiko,"))
    assert blocking(result, "personal.mismatch") == []


def test_naming_another_company_is_a_mismatch() -> None:
    text = letter(THANKS, DETAIL, "I would also love to hear about openings at Crumbworth Bakery.")
    found = blocking(check(text), "personal.mismatch")
    assert any("Crumbworth" in f.excerpt for f in found)


NOTE = f"Aiko, {THANKS[0].lower()}{THANKS[1:]} {DETAIL} {INTEREST}"


def test_a_short_note_needs_no_subject_greeting_or_sign_off() -> None:
    for note in (NOTE, NOTE + "\n\nTomás"):
        as_note = check(note, channel="note")
        assert blocking(as_note, "format.structure") == []
        assert as_note.verdict == "ready", [(f.rule, f.excerpt) for f in as_note.findings]
    as_email = check(NOTE, channel="email")
    assert blocking(as_email, "format.structure"), "the same text as an email lacks its parts"


def test_a_note_signed_with_a_dash_and_name_is_ready() -> None:
    result = check(NOTE + "\n– Tomás", channel="note")
    assert result.verdict == "ready", [(f.rule, f.excerpt) for f in result.findings]


def test_an_email_without_subject_or_sign_off_is_flagged() -> None:
    result = check(letter(subject=None, signoff=None))
    rules = {f.rule for f in blocking(result, "format.structure")}
    assert "format.structure.subject" in rules
    assert "format.structure.signoff" in rules


def test_context_names_are_never_flagged_as_misspellings() -> None:
    names = {
        "sender_name": "Siobhán Ní Bhraonáin",
        "recipient_name": "Oyelaran Okafor-Zielińska",
        "company": "Qwikfyx Brotwerk",
        "role": "Viennoiserie Lead",
    }
    text = (
        "Subject: Thank you – Viennoiserie Lead\n\n"
        "Dear Ms. Okafor-Zielińska,\n\n"
        "Thank you for your time. Qwikfyx Brotwerk's laminated dough was a marvel, and "
        "Zielińska's notes on butter temperature stayed with me. Okafor-Zielińska, thank you "
        "again for the tour.\n\n"
        "I would be glad to be considered for future roles at Qwikfyx, and I hope we stay in "
        "touch.\n\n"
        "Warm regards,\nSiobhán Ní Bhraonáin\n"
    )
    result = check(text, **names)
    name_words = {"Siobhán", "Ní", "Bhraonáin", "Oyelaran", "Okafor", "Zielińska", "Qwikfyx"}
    name_words |= {"Brotwerk", "Viennoiserie", "Okafor-Zielińska"}
    flagged = {f.excerpt for f in result.findings if f.code == "proof.spelling"}
    assert not flagged & name_words, flagged
    # The checker is awake in the same letter: a real slip beside the names is still caught.
    slipped = text.replace("Thank you for your time.", "Thank you for your tiem.")
    caught = {f.excerpt for f in check(slipped, **names).findings if f.code == "proof.spelling"}
    assert caught == {"tiem"}


def test_a_near_miss_of_a_context_name_is_a_misspelling() -> None:
    text = letter(THANKS, DETAIL, "Please pass my thanks to Ms. Tanaak as well.")
    found = [f for f in check(text).findings if f.code == "proof.spelling"]
    assert [f.excerpt for f in found] == ["Tanaak"]
    assert found[0].suggestion == "Tanaka"


def test_a_common_misspelling_is_flagged_with_its_correction() -> None:
    text = letter(THANKS, "I was glad to recieve your kind note.", DETAIL)
    found = [f for f in check(text).findings if f.code == "proof.spelling"]
    assert [(f.excerpt, f.suggestion) for f in found] == [("recieve", "receive")]


def test_a_leftover_template_placeholder_must_be_fixed() -> None:
    text = letter(THANKS, DETAIL).replace("Dear Ms. Tanaka,", "Dear [Hiring Manager Name],")
    found = [f for f in check(text).findings if f.code == "personal.placeholder"]
    assert [f.excerpt for f in found] == ["[Hiring Manager Name]"]
    assert found[0].severity is Severity.ERROR
    assert check(text).verdict == "revise"


def test_forgetting_to_say_thank_you_is_flagged() -> None:
    text = letter("I received your email about the decision last week.", DETAIL)
    assert blocking(check(text), "gratitude.missing")


def test_begging_them_to_reconsider_is_flagged() -> None:
    text = letter(THANKS, DETAIL, "Please, I am begging you to reconsider; I really need this job.")
    result = check(text)
    assert blocking(result, "tone.desperate") or blocking(result, "boundary.pushy")
    assert result.verdict == "revise"


def test_a_row_of_exclamation_marks_and_emoji_are_flagged_with_fixes() -> None:
    text = letter(THANKS + "!!", DETAIL + " 🎉")
    found = blocking(check(text), "format.structure")
    fixes = {f.excerpt: f.suggestion for f in found}
    assert fixes.get("!!") == "."
    assert fixes.get("🎉") == ""


def test_offsets_point_at_the_text_as_given_with_windows_newlines() -> None:
    text = letter(THANKS, "I was glad to recieve your kind note.", DETAIL).replace("\n", "\r\n")
    found = [f for f in check(text).findings if f.code == "proof.spelling"]
    assert [f.excerpt for f in found] == ["recieve"]
    assert text[found[0].start : found[0].end] == "recieve"
    assert check(text).verdict == "revise"


def test_their_own_subject_in_a_reply_is_not_ours_to_correct() -> None:
    draft = (
        "Subject: Re: Ihre Bewerbung – Recruitment #2026-014 GIS Technician\n\n"
        "Dear Anke,\n\nThank you for letting me know. I enjoyed the tour of your survey lab "
        "and the flood-mapping work on the Isar.\n\nBest wishes,\nZoë"
    )
    theirs = {
        "role": "GIS Technician",
        "their_subject": "Ihre Bewerbung – Recruitment #2026-014 GIS Technician",
    }
    assert not [f for f in review(draft, theirs).findings if f.start < 60]
    # Without their subject in the context, the same line is checked like any other.
    assert "proof.spelling" in review(draft, {"role": "GIS Technician"}).codes()


def test_their_long_subject_cut_to_fit_is_still_theirs() -> None:
    theirs = "Eligibility Specialist I - Social Services (Exam #25-0412): Application Status"
    draft = (
        "Subject: Re: Eligibility Specialist I - Social Services (Exam #25-0412): Application…\n\n"
        "Dear Ms Reyes,\n\nThank you for letting me know. I enjoyed hearing about the county's "
        "new benefits kiosks in the libraries.\n\nBest wishes,\nSam"
    )
    context = {"company": "County of Tamarack", "role": "Eligibility Specialist I"}
    assert "personal.mismatch" in {f.code for f in review(draft, context).findings}
    in_subject = [
        f for f in review(draft, {**context, "their_subject": theirs}).findings if f.start < 90
    ]
    assert not in_subject
