"""Message parts -> body text: the first plain and HTML parts, HTML turned into clean text."""

from __future__ import annotations

import re
from email.message import Message

from bs4 import BeautifulSoup, NavigableString, Tag

from afterword.inbox.headers import decode_payload
from afterword.inbox.limits import MAX_PARTS, MAX_TEXT

__all__ = ["find_bodies", "html_to_text", "normalise"]


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        try:
            charset = part.get_content_charset()
        except Exception:
            charset = None
        return decode_payload(payload, charset)
    raw = part.get_payload()
    return raw[:MAX_TEXT] if isinstance(raw, str) else ""


_BLOCKS = [
    "p",
    "div",
    "br",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
]
_PARAGRAPHS = frozenset(["p", "h1", "h2", "h3", "h4", "blockquote", "table"])
_DROP = [
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "img",
    "svg",
    "meta",
    "link",
    "object",
    "iframe",
]


# Alt texts that name no one: spacers, pixels, icons and social-network buttons.
_BARE_ALT = re.compile(
    r"(?:logo|image|img|spacer|pixel|icon|banner|header|footer|photo|picture|facebook|twitter|x|"
    r"linkedin|instagram|youtube|tiktok|glassdoor|email|mail|phone|web|website)",
    re.I,
)


def _alt_text(tag: Tag) -> str:
    """An image's alt text, as a text browser shows it: a logo often carries the only name."""
    alt = " ".join(str(tag.get("alt") or "").split())
    alt = re.sub(r"\s+(?:logo|icon|image)$", "", alt, flags=re.I)
    if not 2 <= len(alt) <= 80 or _BARE_ALT.fullmatch(alt) or not re.search(r"[^\W\d_]{2}", alt):
        return ""
    return alt


def html_to_text(html: str) -> str:
    """Clean readable text from an HTML body with BeautifulSoup (scripts, styles dropped;
    images reduced to their alt text)."""
    try:
        soup = BeautifulSoup(html[:MAX_TEXT], "html.parser")
        for tag in soup.find_all(_DROP):
            alt = _alt_text(tag) if tag.name == "img" and tag.parent is not None else ""
            if alt:
                tag.replace_with(NavigableString(f"\n{alt}\n"))
            else:
                tag.decompose()
        for tag in soup.find_all(style=re.compile(r"display\s*:\s*none", re.I)):
            tag.decompose()
        # One linear walk (no tree edits): a block element starts a new line, a paragraph a
        # new paragraph; comments and doctypes are skipped.
        pieces: list[str] = []
        for node in soup.descendants:
            if isinstance(node, Tag):
                if node.name in _PARAGRAPHS:
                    pieces.append("\n\n")
                elif node.name in _BLOCKS:
                    pieces.append("\n")
            elif type(node) is NavigableString:
                pieces.append(str(node))
        text = "".join(pieces)
    except Exception:
        return ""
    return normalise(text)


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _is_attachment(part: Message) -> bool:
    try:
        return (part.get_content_disposition() or "") == "attachment"
    except Exception:
        return False


def _inner_message(part: Message) -> Message | None:
    try:
        payload = part.get_payload()
    except Exception:
        return None
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return payload[0]
    if isinstance(payload, Message):
        return payload
    return None


def find_bodies(msg: Message) -> tuple[str, str, Message | None]:
    """First plain and HTML body texts, and an attached message/rfc822 if any."""
    plain = html = ""
    attached: Message | None = None
    try:
        parts = msg.walk()
        for count, part in enumerate(parts):
            if count > MAX_PARTS:
                break
            ctype = part.get_content_type()
            if ctype == "message/rfc822":
                if attached is None:
                    attached = _inner_message(part)
                continue
            if part.is_multipart() or _is_attachment(part):
                continue
            if ctype == "text/plain" and not plain:
                plain = _part_text(part)
            elif ctype == "text/html" and not html:
                html = _part_text(part)
    except Exception:
        pass
    return plain, html, attached
