"""More general behaviour of the reader, each family with invented examples and near misses.

Every sentence and message here was written for these tests: none comes from a labelled set.
"""

from __future__ import annotations

from email import message_from_string
from email.message import EmailMessage

import pytest

from afterword.inbox import is_rejection, parse_email, read
from afterword.inbox.headers import first_address, header_text
from afterword.inbox.layout import find_layout
from afterword.inbox.outcome import read_feedback, read_future
from afterword.inbox.people import clean_person


def _message(body: str, *, sender: str, subject: str, to: str = "Robin Castellano") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = f"{to} <robin.c@inbox.example>" if to else "robin.c@inbox.example"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 14 Oct 2025 09:15:00 +0100"
    msg.set_content(body)
    return msg.as_bytes()


# Feedback the candidate may ask for or look up is feedback offered.
FEEDBACK_TO_ASK_FOR = [
    "Applicants who reached interview may request written feedback from the hiring manager.",
    "Feedback on your presentation and interview is available from Priya Shah in HR.",
    "Your scorecard shows how each of your answers was rated by the panel.",
    "Log in to the portal to read the assessors' comments on your written exercise.",
    "Our hiring lead can go over it with you next week if that would be useful.",
]
FEEDBACK_TO_ASK_FOR_NEAR_MISSES = [
    ("Feedback will not be available for this campaign.", "declined"),
    ("Feedback cannot be provided to applicants who were not interviewed.", "declined"),
    ("We would value your feedback on our hiring process in this short survey.", "not_mentioned"),
]


@pytest.mark.parametrize("sentence", FEEDBACK_TO_ASK_FOR)
def test_feedback_the_candidate_can_request_or_look_up_is_offered(sentence: str) -> None:
    assert read_feedback(sentence) == "offered"


@pytest.mark.parametrize(("sentence", "expected"), FEEDBACK_TO_ASK_FOR_NEAR_MISSES)
def test_feedback_refused_or_asked_of_the_candidate_is_not_offered(
    sentence: str, expected: str
) -> None:
    assert read_feedback(sentence) == expected


# Kept on file, said as a state, a passive, or a promise with its condition first.
KEPT_MORE = [
    "Your profile remains in our candidate network, where hiring managers can find it.",
    "Your name has now been entered in our reserve list for the next intake.",
    "You may be contacted if a comparable post opens in the next six months.",
    "Once the spring contracts are signed I'll give you a ring.",
    "I'll keep you top of mind for the next brief.",
    "I'll keep you in the loop and ping you when the new site opens.",
]
INVITED_MORE = [
    "Why not have a look through our current openings?",
    "Set up a job alert and you'll be the first to hear about new openings.",
]
FUTURE_NEAR_MISSES = [
    "You may be contacted by our survey partner about your experience of applying.",
    "If you have any questions, we will be in touch within five days.",
    "Please update your job alert preferences at any time.",
    "We do not take a look at other roles on your behalf.",
]


@pytest.mark.parametrize("sentence", KEPT_MORE)
def test_states_passives_and_conditional_promises_keep_the_candidate_on_file(
    sentence: str,
) -> None:
    assert read_future(sentence) == "kept_on_file"


@pytest.mark.parametrize("sentence", INVITED_MORE)
def test_suggestions_to_look_at_roles_or_set_up_alerts_invite(sentence: str) -> None:
    assert read_future(sentence) == "invited"


@pytest.mark.parametrize("sentence", FUTURE_NEAR_MISSES)
def test_surveys_questions_and_refusals_say_nothing_of_the_future(sentence: str) -> None:
    assert read_future(sentence) == "not_mentioned"


# Greetings: a hyphenated name is one name; a greeting that runs on into prose keeps the prose.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Dear Oona Lindqvist-Marsh", "Oona Lindqvist-Marsh"),
        ("Hi Jean-Luc - quick update below.", "Jean-Luc"),
        ("Hello Priya thanks for coming in on Monday, we enjoyed it.", "Priya"),
        ("Dear Hiring Manager,", "Hiring Manager"),
    ],
)
def test_greeting_names_keep_hyphens_and_stop_where_prose_starts(line: str, name: str) -> None:
    assert find_layout(f"{line}\n\nWe have chosen another applicant.\n").greeting_name == name


