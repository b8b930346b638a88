"""Review a post-rejection draft like a career coach: text and context in, findings out."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from afterword.context import Context, context_from_dict
from afterword.review.config import DEFAULT_CONFIG, ReviewConfig
from afterword.review.model import Finding, Review, Severity
from afterword.review.registry import all_rules
from afterword.review.rule import Case, Rule

# Longer input is not a follow-up; reviewing it rule by rule would only waste time.
MAX_REVIEW_CHARS = 50_000

__all__ = ["MAX_REVIEW_CHARS", "Finding", "Review", "ReviewConfig", "Severity", "review"]


def review(
    text: str,
    context: Context | Mapping[str, Any] | None = None,
    config: ReviewConfig = DEFAULT_CONFIG,
) -> Review:
    """Review one draft. Pure and deterministic; never raises on any text.

    A context given as a mapping is validated first: a field of the wrong type raises
    ContextError (the shells turn that into a one-line message).
    """
    if not isinstance(context, Context):
        context = context_from_dict(context)
    if len(text) > MAX_REVIEW_CHARS:
        return _too_long_to_review(text)
    case = Case(text, context, config, lambda: _dictionary_for(config))
    findings = []
    for rule in _rules_for(config):
        for hit in rule.check(case):
            start = max(0, min(hit.start, len(text)))
            end = max(start, min(hit.end, len(text)))
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    code=rule.code,
                    rule=rule.id,
                    severity=hit.severity or rule.severity,
                    message=hit.message or rule.message,
                    why=rule.why,
                    excerpt=text[start:end],
                    suggestion=hit.suggestion,
                    fix=rule.fix,
                )
            )
    findings = _one_phrase_per_sentence(case, _outside_their_subject(case, findings))
    findings.sort(key=lambda item: (item.start, item.code, item.rule, item.end))
    return Review(text=text, findings=tuple(findings), stats=_stats(case, findings))


def _outside_their_subject(case: Case, findings: list[Finding]) -> list[Finding]:
    """A reply's "Re: <their subject>" is their wording, kept as they wrote it: not ours to fix."""
    theirs = case.context.their_subject
    subject = case.doc.subject
    if not theirs or subject is None:
        return findings
    line = _bare_subject(case.text[subject.start : subject.end])
    # A long subject is cut at a word with "…" to fit mail clients; it is still theirs.
    if not (line == _bare_subject(theirs) or _is_cut_from(line, _bare_subject(theirs))):
        return findings
    return [f for f in findings if not (subject.start <= f.start and f.end <= subject.end)]


def _is_cut_from(line: str, theirs: str) -> bool:
    return line.endswith("…") and len(line) > 1 and theirs.startswith(line[:-1].rstrip())


def _bare_subject(line: str) -> str:
    """The subject without "Subject:" and any "Re:"/"Fwd:" prefixes, spaced and cased alike."""
    text = line.strip()
    while True:
        head, colon, rest = text.partition(":")
        if colon and head.strip().lower() in ("subject", "re", "fw", "fwd", "aw", "sv"):
            text = rest.strip()
            continue
        return " ".join(text.split()).casefold()


def _one_phrase_per_sentence(case: Case, findings: list[Finding]) -> list[Finding]:
    """Keep one phrase-list finding per code and sentence; more would repeat one point."""
    kept: dict[tuple[str, bool, int, int], Finding] = {}
    others = []
    phrase_rules = _phrase_rule_ids()
    for finding in findings:
        sentence = case.sentence_of(finding.start)
        if (
            finding.rule not in phrase_rules
            or sentence.end <= sentence.start
            or finding.end > sentence.end
        ):
            others.append(finding)
            continue
        key = (finding.code, finding.severity.blocks, sentence.start, sentence.end)
        current = kept.get(key)
        if current is None or finding.severity.rank < current.severity.rank:
            kept[key] = finding
    return others + list(kept.values())


@cache
def _phrase_rule_ids() -> frozenset[str]:
    return frozenset(rule.id for rule in all_rules() if rule.kind == "phrase list")


@cache
def _dictionary_for(config: ReviewConfig):
    """The shared English dictionary, with the user's own words when they gave some."""
    from afterword.review.spelling import english

    return english().with_words(config.words) if config.words else english()


@cache
def _rules_for(config: ReviewConfig) -> tuple[Rule, ...]:
    from afterword.review.custom import custom_rules

    rules = [rule for rule in all_rules() if not config.is_disabled(rule.code, rule.id)]
    rules.extend(custom_rules(config))
    return tuple(rules)


def _stats(case: Case, findings: list[Finding]) -> dict[str, Any]:
    doc = case.doc
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return {
        "characters": len(case.text),
        "words": doc.word_count,
        "sentences": len(doc.sentences),
        "paragraphs": len(doc.paragraphs),
        "grade_level": doc.grade_level,
        "has_subject": doc.subject is not None,
        "has_greeting": doc.greeting is not None,
        "has_signoff": doc.closing is not None or doc.signature is not None,
        **counts,
    }


def _too_long_to_review(text: str) -> Review:
    shown = min(len(text), 80)
    finding = Finding(
        start=0,
        end=shown,
        code="concise.too_long",
        rule="concise.too_long.input",
        severity=Severity.ERROR,
        message=f"At {len(text):,} characters this is far longer than any follow-up.",
        why="Clear and concise message: keep the message brief, focused and easy to read.",
        excerpt=text[:shown],
        fix="Paste only the message you plan to send.",
    )
    return Review(
        text=text,
        findings=(finding,),
        stats={"characters": len(text)},
        notices=(
            f"Only the length was checked: drafts over {MAX_REVIEW_CHARS:,} characters are not reviewed.",
        ),
    )
