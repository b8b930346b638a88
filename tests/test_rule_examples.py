"""Every rule's own examples are its tests: bad ones are flagged where marked, good ones pass."""

from __future__ import annotations

import pytest

from afterword import review
from afterword.review.registry import all_rules
from afterword.review.rule import Example, Rule

BAD = [(rule, example) for rule in all_rules() for example in rule.bad]
GOOD = [(rule, example) for rule in all_rules() for example in rule.good]


def _ids(pairs: list[tuple[Rule, Example]]) -> list[str]:
    return [f"{rule.id}:{index}" for index, (rule, _) in enumerate(pairs)]


def _findings(rule: Rule, text: str, context):
    return [finding for finding in review(text, context).findings if finding.rule == rule.id]


@pytest.mark.parametrize(("rule", "example"), BAD, ids=_ids(BAD))
def test_bad_example_is_flagged_once_at_the_marked_span(rule: Rule, example: Example) -> None:
    found = _findings(rule, example.plain, example.context)
    assert len(found) == 1, f"{rule.id} should flag {example.plain!r} once, got {found}"
    if example.marked is not None:
        finding = found[0]
        assert (finding.start, finding.end) == example.marked, (
            f"{rule.id} flagged {finding.excerpt!r}, expected "
            f"{example.plain[example.marked[0] : example.marked[1]]!r}"
        )


@pytest.mark.parametrize(("rule", "example"), BAD, ids=_ids(BAD))
def test_every_finding_says_how_to_fix_it_and_a_rewrite_clears_it(
    rule: Rule, example: Example
) -> None:
    found = _findings(rule, example.plain, example.context)
    assert found and found[0].advice, f"{rule.id} gives no fix for {example.plain!r}"
    replacement = found[0].suggestion
    if replacement is not None:
        fixed = example.plain[: found[0].start] + replacement + example.plain[found[0].end :]
        assert _findings(rule, fixed, example.context) == []


@pytest.mark.parametrize(("rule", "example"), GOOD, ids=_ids(GOOD))
def test_good_example_is_not_flagged(rule: Rule, example: Example) -> None:
    # A hedged or polite variant may still earn a gentler suggestion from the same rule.
    found = _findings(rule, example.plain, example.context)
    assert [finding for finding in found if finding.severity == rule.severity] == []
