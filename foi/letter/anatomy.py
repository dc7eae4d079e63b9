"""The parts of a letter, found in its blocks: what comes before "Dear ...", the body from
"Dear ..." to "Yours ...,", and the signature after it.

Formats that rearrange a letter need these parts: a .docx puts the sender's address at the top,
and WhatDoTheyKnow wants only the body because it adds the name and address itself. The parts are
found in the markup the templates wrote, not rebuilt from answers, so a user's own template keeps
its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi.letter.markup import Block, Paragraph, unescape

_SALUTATION = re.compile(r"^Dear\s\S")
_VALEDICTION = re.compile(r"^Yours\s+\w+,?$")


@dataclass(frozen=True)
class Parts:
    """A letter cut at its salutation and its sign-off."""

    opening: tuple[Block, ...]
    """Before "Dear ...": heading, subject, date, the recipient's address."""
    body: tuple[Block, ...]
    """From "Dear ..." to "Yours faithfully," (or "sincerely") inclusive."""
    signature: tuple[Block, ...]
    """After the sign-off: the name, and the address for correspondence."""


def split(blocks: list[Block]) -> Parts | None:
    """The letter's parts, or None when it has no "Dear ..." line or no "Yours ...," after it."""
    start = next((i for i, block in enumerate(blocks) if _matches(block, _SALUTATION)), None)
    if start is None:
        return None
    end = next((i for i in range(len(blocks) - 1, start, -1) if _matches(blocks[i], _VALEDICTION)), None)
    if end is None:
        return None
    return Parts(tuple(blocks[:start]), tuple(blocks[start : end + 1]), tuple(blocks[end + 1 :]))


def _matches(block: Block, pattern: re.Pattern[str]) -> bool:
    return isinstance(block, Paragraph) and not block.kept_breaks and bool(pattern.match(unescape(block.text)))
