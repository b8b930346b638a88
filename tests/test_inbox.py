"""Behaviour of the inbox reader: raw rejection -> Email -> Reading."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from email.message import EmailMessage
from email.mime.text import MIMEText

import pytest

from afterword.inbox import Email, Reading, parse_email, parse_pasted, read, read_rejection


def _message(
    body: str,
    *,
    sender: str = "Priya Nandakumar <priya.n@larkspur-optics.example>",
    to: str = "Sam Okafor <sam.okafor@inbox.example>",
    subject: str = "Your application for Optical Test Engineer",
    date: str = "Mon, 06 Oct 2025 14:30:00 -0700",
    html: str | None = None,
    reply_to: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    if reply_to:
        msg["Reply-To"] = reply_to
    if body:
        msg.set_content(body)
        if html:
            msg.add_alternative(html, subtype="html")
    elif html:
        msg.set_content(html, subtype="html")
    return msg.as_bytes()


PERSONAL = """Hi Sam,

Thank you for interviewing with our metrology team for the Optical Test Engineer position
at Larkspur Optics. We enjoyed the conversation about interferometer calibration.

We have decided to continue with another candidate. I'm happy to share the panel's notes
on a short call if that would help.

Best regards,
Priya Nandakumar
Talent Partner | Larkspur Optics
"""


def test_reading_has_the_contract_fields() -> None:
    reading = read(_message(PERSONAL))
    assert isinstance(reading, Reading)
    assert set(reading.to_dict()) == {
        "company", "role", "contact_name", "contact_email", "candidate_name", "received_date",
        "stage", "feedback", "future", "suggested_strategy", "reply_advised", "reply_reason",
        "summary",
    }  # fmt: skip
    assert reading.company == "Larkspur Optics"
    assert reading.role == "Optical Test Engineer"
    assert reading.contact_name == "Priya Nandakumar"
    assert reading.contact_email == "priya.n@larkspur-optics.example"
    assert reading.candidate_name == "Sam Okafor"
    assert reading.stage == "interview"
    assert reading.feedback == "offered"
    assert reading.suggested_strategy == "feedback"
    assert reading.reply_advised is True
    assert reading.summary and reading.reply_reason.endswith(".")


def test_date_keeps_its_own_offset() -> None:
    email = parse_email(_message(PERSONAL, date="Mon, 06 Oct 2025 23:30:00 -0700"))
    assert email.date is not None
    assert email.date.utcoffset() == timedelta(hours=-7)
    # 23:30 at -07:00 is already the next day in UTC; the reading keeps the sender's day.
    assert read_rejection(email).received_date == "2025-10-06"


def test_missing_date_is_none() -> None:
    msg = EmailMessage()
    msg["From"] = "Ana <ana@firm.example>"
    msg.set_content("Hi,\n\nThanks for applying.\n")
    email = parse_email(msg.as_bytes())
    assert email.date is None
    assert read_rejection(email).received_date is None


def test_gmail_forward_reads_the_original() -> None:
    body = """Hey Jo, can you look at this one with me?

Sam

---------- Forwarded message ---------
From: Priya Nandakumar <priya.n@larkspur-optics.example>
Date: Mon, Oct 6, 2025 at 2:30 PM
Subject: Optical Test Engineer
To: Sam Okafor <sam.okafor@inbox.example>

