"""The rule registry is well formed, and the generated reference matches it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from afterword.review.docs import gates_file_text, rules_markdown
from afterword.review.model import CODES, Severity
from afterword.review.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
LABEL_CODES = {
    "tone.negative", "tone.desperate", "boundary.pushy", "feedback.demanding",
    "gratitude.missing", "interest.missing", "personal.generic", "personal.placeholder",
    "personal.mismatch", "concise.too_long", "skills.overselling", "proof.spelling",
    "proof.grammar", "format.structure", "timing.late", "timing.repeat",
}  # fmt: skip


def test_every_rule_uses_a_known_code_and_a_unique_id() -> None:
    rules = all_rules()
    assert all(rule.code in CODES for rule in rules)
    duplicates = [rule_id for rule_id, count in Counter(r.id for r in rules).items() if count > 1]
    assert duplicates == []
    assert all(rule.id == rule.code or rule.id.startswith(rule.code + ".") for rule in rules)


def test_every_rule_declares_a_message_a_reason_and_examples() -> None:
    for rule in all_rules():
        assert rule.message.strip().endswith("."), rule.id
        assert len(rule.why) > 40, rule.id
        assert rule.bad and rule.good, rule.id
        assert isinstance(rule.severity, Severity)


def test_every_label_code_has_a_rule_that_can_block_sending() -> None:
    blocking = {rule.code for rule in all_rules() if rule.severity.blocks}
    assert blocking >= LABEL_CODES


def test_suggestion_only_codes_never_block_sending() -> None:
    for rule in all_rules():
        if rule.code not in LABEL_CODES:
            assert rule.severity is Severity.SUGGESTION, rule.id


def test_rules_reference_is_up_to_date() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), "docs/rules.md is stale: run `make docs`"


def test_shipped_phrase_gates_are_up_to_date() -> None:
    written = (ROOT / "src" / "afterword" / "data" / "lexicons" / "gates.json").read_text("utf-8")
    assert written == gates_file_text(), "gates.json is stale: run `make docs`"
