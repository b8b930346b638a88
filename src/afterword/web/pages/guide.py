"""Guide: the advice behind every rule, in plain words, with good and bad examples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fastapi import APIRouter, Request

from afterword.review.model import CODES
from afterword.review.registry import all_rules
from afterword.review.rule import Example, Rule
from afterword.web.rendering import page

router = APIRouter(include_in_schema=False)

LONG_EXAMPLE = 320

# Each code's heading and one plain sentence on what it protects.
TOPICS: dict[str, tuple[str, str]] = {
    "tone.negative": (
        "Stay gracious",
        "Disappointment is natural; blame, sarcasm or bitterness is what they would remember.",
    ),
    "tone.desperate": (
        "Steady, not desperate",
        "Warm interest reads well. Pleading or putting yourself down makes the reader uneasy.",
    ),
    "boundary.pushy": (
        "Accept the decision",
        "The decision is made. Arguing, setting deadlines or promising to keep chasing closes the door.",
    ),
    "feedback.demanding": (
        "Ask for feedback lightly",
        "One short, optional request is welcome; demands or long lists of questions are not.",
    ),
    "gratitude.missing": (
        "Say thank you",
        "Thanking them for their time and consideration is the heart of the message.",
    ),
    "interest.missing": (
        "Keep the door open",
        "Say that you would welcome future roles: that is why the message is worth sending.",
    ),
    "personal.generic": (
        "Make it theirs",
        "One specific detail about the company or the conversation shows the note is not a form letter.",
    ),
    "personal.placeholder": (
        "No template leftovers",
        "A forgotten [Company Name] undoes all the courtesy around it.",
    ),
    "personal.mismatch": (
        "Right names, right company",
        "Another company's name or the wrong person's name is the one mistake nobody forgets.",
    ),
    "concise.too_long": (
        "Keep it short",
        "Two or three short paragraphs respect their time and get read.",
    ),
    "skills.overselling": (
        "Mention skills, don't sell",
        "A light reminder of one or two relevant skills helps; a list of achievements reads as a second application.",
    ),
    "proof.spelling": (
        "Spelling",
        "Careful spelling shows the attention to detail they were hiring for.",
    ),
    "proof.grammar": ("Grammar", "Small slips distract from what you want to say."),
    "format.structure": (
        "The shape of an email",
        "A subject, a greeting and a sign-off, with no shouting or emoji, look professional.",
    ),
    "timing.late": (
        "Within a week",
        "A reply within about a week still feels like part of the conversation.",
    ),
    "timing.repeat": (
        "One follow-up is enough",
        "One message after a rejection is gracious; a second starts to feel like pressure.",
    ),
    "style.readability": (
        "Easy to read",
        "Short sentences and plain words are quicker to read and easier to like.",
    ),
    "style.hedging": (
        "Say it plainly",
        "A little modesty is fine; too many 'just', 'maybe' and 'I think' blur the message.",
    ),
    "timing.cooldown": (
        "Sleep on it",
        "A message written in the first hours after bad news can carry more feeling than you intend.",
    ),
}


@dataclass(frozen=True)
class ShownExample:
    """An example cut into plain and flagged pieces, for a <mark> around the flagged words."""

    pieces: tuple[tuple[str, bool], ...]
    context: str


@dataclass(frozen=True)
class Topic:
    code: str
    title: str
    summary: str
    rules: tuple[tuple[Rule, tuple[ShownExample, ...], tuple[ShownExample, ...]], ...]


def shown(example: Example) -> ShownExample:
    """The example with its flagged span marked, shortened when it is a very long one."""
    text = example.plain
    span = example.marked
    start, end = span if span else (0, 0)
    if len(text) > LONG_EXAMPLE:
        words = len(text.split())
        cut = max(LONG_EXAMPLE - 80, end + 40)
        text, start, end = text[:cut].rstrip() + f" … ({words} words in all)", start, min(end, cut)
    pieces = (
        ((text[:start], False), (text[start:end], True), (text[end:], False))
        if span
        else ((text, False),)
    )
    context = ", ".join(f"{key}: {value}" for key, value in (example.context or {}).items())
    return ShownExample(tuple(piece for piece in pieces if piece[0]), context)


@cache
def topics() -> tuple[Topic, ...]:
    """Every rule, grouped under its code in the registry's code order."""
    rules = all_rules()
    found = []
    for code in CODES:
        members = [rule for rule in rules if rule.code == code]
        if not members:
            continue
        title, summary = TOPICS.get(code, (code, ""))
        found.append(
            Topic(
                code=code,
                title=title,
                summary=summary,
                rules=tuple(
                    (rule, tuple(map(shown, rule.bad)), tuple(map(shown, rule.good)))
                    for rule in members
                ),
            )
        )
    return tuple(found)


@router.get("/guide")
def guide(request: Request):
    """The rules reference, for people."""
    return page(request, "guide.html", topics=topics(), count=len(all_rules()))
