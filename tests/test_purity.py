"""The core stays pure: no I/O, clock, database or shell libraries in the core packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "afterword"
CORE_FILES = [
    CORE / "context.py",
    *sorted((CORE / "review").rglob("*.py")),
    *sorted((CORE / "composer").rglob("*.py")),
    *sorted((CORE / "export").rglob("*.py")),
    *sorted((CORE / "inbox").rglob("*.py")),
    CORE / "folding.py",
    CORE / "vocabulary.py",
    CORE / "themes.py",
    # The tracker's pure half: timing policy, name matching, records, reading what to file.
    *(CORE / "tracker" / name for name in ("policy.py", "matching.py", "records.py", "intake.py")),
]
# urllib.parse is plain text handling and allowed; urllib.request is the network.
FORBIDDEN_MODULES = {"sqlalchemy", "fastapi", "typer", "rich", "time", "random", "socket",
                     "urllib.request", "http", "requests", "httpx", "os", "subprocess"}  # fmt: skip
FORBIDDEN_CALLS = {"open", "print", "input"}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        for name in names:
            forbidden = any(name == f or name.startswith(f + ".") for f in FORBIDDEN_MODULES)
            assert not forbidden, f"{path.name} imports {name}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}()"
        if isinstance(node, ast.Attribute) and node.attr in {"now", "today", "utcnow"}:
            raise AssertionError(f"{path.name} reads the clock")


def test_review_and_check_work_with_the_network_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from typer.testing import CliRunner

    from afterword import review
    from afterword.cli import app

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("afterword tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = review("Dear Sam,\n\nThank you for the tour of the harbour.\n\nBest,\nLee")
    assert result.findings
    outcome = CliRunner().invoke(app, ["check", "-", "--format", "json"], input="Thanks, Sam!")
    assert outcome.exit_code == 0
