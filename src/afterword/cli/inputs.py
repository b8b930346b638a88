"""Read what the user hands the CLI, turning every problem into a one-line InputError."""

from __future__ import annotations

import json
import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from afterword.context import Context, ContextError, context_from_dict
from afterword.review.config import DEFAULT_CONFIG, ConfigError, ReviewConfig, config_from_dict

MAX_INPUT_BYTES = 1_000_000
END_OF_PASTE = "then press Ctrl-D (Ctrl-Z and Enter on Windows)"


class InputError(Exception):
    """Bad input from the user; the message is the one line they will see."""


@dataclass(frozen=True)
class DraftInput:
    text: str
    name: str
    notices: tuple[str, ...] = ()


def silence_stdout() -> None:
    """The reader left early (as `| head` does): send the rest of the output nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def read_bytes(
    path: str, what: str, limit: int = MAX_INPUT_BYTES, prompt: str | None = None
) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input for '-', refusing anything over the limit."""
    stream, name = open_input(path, what, prompt or f"Paste your {what}, {END_OF_PASTE}.")
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read {what} {name}: {error.strerror or error}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if len(data) > limit:
        raise InputError(
            f"{what} is too long: afterword reads up to {limit // 1_000_000} MB; "
            "paste only the message you plan to send"
        )
    return data, name


def open_input(path: str, what: str, prompt: str) -> tuple[BinaryIO, str]:
    """A binary stream over a file, or standard input for '-', and the name to show for it."""
    if path == "-":
        if sys.stdin.isatty():
            sys.stderr.write(prompt + "\n")
        return sys.stdin.buffer, "standard input"
    file = Path(path)
    if not file.exists():
        raise InputError(f"{what} not found: {path}")
    if file.is_dir():
        raise InputError(f"{what} is a folder, not a file: {path}")
    try:
        return file.open("rb"), path
    except OSError as error:
        raise InputError(f"cannot read {what} {path}: {error.strerror or error}") from None


def read_draft(path: str) -> DraftInput:
    """A draft as text; undecodable bytes are replaced and the user is told."""
    data, name = read_bytes(path, "draft")
    return decode_draft(data, name)


def decode_draft(data: bytes, name: str) -> DraftInput:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not a text draft")
    notices = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        notices.append(
            "The draft is not valid UTF-8; unreadable bytes are shown as � and may hide typos."
        )
    return DraftInput(text=text, name=name, notices=tuple(notices))


def read_context(path: str | None) -> Context:
    if path is None:
        return Context()
    data, name = read_bytes(path, "context file")
    return parse_context(data, name)


def parse_context(data: bytes | str | dict | None, name: str = "context") -> Context:
    decoded: Any = data
    if isinstance(data, bytes | str):
        try:
            decoded = json.loads(data)
        except UnicodeDecodeError:
            raise InputError(f"{name} is not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise InputError(
                f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
    try:
        return context_from_dict(decoded)
    except ContextError as error:
        raise InputError(f"{name}: {error}") from None


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("afterword")) / "config.toml"


def read_config(path: str | None) -> ReviewConfig:
    """The user's config: the given file, else the one in their config folder, else defaults."""
    if path is None:
        file = default_config_path()
        if not file.is_file():
            return DEFAULT_CONFIG
        path = str(file)
    data, name = read_bytes(path, "config file")
    try:
        decoded = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"config file {name} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"config file {name} is not valid TOML: {error}") from None
    try:
        return config_from_dict(decoded)
    except ConfigError as error:
        raise InputError(f"config file {name}: {error}") from None
