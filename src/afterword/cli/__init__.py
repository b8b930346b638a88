"""The afterword command line: a thin shell over the core."""

from __future__ import annotations

import gc
import json
import sys
from typing import Annotated

import typer

from afterword.cli.inputs import InputError

app = typer.Typer(
    name="afterword",
    help="The one gracious message after a job rejection: read it, write it, review it, keep track.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FORMATS = ("text", "json")
BATCH_FORMATS = ("jsonl",)


def _show_version(value: bool) -> None:
    if value:
        from afterword import __version__

        sys.stdout.write(f"afterword {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """The one gracious message after a job rejection: read it, write it, review it, keep track."""


def fail(message: str) -> None:
    """Print a one-line error and exit 2, the contract for bad input."""
    sys.stderr.write(f"afterword: {message}\n")
    raise typer.Exit(2)


@app.command()
def check(
    file: Annotated[
        str | None, typer.Argument(help="The draft to review, or - for standard input.")
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            "--context", "-c", help="A context JSON file: names, dates, earlier follow-ups."
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, or jsonl with --batch.")
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when the draft needs revision.")
    ] = False,
    config: Annotated[
        str | None, typer.Option("--config", help="A TOML file of your own settings.")
    ] = None,
    batch: Annotated[
        str | None,
        typer.Option("--batch", help="A JSONL file of cases: one {id, text, context} per line."),
    ] = None,
) -> None:
    """Review a follow-up draft like a career coach and say whether it is ready to send."""
    from afterword.cli import inputs
    from afterword.services import check_batch, check_draft

    try:
        settings = inputs.read_config(config)
        if batch is not None:
            if file is not None:
                fail("give either a draft file or --batch, not both")
            if output_format not in BATCH_FORMATS:
                fail(f"unknown --format {output_format!r} for --batch; choose jsonl")
            data, _ = inputs.read_bytes(batch, "batch file", limit=200_000_000)
            # JSON Lines are split on "\n" alone: U+2028 and friends may sit inside strings.
            lines = data.decode("utf-8", errors="replace").split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            lines = [line.removesuffix("\r") for line in lines]
            import orjson

            out = sys.stdout.buffer
            for result in check_batch(lines, settings):
                out.write(orjson.dumps(result) + b"\n")
            out.flush()
            return
        if output_format not in FORMATS:
            fail(f"unknown --format {output_format!r}; choose text or json")
        if file is None:
            fail("give a draft file to review, or - to read standard input")
        draft = inputs.read_draft(file)
        facts = inputs.read_context(context)
    except InputError as error:
        fail(str(error))
        return
    result = check_draft(draft.text, facts, settings, draft.notices)
    try:
        if output_format == "json":
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
            sys.stdout.flush()
        else:
            from afterword.cli.render import render_review

            render_review(result, draft.name)
    except BrokenPipeError:
        inputs.silence_stdout()  # the verdict's exit code still stands
    raise typer.Exit(1 if strict and not result.ready else 0)


@app.command()
def rules(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text or markdown.")
    ] = "text",
) -> None:
    """List every review rule with its code, severity and the advice behind it."""
    from afterword.review.docs import rules_markdown

    if output_format == "markdown":
        sys.stdout.write(rules_markdown())
    elif output_format == "text":
        from afterword.cli.render import render_rules

        render_rules()
    else:
        fail(f"unknown --format {output_format!r}; choose text or markdown")


@app.command()
def demo() -> None:
    """Review the bundled sample draft, to see what a report looks like."""
    from importlib import resources

    from afterword.cli.inputs import parse_context
    from afterword.cli.render import render_review
    from afterword.review.config import DEFAULT_CONFIG
    from afterword.services import check_draft

    samples = resources.files("afterword") / "samples"
    text = (samples / "draft.txt").read_text(encoding="utf-8")
    facts = parse_context((samples / "context.json").read_bytes(), "sample context")
    render_review(check_draft(text, facts, DEFAULT_CONFIG), "the sample draft")


# Each module registers its commands on `app` when imported.
from afterword.cli import (  # noqa: E402, F401
    compose_cmd,
    read_cmd,
    reply_cmd,
    serve_cmd,
    track_cmd,
)


def main() -> None:
    """Console entry point: no traceback ever reaches the user."""
    # A command is a short process that creates few reference cycles (a 1,200-draft batch
    # peaks at the same memory either way); skipping the collector's passes over the
    # freshly loaded rules and dictionary saves 10-15 ms of every start.
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("afterword: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug of ours: still one line, never a traceback
        sys.stderr.write(
            f"afterword: unexpected error ({type(error).__name__}: {error}); please report it\n"
        )
        sys.exit(3)
