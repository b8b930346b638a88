"""Hand a draft to the user's mail client: an .eml file or a mailto: link.

Pure functions: text in, str or bytes out. No clock, no files, no network; the shell
passes the date and the Message-ID domain in.
"""

from __future__ import annotations

from afterword.export.eml import (
    DEFAULT_DOMAIN,
    ExportError,
    check_address,
    eml_bytes,
    eml_message,
    message_id,
)
from afterword.export.mailto import mailto_link

__all__ = [
    "DEFAULT_DOMAIN",
    "ExportError",
    "check_address",
    "eml_bytes",
    "eml_message",
    "mailto_link",
    "message_id",
]