""" + PERSONAL.split("\n", 1)[1]
    data = _message(
        body,
        sender="Sam Okafor <sam.okafor@inbox.example>",
        to="Jo Mentor <jo@coach.example>",
        subject="Fwd: Optical Test Engineer",
        date="Wed, 08 Oct 2025 09:00:00 +0100",
    )
    email = parse_email(data)
    assert email.forwarded
    assert email.from_address == "priya.n@larkspur-optics.example"
    assert email.to_name == "Sam Okafor"
    assert email.date is not None and email.date.date().isoformat() == "2025-10-06"
    assert "can you look" not in email.text
    reading = read(data)
    assert reading.contact_name == "Priya Nandakumar"
    assert reading.candidate_name == "Sam Okafor"
    assert reading.received_date == "2025-10-06"


def test_outlook_forward_and_reply_are_told_apart() -> None:
    original = (
        "________________________________\n"
        "From: Priya Nandakumar <priya.n@larkspur-optics.example>\n"
        "Sent: Monday, October 6, 2025 2:30 PM\n"
        "To: Sam Okafor <sam.okafor@inbox.example>\n"
        "Subject: Optical Test Engineer\n\n" + PERSONAL
    )
    forward = _message(
        "FYI, the news came in.\n\n" + original,
        sender="Sam Okafor <sam.okafor@inbox.example>",
        to="Jo Mentor <jo@coach.example>",
        subject="FW: Optical Test Engineer",
    )
    assert read(forward).contact_email == "priya.n@larkspur-optics.example"
    assert read(forward).received_date == "2025-10-06"

    history = (
        "________________________________\n"
        "From: Sam Okafor <sam.okafor@inbox.example>\n"
        "Sent: Friday, October 3, 2025 8:00 AM\n"
        "To: Priya Nandakumar <priya.n@larkspur-optics.example>\n"
        "Subject: Optical Test Engineer\n\nHi Priya, any news?\n\nBest wishes,\nSam Okafor\n"
    )
    reply = parse_email(_message(PERSONAL + "\n" + history, subject="RE: Optical Test Engineer"))
    assert not reply.forwarded
    assert "any news" not in reply.text
    assert "any news" in reply.quoted


def test_attached_rfc822_original_is_read() -> None:
    inner = EmailMessage()
    inner["From"] = "Priya Nandakumar <priya.n@larkspur-optics.example>"
    inner["To"] = "Sam Okafor <sam.okafor@inbox.example>"
    inner["Subject"] = "Optical Test Engineer"
    inner["Date"] = "Mon, 06 Oct 2025 14:30:00 -0700"
    inner.set_content(PERSONAL)
    outer = EmailMessage()
    outer["From"] = "Sam Okafor <sam.okafor@inbox.example>"
    outer["To"] = "Jo Mentor <jo@coach.example>"
    outer["Subject"] = "Fwd: Optical Test Engineer"
    outer["Date"] = "Thu, 09 Oct 2025 10:00:00 +0000"
    outer.set_content("See attached.")
    outer.add_attachment(inner)
    email = parse_email(outer.as_bytes())
    assert email.forwarded
    assert email.from_name == "Priya Nandakumar"
    assert read(outer.as_bytes()).received_date == "2025-10-06"


def test_agency_email_names_the_client() -> None:
    body = """Hi Sam,

I've just heard back from the hiring team at Quarrymoor Foods about the Plant Controller role
I submitted you for. Sadly they have chosen another candidate. Their feedback was that they
wanted more experience with multi-site costing.

I'll keep your CV on file and be in touch when something similar comes in.

Best,
Dana Whitlock
Senior Consultant | Brackenridge Recruitment
"""
    reading = read(
        _message(
            body,
            sender="Dana Whitlock <dana.w@brackenridge-recruitment.example>",
            subject="Plant Controller - update",
        )
    )
    assert reading.company == "Quarrymoor Foods"
    assert reading.role == "Plant Controller"
    assert reading.contact_name == "Dana Whitlock"
    assert reading.feedback == "offered"
    assert reading.future == "kept_on_file"
    assert reading.suggested_strategy == "future"


NO_REPLY = """Dear Sam,

Thank you for applying for the Billing Specialist (Req 8812) position at Tidewell Utilities Inc.

After reviewing your application, we have decided not to move forward. We are unable to
provide individual feedback.

Tidewell Utilities Inc. Talent Acquisition