def test_prose_after_a_run_on_greeting_is_read() -> None:
    layout = find_layout("Hi Sam thanks for doing the trial day on Friday, sorry it's a no.\n")
    assert layout.greeting_name == "Sam"
    assert "trial day" in layout.body


# Letters after a name are credentials, not part of the name or an employer.
@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Marguerite Oyelaran, Ph.D.", "Marguerite Oyelaran"),
        ("Tomás Reilly, RN, MSN", "Tomás Reilly"),
        ("Okafor, Ann", "Ann Okafor"),  # a given name after a comma is not a credential
    ],
)
def test_credentials_after_a_name_are_dropped(written: str, name: str) -> None:
    assert clean_person(written) == name


def test_credentials_on_the_signature_line_are_neither_signer_nor_company() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for applying for the Charge Nurse position at Elmstead "
            "Medical Center. We have offered the post to another candidate.\n\nSincerely,\n\n"
            "Beatrix Omondi, RN, BSN\nNurse Recruiter\nElmstead Medical Center\n",
            sender="Elmstead Medical Center <donotreply@elmstead-jobs.example>",
            subject="Charge Nurse - Nights - Req 5521",
        )
    )
    assert reading.contact_name == "Beatrix Omondi"
    assert reading.company == "Elmstead Medical Center"  # a display name, not a person


# Signature lines: units, fields of work and towns are not the employer.
def test_units_and_fields_in_a_signature_are_not_the_employer() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for interviewing for the Lecturer in Hydrology post. The "
            "panel has offered it to another candidate.\n\nBest wishes,\n\nDr Imani Castell\n"
            "School of Earth Sciences\nUniversity of Pellham\n",
            sender="Imani Castell <i.castell@pellham.ac.example>",
            subject="Lecturer in Hydrology",
        )
    )
    assert reading.company == "University of Pellham"


def test_an_address_line_gives_no_town_as_employer() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for your application. We will not be taking it further."
            "\n\nWith warm regards,\n\nSupporter Care Team\n\nOakhollow Relief Foundation – "
            "Northern Regional Office\n\nHarbour Drive, Mombasa\n",
            sender="Oakhollow Relief Foundation – Careers <careers@oakhollow.example>",
            subject="Your application",
        )
    )
    assert reading.company == "Oakhollow Relief Foundation"
    assert reading.contact_name is None


def test_an_agency_signature_names_no_client() -> None:
    reading = read(
        _message(
            "Hi Robin,\n\nI had a call with the client about the Maintenance Planner role. "
            "Unfortunately Tessaly Foundry Works have decided to go with another candidate.\n\n"
            "Speak soon\nNadia\n\nNadia Brandt\nSenior Consultant – Energy & Utilities\n"
            "Kestrel Talent Partners\n",
            sender="Nadia Brandt <nadia@kestreltalent.example>",
            subject="Maintenance Planner",
        )
    )
    assert reading.company == "Tessaly Foundry Works"


# Role: a title followed by a place or a tag, set after its noun, clipped, or in a programme.
@pytest.mark.parametrize(
    ("body", "subject", "role"),
    [
        (
            "Thank you for applying for Pharmacy Technician – Branch 221 – Leeds. We have "
            "decided to pursue other applicants.",
            "Your application",
            "Pharmacy Technician",
        ),
        (
            "We won't be moving ahead with your candidacy for Data Engineer II | Pune (Hybrid).",
            "Update",
            "Data Engineer II",
        ),
        (
            "We cannot consider you further for the position Process Chemist (m/w/d) in our plant.",
            "Ihre Bewerbung",
            "Process Chemist",
        ),
        (
            "Thank you for your interest in the post of “Payroll Officer (Band 5)”. The panel "
            "has chosen another candidate.",
            "Regarding your candidature for Payroll Officer || Req ID: HRS/2025/0071",
            "Payroll Officer",
        ),
        (
            "Just heard back about the Senior .NET Developer gig: they went with someone else.",
            ".NET role",
            "Senior .NET Developer",
        ),
        (
            "Thank you for applying to the Fenmoor Energy 2026 Graduate Scheme for the Graduate "
            "Surveyor stream. You will not progress to the assessment centre.",
            "Fenmoor Energy 2026 Graduate Scheme – Graduate Surveyor",
            "Graduate Surveyor",
        ),
    ],
)
def test_role_titles_are_read_through_tags_places_and_programmes(
    body: str, subject: str, role: str
) -> None:
    sender = "Fenmoor Energy Careers <careers@fenmoorenergy.example>"
    reading = read(
        _message(f"Dear Robin,\n\n{body}\n\nKind regards,\nAnna\n", sender=sender, subject=subject)
    )
    assert reading.role == role


