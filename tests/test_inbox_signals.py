"""General behaviour of the reader's signals, on invented sentences and messages.

None of these sentences comes from a labelled set: each states a way of phrasing
something that a rejection from any employer might use, and a near miss beside it.
"""

from __future__ import annotations

import re
import tomllib
from email.message import EmailMessage
from importlib import resources

import pytest

from afterword.inbox import read
from afterword.inbox.outcome import read_feedback, read_future, read_stage

INTERVIEW = [
    "Thanks for popping over to meet with Dana and me at the bakery on Monday.",
    "It was good to speak with you on Wednesday about the opening.",
    "Thank you for the video call last week and for your questions about the team.",
    "Thanks for coming down to the yard to see how we work.",
    "We appreciated you giving us a full day on site for the assessment day.",
    "Thank you for interviewing for the Barista role with us.",
    "I enjoyed our chat on Friday about your time at the co-op.",
    "Thanks again for the panel discussion and the case study you presented.",
    "Thank you for visiting our workshop and for the practical test.",
    "After your recruiter screen we compared notes with the hiring manager.",
    "We have decided not to invite you to the second round.",
    "Although it was not an easy decision after your interview, we chose someone else.",
]
APPLICATION = [
    "Thank you for applying; we will not be inviting you to interview.",
    "We reviewed your CV and decided not to move you on to the interview stage.",
    "Unfortunately the hiring team has chosen not to shortlist your application.",
    "Thanks for applying. We would love to meet you if a better-suited role opens.",
    "Thank you for applying for our On-site Technician (Remote / On-site) vacancy.",
    "I spoke with Martha at the client this morning about your CV; they won't take it further.",
    "We regret to inform you that you were not selected for an interview.",
    "We will not be progressing you to the assessment centre.",
]
UNKNOWN = [
    "Thanks for reaching out about the Sous Chef opening; it has now been filled.",
]


@pytest.mark.parametrize("sentence", INTERVIEW)
def test_interview_cues_read_as_interview(sentence: str) -> None:
    assert read_stage(sentence) == "interview"


@pytest.mark.parametrize("sentence", APPLICATION)
def test_refused_or_wished_interviews_stay_at_application(sentence: str) -> None:
    assert read_stage(sentence) == "application"


@pytest.mark.parametrize("sentence", UNKNOWN)
def test_a_note_without_either_stage_is_unknown(sentence: str) -> None:
    assert read_stage(sentence) == "unknown"


FEEDBACK_OFFERED = [
    "What let you down was the budgeting exercise: your numbers were a little light on detail.",
    "Your sketches were strong, but you found it hard to explain the brief back to us.",
    "I have attached the interviewers' notes so you can see how each stage went.",
    "If you want to go through the notes, I'm happy to set up a call.",
    "The panel's comments were that your answers on safety stayed quite general.",
    "I wanted to tell you why, because you deserve more than a form letter.",
    "Where the panel hesitated was people management.",
    "Strengths: clear writing. Gaps: little hands-on SQL.",
    "The client wanted to see more experience leading audits from you.",
]
FEEDBACK_DECLINED = [
    "Our policy doesn't allow us to share interview feedback, I'm afraid.",
    "Unfortunately, we cannot respond to individual requests for feedback.",
    "Feedback will not be provided at this stage.",
    "Sadly we can't go into the reasons for individual decisions.",
    "Due to the volume of applicants we are unable to provide individual feedback.",
]
FEEDBACK_NOT_MENTIONED = [
    "We were impressed with your background and enjoyed meeting you.",
    "We chose a candidate who already holds the forklift licence.",
    "Please tell us about your experience in our short candidate survey.",
    "Your portfolio was lovely to look through.",
]


@pytest.mark.parametrize("sentence", FEEDBACK_OFFERED)
def test_specific_or_offered_feedback_reads_as_offered(sentence: str) -> None:
    assert read_feedback(sentence) == "offered"


@pytest.mark.parametrize("sentence", FEEDBACK_DECLINED)
def test_refused_feedback_reads_as_declined(sentence: str) -> None:
    assert read_feedback(sentence) == "declined"


@pytest.mark.parametrize("sentence", FEEDBACK_NOT_MENTIONED)
def test_compliments_and_reasons_about_others_are_not_feedback(sentence: str) -> None:
    assert read_feedback(sentence) == "not_mentioned"


KEPT = [
    "I'll hang on to your CV and give you a call if a weekend shift comes up.",
    "We'll keep your details and let you know when the new studio opens.",
    "I have your CV on file already.",
    "I'm working on a few similar briefs and will be in touch next month if one fits.",
    "We'd like to keep your application on file and contact you about future vacancies; "
    "you may ask us to delete it at any time.",
    "Keep an eye on our careers page. We will also keep your profile in our talent pool.",
]
INVITED = [
    "I'd be glad if you applied again next spring.",
    "Please keep us in mind for next season; you are welcome to reapply.",
    "We'd encourage you to browse the other engineering roles on our site.",
    "If another opening catches your eye, drop me a line any time.",
    "New roles are posted regularly at our careers site.",
    "We'd love you to join our talent community for news of future openings.",
]
NOT_MENTIONED = [
    "We keep applicant data for six months under our privacy notice, then delete it.",
    "We do not keep CVs on file, I'm afraid.",
    "Please get in touch if you have any questions about this email.",
]


@pytest.mark.parametrize("sentence", KEPT)
def test_keeping_details_or_promising_a_call_is_kept_on_file(sentence: str) -> None:
    assert read_future(sentence) == "kept_on_file"


