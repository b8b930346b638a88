"""Compose the follow-up: context and strategy in, a draft that passes the review out."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from afterword.composer import addressing
from afterword.composer.echoes import Echoes
from afterword.composer.phrasebank import Bank, merged, shipped_bank
from afterword.composer.strategy import CHOICES, STRATEGIES, StrategyError, choose
from afterword.context import Context, context_from_dict
from afterword.review import Review, ReviewConfig, review
from afterword.review.config import DEFAULT_CONFIG

TONES = ("warm", "formal")
LENGTHS = ("short", "standard")
MAX_SUBJECT = 80
MIN_BODY_WORDS = 60
MAX_BODY_WORDS = 150
MAX_NOTE = 300
ATTEMPTS = 8
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")

__all__ = [
    "CHOICES",
    "STRATEGIES",
    "ComposeError",
    "Draft",
    "Echoes",
    "compose",
    "compose_variants",
]


class ComposeError(ValueError):
    """No clean draft can be written from these inputs; the message says what to change.

    `missing` names the context field the user must give ("company", "company_detail"),
    when that is the reason, so a shell can ask for it without reading the message.
    """

    def __init__(self, message: str, *, missing: str | None = None) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Draft:
    """A ready-to-send follow-up and the review that cleared it."""

    subject: str | None
    body: str
    strategy: str
    why: str
    review: Review

    @property
    def text(self) -> str:
        """The message as reviewed: the subject line, a blank line, then the body."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "body": self.body,
            "strategy": self.strategy,
            "why": self.why,
            "review": self.review.to_dict(),
        }


def compose(
    context: Context | Mapping[str, Any],
    strategy: str = "auto",
    *,
    tone: str = "warm",
    length: str = "standard",
    seed: int = 0,
    variant: int = 0,
    clarification: str | None = None,
    transferable: bool = False,
    phrases: Bank | None = None,
    config: ReviewConfig = DEFAULT_CONFIG,
    echoes: Echoes | None = None,
) -> Draft:
    """Write one follow-up that passes the review, or raise ComposeError saying why not.

    `echoes` are what the rejection itself said (their kind words, a moment of the process,
    their plans): a reply picks them up, and they make it specific without a detail.
    """
    if not isinstance(context, Context):
        context = context_from_dict(context)
    if tone not in TONES:
        raise ComposeError(f"unknown tone {tone!r}; choose warm or formal")
    if length not in LENGTHS:
        raise ComposeError(f"unknown length {length!r}; choose short or standard")
    echoes = echoes or Echoes()
    _require_facts(context, echoes)
    try:
        chosen, why = choose(context, strategy)
    except StrategyError as error:
        raise ComposeError(str(error)) from None
    bank = merged(shipped_bank(), phrases)
    letter = _Letter(context, bank, tone, length, chosen, clarification, transferable, echoes)
    last: Review | None = None
    for attempt in range(ATTEMPTS):
        key = f"{seed}|{variant}|{attempt}"
        subject, body = letter.write(key)
        text = f"Subject: {subject}\n\n{body}" if subject else body
        result = review(text, context, config)
        if result.ready:
            return Draft(subject, body, chosen, why, result)
        last = result
    raise ComposeError(_reason(last, _user_words(context, clarification)))


def compose_variants(
    context: Context | Mapping[str, Any], count: int, **options: Any
) -> list[Draft]:
    """`count` drafts that differ in wording, in a stable order."""
    drafts: list[Draft] = []
    seen: set[str] = set()
    variant = 0
    while len(drafts) < count and variant < count * 4:
        draft = compose(context, variant=variant, **options)
        variant += 1
        if draft.body not in seen:
            seen.add(draft.body)
            drafts.append(draft)
    return drafts


def compose_for_each(
    context: Context | Mapping[str, Any], recipients: Sequence[str], **options: Any
) -> list[Draft]:
    """One draft per person (each interviewer, say), each in its own wording."""
    if not isinstance(context, Context):
        context = context_from_dict(context)
    drafts = []
    for index, name in enumerate(recipients):
        person = dataclasses.replace(context, recipient_name=name)
        drafts.append(compose(person, variant=index, **options))
    return drafts