def test_a_requisition_alone_is_no_title() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for your application. We have chosen another candidate.\n",
            sender="Jobs <jobs@example.example>",
            subject="Your application || Req ID: ABC/2025/0042",
        )
    )
    assert reading.role is None


# A short reply leans on the thread it answers.
SHORT_REPLY = """Robin, thanks for checking in. We went with someone who has more fleet
experience. Best of luck.

Gus

On Mon, 3 Mar 2025 at 10:02, Robin Castellano <robin.c@inbox.example> wrote:
> Hi Gus,
>
> Thanks again for meeting with me at the depot on Thursday about the Fleet Maintenance
> Technician opening at Hollybrook Haulage. Just checking where things stand.
>
> Best,
> Robin Castellano
"""


def test_a_short_reply_takes_role_company_and_stage_from_the_thread() -> None:
    reading = read(
        _message(
            SHORT_REPLY,
            sender="Gus Pemberton <gus@hollybrookhaulage.example>",
            subject="Re: Fleet Tech follow up",
        )
    )
    assert reading.company == "Hollybrook Haulage"
    assert reading.role == "Fleet Maintenance Technician"  # 'Fleet Tech' is its clipped form
    assert reading.stage == "interview"


def test_the_thread_does_not_outweigh_the_newest_message() -> None:
    reply = SHORT_REPLY.replace(
        "We went with someone",
        "For the Depot Supervisor role at Hollybrook Haulage we went with someone",
    )
    reading = read(
        _message(
            reply, sender="Gus Pemberton <gus@hollybrookhaulage.example>", subject="Re: update"
        )
    )
    assert reading.role == "Depot Supervisor"


# Company: a logo's alt text, a capital 'The', a legal form below a job list.
def _html_message(html: str, *, sender: str, subject: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Robin Castellano <robin.c@inbox.example>"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 14 Oct 2025 09:15:00 +0100"
    msg.set_content(html, subtype="html")
    return msg.as_bytes()


def test_a_logo_alt_text_names_the_employer_of_an_ats_note() -> None:
    html = (
        '<table><tr><td><img src="https://cdn.ats.example/l/77.png" alt="Corriemoor Rail Systems">'
        '<img src="https://ats.example/p.gif" alt="" width="1"></td></tr>'
        "<tr><td><p>Dear Robin,</p><p>Thank you for your interest in the Signalling Engineer – "
        "Rail position. We have decided to progress with other candidates.</p>"
        "<p>Kind regards,<br>Talent Acquisition</p></td></tr></table>"
    )
    reading = read(
        _html_message(
            html, sender="Careers <no-reply@ats-mail.example>", subject="Signalling Engineer – Rail"
        )
    )
    assert reading.company == "Corriemoor Rail Systems"
    assert reading.role == "Signalling Engineer"


def test_social_icons_and_pixels_give_no_name() -> None:
    html = (
        "<p>Dear Robin,</p><p>Thank you for applying. We chose another applicant.</p>"
        '<p><img alt="LinkedIn" src="li.png"> <img alt="Facebook icon" src="fb.png">'
        '<img alt="" src="p.gif"></p>'
    )
    reading = read(_html_message(html, sender="Jobs <jobs@example.example>", subject="Application"))
    assert reading.company not in ("LinkedIn", "Facebook")


def test_a_capital_the_mid_sentence_belongs_to_the_name() -> None:
    reading = read(
        _message(
            "Hi Robin,\n\nThanks for the trial shift for the Line Cook position at The Copper "
            "Kettle. We've gone with another cook.\n\nMaeve\n",
            sender="Maeve Dunne <maeve@copperkettle.example>",
            subject="Line Cook",
        )
    )
    assert reading.company == "The Copper Kettle"


def test_the_legal_form_below_a_job_list_completes_the_name() -> None:
    reading = read(
        _message(
            "Hi Robin,\n\nThank you for applying for Shift Lead – Store 88 – Derby. We have "
            "decided to pursue other applicants.\n\nThe Fernway Talent Team\n\n"
            "Jobs you may like\n\nFernway Store Manager – Leicester\n\n"
            "Fernway Home Goods Ltd · 1 Mill Lane, Derby\n",
            sender="Fernway Careers <careers-noreply@fernway.example>",
            subject="An update on your Fernway application",
        )
    )
    assert reading.company == "Fernway Home Goods Ltd"
    assert reading.role == "Shift Lead"


# People in headers: names without addresses, 'Last, First' in an encoded word, spelled-out
# umlauts in an address.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Kim Vogt", ("Kim Vogt", None)),  # an Outlook forward header
        (
            "=?utf-8?q?Nowak=2C_Jerzy?= <j.nowak@poczta.example>",
            ("Nowak, Jerzy", "j.nowak@poczta.example"),
        ),
        ("Jane <j@x.example>, Bob <b@x.example>", ("Jane", "j@x.example")),
        ("alice, bob@x.example", (None, "bob@x.example")),
        ("undisclosed-recipients:;", (None, None)),
    ],
)
def test_header_names_survive_missing_addresses_and_decoded_commas(
    value: str, expected: tuple[str | None, str | None]
) -> None:
    msg = message_from_string(f"To: {value}\n\nbody\n")
    assert first_address(header_text(msg, "to")) == expected


