"""Render reviews and rules for the terminal with Rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule as Divider
from rich.text import Text

from afterword.cli.inputs import silence_stdout
from afterword.review import Review, Severity
from afterword.review.model import Finding

STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.SUGGESTION: "cyan",
}
HIGHLIGHTS = {
    Severity.ERROR: "bold white on red",
    Severity.WARNING: "black on yellow",
    Severity.SUGGESTION: "underline cyan",
}
HEADINGS = {
    Severity.ERROR: "Must fix",
    Severity.WARNING: "Should fix",
    Severity.SUGGESTION: "Worth considering",
}


class ReportConsole(Console):
    """A console that stops quietly when the reader leaves early (as `| head` does).

    Rich exits with status 1 on a broken pipe; afterword keeps the verdict's exit code.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        silence_stdout()


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def highlighted_draft(result: Review) -> Text:
    """The draft with each finding's span marked by severity; the worst mark wins."""
    text = Text(result.text or "(empty draft)")
    for finding in sorted(result.findings, key=lambda item: -item.severity.rank):
        if finding.end > finding.start and finding.end - finding.start < len(result.text):
            text.stylize(HIGHLIGHTS[finding.severity], finding.start, finding.end)
    return text


def finding_block(number: int, finding: Finding, text: str) -> Group:
    style = STYLES[finding.severity]
    head = Text.assemble((f"{number:>2}. ", style), (finding.message, "bold"))
    where = Text(f"{finding.code} · line {line_of(text, finding.start)}", style="dim")
    excerpt = " ".join(finding.excerpt.split())
    if excerpt and finding.end - finding.start < 200:
        where.append_text(Text.assemble(("  “", "dim"), (excerpt, style), ("”", "dim")))
    details = [where]
    if finding.advice:
        details.append(Text.assemble(("Fix: ", "green"), (finding.advice, "")))
    details.append(Text.assemble(("Why: ", "dim"), (finding.why, "dim")))
    return Group(head, Padding(Group(*details), (0, 0, 0, 4)))


def verdict_line(result: Review) -> Text:
    grouped = result.by_severity()
    counts = ", ".join(
        f"{len(items)} {name}{'s' if len(items) != 1 else ''}"
        for severity, name in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"))
        if (items := grouped[severity])
    )
    if result.ready:
        extra = len(grouped[Severity.SUGGESTION])
        tail = f" ({extra} optional suggestion{'s' if extra != 1 else ''})" if extra else ""
        return Text(f"✔ Ready to send.{tail}", style="bold green")
    return Text(f"✘ Revise before sending: {counts}.", style="bold red")


def render_review(result: Review, name: str, console: Console | None = None) -> None:
    console = console or ReportConsole(highlight=False)
    for notice in result.notices:
        console.print(Text(f"Note: {notice}", style="yellow"))
    console.print(
        Panel(
            highlighted_draft(result),
            title=Text(f"Draft · {name}"),
            title_align="left",
            border_style="dim",
        )
    )
    grouped = result.by_severity()
    number = 0
    for severity in Severity:
        items = grouped[severity]
        if not items:
            continue
        console.print(
            Divider(f"{HEADINGS[severity]} ({len(items)})", style=STYLES[severity], align="left")
        )
        for finding in items:
            number += 1
            console.print(Padding(finding_block(number, finding, result.text), (0, 0, 1, 0)))
    console.print(verdict_line(result))


def render_rules(console: Console | None = None) -> None:
    from afterword.review.registry import all_rules

    console = console or ReportConsole(highlight=False)
    for rule in all_rules():
        console.print(
            Text.assemble(
                (f"{rule.id}", "bold"),
                ("  ", ""),
                (rule.severity.value, STYLES[rule.severity]),
                ("  ", ""),
                (rule.message, ""),
            )
        )
