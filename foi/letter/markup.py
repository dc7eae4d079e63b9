"""A letter's markup and its plain shapes.

Templates render a small, safe subset of Markdown (the "markup"): `# heading`, paragraphs separated by
blank lines, numbered items `1. text`, `**bold**`, lines ending in a backslash for hard line breaks
(addresses), and backslash escapes for characters a person typed. This module parses it into blocks
that every export (text, markdown, HTML, .docx, .eml) is written from.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

WIDTH = 72
# Characters escaped in answers so that what a person typed is never read as formatting.
_SPECIAL = "\\`*_[]<>#|"
_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _SPECIAL})
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|])")
_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
BLANK_LINE = re.compile(r"\n\s*\n")  # between blocks (foi.batch.memo splits letters where parse does)


class Md(str):
    """Text already escaped for the markup, so it is never escaped twice."""


def escape(value: object) -> Md:
    """Escape a person's text for the markup; a line break becomes a space."""
    if isinstance(value, Md):
        return value
    return Md(" ".join(str(value).split()).translate(_ESCAPES))


def unescape(text: str) -> str:
    """Markup inline text to plain text: drop bold markers and backslash escapes."""
    return _ESCAPED.sub(r"\1", _BOLD.sub(r"\1", text))


def spans(text: str) -> list[tuple[str, bool]]:
    """Inline markup as (plain text, bold) runs, for formats with real bold (HTML, .docx)."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append((unescape(text[position:match.start()]), False))
        runs.append((unescape(match.group(1)), True))
        position = match.end()
    if position < len(text):
        runs.append((unescape(text[position:]), False))
    return runs


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; `lines` has several entries when its line breaks are kept (an address)."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def kept_breaks(self) -> bool:
        return len(self.lines) > 1


@dataclass(frozen=True)
class NumberedList:
    items: tuple[str, ...]


Block = Heading | Paragraph | NumberedList


def parse(markup: str) -> list[Block]:
    """Split markup into blocks at blank lines."""
    chunks = BLANK_LINE.split(markup.strip("\n"))
    return [_block(chunk.strip("\n")) for chunk in chunks if chunk.strip()]


def _block(chunk: str) -> Block:
    lines = [line.strip() for line in chunk.split("\n")]
    if len(lines) == 1 and lines[0].startswith("# "):
        return Heading(lines[0][2:].strip())
    if all(_ITEM.match(line) for line in lines):
        return NumberedList(tuple(_ITEM.match(line).group(2) for line in lines))  # type: ignore[union-attr]
    if any(line.endswith("\\") for line in lines[:-1]):
        return Paragraph(tuple(line.rstrip("\\").rstrip() for line in lines))
    return Paragraph((" ".join(lines),))


def to_markdown(blocks: list[Block]) -> str:
    """The markup normalised: one blank line between blocks, a newline at the end."""
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"# {block.text}")
        elif isinstance(block, NumberedList):
            out.append("\n".join(f"{n}. {item}" for n, item in enumerate(block.items, start=1)))
        else:
            out.append("\\\n".join(block.lines))
    return "\n\n".join(out) + "\n"


def to_text(blocks: list[Block], width: int | None = WIDTH) -> str:
    """Plain text wrapped at `width` columns, numbered items with a hanging indent.

    With width=None each paragraph and item stays on one line: for pasting into a web form
    (WhatDoTheyKnow), where the browser and the site do the wrapping.
    """
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(unescape(block.text))
        elif isinstance(block, NumberedList):
            out.append("\n\n".join(_wrap_item(n, item, width) for n, item in enumerate(block.items, start=1)))
        elif block.kept_breaks:
            out.append("\n".join(unescape(line) for line in block.lines))
        else:
            out.append(_fill(unescape(block.text), width))
    return "\n\n".join(out) + "\n"


# Kept on one line when wrapping: a date ("1 November 2012") and a citation ("section 10(1)").
_UNBROKEN = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{4})?\b|\b(?:section|sections|regulation|Article) \d"
)
_GLUE = "\u00a0"  # textwrap splits only on ASCII whitespace, so a no-break space holds words together


def _fill(text: str, width: int | None, initial: str = "", subsequent: str = "") -> str:
    if width is None:
        return initial + text
    glued = _UNBROKEN.sub(lambda m: m.group(0).replace(" ", _GLUE), text.replace(_GLUE, " "))
    wrapped = textwrap.fill(
        glued, width=width, initial_indent=initial, subsequent_indent=subsequent,
        break_long_words=False, break_on_hyphens=False,
    )
    return wrapped.replace(_GLUE, " ")


def _wrap_item(number: int, item: str, width: int | None) -> str:
    label = f"{number}. "
    return _fill(unescape(item), width, initial=label, subsequent=" " * len(label))