def test_a_decoded_last_first_name_gives_the_full_candidate() -> None:
    raw = _message(
        "Dear Jerzy,\n\nThank you for interviewing with us. We offered the post to another "
        "candidate.\n\nBest wishes,\nMaren Holt\n",
        sender="Maren Holt <m.holt@lindqvist.example>",
        subject="Research Associate",
        to="",
    ).replace(
        b"To: robin.c@inbox.example", b"To: =?utf-8?q?Nowak=2C_Jerzy?= <j.nowak@poczta.example>"
    )
    assert read(raw).candidate_name == "Jerzy Nowak"


OUTLOOK_FORWARD_PLAIN = """fyi, the other one is still open


From: Kim Vogt
Sent: Tuesday, September 9, 2025 4:12 PM
To: Robin Castellano
Subject: Dental Assistant

Hi Robin,

Thank you for coming in for the working interview on Friday. We have decided to move
forward with another assistant.

Kim Vogt
Practice Recruiter | Larkmoor Dental
"""
OUTLOOK_FORWARD_HTML = (
    "<p>fyi, the other one is still open</p><div><p><b>From:</b> Kim Vogt "
    "&lt;kvogt@larkmoordental.example&gt;<br><b>Sent:</b> Tuesday, September 9, 2025 4:12 PM"
    "<br><b>To:</b> Robin Castellano &lt;robin.c@inbox.example&gt;<br><b>Subject:</b> Dental "
    "Assistant</p></div><p>Hi Robin,</p><p>Thank you for coming in for the working interview "
    "on Friday. We have decided to move forward with another assistant.</p><p>Kim Vogt<br>"
    "Practice Recruiter | Larkmoor Dental</p>"
)


def test_an_outlook_forward_takes_the_sender_address_its_html_part_shows() -> None:
    msg = EmailMessage()
    msg["From"] = "Robin Castellano <robin.c@inbox.example>"
    msg["To"] = "Sam Reyes <sam@inbox.example>"
    msg["Subject"] = "FW: Dental Assistant"
    msg["Date"] = "Wed, 10 Sep 2025 07:30:00 -0700"
    msg.set_content(OUTLOOK_FORWARD_PLAIN)
    msg.add_alternative(OUTLOOK_FORWARD_HTML, subtype="html")
    reading = read(msg.as_bytes())
    assert reading.contact_name == "Kim Vogt"
    assert reading.contact_email == "kvogt@larkmoordental.example"
    assert reading.candidate_name == "Robin Castellano"  # the original's To, not the forwarder's


@pytest.mark.parametrize(
    ("signer", "address"),
    [("Jörg Müller", "j.mueller@antriebe.example"), ("Søren Dahl", "soeren.dahl@antriebe.example")],
)
def test_an_address_that_spells_out_umlauts_is_the_signers(signer: str, address: str) -> None:
    reading = read(
        _message(
            f"Dear Robin,\n\nThank you for the interview. We have chosen another candidate.\n\n"
            f"Kind regards\n\n{signer}\nHR Business Partner\nAntriebe GmbH\n{address}\n",
            sender="Antriebe GmbH <karriere@antriebe.example>",
            subject="Your application",
        )
    )
    assert reading.contact_email == address


