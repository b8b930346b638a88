"""`afterword serve` refuses addresses it cannot listen on, in one line, before starting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "afterword"


def serve(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "AFTERWORD_ACCESS_TOKEN": "a-long-random-access-token-for-tests",
    }
    return subprocess.run(
        [str(SCRIPT), "serve", "--no-browser", *args],
        capture_output=True,
        text=True,
        cwd=home,
        env=env,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("port", ["0", "99999", "-1"])
def test_a_port_outside_the_range_is_refused(home: Path, port: str) -> None:
    done = serve("--port", port, home=home)
    assert done.returncode == 2
    assert "--port" in done.stderr and "Traceback" not in done.stderr


def test_a_host_name_that_is_not_this_computer_is_refused_in_one_line(home: Path) -> None:
    done = serve("--host", "no.such.host.invalid", home=home)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "afterword: cannot listen on 'no.such.host.invalid': that is not an address of this computer"
    ]
