"""Writers: a Draft to the bytes of each export format."""

from __future__ import annotations

from typing import Callable

from foi import letter
from foi.drafting import Draft

FORMATS = ("text", "markdown")
EXTENSIONS = {"text": ".txt", "markdown": ".md"}


def text(draft: Draft) -> bytes:
    """Plain text wrapped at 72 columns: for posting, pasting or printing."""
    return letter.to_text(draft.blocks).encode("utf-8")


def markdown(draft: Draft) -> bytes:
    """Markdown, as the templates write it."""
    return letter.to_markdown(draft.blocks).encode("utf-8")


WRITERS: dict[str, Callable[[Draft], bytes]] = {"text": text, "markdown": markdown}


def render(draft: Draft, fmt: str) -> bytes:
    """The letter in one format."""
    return WRITERS[fmt](draft)