# Telling a rejection from other mail: more ways to state the decision, and near misses.
def _one_sentence(sentence: str) -> bytes:
    return _message(
        f"Dear Robin,\n\nThank you for applying for the Analyst role. {sentence}\n\nBest,\nAl\n",
        sender="Al Moreno <al@quillfield.example>",
        subject="Analyst role",
    )


DECISIONS_MORE = [
    "We won't be making you an offer this time.",
    "You were not the preferred candidate for this post.",
    "Your answers did not score highly enough to be shortlisted.",
    "Your application does not meet the minimum qualifications listed in the advert.",
    "We've decided not to fill the role this year.",
    "The role has been put on hold until spring.",
    "We're going to go another way, sorry.",
    "We went with a guy who has more forklift hours.",
    "We have given the job to someone from inside the team.",
    "We decided to move forward with another hygienist.",
    "It's now been filled, sorry.",
]
NOT_DECISIONS_MORE = [
    "We'd like to move forward with another round of interviews next week.",
    "If you are not the preferred candidate, we will let you know by Friday.",
    "Your scores were high enough to progress to the final round.",
    "We are delighted to be making you an offer; the details are attached.",
]


@pytest.mark.parametrize("sentence", DECISIONS_MORE)
def test_more_ways_of_stating_the_decision_are_rejections(sentence: str) -> None:
    assert is_rejection(parse_email(_one_sentence(sentence)))


@pytest.mark.parametrize("sentence", NOT_DECISIONS_MORE)
def test_next_rounds_conditions_and_offers_are_not_rejections(sentence: str) -> None:
    assert not is_rejection(parse_email(_one_sentence(sentence)))


FOLLOW_UP = """Hi Robin,

Of course - the panel felt your case study answer stayed quite general.

Best,
Maren

On Tue, 3 Mar 2026 at 10:00, Robin Castellano <robin.c@inbox.example> wrote:
> Thanks Maren, could you share any feedback?
>
> On Mon, 2 Mar 2026 at 09:00, Maren Holt <maren@lindqvist.example> wrote:
>> Dear Robin,
>> We have decided to move forward with another candidate for the Analyst role.
"""


def test_a_follow_up_is_a_rejection_when_its_sender_stated_the_decision_in_the_thread() -> None:
    assert is_rejection(
        parse_email(
            _message(
                FOLLOW_UP, sender="Maren Holt <maren@lindqvist.example>", subject="Re: Analyst"
            )
        )
    )


def test_a_follow_up_from_someone_else_does_not_borrow_the_threads_decision() -> None:
    assert not is_rejection(
        parse_email(_message(FOLLOW_UP, sender="Jo Park <jo@other.example>", subject="Re: Analyst"))
    )


def test_a_reply_about_a_trial_shift_is_about_a_job_through_its_thread() -> None:
    reply = (
        "Thanks for doing the trial shift Saturday. We're going to go another way, sorry.\n\nDes\n\n"
        "On 27 Mar 2025, at 14:05, Robin Castellano <robin.c@inbox.example> wrote:\n\n"
        "Hi Des, confirming I'll be in Saturday for the trial shift for the Line Cook position.\n"
    )
    assert is_rejection(
        parse_email(_message(reply, sender="Des Furlong <des@kettle.example>", subject="Re: trial"))
    )


# A chatty start-up note: lower-case brand, "Name from Brand" sender, "team @ brand" signature.
def test_a_lower_case_note_from_a_named_person_at_a_brand() -> None:
    reading = read(
        _message(
            "hey robin!\n\nthanks so much for applying to be a barista with us. we loved your "
            "energy but we've hired someone with a bit more espresso experience.\n\n"
            "keep an eye on our jobs page, we're opening two more cafes!\n\nmina\npeople @ "
            "driftwood\n",
            sender="Mina from Driftwood <mina@driftwood-coffee.example>",
            subject="your application to driftwood",
        )
    )
    assert reading.company.lower() == "driftwood"
    assert reading.role == "barista"
    assert reading.contact_name == "Mina"
    assert reading.future == "invited"  # a line ending in '!' is prose, not a signature