This mailbox is not monitored. Please do not reply to this message.
"""


def test_no_reply_ats_email_reads_company_from_body_and_has_no_contact() -> None:
    reading = read(
        _message(
            NO_REPLY,
            sender="Careers <no-reply@hirestack-ats.example>",
            subject="Update on your application",
        )
    )
    assert reading.company == "Tidewell Utilities Inc."
    assert reading.role == "Billing Specialist"
    assert reading.contact_name is None
    assert reading.contact_email is None
    assert reading.stage == "application"
    assert reading.feedback == "declined"
    assert reading.suggested_strategy == "none"
    assert reading.reply_advised is False


def test_html_only_mail_becomes_clean_text() -> None:
    html = """<html><head><style>p { color: red; }</style>
    <script>track('open');</script></head><body>
    <table><tr><td>Fennel &amp; Rye Bakery</td></tr></table>
    <p>Hi Sam,</p><p>Thanks for applying for the Head Baker role at Fennel &amp; Rye Bakery.
    We won't be taking your application further.</p>
    <p>Warm regards,<br>Lou Marchetti<br>Owner, Fennel &amp; Rye Bakery</p>
    <img src="https://track.example/pixel.gif" width="1" height="1" alt="">
    </body></html>"""
    email = parse_email(_message("", html=html, sender="Lou Marchetti <lou@fennelrye.example>"))
    assert "Thanks for applying" in email.text
    assert "<p>" not in email.text and "track(" not in email.text and "color" not in email.text
    assert "pixel" not in email.text
    assert "Lou Marchetti\nOwner" in email.text
    reading = read_rejection(email)
    assert reading.company == "Fennel & Rye Bakery"
    assert reading.contact_name == "Lou Marchetti"


def test_rfc2047_headers_and_windows_1252_body_decode() -> None:
    body = "Hi Zoë,\n\nThank you for applying – we won’t be moving forward.\n\nRenée Dubois\n"
    part = MIMEText(body, "plain", "windows-1252")
    part["From"] = "=?utf-8?q?Ren=C3=A9e_Dubois?= <renee@atelier-lumiere.example>"
    part["To"] = "=?iso-8859-1?q?Zo=EB_Br=FCckner?= <zoe@inbox.example>"
    part["Subject"] = "=?utf-8?b?Q2FuZGlkYXR1cmUg4oCTIERlc2lnbmVy?="
    part["Date"] = "Tue, 07 Oct 2025 10:00:00 +0200"
    email = parse_email(part.as_bytes())
    assert email.from_name == "Renée Dubois"
    assert email.to_name == "Zoë Brückner"
    assert email.subject == "Candidature – Designer"
    assert "won’t be moving forward" in email.text and "–" in email.text
    assert read_rejection(email).candidate_name == "Zoë Brückner"


def test_lying_charset_does_not_break_decoding() -> None:
    raw = (
        b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Caf\xe9 \x93quote\x94 and thanks for applying.\r\n"
    )
    email = parse_email(raw)
    assert "Caf" in email.text and "thanks for applying" in email.text


def test_please_do_not_reply_without_a_person_advises_no_reply() -> None:
    body = (
        "Hello Sam,\n\nThanks for your interest in the Store Associate role. The position has"
        " been filled.\n\nThe Hiring Team\n\nPlease do not reply to this email.\n"
    )
    reading = read(_message(body, sender="Hiring Team <jobs@shop.example>"))
    assert reading.reply_advised is False
    assert reading.suggested_strategy == "none"
    assert reading.contact_name is None


def test_strategy_rules() -> None:
    declined_but_invited = PERSONAL.replace(
        "I'm happy to share the panel's notes\non a short call if that would help.",
        "We can't offer individual feedback, but please apply again for future openings.",
    )
    reading = read(_message(declined_but_invited))
    assert reading.feedback == "declined"
    assert reading.future == "invited"
    assert reading.suggested_strategy == "future"
    plain = read(
        _message(
            "Hi Sam,\n\nThanks for applying for the Clerk role. We chose someone else.\n\n"
            "Kind regards,\nAbe Lincott\nOffice Manager\n",
            sender="Abe Lincott <abe@lincott-law.example>",
        )
    )
    assert plain.stage == "application"
    assert plain.suggested_strategy == "gratitude"


def test_pasted_text_with_header_lines() -> None:
    pasted = (
        "From: Priya Nandakumar <priya.n@larkspur-optics.example>\n"
        "Sent: Monday, October 6, 2025 2:30 PM\n"
        "To: Sam Okafor <sam.okafor@inbox.example>\n"
        "Subject: Optical Test Engineer\n\n" + PERSONAL
    )
    email = parse_pasted(pasted)
    assert isinstance(email, Email)
    assert email.from_address == "priya.n@larkspur-optics.example"
    assert email.subject == "Optical Test Engineer"
    reading = read(pasted)
    assert reading.received_date == "2025-10-06"
    assert reading.company == "Larkspur Optics"
    assert reading.candidate_name == "Sam Okafor"


def test_pasted_body_only() -> None:
    reading = read(PERSONAL)
    assert reading.contact_name == "Priya Nandakumar"
    assert reading.candidate_name == "Sam"
    assert reading.received_date is None


@pytest.mark.parametrize("data", [b"", b"\x00\xff" * 10, b"From: x\r\n\r\n", "", "   "])
def test_degenerate_input_gives_a_reading(data: bytes | str) -> None:
    reading = read(data)
    assert reading.stage in {"application", "interview", "unknown"}


@pytest.mark.parametrize("attachment_first", [False, True])
def test_a_huge_attachment_is_skipped_and_the_text_still_read(attachment_first: bool) -> None:
    msg = EmailMessage()
    msg["From"] = "Priya Nandakumar <priya.n@larkspur-optics.example>"
    msg["Subject"] = "Optical Test Engineer"
    msg.make_mixed()
    attachment = EmailMessage()
    attachment.set_content(
        bytes(range(256)) * 12_000, maintype="application", subtype="octet-stream"
    )
    text = MIMEText(PERSONAL, "plain", "utf-8")
    for part in (attachment, text) if attachment_first else (text, attachment):
        msg.attach(part)
    raw = msg.as_bytes()
    assert len(raw) > 4_000_000
    email = parse_email(raw)
    assert "interferometer calibration" in email.text
    assert read_rejection(email).company == "Larkspur Optics"


def test_a_label_of_latin_1_reads_windows_1252_punctuation() -> None:
    raw = (
        b"From: a@b.example\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
        b"We\x92ve decided \x93not\x94 to go ahead \x96 sorry, Ren\xe9e.\r\n"
    )
    assert "We’ve decided “not” to go ahead – sorry, Renée." in parse_email(raw).text


def test_utf_8_text_labelled_windows_1252_is_read_as_utf_8() -> None:
    body = "Dear Renée,\n\nThank you for applying to Société Générale – we’ve decided not to proceed.\n"
    raw = (
        b"From: a@b.example\nContent-Type: text/plain; charset=windows-1252\n"
        b"Content-Transfer-Encoding: 8bit\n\n" + body.encode("utf-8")
    )
    assert "Dear Renée" in parse_email(raw).text
    assert "Société Générale – we’ve" in parse_email(raw).text


def test_raw_8_bit_headers_and_lying_encoded_words_decode() -> None:
    raw = (
        "From: Zoë Müller <zoe@cafes.example>\n".encode()
        + "To: Ren\xe9e Duval <renee@mail.example>\n".encode("cp1252")
        + b"Subject: =?iso-8859-1?q?Caf=C3=A9_Manager?=\n\nHello.\n"
    )
    email = parse_email(raw)
    assert email.from_name == "Zoë Müller"
    assert email.to_name == "Renée Duval"
    assert email.subject == "Café Manager"


def test_results_are_frozen() -> None:
    email = parse_email(_message(PERSONAL))
    with pytest.raises(dataclasses.FrozenInstanceError):
        email.subject = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        read_rejection(email).company = "x"  # type: ignore[misc]
