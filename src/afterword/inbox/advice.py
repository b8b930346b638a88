"""Whether to reply, in which strategy and why; and a one-paragraph summary."""

from __future__ import annotations

__all__ = ["advise", "summarise"]


def advise(
    stage: str,
    feedback: str,
    future: str,
    unmonitored: bool,
    automated: bool,
    no_human: bool,
    contact: str | None,
    contact_addr: str | None,
) -> tuple[str, bool, str]:
    if unmonitored and no_human and contact_addr is None:
        return (
            "none",
            False,
            "This came from an address nobody reads, so a reply would not reach a person; "
            "it is fine to let this one go.",
        )
    if future in ("kept_on_file", "invited"):
        strategy = "future"
    elif feedback == "offered" or (stage == "interview" and feedback != "declined"):
        strategy = "feedback"
    else:
        strategy = "gratitude"
    if automated and stage == "application" and no_human:
        return (
            strategy,
            False,
            "This looks like an automated note at the application stage with no one named, so a "
            "reply is not usually needed.",
        )
    if contact and contact_addr is None:
        return (
            strategy,
            True,
            f"{contact} signed this personally, so a short thank-you is worth sending if you can "
            "find another way to reach them.",
        )
    reasons = {
        "future": "They left the door open, so a brief, warm note keeps you in mind for the next "
        "opening.",
        "feedback": "You met the team or were offered feedback, so a gracious note asking for it "
        "is welcome.",
        "gratitude": "A short thank-you leaves a good last impression with the people who read "
        "your application.",
    }
    return strategy, True, reasons[strategy]


def summarise(
    company: str | None,
    role: str | None,
    contact: str | None,
    stage: str,
    feedback: str,
    future: str,
    received: str | None,
    agency: str | None,
) -> str:
    who = company or "The company"
    what = f"the {role} role" if role else "the role"
    # The date is when the news came, not when the interview was: keep them apart.
    when = f"On {received}, " if received else ""
    stage_text = {
        "interview": ", after interviewing you",
        "application": ", at the application stage",
        "unknown": "",
    }[stage]
    parts = [f"{when}{who} turned you down for {what}{stage_text}."]
    if agency:
        parts.append("The news came through a recruiting agency.")
    if contact:
        parts.append(f"{contact} signed the message.")
    parts.append(
        {
            "offered": "They offered feedback or shared some.",
            "declined": "They said they can't give feedback.",
            "not_mentioned": "Feedback wasn't mentioned.",
        }[feedback]
    )
    parts.append(
        {
            "kept_on_file": "They will keep your details and may contact you about future roles.",
            "invited": "They encouraged you to apply again or stay in touch.",
            "not_mentioned": "Nothing was said about future roles.",
        }[future]
    )
    return " ".join(parts)
