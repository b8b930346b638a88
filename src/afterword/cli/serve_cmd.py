"""`afterword serve`: the web app in the browser, on this computer by default.

Only typer is imported at module level: the web stack loads when the command runs, so
`afterword check` starts as fast as before.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from afterword.cli import app, fail

DEFAULT_PORT = 8000
PORT_TRIES = 20
BROWSER_WAIT_SECONDS = 20.0


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but this computer needs an access token."
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=65535,
            help=f"Port to listen on (default {DEFAULT_PORT}, or the next free one).",
        ),
    ] = None,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open the browser.")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(help="Access token to require (or set AFTERWORD_ACCESS_TOKEN)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes, for many users on one server.")
    ] = 1,
    database: Annotated[
        str | None,
        typer.Option(
            help="Database URL (default AFTERWORD_DATABASE_URL, or SQLite in your data folder)."
        ),
    ] = None,
) -> None:
    """Open afterword in your browser: paste a rejection, write the reply, keep track."""
    import os
    import secrets

    from afterword.web.settings import (
        ENV_DATABASE,
        ENV_HOST,
        ENV_SECRET,
        ENV_TOKEN,
        SettingsError,
        is_loopback,
        settings_from_env,
    )

    env = dict(os.environ)
    env[ENV_HOST] = host
    if token:
        env[ENV_TOKEN] = token
    if database:
        env[ENV_DATABASE] = database
    # One key for every worker, so a cookie signed by one is good at all of them; kept
    # between runs, so a page left open across a restart still saves.
    if not env.get(ENV_SECRET):
        env[ENV_SECRET] = _kept_secret() or secrets.token_urlsafe(32)
    try:
        settings = settings_from_env(env)
    except SettingsError as error:
        fail(str(error))
        return
    chosen = _free_port(host, port)
    _prepare_database(settings.database_url)
    os.environ.update(
        {key: env[key] for key in (ENV_HOST, ENV_SECRET, ENV_TOKEN, ENV_DATABASE) if key in env}
    )

    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") or is_loopback(host) else host
    url = f"http://{shown_host if ':' not in shown_host else f'[{shown_host}]'}:{chosen}/"
    sys.stdout.write(f"afterword is running at {url}\nPress Ctrl+C to stop.\n")
    sys.stdout.flush()
    if not no_browser:
        _open_browser_when_ready(url, shown_host, chosen)

    import uvicorn

    uvicorn.run(
        "afterword.web.app:create_app_from_env",
        factory=True,
        host=host,
        port=chosen,
        workers=workers,
        log_level="warning",
        server_header=False,
    )


def _kept_secret() -> str | None:
    """The key in the user's data folder (made on first use), or None if it cannot be kept."""
    import os
    import secrets
    from pathlib import Path

    from platformdirs import user_data_dir

    path = Path(user_data_dir("afterword")) / "web-secret"
    try:
        if path.is_file():
            kept = path.read_text(encoding="ascii").strip()
            if len(kept) >= 32:
                return kept
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(32)
        # Written beside it and renamed into place: two starts at once never read half a key.
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(key + "\n")
        os.replace(temporary, path)
        return key
    except (OSError, UnicodeDecodeError):
        return None


def _free_port(host: str, wanted: int | None) -> int:
    """The port asked for, or the first free one from 8000 when none was asked for."""
    candidates = [wanted] if wanted is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES)
    for candidate in candidates:
        if _can_bind(host, candidate):
            return candidate
    if wanted is not None:
        fail(f"port {wanted} is already in use; choose another with --port")
    fail(
        f"ports {DEFAULT_PORT} to {DEFAULT_PORT + PORT_TRIES - 1} are all in use; choose one with --port"
    )
    raise AssertionError("unreachable")


def _can_bind(host: str, port: int) -> bool:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            fail(f"cannot listen on {host!r}: that is not an address of this computer")
        except OSError:
            return False
    return True


def _prepare_database(url: str | None) -> None:
    """Open (and migrate) the database once, before any worker starts, or say why not."""
    from afterword.tracking import TrackerError, open_tracker

    try:
        open_tracker(url).close()
    except TrackerError as error:
        fail(str(error))


def _open_browser_when_ready(url: str, host: str, port: int) -> None:
    """Open the page as soon as the server accepts connections, from a helper thread."""
    import socket
    import threading
    import time
    import webbrowser

    def wait_then_open() -> None:
        deadline = time.monotonic() + BROWSER_WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((host, port), timeout=0.25):
                    break
            except OSError:
                time.sleep(0.1)
        webbrowser.open(url)

    threading.Thread(target=wait_then_open, name="afterword-browser", daemon=True).start()
