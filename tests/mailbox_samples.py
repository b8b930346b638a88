"""Mail that is not a rejection, rejections worded unlike the dev set, and an mbox writer;
shared by the reader's tests and benchmarks/read_speed.py so both see the same mail folder."""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.message import EmailMessage
from email.utils import format_datetime, parsedate_to_datetime


def message(
    sender: str, subject: str, body: str, to: str = "Sam Rivera <sam@mail.example>"
) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = "Mon, 12 Jan 2026 09:15:00 +0000"
    mail.set_content(body)
    return bytes(mail)


NOT_REJECTIONS = {
    "interview invitation": message(
        "Priya Natarajan <priya@harbourlight.example>",
        "Interview – Operations Analyst",
        "Hi Sam,\n\nThank you for applying for the Operations Analyst role at Harbourlight. We "
        "were impressed by your application and would like to invite you to a 45-minute video "
        "interview with the hiring manager.\n\nCould you let me know your availability next "
        "week?\n\nBest regards,\nPriya Natarajan\nTalent Partner, Harbourlight\n",
    ),
    "next round": message(
        "Jon Bell <jon.bell@orchardcode.example>",
        "Next steps: Backend Engineer",
        "Hi Sam,\n\nGreat news: the team enjoyed Tuesday's conversation and we'd like to move you "
        "forward to the final round. I'll send a calendar link to schedule the onsite "
        "interviews.\n\nThanks,\nJon\n",
    ),
    "offer": message(
        "Alma Reyes <alma.reyes@corvidhealth.example>",
        "Your offer from Corvid Health",
        "Dear Sam,\n\nI am delighted to offer you the position of Clinical Data Manager at Corvid "
        "Health. Your formal offer letter is attached; please review it and let me know if you "
        "have any questions.\n\nWe can't wait to welcome you to the team.\n\nWarm regards,\n"
        "Alma Reyes\nHead of People\n",
    ),
    "acknowledgement": message(
        "Careers <no-reply@ats.tidewater.example>",
        "We received your application",
        "Dear Sam,\n\nThank you for applying for the Logistics Coordinator role at Tidewater "
        "Freight. We have received your application and our team will review it over the coming "
        "weeks.\n\nIf you have not heard from us within 30 days, please assume that your "
        "application has not been successful on this occasion.\n\nTidewater Freight Recruiting\n",
    ),
    "job alert": message(
        "JobHarbor <alerts@jobharbor.example>",
        "12 new jobs for you",
        "Hi Sam,\n\nNew roles that match your search for data analyst:\n\nJunior Data Analyst – "
        "Fennick Bank\nBI Analyst – Corvo Retail\nData Analyst (Remote) – Minto Health\n\n"
        "Apply today before other candidates do.\n\nUnsubscribe from these alerts.\n",
    ),
    "newsletter": message(
        "Kestrel Weekly <news@kestrel.example>",
        "This week: cycling routes and a spring sale",
        "Hello,\n\nUnfortunately the riverside route is closed until March, so we've mapped three "
        "alternatives. Our spring sale starts Friday with 20% off helmets.\n\nSee you on the "
        "road,\nThe Kestrel team\n\nUnsubscribe | View in browser\n",
    ),
    "receipt": message(
        "Lumen Books <orders@lumenbooks.example>",
        "Your receipt for order 88213",
        "Thanks for your order!\n\nOrder 88213\n1 x The Long Harvest – £12.99\nDelivery – £2.50\n"
        "Total paid: £15.49\n\nWe regret that one item is back-ordered; we will ship it "
        "separately.\n",
    ),
    "personal": message(
        "Dana Rivera <dana.rivera@mail.example>",
        "Sunday lunch",
        "Hi Sam,\n\nAre you still free on Sunday? Mum is making lasagne and wants to hear all "
        "about the new flat. Bring the good bread if you pass the bakery.\n\nLove,\nDana\n",
    ),
    "recruiter outreach": message(
        "Felix Amadi <felix@brightside-search.example>",
        "A role you might like",
        "Hi Sam,\n\nI came across your profile and think you'd be a strong fit for a Senior "
        "Product Analyst position with one of my clients in Leeds. Would you be open to a quick "
        "call this week to hear more?\n\nBest,\nFelix Amadi\nBrightside Search\n",
    ),
    "own reply": message(
        "Sam Rivera <sam@mail.example>",
        "Re: Your application",
        "Dear Maren,\n\nThank you for letting me know, and for the time the team gave me. I'd be "
        "grateful for any feedback you can share.\n\nBest wishes,\nSam\n\nOn Tue, 3 Mar 2026 "
        "at 10:00, Maren Holt <maren@lindqvist.example> wrote:\n> Dear Sam,\n> We have decided "
        "to move forward with another candidate.\n> Kind regards,\n> Maren\n",
        to="Maren Holt <maren@lindqvist.example>",
    ),
    "password reset": message(
        "Greenhouse <no-reply@greenhouse.example>",
        "Reset your password",
        "Hi Sam,\n\nWe received a request to reset the password for your candidate account. If "
        "you did not make this request, you can ignore this email.\n\nReset password\n",
    ),
}

