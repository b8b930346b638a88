"""Continued interest: say that you would welcome future opportunities."""

from __future__ import annotations

from collections.abc import Iterator

from afterword.review.model import Severity
from afterword.review.patterns import Pattern
from afterword.review.registry import declare
from afterword.review.rule import Case, Hit
from afterword.review.rules._shared import body_hit

_INTEREST = Pattern(
    r"\b("
    r"(considered|consider (me|future|applying|another|other)|think of me|keep me in mind|keep my (name|details|cv|r[ée]sum[ée]|application|profile))\b"
    r"|(future|upcoming|later|new|other|similar|next)( [\w-]+){0,3} (roles?|openings?|op?p?or?t?u?nit(y|ies)|positions?|vacanc(y|ies)|postings?|jobs?|hiring|chances?)"
    r"|(future|upcoming)( [\w-]+){0,3} (projects?|work|productions?|seasons?|shows?|tours?|cohorts?|programs?|programmes?|intakes?|cycles?|rounds?|hires?|contracts?|assignments?|gigs?|shifts?|campaigns?|engagements?|searches|recruitment|posts?|collaborations?)"
    r"|(if|should|when|whenever) (anything|something|a [\w -]{0,30}?(role|position|opening|spot|vacancy))( at all| else)? (opens?( up)?|comes? up|becomes? (available|relevant|free|vacant)|arises?)"
    r"|(would|'d) be (very )?(pleased|glad|happy|delighted) to (talk|chat|reconnect|connect|help)"
    r"|(be|being) part of|in any capacity|any future"
    r"|(still )?(want|love|like|hope) to (work|be) (at|with|for|on|part)"
    r"|(work|working|contribute|contributing|help|helping|collaborat\w+)\b[^.!?]{0,60}\bin (the )?future"
    r"|give me a (shout|call|ring|bell)|if you (ever )?need (a|an|another|extra|more|some) "
    r"|still (be )?(very |highly |keenly |really )?(interested|keen|open)"
    r"|(i'd|i would|i'll|i will) (still |definitely |really |very )?be (very |really )?keen"
    r"|(work|working) (together|with you)\b"
    r"|(roles?|openings?|positions?|op?p?or?t?u?nit(y|ies)) in the future"
    r"|another chance|(take|accept) any (role|shift|position|job|opening)"
    r"|down the (line|road)|later this year|next (hiring )?(cycle|round|season)"
    r"|stay(ing)? (in touch|connected)|keep in touch|(reconnect|connect again|cross paths|paths (will |may )?cross|hear from you)"
    r"|apply(ing)? (again|in (the )?future)|reapply|re-apply"
    r"|(remain|am still|'m still|still) (very |highly |keenly |deeply )?(interested|keen|excited)"
    r"|(another|a similar|a new|other|any) [\w -]{0,40}?(role|opening|position|job|spot|vacancy|op?p?or?t?u?nit(y|ies))s? (opens?|comes? up|becomes? available|arises?|at|with|in|on|there|down)"
    r"|when you('re| are) hiring|if you take on|hiring again"
    r"|(be|being) part of (your|the) team|(join|joining) (your|the) team"
    r"|on file|careers page|job postings"
    r")"
)


@declare(
    code="interest.missing",
    id="interest.missing",
    severity=Severity.WARNING,
    message="Say that you would welcome future opportunities with them; that keeps the door open.",
    why="Keep the door open for future opportunities: a simple statement of continued interest keeps your profile top of mind for the next opening.",
    fix="Add a line such as 'I would welcome the chance to be considered for future roles on the team.'",
    bad=(
        "Dear Ana,\n\nThank you for letting me know. I wish you all the best in filling the role.\n\nBest,\nLee",
    ),
    good=(
        "Dear Ana,\n\nThank you for letting me know. I would be glad to be considered for future roles.\n\nBest,\nLee",
        "Dear Ana,\n\nThank you. I hope we stay in touch.\n\nBest,\nLee",
    ),
)
def missing_interest(case: Case) -> Iterator[Hit]:
    doc = case.doc
    if not doc.body_text.strip():
        return
    # The door-opening line usually closes the letter, so look from the end.
    spans = [*reversed(doc.paragraphs), *([doc.closing] if doc.closing else [])]
    if any(_INTEREST.search(case, span.start, span.end) for span in spans):
        return
    if doc.subject and _INTEREST.search(case, doc.subject.start, doc.subject.end):
        return
    yield body_hit(case)
