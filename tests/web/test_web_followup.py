"""New follow-up through the server: read, check, draft, send or save, and what it files."""

from __future__ import annotations

import email
import email.policy
import html

from web_helpers import DETAIL, NOW, REJECTION, csrf_token, hidden_fields, textarea


def read(client, pasted: str = REJECTION):
    token = csrf_token(client, "/new")
    return client.post("/new/read", data={"csrf_token": token, "pasted": pasted}), token


def draft(client, **changes):
    details, token = read(client)
    form = {**hidden_fields(details.text), "company_detail": DETAIL, **changes}
    return client.post("/new/draft", data=form), token


def test_reading_a_pasted_rejection_fills_the_fields_for_checking(client) -> None:
    details, _ = read(client)
    assert details.status_code == 200
    fields = hidden_fields(details.text)
    assert fields["original_kind"] == "text"
    assert 'value="Lumenfield"' in details.text
    assert 'value="Priya Raman"' in details.text
    assert 'value="priya.raman@lumenfield.example"' in details.text
    assert '<option value="on_file" selected>' in details.text
    assert "They offered to keep your details on file" in details.text  # the suggestion's reason


def test_a_dropped_eml_file_is_read_like_pasted_text(client) -> None:
    token = csrf_token(client, "/new")
    raw = REJECTION.replace("\n", "\r\n").encode()
    details = client.post(
        "/new/read",
        data={"csrf_token": token},
        files={"eml": ("rejection.eml", raw, "message/rfc822")},
    )
    assert details.status_code == 200
    assert hidden_fields(details.text)["original_kind"] == "eml"
    assert 'value="Data Analyst"' in details.text


def test_reading_nothing_asks_again_politely(client) -> None:
    token = csrf_token(client, "/new")
    answer = client.post("/new/read", data={"csrf_token": token, "pasted": "   "})
    assert answer.status_code == 422
    assert "Paste the rejection email" in answer.text


def test_the_draft_opens_in_the_editor_reviewed_with_its_facts(client) -> None:
    editor, _ = draft(client)
    assert editor.status_code == 200
    text = textarea(editor.text, "text")
    assert text.startswith("Subject: Re: Your application for Data Analyst at Lumenfield")
    assert "Priya" in text and "dashboard" in text
    assert "Ready to send." in editor.text
    assert 'href="mailto:priya.raman@lumenfield.example?subject=' in editor.text


def test_a_missing_detail_is_asked_for_beside_its_field_keeping_every_value(client) -> None:
    details, _ = read(client)
    form = {**hidden_fields(details.text), "company_detail": "", "your_name": "Jordan Ellis"}
    answer = client.post("/new/draft", data=form)
    assert answer.status_code == 422
    assert 'aria-invalid="true"' in answer.text
    assert 'id="e-company_detail"' in answer.text
    assert 'value="Jordan Ellis"' in answer.text


def test_asking_for_feedback_they_declined_is_refused_before_writing(client) -> None:
    answer, _ = draft(client, feedback="declined", strategy="feedback")
    assert answer.status_code == 422
    assert "don't give feedback" in html.unescape(answer.text)