def _require_facts(context: Context, echoes: Echoes) -> None:
    if not context.company:
        raise ComposeError(
            "give the company's name, so the note can speak to them", missing="company"
        )
    if not context.company_detail and not echoes:
        raise ComposeError(
            f"add one specific thing about {context.company} that impressed you (its work, "
            "a value or a moment from the process), so the note could only be to them",
            missing="company_detail",
        )


def _user_words(context: Context, clarification: str | None) -> list[str]:
    given = [context.company_detail, clarification, *context.skills]
    return [value.lower() for value in given if value]


def _reason(result: Review | None, given: list[str]) -> str:
    """The first blocking finding, preferring one in the user's own words to one in ours."""
    blocking = [
        finding for finding in (result.findings if result else ()) if finding.severity.blocks
    ]
    if not blocking:
        return "no clean draft could be written from these details"
    theirs = [f for f in blocking if any(f.excerpt.lower().strip() in value for value in given)]
    finding = (theirs or blocking)[0]
    excerpt = " ".join(finding.excerpt.split())
    shown = f" (“{excerpt[:60]}”)" if excerpt and len(excerpt) < 120 else ""
    return f"no clean draft is possible: {finding.message[0].lower()}{finding.message[1:]}{shown}"


class _Letter:
    """The parts of one follow-up, filled from the context and the phrase bank."""

    def __init__(self, context, bank, tone, length, strategy, clarification, transferable, echoes):
        self.context = context
        self.echoes = echoes
        self.bank = bank
        self.tone = tone
        self.length = length
        self.strategy = strategy
        self.clarification = (clarification or "").strip().rstrip(".")
        self.transferable = transferable
        person = addressing.addressee(context.recipient_name)
        company = context.company or ""
        detail = addressing.detail_phrase(context.company_detail or "", company)
        self.values = {
            "first": person.first or person.formal or "",
            "formal": person.formal or "",
            "company": company,
            "company_possessive": addressing.possessive(company),
            "role": context.role or "",
            "role_the": addressing.role_phrase(context.role),
            "detail": detail,
            "detail_capital": detail[:1].upper() + detail[1:],
            "skills": addressing.joined(context.skills),
            "clarification": self.clarification,
            "sender": context.sender_name or "",
            "praise": echoes.praise or "",
            "praise_clause": echoes.praise_clause or "",
            "moment": echoes.moment or "",
            "plans": echoes.plans or "",
        }
        self.person = person

    def write(self, key: str) -> tuple[str | None, str]:
        if self.context.channel == "note":
            return None, self._note(key)
        return self._subject(key), self._email(key)

    def _pick(self, slot: str, kind: str, key: str) -> str:
        wordings = self.bank.get(slot, {}).get(kind) or self.bank.get(slot, {}).get("any") or ()
        if not wordings:
            return ""
        digest = _digest(f"{key}|{slot}|{kind}|{self._identity}")
        return wordings[int.from_bytes(digest[:4], "big") % len(wordings)]

    @property
    def _identity(self) -> str:
        context = self.context
        return f"{context.company}|{context.role}|{context.recipient_name}|{context.sender_name}"

    def _fill(self, wording: str) -> str:
        # "Acme Inc." closing a sentence takes no second full stop.
        return _DOUBLE_STOP.sub(".", wording.format(**self.values))

    def _greeting(self, key: str) -> str:
        if not self.person.known:
            wordings = self.bank["greeting"]["unknown"]
            return self._fill(wordings[0] if self.values["company"] else wordings[-1])
        return self._fill(self._pick("greeting", self.tone, key))

    def _email(self, key: str) -> str:
        stage = "interview" if self.context.after_interview else "application"
        opening = [self._pick("thanks", stage, key), *self._specifics(key)]
        if self.length == "standard" and not self.echoes.moment:
            opening.append(self._pick("courtesy", stage, key))
        middle = []
        if self.clarification:
            middle.append(self._pick("clarification", "any", key))
        if self.values["skills"] and self.length == "standard":
            middle.append(self._pick("transferable" if self.transferable else "skills", "any", key))
        closing_lines = []
        if self.strategy == "feedback":
            closing_lines.append(self._pick("feedback", "any", key))
        closing_lines.append(self._pick("interest", self.strategy, key))
        parts = [opening, middle, closing_lines]
        if not any("{company" in line for part in parts for line in part):
            closing_lines[-1] = self._naming_company(closing_lines[-1], key)
        if self.length == "standard":
            self._fit_length(parts, key)
        paragraphs = [" ".join(self._fill(line) for line in part) for part in parts if part]
        signature = self._signature(key)
        return "\n\n".join([self._greeting(key), *paragraphs, signature])

    def _specifics(self, key: str) -> list[str]:
        """The lines only this letter could hold: the user's detail, then the email's echoes."""
        lines = []
        if self.context.company_detail:
            lines.append(self._pick("detail", "any", key))
        echoes = self.echoes
        kind = "praise" if echoes.praise else "praise_clause" if echoes.praise_clause else None
        if kind:
            lines.append(self._pick(kind, "any", key))
        if echoes.moment and (len(lines) < 2 or self.length == "standard"):
            lines.append(self._pick("moment", "any", key))
        if echoes.plans and self.strategy == "future" and len(lines) < 2:
            lines.append(self._pick("plans", "any", key))
        return lines

    def _naming_company(self, wording: str, key: str) -> str:
        """An interest line that names the company, so every letter does."""
        naming = [w for w in self.bank["interest"].get(self.strategy, ()) if "{company" in w]
        if not naming:
            return wording
        digest = _digest(f"{key}|naming|{self._identity}")
        return naming[digest[0] % len(naming)]

    def _fit_length(self, parts: list[list[str]], key: str) -> None:
        """Keep a standard body between 60 and 150 words: add a good wish, or drop extras."""

        def words() -> int:
            return sum(len(self._fill(line).split()) for part in parts for line in part)

        if words() < MIN_BODY_WORDS:
            parts[2].append(self._pick("wish", "any", key))
        opening, middle, _ = parts
        while words() > MAX_BODY_WORDS and (middle or len(opening) > 2):
            (middle if middle else opening).pop()

    def _signature(self, key: str) -> str:
        lines = [self._pick("closing", self.tone, key)]
        context = self.context
        lines += [
            value
            for value in (
                context.sender_name,
                context.sender_phone,
                context.sender_email,
                context.sender_linkedin,
            )
            if value
        ]
        return "\n".join(lines)

    def _subject(self, key: str) -> str:
        their = self.context.their_subject
        if their:
            subject = their if their.lower().startswith("re:") else f"Re: {their}"
            return _fit(subject)
        if not self.values["role"]:
            return self._pick("subject", "plain", key)
        wordings = self.bank["subject"]["email"]
        if not self.values["sender"]:
            wordings = tuple(w for w in wordings if "{sender}" not in w) or wordings[:1]
        digest = _digest(f"{key}|subject|{self._identity}")
        return _fit(self._fill(wordings[digest[0] % len(wordings)]))

    def _note(self, key: str) -> str:
        stage = "interview" if self.context.after_interview else "application"
        note = self._fill(self._pick("note", stage, key))
        if not self.values["first"]:
            note = note.replace("Hi , ", "Hello, ", 1)
        return note


def _digest(text: str) -> bytes:
    """A stable choice of wording for the same inputs, in every process and on every OS."""
    import hashlib  # only composing needs it; the reviewer's cold start does not

    return hashlib.sha256(text.encode()).digest()


def _fit(subject: str) -> str:
    """A subject line cut at a word to fit mail clients' eighty characters."""
    if len(subject) <= MAX_SUBJECT:
        return subject
    cut = subject[: MAX_SUBJECT - 1].rsplit(" ", 1)[0].rstrip(" –-,")
    return cut + "…"
