"""Make the README's screenshots: a few weeks of a job search, shown page by page.

    .venv/bin/python tests/e2e/docs_screenshots.py

Writes docs/screenshots/*.png from a live server on loopback over a throwaway SQLite
database (fixed clock, made-up people), with Debian's Chromium, as the browser tests do.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, NOW, PHONE, REJECTION, LiveServer

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
HISTORY = [
    ("Harbourline Ferries", "Operations Coordinator", 2, "Adaeze Okoro", None),
    ("Bellweather Bakery", "Pastry Chef", 5, "Aiko Tanaka", None),
    (
        "Northwind Labs",
        "Support Lead",
        12,
        "Sam Okafor",
        "Another candidate had more years leading a support team.",
    ),
    (
        "Cobalt & Pine",
        "Product Designer",
        19,
        "Ana Ruiz",
        "The role has been put on hold until the autumn.",
    ),
    (
        "Orchard Health",
        "Nurse Educator",
        33,
        None,
        "We needed more experience with simulation training.",
    ),
    ("Granite Works", "Supply Chain Planner", 47, "Tom Reyes", "An internal candidate was chosen."),
    (
        "Meridian Studio",
        "Data Analyst",
        61,
        "Lena Fischer",
        "We needed more depth in forecasting tools.",
    ),
    ("Juniper Foods", "Operations Analyst", 75, None, None),
]
ROUGH_DRAFT = """\
Subject: Thanks

Dear Priya,

Thank you for letting me know. Frankly I am dissapointed: your process was a joke and \
i think the panel never read my portfolio!!

I would still love to hear about future roles at Lumenfield.

Jordan
"""


def seed(server: LiveServer) -> None:
    with server.tracker() as tracker:
        tracker.update_profile(name="Jordan Ellis", email="jordan@example.com",
                               skills=("forecasting", "stakeholder reporting"))  # fmt: skip
        for number, (company, role, days_ago, contact, feedback) in enumerate(HISTORY):
            received = NOW.date() - dt.timedelta(days=days_ago)
            tracker.add_application(
                company=company, role=role, applied=received - dt.timedelta(days=20)
            )
            rejection = tracker.add_rejection_fields(
                company=company, role=role, received=received, contact_name=contact,
                stage="interview" if number % 2 else "application",
            )  # fmt: skip
            if days_ago > 3 and contact:
                message = tracker.save_draft(
                    rejection.id, subject=f"Thank you – {role}", body="Dear team,\n\nThank you.",
                    strategy="gratitude", verdict="ready", findings=[],
                )  # fmt: skip
                sent = dt.datetime.combine(received + dt.timedelta(days=2), dt.time(12), NOW.tzinfo)
                tracker.mark_sent(message.id, sent_on=sent)
                if number % 3 == 0:
                    tracker.log_reply(rejection.id, received=received + dt.timedelta(days=4))
            if feedback:
                tracker.log_feedback(rejection.id, text=feedback, received=received)


def main() -> int:
    from playwright.sync_api import expect, sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        server = LiveServer(f"sqlite:///{Path(folder) / 'docs.db'}")
        server.start()
        try:
            seed(server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport=DESKTOP, base_url=server.url)
                for name, path in (("today", "/"), ("companies", "/companies/3"),
                                   ("feedback", "/feedback"), ("guide", "/guide")):  # fmt: skip
                    page.goto(path)
                    page.screenshot(path=str(OUT / f"{name}.png"), full_page=name != "guide")
                page.goto("/new")
                page.get_by_label("Paste the email").fill(REJECTION)
                page.get_by_role("button", name="Read the email").click()
                page.screenshot(path=str(OUT / "details.png"), full_page=True)
                page.get_by_label("One thing that stood out to you about Lumenfield").fill(
                    "the way your analysts publish every dashboard with its method notes"
                )
                page.get_by_role("button", name="Write the draft").click()
                draft = page.get_by_role("textbox", name="Draft")
                draft.fill(ROUGH_DRAFT)
                expect(page.locator("#backdrop mark", has_text="dissapointed")).to_have_count(1)
                page.screenshot(path=str(OUT / "editor.png"))
                phone = browser.new_page(viewport=PHONE, base_url=server.url)
                phone.goto("/")
                phone.screenshot(path=str(OUT / "today-phone.png"))
                browser.close()
        finally:
            server.stop()
    for made in sorted(OUT.glob("*.png")):
        sys.stdout.write(f"{made.relative_to(OUT.parents[1])}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
