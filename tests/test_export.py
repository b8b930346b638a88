"""Export: a draft as an .eml file and as a mailto: link, built without clock or I/O."""

from __future__ import annotations

import ast
import datetime as dt
import email
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.export import (
    DEFAULT_DOMAIN,
    ExportError,
    check_address,
    eml_bytes,
    eml_message,
    mailto_link,
    message_id,
)

NOW = dt.datetime(2026, 11, 20, 9, 30, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
SUBJECT = "Thank you – Pastry Chef interview"
BODY = (
    "Dear Ms. Tanaka,\n\nThank you for letting me know, and for the time you spent with me "
    "last Thursday. I loved seeing how your bakers proof the sourdough overnight in the old "
    "stone cellar; 100% of it stayed with me & more.\n\nKind regards,\nTomás O'Brien-Lund"
)
LINE_SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
EXPORT = Path(__file__).resolve().parents[1] / "src" / "afterword" / "export"


def parse(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=policy.default)


def body_of(message: email.message.EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n").removesuffix("\n")


def mailto_parts(link: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    return unquote(parts.path), {key: unquote(value) for key, value in fields.items()}


# --------------------------------------------------------------------------- eml


def test_eml_is_a_draft_with_every_header() -> None:
    data = eml_bytes(
        SUBJECT,
        BODY,
        now=NOW,
        domain="obrien-lund.example",
        to_email="aiko@bellweather.example",
        to_name="Aiko Tanaka",
        from_email="tomas@obrien-lund.example",
        from_name="Tomás O'Brien-Lund",
    )
    message = parse(data)
    assert message["To"].addresses[0].addr_spec == "aiko@bellweather.example"
    assert message["To"].addresses[0].display_name == "Aiko Tanaka"
    assert message["From"].addresses[0].display_name == "Tomás O'Brien-Lund"
    assert message["Subject"] == SUBJECT
    assert parsedate_to_datetime(message["Date"]) == NOW
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith(
        "@obrien-lund.example>"
    )
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert body_of(message) == BODY
    assert not message.defects


def test_eml_follows_rfc_5322_line_rules() -> None:
    data = eml_bytes(SUBJECT, BODY + " " + "word " * 400, now=NOW)
    lines = data.split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line ends in CRLF"
    assert all(len(line) <= 998 for line in lines)
    assert data.isascii(), "8-bit text is transfer-encoded"
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert body_of(message) == BODY + " " + "word " * 400


def test_eml_leaves_out_what_is_not_known() -> None:
    message = parse(eml_bytes(None, "Hi Sam, thanks for your time.", now=NOW))
    assert message["To"] is None
    assert message["From"] is None
    assert message["Subject"] is None
    assert message["X-Unsent"] == "1"
    assert message["Message-ID"].endswith(f"@{DEFAULT_DOMAIN}>")


def test_eml_headers_cannot_be_split_by_line_breaks() -> None:
    message = eml_message("Thank you\r\nBcc: everyone@example.com", "Hi", now=NOW)
    assert message["Subject"] == "Thank you Bcc: everyone@example.com"
    assert message["Bcc"] is None


@pytest.mark.parametrize(
    "address", ["nope", "a@", "@b.example", "a b@c.example", "x@y.example, z@z.example", "a@b@c"]
)
def test_eml_refuses_an_address_that_is_not_one(address: str) -> None:
    with pytest.raises(ExportError, match="not an email address"):
        eml_bytes(SUBJECT, BODY, now=NOW, to_email=address)
    with pytest.raises(ExportError):
        check_address(address)


def test_message_id_is_stable_for_the_same_message_and_differs_between_messages() -> None:
    first = message_id(SUBJECT, BODY, now=NOW, domain="example.org")
    assert first == message_id(SUBJECT, BODY, now=NOW, domain="example.org")
    assert first != message_id(SUBJECT, BODY + " Thanks.", now=NOW, domain="example.org")
    assert first != message_id(SUBJECT, BODY, now=NOW + dt.timedelta(seconds=1), domain="x.org")


def test_message_id_domain_is_cleaned() -> None:
    assert message_id("s", "b", now=NOW, domain="Mail.Example.ORG").endswith("@mail.example.org>")
    assert message_id("s", "b", now=NOW, domain="<bad> ").endswith("@bad>")
    assert message_id("s", "b", now=NOW, domain="日本").endswith(f"@{DEFAULT_DOMAIN}>")


@given(
    subject=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60),
    # Mail has one kind of line break: the other separators Python splits lines on are left out.
    body=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters=LINE_SEPARATORS),
        max_size=300,
    ),
)
def test_eml_round_trips_any_text(subject: str, body: str) -> None:
    message = parse(eml_bytes(subject, body, now=NOW))
    if " ".join(subject.split()):
        assert message["Subject"] == " ".join(subject.split())
    assert body_of(message) == body.removesuffix("\n")


# --------------------------------------------------------------------------- mailto


def test_mailto_decodes_back_to_the_same_subject_and_body() -> None:
    link = mailto_link(SUBJECT, BODY, "aiko@bellweather.example")
    address, fields = mailto_parts(link)
    assert address == "aiko@bellweather.example"
    assert fields["subject"] == SUBJECT
    assert fields["body"].replace("\r\n", "\n") == BODY
    assert "%0D%0A" in link, "line breaks as RFC 6068 asks"
    assert " " not in link and "\n" not in link


def test_mailto_encodes_characters_that_would_break_the_link() -> None:
    subject = "Q&A? 50% = yes #1 + more/less"
    body = "a&b=c?d#e+f%g/h\nnext line"
    link = mailto_link(subject, body)
    assert link.startswith("mailto:?subject=")
    _, fields = mailto_parts(link)
    assert fields == {"subject": subject, "body": body.replace("\n", "\r\n")}


def test_mailto_without_subject_has_only_a_body() -> None:
    link = mailto_link(None, "Hi Sam, thank you.", None)
    assert link == "mailto:?body=Hi%20Sam%2C%20thank%20you."


@given(
    subject=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60),
    body=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=300
    ),
)
def test_mailto_round_trips_any_text(subject: str, body: str) -> None:
    _, fields = mailto_parts(mailto_link(subject, body))
    if " ".join(subject.split()):
        assert fields["subject"] == " ".join(subject.split())
    assert fields["body"] == body.replace("\n", "\r\n")


# --------------------------------------------------------------------------- purity


@pytest.mark.parametrize("path", sorted(EXPORT.glob("*.py")), ids=lambda p: p.name)
def test_export_reads_no_clock_and_does_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                assert name.split(".")[0] not in {"time", "os", "random", "socket", "typer"}
        if isinstance(node, ast.Attribute):
            assert node.attr not in {"now", "today", "utcnow", "make_msgid"}, path.name
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"open", "print", "input"}, path.name


def test_a_reply_draft_threads_under_the_rejection() -> None:
    import datetime as dt
    from email import message_from_bytes
    from email.policy import default

    from afterword.export.eml import eml_bytes

    data = eml_bytes(
        "Re: Your application",
        "Hi Sam,\n\nThank you.\n",
        now=dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC),
        in_reply_to="<rejection-42@ats.example>",
    )
    parsed = message_from_bytes(data, policy=default)
    assert parsed["In-Reply-To"] == "<rejection-42@ats.example>"
    assert parsed["References"] == "<rejection-42@ats.example>"
    assert parsed["X-Unsent"] == "1"
