"""Writers for the export formats that need more than a few lines: HTML, .docx, .eml, WhatDoTheyKnow.

Each module has `write(draft) -> bytes` (pure: the same Draft gives the same bytes) and, where a
person must be told something, `notices(draft) -> list[Notice]`. The registry is `foi.export.registry`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """Something to tell the person about a written format: printed on stderr, never in the file."""

    text: str
    warning: bool = True
