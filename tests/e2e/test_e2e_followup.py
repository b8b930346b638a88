"""New follow-up in a real browser: paste, check, edit with live review, send, and see it filed."""

from __future__ import annotations

import re
from pathlib import Path

from browser_helpers import DETAIL, REJECTION, screenshot
from playwright.sync_api import expect


def open_editor(page, *, pasted: str = REJECTION) -> None:
    """Steps 1 to 4: paste the rejection, confirm the details, get the draft."""
    page.goto("/new")
    page.get_by_label("Paste the email").fill(pasted)
    page.get_by_role("button", name="Read the email").click()
    expect(page.get_by_label("Company")).to_have_value("Lumenfield")
    page.get_by_label("One thing that stood out to you about Lumenfield").fill(DETAIL)
    page.get_by_role("button", name="Write the draft").click()
    expect(page.locator("#verdict")).to_have_text("Ready to send.")


def test_from_pasting_a_rejection_to_marking_it_sent_and_seeing_it_on_today(page) -> None:
    page.goto("/new")
    screenshot(page, "new-follow-up-desktop")
    page.get_by_label("Paste the email").fill(REJECTION)
    page.get_by_role("button", name="Read the email").click()

    expect(page.get_by_role("heading", name="Check the details")).to_be_visible()
    expect(page.get_by_label("Who wrote to you")).to_have_value("Priya Raman")
    expect(page.get_by_label("What they said about later roles")).to_have_value("on_file")
    expect(page.locator("#suggest-h + p")).to_have_text("Thank them and ask about later roles")
    page.get_by_label("Role", exact=True).fill("Data Analyst (Growth)")  # the user corrects a field
    page.get_by_label("One thing that stood out to you about Lumenfield").fill(DETAIL)
    screenshot(page, "details-desktop")
    page.get_by_role("button", name="Write the draft").click()

    draft = page.get_by_role("textbox", name="Draft")
    expect(draft).to_have_value(re.compile(r"^Subject: Re: Your application .*dashboard", re.S))
    expect(page.locator("#verdict")).to_have_text("Ready to send.")
    screenshot(page, "editor-desktop")
    page.get_by_role("button", name="Mark as sent").click()

    expect(page).to_have_url(re.compile(r"/\?sent=\d+$"))
    expect(page.get_by_role("status")).to_contain_text(
        "Your follow-up to Lumenfield about the Data Analyst (Growth) role is marked as sent"
    )
    recent = page.locator("#recent")
    expect(recent).to_contain_text("Lumenfield")
    expect(recent).to_contain_text("Follow-up sent")
    expect(page.locator("#due")).not_to_contain_text("Lumenfield")
    screenshot(page, "today-after-sending-desktop")


def test_a_dropped_eml_file_is_read(page) -> None:
    page.goto("/new")
    raw = REJECTION.replace("\n", "\r\n")
    transfer = page.evaluate_handle(
        """raw => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([raw], "rejection.eml", {type: "message/rfc822"}));
            return transfer;
        }""",
        raw,
    )
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    expect(page.locator("#file-name")).to_have_text("Chosen: rejection.eml")
    page.get_by_role("button", name="Read the email").click()
    expect(page.get_by_label("Role", exact=True)).to_have_value("Data Analyst")


def test_live_review_highlights_as_you_type_and_a_suggested_fix_applies(page) -> None:
    open_editor(page)
    draft = page.get_by_role("textbox", name="Draft")
    draft.fill("")
    draft.press_sequentially(
        "Subject: Thanks\n\nDear Priya,\n\nI am dissapointed, and frankly your process was a joke!!\n\nJordan"
    )
    marks = page.locator("#backdrop mark")
    expect(page.locator("#backdrop mark", has_text="dissapointed")).to_have_count(1)
    expect(page.locator("#backdrop mark.warning", has_text="a joke")).to_be_visible()
    expect(page.locator("#verdict")).to_contain_text("to fix before sending")
    assert marks.count() >= 3
    screenshot(page, "live-review-desktop")

    spelling = page.locator(".finding", has_text="This word looks misspelled.")
    expect(spelling).to_contain_text("Replace with “disappointed”.")
    spelling.get_by_role("button", name="Apply fix").click()

    expect(draft).to_have_value(re.compile("I am disappointed, and frankly"))
    expect(page.locator(".finding", has_text="This word looks misspelled.")).to_have_count(0)
    expect(page.locator("#backdrop mark", has_text="dissapointed")).to_have_count(0)


def test_highlights_land_on_the_right_words_after_emoji(page) -> None:
    open_editor(page)
    draft = page.get_by_role("textbox", name="Draft")
    draft.fill(
        "Subject: Thanks 🙂🎉\n\nDear Priya 🙂,\n\nThank you, i enjoyed it 🌟 a lot!!\n\nJordan"
    )
    expect(page.locator("#backdrop mark", has_text=re.compile(r"^i$"))).to_have_count(1)
    expect(page.locator("#backdrop mark", has_text=re.compile(r"^!!$"))).to_have_count(1)
    page.locator(".finding", has_text="Write the pronoun 'I'").get_by_role(
        "button", name="Apply fix"
    ).click()
    expect(draft).to_have_value(re.compile("Thank you, I enjoyed it 🌟"))


def test_show_in_text_selects_the_words_a_finding_is_about(page) -> None:
    open_editor(page)
    draft = page.get_by_role("textbox", name="Draft")
    draft.fill("Subject: Thanks\n\nDear Priya,\n\nThank you. Frankly, it was a joke.\n\nJordan")
    finding = page.locator(".finding", has_text="criticises")
    finding.get_by_role("button", name="Show in text").click()
    selected = draft.evaluate("area => area.value.slice(area.selectionStart, area.selectionEnd)")
    assert selected == "a joke"


def test_copy_mailto_and_download_hand_over_the_edited_text(page) -> None:
    open_editor(page)
    draft = page.get_by_role("textbox", name="Draft")
    draft.press("End")
    draft.type(" Warmly meant.")
    text = draft.input_value()
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == text
    href = page.get_by_role("link", name="Open in your mail app").get_attribute("href")
    assert href.startswith(
        "mailto:priya.raman@lumenfield.example?subject=Re%3A%20Your%20application"
    )
    assert "Warmly%20meant." in href
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .eml").click()
    saved = download.value
    assert saved.suggested_filename == "follow-up-lumenfield.eml"
    content = Path(saved.path()).read_bytes().decode()
    assert "To: Priya Raman <priya.raman@lumenfield.example>" in content
    assert "Warmly meant." in content.replace("=\r\n", "")
