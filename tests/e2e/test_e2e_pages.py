"""Today's charts, the other pages at desktop and phone widths, and keyboard use."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_helpers import NOW, PHONE, screenshot
from playwright.sync_api import expect

PAGES = [
    ("today", "/"),
    ("new-follow-up", "/new"),
    ("companies", "/companies"),
    ("company", "/companies/1"),
    ("feedback", "/feedback"),
    ("guide", "/guide"),
    ("settings", "/settings"),
]


def seed(server) -> None:
    """A few weeks of a job search: rejections, follow-ups, a reply and some feedback."""
    with server.tracker() as tracker:
        today = NOW.date()
        rows = [
            ("Lumenfield", "Data Analyst", 3),
            ("Harbourline Ferries", "Operations Coordinator", 10),
            ("Bellweather Bakery", "Pastry Chef", 24),
            ("Northwind Labs", "Support Lead", 40),
        ]
        for number, (company, role, days_ago) in enumerate(rows):
            received = today - dt.timedelta(days=days_ago)
            rejection = tracker.add_rejection_fields(
                company=company, role=role, received=received, contact_name="Sam Okafor"
            )
            if number % 2:
                sent_at = dt.datetime.combine(
                    received + dt.timedelta(days=1), dt.time(12), NOW.tzinfo
                )
                message = tracker.save_draft(
                    rejection.id, subject="Thank you", body="Dear Sam,\n\nThank you.\n\nJordan",
                    strategy="gratitude", verdict="ready", findings=[],
                )  # fmt: skip
                tracker.mark_sent(message.id, sent_on=sent_at)
                tracker.log_reply(rejection.id, received=received + dt.timedelta(days=3))
        feedback = [
            (2, "We needed more depth in SQL.", "skills_gap"),
            (3, "An internal candidate was chosen.", "internal_candidate"),
            (4, "We were looking for more years of experience.", "experience_level"),
        ]
        for rejection_id, text, theme in feedback:
            tracker.log_feedback(rejection_id, text=text, received=today, themes=(theme,))


def test_todays_charts_render_with_their_numbers(page, server) -> None:
    seed(server)
    page.goto("/")
    timeline = page.locator("#timeline-chart svg")
    expect(timeline).to_be_visible()
    expect(timeline.locator("title").first).to_have_text("Your search, week by week")
    expect(timeline.locator("desc")).to_contain_text("4 rejections, 2 follow-ups sent, 2 replies")
    bars = timeline.locator("rect")
    assert bars.count() >= 6  # one per non-zero week and kind
    box = bars.first.bounding_box()
    assert box and box["height"] > 0 and box["width"] > 0

    themes = page.locator("#themes-chart svg")
    expect(themes.locator("rect.bar")).to_have_count(3)
    expect(themes.locator("desc")).to_contain_text("Skills gap 1")
    widths = [themes.locator("rect.bar").nth(i).bounding_box()["width"] for i in range(3)]
    assert min(widths) > 10

    page.locator("#timeline-chart summary").click()
    expect(page.locator("#timeline-chart table tbody tr")).to_have_count(12)
    screenshot(page, "today-desktop")


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_every_page_fits_a_phone_screen(phone, server, name, path) -> None:
    seed(server)
    phone.goto(path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {PHONE['width']}px"
    screenshot(phone, f"{name}-phone")


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_every_form_control_has_a_label(page, server, name, path) -> None:
    seed(server)
    page.goto(path)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll("input, select, textarea")]
            .filter(el => el.type !== "hidden")
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label"))
            .map(el => el.name || el.id)"""
    )
    assert unlabelled == []
    if name != "today":
        screenshot(page, f"{name}-desktop")


def test_the_keyboard_reaches_the_content_with_a_visible_focus(page, server) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "New follow-up"  # the first thing in the content, not the nav again


def test_feedback_added_in_the_browser_shows_in_the_themes_chart(page, server) -> None:
    seed(server)
    page.goto("/feedback")
    page.get_by_label("About").select_option(label="Lumenfield · Data Analyst (Fri 13 Mar 2026)")
    page.get_by_label("What they said").fill("They felt my interview answers lacked examples.")
    page.get_by_label("Interview performance").check()
    page.get_by_role("button", name="Log feedback").click()
    expect(page.get_by_role("status")).to_contain_text("Feedback logged")
    expect(page.locator("#themes-chart desc")).to_contain_text("Interview performance 1")
