"""Access tokens: off this computer afterword needs one, and each opens only its owner's data."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner
from web_helpers import REJECTION, csrf_token

from afterword.cli import app as cli_app
from afterword.web.settings import SettingsError, WebSettings, settings_from_env

ALICE, BOB = "alice-token-0123456789", "bob-token-0123456789ab"


def test_serving_beyond_this_computer_without_a_token_is_refused() -> None:
    with pytest.raises(SettingsError, match="access token"):
        WebSettings(host="0.0.0.0").check()
    with pytest.raises(SettingsError, match="at least 16"):
        WebSettings(host="0.0.0.0", tokens={"short": "me"}).check()


def test_afterword_serve_on_all_addresses_without_a_token_exits_2(monkeypatch) -> None:
    monkeypatch.delenv("AFTERWORD_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("AFTERWORD_ACCESS_TOKENS", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "access token" in result.stderr
    assert "Traceback" not in result.output


def test_tokens_for_many_people_come_from_the_environment() -> None:
    settings = settings_from_env(
        {"AFTERWORD_HOST": "0.0.0.0", "AFTERWORD_ACCESS_TOKENS": f"alice:{ALICE},bob:{BOB}"}
    )
    assert settings.owner_for(ALICE) == "alice"
    assert settings.owner_for(BOB) == "bob"
    assert settings.owner_for("guess-guess-guess-guess") is None
    with pytest.raises(SettingsError, match="alice:token1"):
        settings_from_env({"AFTERWORD_ACCESS_TOKENS": "just-a-token-without-owner"})


def test_with_a_token_set_every_page_and_api_call_requires_it(make_client) -> None:
    shared = make_client(tokens={ALICE: "alice"}, host="0.0.0.0")
    assert shared.get("/").status_code == 303
    assert shared.get("/").headers["location"].startswith("/login")
    answer = shared.get("/api/track/due")
    assert answer.status_code == 401
    assert "Bearer" in answer.json()["error"]
    wrong = shared.get("/api/track/due", headers={"authorization": "Bearer not-the-token-at-all"})
    assert wrong.status_code == 401
    right = shared.get("/api/track/due", headers={"authorization": f"Bearer {ALICE}"})
    assert right.status_code == 200
    assert shared.get("/static/app.css").status_code == 200


def test_signing_in_with_the_token_opens_the_pages(make_client) -> None:
    shared = make_client(tokens={ALICE: "alice"}, host="0.0.0.0")
    token = csrf_token(shared, "/login")
    wrong = shared.post("/login", data={"csrf_token": token, "token": "nope", "next": "/feedback"})
    assert wrong.status_code == 401
    assert "not right" in wrong.text
    signed = shared.post("/login", data={"csrf_token": token, "token": ALICE, "next": "/feedback"})
    assert signed.status_code == 303
    assert signed.headers["location"] == "/feedback"
    assert (
        "HttpOnly" in signed.headers["set-cookie"]
        and "SameSite=Strict" in signed.headers["set-cookie"]
    )
    assert shared.get("/feedback").status_code == 200
    shared.post("/logout", data={"csrf_token": token})
    assert shared.get("/feedback").status_code == 303


def test_each_token_opens_only_its_owners_data(make_client) -> None:
    shared = make_client(tokens={ALICE: "alice", BOB: "bob"}, host="0.0.0.0")
    alice = {"authorization": f"Bearer {ALICE}"}
    bob = {"authorization": f"Bearer {BOB}"}
    shared.post("/api/track/rejections", json={"text": REJECTION}, headers=alice)
    assert len(shared.get("/api/track/rejections", headers=alice).json()) == 1
    assert shared.get("/api/track/rejections", headers=bob).json() == []
    assert shared.get("/api/track/rejections/1", headers=bob).status_code == 404


def test_a_revoked_token_ends_its_sessions(make_client, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    before = make_client(url, tokens={ALICE: "alice"}, host="0.0.0.0", secret_key="k" * 32)
    token = csrf_token(before, "/login")
    before.post("/login", data={"csrf_token": token, "token": ALICE})
    cookie = before.cookies.get("afterword_session")
    same = make_client(url, tokens={ALICE: "alice"}, host="0.0.0.0", secret_key="k" * 32)
    same.cookies.set("afterword_session", cookie)
    assert same.get("/guide").status_code == 200  # any worker with the same key accepts it
    revoked = make_client(url, tokens={BOB: "alice"}, host="0.0.0.0", secret_key="k" * 32)
    revoked.cookies.set("afterword_session", cookie)
    assert revoked.get("/guide").status_code == 303
