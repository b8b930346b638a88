"""Properties of `afterword.review` that hold for any draft and any context.

The reviewer must never raise, must point at the exact text it talks about, must list
its findings in reading order, and must give the same answer twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afterword import Context, ContextError, Severity, context_from_dict, review
from afterword.review import MAX_REVIEW_CHARS, Review
from afterword.review.model import CODES

# --------------------------------------------------------------------------- contexts

NAME_PARTS = st.sampled_from(
    [
        "Aiko",
        "Tanaka",
        "Zoë",
        "O'Brien",
        "D’Arcy",
        "Jean-Luc",
        "Oyelaran-Okafor",
        "Ngozi",
        "Þórdís",
        "Nguyễn",
        "Zielińska",
        "Åsa",
        "李",
        "Dr.",
        "Ms.",
        "van",
        "de la",
        "MacLeod",
        "Ólafur",
        "Sam",
    ]
)
NAME_TEXT = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Lo", "Mn"),
        whitelist_characters="'’-. ",
    ),
    min_size=1,
    max_size=12,
)
NAMES = st.one_of(
    st.lists(NAME_PARTS, min_size=1, max_size=3).map(" ".join),
    NAME_TEXT,
    st.text(max_size=15),  # regex metacharacters, brackets, control characters ...
)
COMPANIES = st.one_of(
    st.sampled_from(
        [
            "Bellweather Bakery",
            "Quillfeather Labs",
            "Harbourline Ferries",
            "Nørd & Søn",
            "A.B.C. (Holdings) Ltd",
            "[Company Name]",
            "Ridgeback Outdoor Gear",
        ]
    ),
    NAMES,
)
ROLES = st.one_of(
    st.sampled_from(
        [
            "Pastry Chef",
            "Data Analyst",
            "Senior Site-Reliability Engineer",
            "PTA",
            "Registered Nurse",
            "Operations Coordinator (Night Shift)",
        ]
    ),
    NAMES,
)
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def contexts(draw: st.DrawFn) -> dict[str, Any]:
    """A context dict as the JSON contract spells it; any key may be absent."""
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["sender_name"] = draw(NAMES | st.none())
    if draw(st.booleans()):
        data["recipient_name"] = draw(NAMES | st.none())
    if draw(st.booleans()):
        data["company"] = draw(COMPANIES | st.none())
    if draw(st.booleans()):
        data["role"] = draw(ROLES | st.none())
    rejection = draw(DATES | st.none())
    data["rejection_date"] = rejection.isoformat() if rejection else None
    if rejection is not None and draw(st.booleans()):
        send = rejection + dt.timedelta(days=draw(st.integers(-3, 30)))
    else:
        send = draw(DATES | st.none())
    data["send_date"] = send.isoformat() if send else None
    if draw(st.booleans()):
        interview = draw(DATES | st.none())
        data["interview_date"] = interview.isoformat() if interview else None
    data["previous_followups"] = draw(st.integers(0, 5))
    if draw(st.booleans()):
        data["skills"] = draw(st.lists(st.text(max_size=20), max_size=4))
    if draw(st.booleans()):
        data["company_detail"] = draw(st.text(max_size=60) | st.none())
    data["feedback"] = draw(st.sampled_from(["offered", "declined", "unknown"]))
    data["channel"] = draw(st.sampled_from(["email", "note"]))
    return data


# --------------------------------------------------------------------------- letters

SUBJECTS = [
    "Subject: Thank you – {role}",
    "Subject: Thank you!",
    "Re: {role} interview",
    "subject:",
    "Fwd: [Job Title]",
]
GREETINGS = [
    "Dear {recipient},",
    "Hi {first},",
    "Hello {first}!",
    "Dear Hiring Team,",
    "Dear [Hiring Manager Name],",
    "Dear Ms. {last},",
    "To whom it may concern:",
    "Dear Ms. Delgado,",
    "Hey {first} 👋",
]
SENTENCES = [
    "Thank you for your time and for letting me know.",
    "Thank you so much, {first}!!",
    "I was disappointed, but I appreciate your time.",
    "Frankly, I was disappointed and I think the process was unfair.",
    "I enjoyed meeting {recipient} and hearing about {company}'s new bakery in Åre.",
    "I loved the tour of the {role} team's workshop 😀.",
    "I remain interested in future roles at {company}.",
    "I remain very interested in [Company Name] and the {{role}} opening.",
    "Could you tell me why I wasn't chosen? Was it my references? How did the panel rate me?",
    "If you have a moment, I would welcome any brief feedback (no obligation).",
    "I'm begging you to reconsider; I REALLY need this job!!!",
    "My {skill} skills are world-class and unmatched.",
    "I recieve your news with gratitude; it was a usefull excercise.",
    "Please pass my thanks to {recipient} and to the {role} panel.",
    "I look forward to hearing from you :)",
    "See https://example.com/portfolio?x=[1] or mail me@example.org.",
    "I'd be glad to be considered for future {role} openings at {company}.",
    "I hope to hear about other roles at Trailhead Supply Co soon.",
    "Thank you for considering me for the Dental Assistant position.",
    "I am the best candidate you will ever meet and I guarantee results.",
    "",
    "   ",
    "!",
    "[",
    "]]",
    "<NAME>",
    "____",
]
SIGNOFFS = [
    "Best regards,\n{sender}",
    "Kind regards,\n{sender}",
    "Thanks,\n{first}",
    "Cheers!",
    "{sender}",
    "Sincerely,",
]
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
NOISE = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="abcdefghij ABC'’-.,!?()[]{}<>:;\t\n😀é", max_size=30),
)


def _fill(template: str, context: dict[str, Any], skill: str) -> str:
    recipient = context.get("recipient_name") or "Sam Lee"
    parts = recipient.split() or ["Sam"]
    values = {
        "recipient": recipient,
        "first": parts[0],
        "last": parts[-1],
        "sender": context.get("sender_name") or "Lee Chan",
        "company": context.get("company") or "Quillfeather",
        "role": context.get("role") or "Analyst",
        "skill": skill,
    }
    return template.format(**values)


@st.composite
def letters(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A letter-like draft built from fragments, with the context it was written for."""
    context = draw(contexts())
    skill = draw(st.sampled_from(["Excel", "C++", "sourdough", "K8s", "négociation"]))
    pieces = []
    if draw(st.booleans()):
        pieces.append(_fill(draw(st.sampled_from(SUBJECTS)), context, skill))
    if draw(st.booleans()):
        pieces.append(_fill(draw(st.sampled_from(GREETINGS)), context, skill))
    paragraphs = draw(
        st.lists(
            st.lists(
                st.sampled_from(SENTENCES).map(lambda t: _fill(t, context, skill)) | NOISE,
                min_size=1,
                max_size=4,
            ).map(" ".join),
            min_size=0,
            max_size=4,
        )
    )
    pieces.extend(paragraphs)
    if draw(st.booleans()):
        pieces.append(_fill(draw(st.sampled_from(SIGNOFFS)), context, skill))
    text = "\n\n".join(pieces)
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", " ", "\ufeff", "\n"])) + text + "\n"
    text = text.replace("\n", draw(NEWLINES))
    return text, context


