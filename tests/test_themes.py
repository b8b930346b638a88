"""Feedback themes: what reason a rejection gave, as the tracker shows it to the candidate."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.themes import NONE_GIVEN, THEME_LABELS, THEMES, themes_of

# For every theme: sentences that name it, and near misses that must not.
EXAMPLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "skills_gap": (
        (
            "Your Tableau skills were weaker than the other finalists'.",
            "We need deeper knowledge of GDPR than you showed.",
            "The role requires a nursing qualification you don't hold yet.",
            "There was a gap in your understanding of double-entry bookkeeping.",
            "You have limited exposure to embedded C.",
            "Your Java experience is lighter than the team needs.",
            "You haven't worked with Salesforce, which is central to the job.",
            "We were looking for stronger proficiency in Excel.",
        ),
        (
            "Your skills are impressive and we hope you apply again.",
            "This was not a skills issue at all.",
            "We were impressed by your knowledge of the market.",
            "Thank you for sharing your experience with us.",
            "We reviewed your skills against the job description and won't be progressing.",
            "Your technical skills were never in doubt.",
            "Please don't take this as a reflection on your skills.",
            "It had nothing to do with your qualifications.",
        ),
    ),
    "experience_level": (
        (
            "We went with someone who has eight years in the industry.",
            "The role needs a more senior product manager.",
            "You're a little junior for this one.",
            "Honestly, you're overqualified for the position.",
            "We wanted more experience leading large teams.",
            "The successful candidate has a decade of people management behind them.",
            "We're hiring at entry level and think you would be bored.",
            "It's a bit early in your career for a director role.",
        ),
        (
            "Thank you for the years you've spent building your craft.",
            "Your seniority was never in question.",
            "Our senior engineer enjoyed meeting you.",
            "Experience wasn't the issue here.",
            "We hope to work together in the future.",
            "The team leads all enjoyed your visit.",
            "It was a competitive process with many strong applicants.",
            "We appreciate the experience you bring.",
        ),
    ),
    "interview_performance": (
        (
            "Your answers to the scenario questions were quite vague.",
            "In the coding exercise you struggled to finish the second part.",
            "Your presentation ran over time.",
            "You seemed nervous during the panel interview.",
            "The take-home submission had a number of bugs.",
            "The interviewers found your examples too general.",
            "You came across as unprepared for the final round.",
            "The technical test didn't go well.",
        ),
        (
            "You interviewed really well.",
            "Your presentation was excellent.",
            "We loved your answers in the interview.",
            "Thank you for coming in for the interview on Tuesday.",
            "Your answers were strong throughout.",
            "We enjoyed the presentation and your questions.",
            "The interview panel was made up of three people.",
            "The technical test went well.",
        ),
    ),
    "team_fit": (
        (
            "We felt the culture fit wasn't quite there.",
            "Another applicant was a closer match for how the team works day to day.",
            "We weren't sure your working style would suit a small remote team.",
            "The group dynamics with another person felt more natural.",
            "We doubted you'd be happy in a highly process-driven setting.",
            "Your values didn't quite align with our culture.",
            "We think you'd thrive in a bigger, more structured organisation.",
            "We wondered whether you would enjoy our fast pace.",
        ),
        (
            "Culture fit was never in question.",
            "Everyone on the team enjoyed meeting you.",
            "You would have fitted in brilliantly; it was just very close.",
            "Our team is hiring again next spring.",
            "We chose a candidate whose skills more closely match our needs.",
            "Please join our talent community to hear about future roles.",
            "The team was impressed by your collaborative approach.",
            "Thanks for your time and for meeting the team.",
        ),
    ),
    "compensation": (
        (
            "Your salary expectations were above the band for this role.",
            "We couldn't match your current package.",
            "Your day rate is more than the client can afford.",
            "The pay range tops out below what you asked for.",
            "Your expected remuneration was out of line with our grades.",
            "We can only offer a lower rate than you're after.",
            "Compensation was the deciding factor.",
            "The figure you proposed exceeds our budget.",
        ),
        (
            "Your salary expectations were completely reasonable.",
            "Compensation was not a factor in the decision.",
            "We'll pay for your travel to the next event.",
            "Thank you for your interest in the role.",
            "We have a great benefits scheme you would have liked.",
            "The project budget is healthy this year.",
            "There was no issue with your expectations.",
            "Your experience in private equity is impressive.",
        ),
    ),
    "internal_candidate": (
        (
            "We've filled the position internally.",
            "An internal candidate was successful.",
            "We promoted someone from within the team.",
            "The role went to an existing employee.",
            "A colleague from our Bristol office has moved across into the role.",
            "Someone already on the team stepped into the job.",
            "We decided to redeploy a member of staff whose project ended.",
            "A secondee from our sister company will take the role.",
        ),
        (
            "There's no internal candidate; it was just very close.",
            "We discussed your application with the hiring team.",
            "Our internal processes took longer than expected, sorry.",
            "Thank you for your application.",
            "Existing processes mean we can't share feedback.",
            "We're sure you'll find a great team soon.",
            "The team were unanimous that you were a strong candidate.",
            "We'll keep your details on file.",
        ),
    ),
    "role_closed": (
        (
            "The role has been put on hold.",
            "There is a hiring freeze until further notice.",
            "We've cancelled the requisition.",
            "The vacancy has been withdrawn.",
            "The position no longer exists after the reorganisation.",
            "We've decided not to fill the role this year.",
            "Funding for the post was not renewed.",
            "Recruitment for this position is paused.",
        ),
        (
            "The role is still open, but we won't be progressing your application.",
            "The role was not put on hold; we chose another candidate.",
            "We've closed the loop with all applicants.",
            "We will not be moving forward with your application.",
            "Thanks for holding on while we decided.",
            "The team is growing quickly this year.",
            "We hope you'll apply for future roles.",
            "Your application has been reviewed.",
        ),
    ),
}

NO_REASON = (
    "",
    "   \n\t ",
    "Thank you for your time.",
    "We have decided to go with another candidate.",
    "Unfortunately we can't share feedback on individual applications.",
    "After careful consideration we won't be taking your application further.",
    "We received a very high volume of applications for this role.",
    "Best of luck with your search!",
)


def _cases(kind: int) -> list[tuple[str, str]]:
    return [(theme, text) for theme, examples in EXAMPLES.items() for text in examples[kind]]


@pytest.mark.parametrize(("theme", "text"), _cases(0))
def test_feedback_naming_a_theme_is_sorted_under_it(theme: str, text: str) -> None:
    assert theme in themes_of(text)


@pytest.mark.parametrize(("theme", "text"), _cases(1))
def test_near_miss_is_not_sorted_under_the_theme(theme: str, text: str) -> None:
    assert theme not in themes_of(text)


@pytest.mark.parametrize("text", NO_REASON)
def test_thanks_and_boilerplate_give_no_reason(text: str) -> None:
    assert themes_of(text) == (NONE_GIVEN,)


def test_every_reason_in_one_message_is_found_in_theme_order() -> None:
    text = (
        "The role is now on hold. Before that we had leaned towards someone more senior, "
        "and your salary ask was above our band. Your answers were also a little vague."
    )
    assert themes_of(text) == (
        "experience_level",
        "interview_performance",
        "compensation",
        "role_closed",
    )


def test_a_reason_repeated_is_listed_once() -> None:
    text = "We filled the role internally. An internal candidate had applied."
    assert themes_of(text) == ("internal_candidate",)


def test_the_reason_after_a_dismissed_one_still_counts() -> None:
    assert themes_of("It wasn't a skills issue; the role was put on hold.") == ("role_closed",)
    assert themes_of("While your portfolio is strong, we need deeper SQL skills.") == (
        "skills_gap",
    )


def test_curly_apostrophes_and_capitals_read_like_plain_ones() -> None:
    assert themes_of("YOU DIDN’T QUITE MEET THE TECHNICAL BAR.") == ("skills_gap",)
    assert themes_of("Culture fit wasn’t the issue.") == (NONE_GIVEN,)


def test_labels_cover_every_theme_in_order() -> None:
    assert list(THEME_LABELS) == list(THEMES)
    assert THEME_LABELS["role_closed"] == "Role closed or on hold"
    assert THEMES[-1] == NONE_GIVEN


def test_the_lexicon_describes_exactly_the_themes_with_a_reason() -> None:
    data = tomllib.loads(
        (resources.files("afterword") / "data" / "themes.toml").read_text(encoding="utf-8")
    )
    assert set(data["themes"]) == set(THEMES) - {NONE_GIVEN}
    for theme, entry in data["themes"].items():
        assert entry.get("cues"), f"{theme} has no cues"
        for need in entry.get("needs", []):
            assert need in data["shared"], f"{theme} needs an unknown word list {need!r}"


def test_the_labelled_dev_cases_stay_mostly_right() -> None:
    cases_file = Path(__file__).resolve().parents[1] / "benchmarks" / "themes_cases.jsonl"
    cases = [json.loads(line) for line in cases_file.read_text(encoding="utf-8").splitlines()]
    dev = [case for case in cases if case["set"] == "dev"]
    right = sum(set(themes_of(case["text"])) == set(case["themes"]) for case in dev)
    assert right / len(dev) >= 0.9, f"only {right} of {len(dev)} dev cases exactly right"


@given(st.text(max_size=400))
def test_any_text_gives_known_themes_deterministically(text: str) -> None:
    found = themes_of(text)
    assert found == themes_of(text)
    assert found
    assert set(found) <= set(THEMES)
    assert list(found) == sorted(set(found), key=THEMES.index)
    assert NONE_GIVEN not in found or found == (NONE_GIVEN,)


FEEDBACK_WORDS = (
    "not no never salary skills senior internal hold role team fit culture answers lacked "
    "but however , ; . — n't was were the your our we on in experience years more"
)
words = st.sampled_from(FEEDBACK_WORDS.split(" "))


@given(st.lists(words, max_size=60).map(" ".join))
def test_feedback_shaped_word_salad_never_raises(text: str) -> None:
    assert set(themes_of(text)) <= set(THEMES)
