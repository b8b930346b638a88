"""The inbox reader never raises and is deterministic, whatever it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.inbox import is_rejection, parse_email, parse_pasted, read
from afterword.inbox.mbox import split_mbox

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADERS = st.sampled_from(
    [
        b"From: =?utf-8?q?Ren=C3=A9e?= <r@x.example>\r\n",
        b"From: no-reply@ats.example\r\n",
        b"Date: Tue, 07 Oct 2025 10:00:00 +0200\r\n",
        b"Date: not a date\r\n",
        b"Subject: =?bogus?q?broken?=\r\n",
        b"Content-Type: text/html; charset=klingon\r\n",
        b"Content-Type: multipart/mixed; boundary=XX\r\n",
        b"Content-Type: message/rfc822\r\n",
        b"Content-Transfer-Encoding: base64\r\n",
        b"Content-Transfer-Encoding: quoted-printable\r\n",
        b"--XX\r\n",
        b"\r\n",
    ]
)
MESSAGES = st.builds(
    lambda heads, body: b"".join(heads) + b"\r\n" + body,
    st.lists(HEADERS, max_size=8),
    st.binary(max_size=400),
)
PASTED = st.builds(
    lambda head, body: head + body,
    st.sampled_from(
        [
            "",
            "From: A <a@b.example>\nSent: May 3, 2025\n\n",
            "---------- Forwarded message ---------\n",
            "> quoted\n",
        ]
    ),
    st.text(max_size=400),
)


@FAST
@given(st.one_of(st.binary(max_size=600), MESSAGES))
def test_parse_email_and_read_never_raise_and_are_deterministic(data: bytes) -> None:
    assert parse_email(data) == parse_email(data)
    assert read(data) == read(data)
    assert is_rejection(parse_email(data)) in (True, False)


@FAST
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=120),
            st.sampled_from([b"From a@b Mon Jan  1 00:00:00 2024\n", b">From x\n", b"\n"]),
        ),
        max_size=30,
    )
)
def test_splitting_any_lines_as_a_folder_never_raises(lines: list[bytes]) -> None:
    messages = list(split_mbox(lines))
    assert all(isinstance(message, bytes) for message in messages)
    assert sum(map(len, messages)) <= sum(map(len, lines))


@FAST
@given(PASTED)
def test_parse_pasted_and_read_never_raise_and_are_deterministic(text: str) -> None:
    assert parse_pasted(text) == parse_pasted(text)
    assert read(text) == read(text)