def test_the_whole_flow_files_the_follow_up_as_sent_and_today_shows_it(any_client) -> None:
    editor, token = draft(any_client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    before = any_client.get("/").text
    assert "Write the follow-up" not in before
    sent = any_client.post("/new/sent", data={**form, "sent_on": NOW.date().isoformat()})
    assert sent.status_code == 303
    today = any_client.get(sent.headers["location"])
    assert (
        "Your follow-up to Lumenfield about the Data Analyst role is marked as sent" in today.text
    )
    assert "Follow-up sent" in today.text
    detail = any_client.get("/api/track/rejections/1").json()
    (message,) = detail["messages"]
    assert message["status"] == "sent"
    assert message["subject"] == "Re: Your application for Data Analyst at Lumenfield"
    assert message["verdict"] == "ready"
    assert detail["original"].startswith("From: Priya Raman")


def test_saving_a_draft_leaves_the_follow_up_due(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    saved = client.post("/new/save", data=form)
    assert saved.status_code == 303
    today = client.get(saved.headers["location"]).text
    assert "Draft saved" in today
    assert "Write the follow-up" in today


def test_a_second_follow_up_is_refused_with_the_reason_and_the_text_kept(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    client.post("/new/sent", data=form)
    again = client.get("/new", params={"rejection": 1})
    assert 'value="1"' in again.text  # the filed rejection, not a new one
    second = {**form, "rejection_id": "1", "text": "Subject: Hello again\n\nDear Priya, me again."}
    refused = client.post("/new/sent", data=second)
    assert refused.status_code == 409
    assert "me again" in textarea(refused.text, "text")
    assert 'name="force"' in refused.text
    forced = client.post("/new/sent", data={**second, "force": "yes"})
    assert forced.status_code == 303


def test_the_draft_downloads_as_an_eml_addressed_to_the_contact(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    answer = client.post("/new/eml", data=form)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("message/rfc822")
    assert 'filename="follow-up-lumenfield.eml"' in answer.headers["content-disposition"]
    message = email.message_from_bytes(answer.content, policy=email.policy.default)
    assert message["To"] == "Priya Raman <priya.raman@lumenfield.example>"
    assert message["Subject"] == "Re: Your application for Data Analyst at Lumenfield"
    assert "dashboard" in message.get_content()


def test_sending_the_same_follow_up_twice_files_one_rejection(client) -> None:
    editor, token = draft(client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    saved = client.post("/new/save", data=form)
    assert saved.status_code == 303
    sent = client.post("/new/sent", data=form)  # Back, then Mark as sent on the same page
    assert sent.status_code == 303
    (rejection,) = client.get("/api/track/rejections").json()
    assert rejection["follow_up"] == "sent"


def test_writing_for_a_filed_rejection_answers_its_subject(client) -> None:
    client.post("/api/track/rejections", json={"text": REJECTION})
    details = client.get("/new", params={"rejection": 1})
    fields = hidden_fields(details.text)
    assert fields["rejection_id"] == "1"
    assert fields["their_subject"] == "Your application for Data Analyst at Lumenfield"
    editor = client.post("/new/draft", data={**fields, "company_detail": DETAIL})
    assert textarea(editor.text, "text").startswith("Subject: Re: Your application")


# A rejection as Outlook saves it: UTF-8 quoted-printable with soft line breaks inside
# words, and an RFC 2047 encoded subject.
ENCODED_REJECTION = (
    b"From: =?utf-8?q?Ren=C3=A9e_Dubois?= <renee.dubois@lumenfield.example>\r\n"
    b"To: Jordan Ellis <jordan@example.com>\r\n"
    b"Subject: =?utf-8?q?Your_application_for_Data_Analyst_at_Lumenfield_=E2=80=93_update?=\r\n"
    b"Date: Mon, 09 Mar 2026 09:30:00 +0000\r\n"
    b"Message-ID: <qp-rejection-1@lumenfield.example>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Hi Jordan,\r\n"
    b"\r\n"
    b"Thank you for interviewing with us for the Data Analyst role at Lumenfield. We really=\r\n"
    b" enjoyed hearing about your dashboard proje=\r\n"
    b"ct and your caf=C3=A9 sales study. After careful consideration we have decided to =\r\n"
    b"move forward with another candidate. We would be happy to keep your CV on file for =\r\n"
    b"future roles.\r\n"
    b"\r\n"
    b"Best regards,\r\n"
    b"Ren=C3=A9e Dubois\r\n"
    b"Talent Partner, Lumenfield\r\n"
)


def test_writing_for_a_rejection_filed_from_an_eml_reads_the_email_not_its_source(
    make_client, tmp_path
) -> None:
    from afterword.tracking import open_tracker

    url = f"sqlite:///{tmp_path / 'eml.db'}"
    with open_tracker(url) as tracker:
        filed = tracker.add_rejection(ENCODED_REJECTION, today=NOW.date())
    client = make_client(url)
    details = client.get("/new", params={"rejection": filed.id})
    fields = hidden_fields(details.text)
    subject = "Your application for Data Analyst at Lumenfield \N{EN DASH} update"
    assert fields["their_subject"] == subject
    editor = client.post("/new/draft", data={**fields, "company_detail": DETAIL})
    assert editor.status_code == 200
    text = textarea(editor.text, "text")
    assert text.startswith(f"Subject: Re: {subject}")
    assert "proje" not in text.replace("project", "")
    token = csrf_token(client, "/new")
    form = {**hidden_fields(editor.text), "text": text, "csrf_token": token}
    answer = client.post("/new/eml", data=form)
    message = email.message_from_bytes(answer.content, policy=email.policy.default)
    assert message["In-Reply-To"] == "<qp-rejection-1@lumenfield.example>"


def test_a_refused_second_mark_sent_leaves_no_stray_draft(any_client) -> None:
    editor, token = draft(any_client)
    form = {
        **hidden_fields(editor.text),
        "text": textarea(editor.text, "text"),
        "csrf_token": token,
    }
    assert any_client.post("/new/sent", data=form).status_code == 303
    again = {**form, "rejection_id": "1", "text": "Subject: Hello again\n\nDear Priya, me again."}
    refused = any_client.post("/new/sent", data=again)
    assert refused.status_code == 409
    (message,) = any_client.get("/api/track/rejections/1").json()["messages"]
    assert message["status"] == "sent"
    assert "me again" not in message["body"]


def test_a_dropped_outlook_msg_is_read_like_the_email_it_holds(client, tmp_path) -> None:
    from test_msg import write_msg

    token = csrf_token(client, "/new")
    data = write_msg(tmp_path / "rejection.msg").read_bytes()
    details = client.post(
        "/new/read",
        data={"csrf_token": token},
        files={"eml": ("rejection.msg", data, "application/vnd.ms-outlook")},
    )
    assert details.status_code == 200
    fields = hidden_fields(details.text)
    assert (fields["company"], fields["role"]) == ("Lumière Cafés", "Café Manager")
    assert fields["their_subject"] == "Your application: Café Manager"


def test_a_dropped_text_file_is_read_as_pasted_text(client) -> None:
    token = csrf_token(client, "/new")
    body = REJECTION.split("\n\n", 1)[1].encode()  # the message without its headers
    details = client.post(
        "/new/read",
        data={"csrf_token": token},
        files={"eml": ("rejection.txt", body, "text/plain")},
    )
    assert details.status_code == 200
    fields = hidden_fields(details.text)
    assert fields["original_kind"] == "text"
    assert fields["company"] == "Lumenfield"


def test_writing_a_draft_reads_the_profile_once(client, monkeypatch) -> None:
    from afterword.tracker.service import Tracker

    details, _ = read(client)
    form = {**hidden_fields(details.text), "company_detail": DETAIL}
    reads = []
    original = Tracker.profile

    def counted(self):
        reads.append(1)
        return original(self)

    monkeypatch.setattr(Tracker, "profile", counted)
    editor = client.post("/new/draft", data=form)
    assert editor.status_code == 200
    assert len(reads) == 1