REJECTIONS = {
    "not proceeding": message(
        "Helen Ashby <h.ashby@fairmontcouncil.example>",
        "Your application – Planning Officer",
        "Dear Sam,\n\nThank you for your application for the Planning Officer post. After careful "
        "consideration, we will not be proceeding with your application at this stage.\n\nYours "
        "sincerely,\nHelen Ashby\nHR Adviser\n",
    ),
    "different applicant": message(
        "Rui Costa <rui@tanglewood.example>",
        "Sales Engineer",
        "Hi Sam,\n\nThanks for the calls last month. The hiring manager has chosen a different "
        "applicant whose background is closer to our industrial customers.\n\nAll the best,\nRui\n",
    ),
    "unsuccessful": message(
        "Recruitment <recruitment@medway-nhs.example>",
        "Application outcome",
        "Dear Sam Rivera,\n\nWe are writing to let you know that your application for the post "
        "of Staff Nurse was unsuccessful on this occasion.\n\nRecruitment Team\n",
    ),
    "filled": message(
        "Ola Berg <ola@fjordline-cafe.example>",
        "Barista job",
        "Hi Sam – sorry for the slow reply. The barista job has already been filled, but thank "
        "you for dropping in your CV.\n\nOla\n",
    ),
    "someone else": message(
        "Mika Laine <mika@northkite.example>",
        "Design Lead",
        "Hey Sam,\n\nI wanted to tell you myself: we've offered the job to someone who has led a "
        "design system migration before. It was close, and I'd be glad to share the panel's "
        "notes.\n\nMika\n",
    ),
}


# One-sentence decisions, each worded its own way, and sentences that only sound like one.
REJECTION_SENTENCES = [
    "We have decided to proceed with other applicants.",
    "We are unable to consider your application further.",
    "We won't be able to offer you a position at this time.",
    "We will not be moving your application forward.",
    "We have decided to go in a different direction.",
    "We've made the difficult decision to fill the role with an internal candidate.",
    "We regret that we cannot offer you employment at this time.",
    "We will not be taking your application any further.",
    "Sadly, on this occasion you have not been successful.",
    "Another candidate was selected for the role.",
    "Unfortunately you did not pass our online assessment stage.",
    "We're going to pass on your candidacy for now.",
    "We've decided not to hire for this role after all.",
    "Your experience does not meet the minimum requirements for this position.",
    "We have decided to continue our search for the role.",
    "The position is no longer available.",
    "We have now filled this vacancy.",
    "We are not in a position to offer you the role.",
    "Your application has been declined.",
    "Someone else was offered the role.",
    "We've decided to go with someone else, but I'd like to invite you to a feedback call.",
    "After much deliberation the panel has recommended another candidate for appointment.",
    "The panel felt that other candidates were a closer match for the role.",
    "We have selected candidates whose experience best matches the role.",
    "We have decided against progressing your application.",
    "We're not going to be moving forward with your application.",
    "We have decided not to continue with your application.",
    "We do not have a suitable position for you at this time.",
    "Your application will not be considered further.",
    "Unfortunately, this time it didn't work out.",
    "I'm afraid it was a very close call. Best of luck in your search.",
]
NEAR_MISS_SENTENCES = [
    "We'd love to set up a call. Can you schedule an interview using this link?",
    "We're excited to offer you the Designer role. Your offer letter is attached.",
    "Your interview is confirmed for Monday at 10am. We cannot move the time.",
    "The team meeting moved to Thursday. Unfortunately the projector is broken.",
    "Your application is under review and we will be in touch.",
    "We're not scheduling interviews until next month, so please bear with us.",
    "The successful candidate will lead our data team. Apply now for the Head of Data role.",
    "I'm not sure yet when the panel can meet; I'll confirm the time for your interview soon.",
    "We have selected candidates for interview and you are one of them. Please schedule "
    "your interview here.",
    "We are not going to be in the office on Friday, so your interview moves to Monday.",
    "Due to the high volume of applications we will reply within two weeks. Good luck!",
    "Unfortunately our interviewer is ill, so we need to move your interview to Tuesday.",
]


def one_sentence_mail(sentence: str) -> bytes:
    body = f"Dear Sam,\n\nThank you for applying for the Analyst role. {sentence}\n\nBest,\nAl\n"
    return message("Al Moreno <al@quillfield.example>", "Analyst role", body)


def mbox(messages: Iterable[bytes]) -> bytes:
    """An mboxrd folder: a From_ line before each message, body lines starting 'From ' quoted."""
    return b"".join(mbox_entry(data) for data in messages)


def mbox_entry(data: bytes) -> bytes:
    data = data.replace(b"\r\n", b"\n")
    found = re.search(rb"^Date: (.+)$", data, re.M)
    when = parsedate_to_datetime(found.group(1).decode()) if found else None
    stamp = format_datetime(when).split(",")[-1].strip() if when else "Thu Jan  1 00:00:00 2026"
    quoted = re.sub(rb"^(>*From )", rb">\1", data, flags=re.M)
    return b"From sender@mail.example " + stamp.encode() + b"\n" + quoted.rstrip(b"\n") + b"\n\n"