# --------------------------------------------------------------------------- invariants


def assert_well_formed(text: str, result: Review) -> None:
    assert isinstance(result, Review)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.excerpt, finding
        assert isinstance(finding.severity, Severity)
        assert finding.severity.value in ("error", "warning", "suggestion")
        assert finding.code in CODES, finding.code
        assert finding.rule == finding.code or finding.rule.startswith(finding.code + ".")
        assert finding.message.strip() and finding.why.strip()
    keys = [(finding.start, finding.code) for finding in result.findings]
    assert keys == sorted(keys)
    blocking = any(finding.severity.blocks for finding in result.findings)
    assert result.ready is not blocking
    assert result.verdict == ("revise" if blocking else "ready")
    as_dict = result.to_dict()
    assert as_dict["verdict"] == result.verdict
    assert len(as_dict["findings"]) == len(result.findings)


@given(text=st.text(), context=contexts())
def test_any_text_with_any_context_gives_a_well_formed_review(
    text: str, context: dict[str, Any]
) -> None:
    assert_well_formed(text, review(text, context))


@given(case=letters())
def test_any_letter_gives_a_well_formed_review(case: tuple[str, dict[str, Any]]) -> None:
    text, context = case
    assert_well_formed(text, review(text, context))


@given(case=letters())
def test_review_is_deterministic(case: tuple[str, dict[str, Any]]) -> None:
    text, context = case
    first = review(text, context)
    second = review(text, context_from_dict(context))
    assert first.to_dict() == second.to_dict()


@settings(max_examples=30)
@given(text=st.text(max_size=200))
def test_text_without_context_gives_a_well_formed_review(text: str) -> None:
    assert_well_formed(text, review(text))
    assert review(text).to_dict() == review(text, None).to_dict()


@pytest.mark.parametrize("unit", ["Thank you! ", "é😀 "])
def test_overlong_text_gives_a_well_formed_review(unit: str) -> None:
    # Too long to generate example by example; the invariant must still hold.
    text = unit * (MAX_REVIEW_CHARS // len(unit) + 1)
    assert len(text) > MAX_REVIEW_CHARS
    assert_well_formed(text, review(text))


# --------------------------------------------------------------------------- context parsing

CONTEXT_KEYS = [
    "sender_name",
    "recipient_name",
    "company",
    "role",
    "rejection_date",
    "send_date",
    "interview_date",
    "previous_followups",
    "skills",
    "company_detail",
    "feedback",
    "channel",
    "extra_names",
]
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        ["2024-05-17", "2024-02-30", "2024-05-17T10:00:00Z", "20240517", "offered", "note", ""]
    ),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@given(
    data=st.dictionaries(
        st.sampled_from(CONTEXT_KEYS) | st.text(max_size=10), JSON_VALUES, max_size=8
    )
)
def test_context_from_dict_returns_a_context_or_raises_context_error(data: dict) -> None:
    try:
        context = context_from_dict(data)
    except ContextError as error:
        assert str(error)
        return
    assert isinstance(context, Context)
    assert context.feedback in ("offered", "declined", "unknown")
    assert context.channel in ("email", "note")
    assert isinstance(context.previous_followups, int) and context.previous_followups >= 0


@given(data=JSON_VALUES)
def test_context_from_any_json_value_returns_a_context_or_raises_context_error(data: Any) -> None:
    try:
        context = context_from_dict(data)
    except ContextError:
        return
    assert isinstance(context, Context)


@given(context=contexts())
def test_every_contract_context_parses(context: dict[str, Any]) -> None:
    assert isinstance(context_from_dict(context), Context)
