"""File names for a batch's letters: `<NNN>-<body-slug>-<scenario>.<ext>`, safe on every file system.

A slug is ASCII letters, digits and hyphens only (Welsh and Gaelic accents folded: "Ynys Môn" ->
"ynys-mon"), lower case (so two names never differ only by case on Windows or macOS), never empty,
never a name Windows reserves (CON, NUL, COM1...), and cut at a word boundary to keep paths short.
The leading number makes every name unique and keeps the files in the manifest's order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_SLUG = 40
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@lru_cache(maxsize=1024)  # a batch names the same few bodies and scenarios on every letter
def slug(text: str, limit: int = MAX_SLUG) -> str:
    """A file-name-safe slug of a name or id."""
    text = re.sub(r"['\u2019]", "", text)  # King's Lynn -> kings-lynn, not king-s-lynn
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("&", " and ")).strip("-")
    if len(words) > limit:
        cut = words[:limit]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut
    words = words.strip("-") or "body"
    return f"{words}-body" if words in _RESERVED else words


def width(total: int) -> int:
    """Digits in the leading number: at least three, more for a batch of a thousand letters or more."""
    return max(3, len(str(max(total, 1))))


def stem(number: int, body: str, scenario: str, digits: int = 3) -> str:
    """The name of a letter's files without the extension: 001-dwp-provider-data-access."""
    return f"{number:0{digits}d}-{slug(body)}-{slug(scenario, 60)}"
