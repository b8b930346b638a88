"""`afterword serve`: what it starts, with what settings, and what it refuses."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from afterword.cli import app as cli_app
from afterword.web.settings import ENV_SECRET


def test_the_cli_loads_no_web_stack_until_serve_runs() -> None:
    probe = (
        "import sys; import afterword.cli; "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'jinja2', 'pydantic') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, home) -> dict:
    """Run `afterword serve` up to the point where uvicorn would take over, and capture that."""
    import uvicorn

    captured: dict = {}
    monkeypatch.setattr(
        uvicorn, "run", lambda target, **options: captured.update(target=target, **options)
    )
    names = ("AFTERWORD_ACCESS_TOKEN", "AFTERWORD_ACCESS_TOKENS", ENV_SECRET, "AFTERWORD_HOST")
    for name in (*names, "AFTERWORD_DATABASE_URL"):
        # Set, then removed: monkeypatch then also removes what serve itself exports.
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    return captured


def test_serve_starts_the_app_factory_on_loopback_with_the_sqlite_default(started, home) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--no-browser"])
    assert result.exit_code == 0, result.output
    assert started["target"] == "afterword.web.app:create_app_from_env"
    assert started["factory"] is True
    assert started["host"] == "127.0.0.1"
    assert "afterword is running at http://127.0.0.1:" in result.stdout
    assert (home / "data-home" / "afterword" / "afterword.db").exists()  # migrated before workers


def test_workers_share_one_signing_key_through_the_environment(started, monkeypatch) -> None:
    import os

    result = CliRunner().invoke(cli_app, ["serve", "--no-browser", "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert started["workers"] == 3
    assert len(os.environ[ENV_SECRET]) >= 32


def test_a_token_lets_serve_listen_on_every_address(started) -> None:
    result = CliRunner().invoke(
        cli_app, ["serve", "--no-browser", "--host", "0.0.0.0", "--token", "t" * 24]
    )
    assert result.exit_code == 0, result.output
    assert started["host"] == "0.0.0.0"


def test_a_busy_port_asked_for_is_refused_in_one_line(started) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli_app, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port} is already in use" in result.stderr
    assert "target" not in started


def test_a_database_that_cannot_open_is_refused_before_serving(started, home) -> None:
    missing = home / "no-such-folder" / "x.db"
    result = CliRunner().invoke(
        cli_app, ["serve", "--no-browser", "--database", f"sqlite:///{missing}"]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "target" not in started


def test_each_worker_builds_its_app_from_the_environment(monkeypatch, tmp_path) -> None:
    from afterword.web.app import create_app_from_env

    monkeypatch.setenv("AFTERWORD_DATABASE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("AFTERWORD_HOST", "0.0.0.0")
    monkeypatch.setenv("AFTERWORD_ACCESS_TOKENS", "ann:" + "a" * 20)
    monkeypatch.setenv(ENV_SECRET, "shared-secret-key-for-all-workers")
    app = create_app_from_env()
    assert app.state.settings.owner_for("a" * 20) == "ann"
    assert app.state.settings.secret_key == "shared-secret-key-for-all-workers"


def test_the_cookie_key_is_kept_between_runs_so_open_pages_still_save(started, home) -> None:
    import os

    CliRunner().invoke(cli_app, ["serve", "--no-browser"])
    first = os.environ[ENV_SECRET]
    os.environ.pop(ENV_SECRET)
    CliRunner().invoke(cli_app, ["serve", "--no-browser"])
    assert os.environ[ENV_SECRET] == first
    kept = home / "data-home" / "afterword" / "web-secret"
    assert kept.stat().st_mode & 0o077 == 0  # readable by its owner only
