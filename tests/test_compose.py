"""What a job seeker would expect of the composer, one behaviour per test.

Jordan Ellis was turned down for a Data Engineer role at Northwind Labs by Amara Nwosu
and writes back. Each test changes one fact or one option and looks at the draft, or at
the reason the composer gives for refusing to write one.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterword.composer import (
    ComposeError,
    Draft,
    compose,
    compose_for_each,
    compose_variants,
)
from afterword.composer.phrasebank import (
    PhraseBankError,
    bank_from_dict,
    merged,
    shipped_bank,
)
from afterword.review import review

CONTEXT: dict[str, Any] = {
    "sender_name": "Jordan Ellis",
    "recipient_name": "Amara Nwosu",
    "company": "Northwind Labs",
    "role": "Data Engineer",
    "company_detail": "its open-source forecasting library",
    "rejection_date": "2026-11-18",
    "send_date": "2026-11-20",
    "stage": "interview",
}
VARIANTS = range(12)


def write(strategy: str = "auto", /, **changes: Any) -> Draft:
    """A draft for CONTEXT with some facts changed; options go to compose()."""
    options = {k: changes.pop(k) for k in list(changes) if k in _OPTIONS}
    draft = compose({**CONTEXT, **changes}, strategy, **options)
    assert draft.review.ready, [(f.rule, f.excerpt) for f in draft.review.findings]
    return draft


_OPTIONS = {"tone", "length", "seed", "variant", "clarification", "transferable", "phrases"}


def every_variant(strategy: str = "auto", /, **changes: Any) -> list[Draft]:
    """The drafts of several variants: a wording rule must hold for each of them."""
    return [write(strategy, variant=variant, **changes) for variant in VARIANTS]


def refusal(strategy: str = "auto", /, **changes: Any) -> str:
    """The reason the composer gives for writing no draft."""
    options = {k: changes.pop(k) for k in list(changes) if k in _OPTIONS}
    with pytest.raises(ComposeError) as caught:
        compose({**CONTEXT, **changes}, strategy, **options)
    reason = str(caught.value)
    assert reason.strip()
    return reason


def greeting(draft: Draft) -> str:
    return draft.body.split("\n\n")[0]


def middle(draft: Draft) -> str:
    """The body between the greeting and the sign-off."""
    return "\n\n".join(draft.body.split("\n\n")[1:-1])


def words(draft: Draft) -> int:
    return len(middle(draft).split())


# --------------------------------------------------------------------------- strategy


@pytest.mark.parametrize("future", ["invited", "on_file"])
def test_auto_leans_on_future_roles_when_they_invite_you_back(future: str) -> None:
    draft = write(future=future, feedback="offered")
    assert draft.strategy == "future"
    assert "future" in draft.why
    assert re.search(r"future (roles|opportunities)|apply again|similar roles", middle(draft))


def test_auto_thanks_without_asking_for_feedback_when_they_decline_to_give_it() -> None:
    for draft in every_variant(feedback="declined"):
        assert draft.strategy == "gratitude"
        assert "feedback" not in draft.body.lower()
        assert "thoughts on my application" not in draft.body


def test_auto_asks_for_feedback_after_an_interview() -> None:
    draft = write(stage="interview", feedback="unknown")
    assert draft.strategy == "feedback"
    assert "feedback" in middle(draft) or "thoughts on my application" in middle(draft)


def test_an_interview_date_alone_counts_as_after_the_interview() -> None:
    draft = write(stage="unknown", interview_date="2026-11-10")
    assert draft.strategy == "feedback"


def test_auto_takes_up_feedback_they_offered_even_after_an_application() -> None:
    assert write(stage="application", feedback="offered").strategy == "feedback"


def test_auto_sends_thanks_at_the_application_stage() -> None:
    draft = write(stage="application")
    assert draft.strategy == "gratitude"
    assert "feedback" not in draft.body.lower()


def test_auto_explains_its_choice_in_a_sentence() -> None:
    draft = write(stage="application")
    assert draft.why.endswith(".") and len(draft.why.split()) >= 5


def test_an_explicit_strategy_is_followed() -> None:
    draft = write("future", stage="application")
    assert draft.strategy == "future"
    assert draft.why == "You asked for the future strategy."


def test_an_explicit_feedback_request_is_refused_when_they_decline_feedback() -> None:
    reason = refusal("feedback", feedback="declined")
    assert "feedback" in reason
    assert "gratitude or future" in reason


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("strategy", "beg", "unknown strategy"),
        ("tone", "chirpy", "unknown tone"),
        ("length", "long", "unknown length"),
    ],
)
def test_an_unknown_option_is_refused_with_the_choices(
    option: str, value: str, expected: str
) -> None:
    reason = refusal(value) if option == "strategy" else refusal(**{option: value})
    assert expected in reason


# --------------------------------------------------------------------------- the stage


def test_after_an_interview_the_draft_mentions_the_conversation() -> None:
    for length in ("short", "standard"):
        for draft in every_variant(stage="interview", length=length):
            assert re.search(r"\b(conversations?|interviews?|meet with me)\b", middle(draft)), (
                draft.body
            )


def test_an_email_at_the_application_stage_claims_no_interview() -> None:
    clarification = "my portfolio has three more recent case studies"
    for length in ("short", "standard"):
        for draft in every_variant(stage="application", length=length, clarification=clarification):
            assert not re.search(r"\b(interview\w*|conversations?|spoke|meet|met)\b", draft.body)


def test_a_note_at_the_application_stage_claims_no_interview() -> None:
    for draft in every_variant(stage="application", channel="note"):
        assert not re.search(r"\b(interview\w*|meet|met)\b", draft.body), draft.body


# --------------------------------------------------------------------------- greetings and tone


def test_a_formal_tone_greets_a_titled_recipient_by_title_and_surname() -> None:
    for draft in every_variant(recipient_name="Dr. Min-jun Park", tone="formal"):
        assert greeting(draft) == "Dear Dr. Park,"


def test_a_warm_tone_keeps_the_recipients_title() -> None:
    for draft in every_variant(recipient_name="Dr. Min-jun Park", tone="warm"):
        assert greeting(draft) in {"Dear Dr. Park,", "Hi Dr. Park,"}


@pytest.mark.parametrize(
    ("name", "greeted"),
    [("Ms. Amara Nwosu", "Ms. Nwosu"), ("Professor Aiko Tanaka", "Professor Tanaka")],
)
def test_other_honorifics_are_kept_with_the_surname(name: str, greeted: str) -> None:
    assert greeting(write(recipient_name=name, tone="formal")) == f"Dear {greeted},"


def test_a_warm_tone_greets_by_first_name() -> None:
    greetings = {greeting(draft) for draft in every_variant(tone="warm")}
    assert greetings <= {"Dear Amara,", "Hi Amara,"}


def test_a_formal_tone_greets_by_full_name() -> None:
    greetings = {greeting(draft) for draft in every_variant(tone="formal")}
    assert greetings == {"Dear Amara Nwosu,"}


def test_an_unknown_recipient_is_greeted_as_the_company_team() -> None:
    assert greeting(write(recipient_name=None)) == "Dear Northwind Labs team,"


def test_the_sign_off_matches_the_tone() -> None:
    warm = {draft.body.split("\n")[-2] for draft in every_variant(tone="warm")}
    formal = {draft.body.split("\n")[-2] for draft in every_variant(tone="formal")}
    assert warm <= {"Best wishes,", "Warm regards,", "With thanks,"}
    assert formal <= {"Kind regards,", "Sincerely,", "Best regards,"}


def test_the_sender_signs_with_their_name_as_given() -> None:
    draft = write(sender_name="Siobhán O'Brien-Lund")
    assert draft.body.splitlines()[-1] == "Siobhán O'Brien-Lund"


def test_a_surname_with_particles_is_kept_whole_after_a_title() -> None:
    draft = write(recipient_name="Dr. Ngozi van der Berg", tone="formal")
    assert greeting(draft) == "Dear Dr. van der Berg,"


# --------------------------------------------------------------------------- company and detail


def test_the_possessive_of_a_company_ending_in_s_takes_only_an_apostrophe() -> None:
    for draft in every_variant(company="Northwind Labs"):
        assert "Northwind Labs' open-source forecasting library" in draft.body
        assert "Labs's" not in draft.body


@pytest.mark.parametrize("lead", ["its", "Its", "their"])
def test_a_detail_about_its_work_is_given_the_company_name(lead: str) -> None:
    draft = write(company="Acme", company_detail=f"{lead} harbour restoration project.")
    assert "Acme's harbour restoration project" in draft.body
    assert not re.search(r"\b(its|their) harbour", draft.body, re.IGNORECASE)


def test_a_detail_about_your_work_is_kept_as_written() -> None:
    draft = write(company_detail="your mentoring programme for new graduates")
    assert "your mentoring programme for new graduates" in draft.body.lower()


def test_every_email_names_the_company() -> None:
    for length in ("short", "standard"):
        for draft in every_variant(
            stage="application",
            company_detail="your mentoring programme for new graduates",
            length=length,
        ):
            assert "Northwind Labs" in draft.text, draft.text


def test_a_note_names_the_company() -> None:
    draft = write(channel="note", company_detail="the new community clinic in Leeds")
    assert "Northwind Labs" in draft.body, draft.body


# --------------------------------------------------------------------------- skills and options


def test_skills_are_mentioned_two_at_most() -> None:
    draft = write(skills=["Python", "SQL", "Airflow"], length="standard")
    assert "Python and SQL" in draft.body
    assert "Airflow" not in draft.body


def test_a_short_draft_leaves_the_skills_out() -> None:
    for draft in every_variant(skills=["Python", "SQL"], length="short"):
        assert "Python" not in draft.body


def test_a_clarification_is_added_as_its_own_line() -> None:
    for draft in every_variant(clarification="the migration I led cut report times by half."):
        lines = [p for p in middle(draft).split("\n\n") if "report times by half" in p]
        assert len(lines) == 1, draft.body
        assert re.search(r"\b[Tt]he migration I led cut report times by half\.$", lines[0])
        assert ".." not in draft.body


def test_a_clarification_starting_with_i_is_written() -> None:
    draft = write(clarification="I have led an Airflow migration myself.")
    assert "I have led an Airflow migration myself" in draft.body


def test_a_clarification_starting_with_a_name_keeps_its_capital() -> None:
    draft = write(clarification="Python is my main language, with five years in production.")
    assert "Python is my main language" in draft.body


def test_transferable_offers_the_skills_to_another_team() -> None:
    draft = write(skills=["Python", "SQL"], transferable=True)
    line = re.search(r"[^.]*(another part of|other teams)[^.]*\.", middle(draft))
    assert line, draft.body
    assert "Python and SQL" in line.group(0)
    assert "Northwind Labs" in line.group(0)


def test_without_transferable_the_skills_line_offers_no_other_team() -> None:
    for draft in every_variant(skills=["Python", "SQL"]):
        assert not re.search(r"another part of|other teams", draft.body)


def test_a_short_draft_is_shorter_than_a_standard_one() -> None:
    for variant in VARIANTS:
        short = write(length="short", variant=variant, skills=["Python"])
        standard = write(length="standard", variant=variant, skills=["Python"])
        assert words(short) < words(standard)


@pytest.mark.parametrize("stage", ["application", "interview"])
def test_a_standard_draft_runs_60_to_150_words(stage: str) -> None:
    for draft in every_variant(stage=stage, role="QA", skills=[], length="standard"):
        assert 60 <= words(draft) <= 150, (words(draft), draft.body)
    long = write(
        stage=stage,
        skills=["Python", "SQL"],
        transferable=True,
        clarification="my last team shipped the public API on schedule",
        role="Head of Customer Success and Community Partnerships for Europe and Africa",
    )
    assert 60 <= words(long) <= 150, (words(long), long.body)


# --------------------------------------------------------------------------- subjects


def test_the_subject_thanks_or_follows_up_about_the_role() -> None:
    subjects = {draft.subject for draft in every_variant()}
    assert subjects == {"Thank you – Data Engineer", "Following up – Jordan Ellis – Data Engineer"}


def test_without_a_sender_the_subject_only_thanks() -> None:
    assert {draft.subject for draft in every_variant(sender_name=None)} == {
        "Thank you – Data Engineer"
    }


def test_without_a_role_the_subject_is_a_plain_thanks() -> None:
    subjects = {draft.subject for draft in every_variant(role=None)}
    assert subjects <= {"Thank you", "Thank you for your time"}


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [
        ("Your application", "Re: Your application"),
        ("Re: Your application", "Re: Your application"),
        ("RE: Your application", "RE: Your application"),
    ],
)
def test_a_reply_keeps_their_subject(theirs: str, ours: str) -> None:
    assert write(their_subject=theirs).subject == ours


def test_a_subject_is_cut_at_a_word_to_eighty_characters() -> None:
    role = (
        "Head of Customer Success, Community Partnerships and Developer Relations for "
        "Europe, the Middle East and Africa"
    )
    for draft in every_variant(role=role, length="short"):
        assert draft.subject is not None
        assert len(draft.subject) <= 80
        assert draft.subject.endswith("…")
    theirs = (
        "Update on your application for the Data Engineer position at Northwind Labs and next steps"
    )
    subject = write(their_subject=theirs).subject
    assert subject is not None and len(subject) <= 80 and subject.startswith("Re: Update")


def test_a_note_has_no_subject_and_fits_300_characters() -> None:
    for draft in every_variant(channel="note"):
        assert draft.subject is None
        assert len(draft.body) <= 300
        assert draft.text == draft.body


@pytest.mark.parametrize("stage", ["application", "interview"])
def test_a_note_without_a_role_reads_naturally(stage: str) -> None:
    for draft in every_variant(channel="note", role=None, stage=stage):
        assert "  " not in draft.body, draft.body
        assert "Northwind Labs" in draft.body, draft.body


# --------------------------------------------------------------------------- variants


def test_the_same_inputs_give_the_same_draft() -> None:
    assert write(seed=7, variant=2).to_dict() == write(seed=7, variant=2).to_dict()


def test_another_variant_or_seed_changes_the_wording() -> None:
    assert len({draft.body for draft in every_variant()}) > 1
    assert len({write(seed=seed).body for seed in range(6)}) > 1


def test_compose_variants_gives_distinct_drafts() -> None:
    drafts = compose_variants(CONTEXT, 3)
    assert len(drafts) == 3
    assert len({draft.body for draft in drafts}) == 3
    assert all(draft.review.ready for draft in drafts)


def test_compose_for_each_writes_one_draft_per_person_naming_each() -> None:
    people = ["Amara Nwosu", "Dr. Min-jun Park", "Tomás García"]
    drafts = compose_for_each(CONTEXT, people, tone="warm")
    assert len(drafts) == 3
    assert [greeting(draft).split(" ", 1)[1] for draft in drafts] == [
        "Amara,",
        "Dr. Park,",
        "Tomás,",
    ]
    assert all(draft.review.ready for draft in drafts)


# --------------------------------------------------------------------------- refusals


def test_a_bitter_detail_is_refused_with_the_word_to_change() -> None:
    reason = refusal(company_detail="its awful management")
    assert "judgement" in reason and "awful" in reason


def test_a_placeholder_detail_is_refused() -> None:
    reason = refusal(company_detail="[Company detail]")
    assert "placeholder" in reason and "[Company detail]" in reason


def test_a_misspelled_detail_is_refused_naming_the_word() -> None:
    reason = refusal(company_detail="its open-source forcasting libary")
    assert "misspelled" in reason


def test_a_late_send_date_is_refused() -> None:
    reason = refusal(rejection_date="2026-11-18", send_date="2026-12-03")
    assert "15 days" in reason


def test_a_second_follow_up_is_refused() -> None:
    reason = refusal(previous_followups=1)
    assert "already followed up" in reason


def test_a_missing_company_is_refused() -> None:
    assert "company" in refusal(company=None)


@pytest.mark.parametrize("detail", [None, "", "   "])
def test_a_missing_detail_is_refused_asking_for_one(detail: str | None) -> None:
    reason = refusal(company_detail=detail)
    assert "specific" in reason and "Northwind Labs" in reason


# --------------------------------------------------------------------------- phrase banks

OWN_WORDING = "I would be glad to stay in touch and to follow {company_possessive} progress."


def test_a_users_wording_joins_the_shipped_ones_first() -> None:
    own = bank_from_dict({"interest": {"gratitude": [OWN_WORDING]}}, "my phrases")
    both = merged(shipped_bank(), own)
    assert both["interest"]["gratitude"][0] == OWN_WORDING
    assert set(shipped_bank()["interest"]["gratitude"]) < set(both["interest"]["gratitude"])
    assert both["thanks"] == shipped_bank()["thanks"]


def test_a_users_wording_is_used_in_drafts() -> None:
    own = bank_from_dict({"interest": {"gratitude": [OWN_WORDING]}}, "my phrases")
    drafts = every_variant("gratitude", phrases=own)
    assert any("follow Northwind Labs' progress" in draft.body for draft in drafts)


@pytest.mark.parametrize(
    "wording", ["Please say hello to {manager}.", "Thank you, {first"], ids=["unknown", "unclosed"]
)
def test_a_wording_with_an_unknown_placeholder_is_refused(wording: str) -> None:
    with pytest.raises(
        PhraseBankError, match=r"my phrases: interest\.gratitude uses unknown placeholder"
    ):
        bank_from_dict({"interest": {"gratitude": [wording]}}, "my phrases")


def test_a_phrase_bank_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(PhraseBankError):
        bank_from_dict({"interest": ["not a table"]}, "my phrases")
    with pytest.raises(PhraseBankError):
        bank_from_dict({"interest": {"gratitude": "not a list"}}, "my phrases")


# --------------------------------------------------------------------------- the shipped bank

# Each shipped sentence, filled in, goes into a letter that is otherwise ready: the
# reviewer must clear it, or the composer can never send that wording.
_FILLED = {
    "first": "Amara",
    "formal": "Amara Nwosu",
    "company": "Northwind Labs",
    "company_possessive": "Northwind Labs'",
    "role": "Data Engineer",
    "role_the": "the Data Engineer role",
    "detail": "Northwind Labs' open-source forecasting library",
    "detail_capital": "Northwind Labs' open-source forecasting library",
    "skills": "Python and SQL",
    "clarification": "the migration I led cut report times by half",
    "sender": "Jordan Ellis",
    "praise": "the dashboard I built for the food bank",
    "praise_clause": "the panel liked my take on the caching problem",
    "moment": "pairing with Dev on the rate limiter",
    "plans": "you expect to open two research posts in the spring",
}
_LETTER = (
    "Subject: Thank you – Data Engineer\n\nDear Amara,\n\n"
    "Thank you for letting me know, and for taking the time to meet with me about the Data "
    "Engineer role. I was especially impressed by Northwind Labs' open-source forecasting "
    "library, and it has stayed with me since.\n\n{line}\n\n"
    "I would be glad to be considered for future roles at Northwind Labs.\n\n"
    "Best wishes,\nJordan Ellis"
)
_BODY_SLOTS = ("greeting", "closing", "subject", "note")


def _shipped_sentences() -> list[Any]:
    cases = []
    for slot, kinds in shipped_bank().items():
        if slot in _BODY_SLOTS:
            continue
        for kind, wordings in kinds.items():
            for index, wording in enumerate(wordings):
                cases.append(pytest.param(slot, kind, wording, id=f"{slot}.{kind}.{index}"))
    return cases


@pytest.mark.parametrize(("slot", "kind", "wording"), _shipped_sentences())
def test_every_shipped_sentence_passes_the_reviewer(slot: str, kind: str, wording: str) -> None:
    text = _LETTER.format(line=wording.format(**_FILLED))
    stage = "application" if kind == "application" else "interview"
    result = review(text, {**CONTEXT, "stage": stage, "skills": ["Python", "SQL"]})
    assert result.ready, [(f.rule, f.excerpt) for f in result.findings if f.severity.blocks]


def test_a_company_ending_in_a_full_stop_closes_a_sentence_with_one() -> None:
    for draft in every_variant(company="Granite Peak Construction Inc."):
        assert ".." not in draft.body.replace("...", "")