@pytest.mark.parametrize("sentence", INVITED)
def test_encouragement_to_come_back_is_invited(sentence: str) -> None:
    assert read_future(sentence) == "invited"


@pytest.mark.parametrize("sentence", NOT_MENTIONED)
def test_retention_notices_and_questions_say_nothing_of_the_future(sentence: str) -> None:
    assert read_future(sentence) == "not_mentioned"


def _message(body: str, *, sender: str, subject: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Robin Castellano <robin.c@inbox.example>"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 14 Oct 2025 09:15:00 +0100"
    msg.set_content(body)
    return msg.as_bytes()


AGENCY_NOTE = """Hi Robin,

Corvid Analytics came back to me this morning. They enjoyed meeting you but have decided
to appoint an internal candidate to the Head of Data position.

I'll call you as soon as my next leadership brief is live.

Best,
Ben

--
Benedict Okoro
Partner, Actuarial & Data | Tideway Search
"""


def test_agency_note_names_the_client_and_the_full_signer() -> None:
    reading = read(
        _message(
            AGENCY_NOTE,
            sender="Benedict Okoro <ben.okoro@tidewaysearch.example>",
            subject="Head of Data - Corvid Analytics",
        )
    )
    assert reading.company == "Corvid Analytics"
    assert reading.role == "Head of Data"
    assert reading.contact_name == "Benedict Okoro"  # not the sign-off "Ben"
    assert (reading.stage, reading.future) == ("interview", "kept_on_file")


TITLED_SIGNATURE = """Dear Robin,

Thank you for the video interview last Wednesday for the Sustainability Analyst
position. After careful evaluation we have selected another candidate.

Take care, and thank you again.
Giulia Romano
HR Specialist, People & Culture
Vento Verde S.p.A.
Via Roma 10, Torino
"""


def test_departments_beside_a_title_are_not_the_employer() -> None:
    reading = read(
        _message(
            TITLED_SIGNATURE,
            sender="Giulia Romano <g.romano@ventoverde.example>",
            subject="Interview outcome",
        )
    )
    assert reading.company == "Vento Verde S.p.A."
    assert reading.role == "Sustainability Analyst"  # joined across the hard wrap
    assert reading.contact_name == "Giulia Romano"


ATS_NOTE = """Hi Robin,

Thanks for applying for the QC Inspector (REQ-88120) – Leeds – Hybrid role. We have
decided to move forward with other applicants.

Pallas Orchard Foods Inc. Recruiting Team
An Equal Opportunity Employer

This is an automated email, please do not reply. Powered by TalentDesk.
"""


def test_ats_note_reads_company_from_legal_name_and_drops_requisition_tags() -> None:
    reading = read(
        _message(
            ATS_NOTE,
            sender="Pallas Orchard Careers <noreply@talentdesk-mail.example>",
            subject="Quality Control Inspector (REQ-88120): application update",
        )
    )
    assert reading.company == "Pallas Orchard Foods Inc."
    assert reading.role == "Quality Control Inspector"  # the abbreviation folds into it
    assert reading.contact_name is None


def test_an_organisation_named_sender_is_not_a_person() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for applying to Marsh Lane Studios. The Junior Editor "
            "post has been filled.\n\nKind regards,\nDepartamento de Selección\n",
            sender="Marsh Lane Studios <jobs@marshlanestudios.example>",
            subject="Junior Editor",
        )
    )
    assert reading.contact_name is None
    assert reading.company == "Marsh Lane Studios"
    assert reading.role == "Junior Editor"


def test_phrase_lexicon_is_written_in_lower_case() -> None:
    """Cues are matched on lower-cased sentences, so a capital in one could never match."""
    text = (resources.files("afterword") / "data" / "inbox" / "cues.toml").read_text("utf-8")
    data = tomllib.loads(text)
    for section in ("stage", "feedback", "future"):
        for key, entries in data[section].items():
            if key == "as_written":
                continue
            for entry in [entries] if isinstance(entries, str) else entries:
                letters = re.sub(r"\\[A-Za-z]", "", entry)
                assert letters == letters.lower(), f"{section}.{key}: {entry}"


def test_a_name_on_the_closing_line_and_a_title_line_make_a_personal_signature() -> None:
    reading = read(
        _message(
            "Hi there,\n\nThanks for applying for the Logistics Coordinator role at Harrowfield "
            "Freight. We've gone with another applicant, but we'll hold on to your application "
            "in case another role comes up.\n\nBest regards, Jane Doyle\n"
            "Talent Partner | Harrowfield Freight\n",
            sender="Jane Doyle <jane.doyle@harrowfield.example>",
            subject="Re: Logistics Coordinator",
        )
    )
    assert reading.contact_name == "Jane Doyle"
    assert reading.company == "Harrowfield Freight"
    assert reading.future == "kept_on_file"


def test_an_offer_to_discuss_the_outcome_is_feedback_offered() -> None:
    sentence = "If you would like to discuss the outcome, please call Karen on 01632 960 118."
    assert read_feedback(sentence) == "offered"


def test_a_recruiter_who_put_you_forward_to_a_client_is_the_agency_whatever_its_name() -> None:
    reading = read(
        _message(
            "Hi Robin,\n\nLast week I put you forward to my client, Brightwell Dairies, for their "
            "Plant Manager role. They have decided to interview other candidates.\n\n"
            "Regards,\nTom Harper\nDirector\nHarper & Cole\n",
            sender="Tom Harper <tom@harpercole.example>",
            subject="Plant Manager - update",
        )
    )
    assert reading.company == "Brightwell Dairies"
    assert reading.role == "Plant Manager"