@pytest.mark.parametrize(
    ("display", "person"),
    [
        ("Mina from Driftwood", "Mina"),
        ("Sam Okoye @ Lattice", "Sam Okoye"),
        ("Careers at Lattice", None),
    ],
)
def test_a_person_speaking_for_an_organisation_in_the_sender_name(
    display: str, person: str | None
) -> None:
    assert clean_person(display) == person


@pytest.mark.parametrize(
    ("subject", "body", "role"),
    [
        (
            "SV: Ansøgning - Warehouse Coordinator",
            "Thank you for your application for the position as Warehouse Coordinator at "
            "Nordvik Logistik A/S. We have chosen another candidate.",
            "Warehouse Coordinator",
        ),
        (
            'Your application for "Junior UX Designer"',
            "Thanks for applying for the 'Junior UX Designer' position; we won't be moving forward.",
            "Junior UX Designer",
        ),
    ],
)
def test_foreign_subject_words_and_quotation_marks_leave_the_title(
    subject: str, body: str, role: str
) -> None:
    reading = read(
        _message(
            f"Hi Robin,\n\n{body}\n\nBest,\nAnna\n",
            sender="Anna <anna@nordvik.example>",
            subject=subject,
        )
    )
    assert reading.role == role


def test_an_organisation_name_may_join_its_words_with_of_the() -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for your recent application. Unfortunately, on this "
            "occasion it has not been successful.\n\nYours sincerely,\n\nHuman Resources\n"
            "Bank of the Western Shore\n",
            sender="careers@westshorebank.example",
            subject="Your application",
        )
    )
    assert reading.company == "Bank of the Western Shore"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Olivia Grant RIBA", "Olivia Grant"),
        ("Hal Moreno MBA", "Hal Moreno"),
        ("Marie DUPONT", "Marie DUPONT"),
    ],
)
def test_well_known_credentials_drop_without_a_comma_but_capitalised_surnames_stay(
    written: str, name: str
) -> None:
    assert clean_person(written) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll keep you posted on anything else that comes in that fits your background.",
        "We keep the details of all finalists for a year and may get in touch if a vacancy arises.",
    ],
)
def test_agency_and_elided_subject_promises_keep_on_file(sentence: str) -> None:
    assert read_future(sentence) == "kept_on_file"


def test_keeping_you_posted_on_this_process_is_no_promise_about_other_roles() -> None:
    assert read_future("I'll keep you posted as the panel finishes this week.") == "not_mentioned"


def test_a_client_progressing_with_other_candidates_is_a_rejection() -> None:
    assert is_rejection(
        parse_email(
            _one_sentence(
                "They have decided to progress with candidates who have more retail experience."
            )
        )
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Please don't hesitate to apply for other roles that suit you.", "invited"),
        ("The door remains open for you here.", "invited"),
        ("We would be glad to receive a new application from you next year.", "invited"),
        ("We do not plan to apply the same criteria again.", "not_mentioned"),
    ],
)
def test_encouragements_said_through_a_negation_or_an_image(sentence: str, expected: str) -> None:
    assert read_future(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It is not our policy to give feedback to unsuccessful applicants.", "declined"),
        ("Our practice is not to share interview notes, I'm afraid.", "declined"),
        ("I could set up a short call to go over how the interview went.", "offered"),
        (
            "Your design skills were strong, but your client experience was a little limited.",
            "offered",
        ),
        (
            "Places on the programme were limited and your application was not successful.",
            "not_mentioned",
        ),
    ],
)
def test_policies_calls_and_limits_said_of_the_candidate(sentence: str, expected: str) -> None:
    assert read_feedback(sentence) == expected


def test_holding_onto_details_written_as_one_word_is_kept_on_file() -> None:
    sentence = "We'll hold onto your information and reach out if a better match opens up."
    assert read_future(sentence) == "kept_on_file"


@pytest.mark.parametrize(
    "subject", ["Absage: Ihre Bewerbung als Mechatroniker (m/w/d)", "Outcome: Mechatroniker"]
)
def test_a_verdict_word_before_a_subject_title_is_not_the_title(subject: str) -> None:
    reading = read(
        _message(
            "Dear Robin,\n\nThank you for your application. We have chosen another applicant.\n",
            sender="HR <hr@albrecht.example>",
            subject=subject,
        )
    )
    assert reading.role == "Mechatroniker"
