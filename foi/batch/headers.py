"""Column headers as advisers write them: "Date from", "date_from" and "DATE FROM" are one key.

A header is folded (case, spaces, punctuation) and compared with every answer key folded the same
way. One close to a key but not equal to it is a typo and an error with "did you mean"; one close to
nothing ("Client ref", "Notes") is the office's own column, ignored with a warning.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Columns that are not answers: a body that is not in the directory, named and placed by the row.
EXTRA_KEYS = ("authority_name", "nation")


@dataclass(frozen=True)
class Column:
    """One column: its position, its header as written, and the answer key it gives (None: ignored)."""

    index: int
    header: str
    key: str | None


def fold(text: str) -> str:
    """"Date From", "date_from" and "date-from" all fold to "datefrom"."""
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def snake(text: str) -> str:
    """A header as a key would be written: "Date From" -> "date_from"."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


def match(headers: Iterable[object], known: Iterable[str]) -> tuple[list[Column], list[str]]:
    """The columns, and a problem for each header that looks like a mistyped key.

    A header that is blank, or close to no key, is ignored (its column's key is None).
    """
    keys = {fold(key): key for key in known}
    columns: list[Column] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for index, raw in enumerate(headers):
        header = "" if raw is None else str(raw).strip()
        key = keys.get(fold(header)) if header else None
        if key is not None and key in seen:
            problems.append(f"column '{header}' repeats column '{seen[key]}': keep one of them")
            key = None
        elif key is not None:
            seen[key] = header
        elif header:
            close = difflib.get_close_matches(snake(header), sorted(keys.values()), n=1, cutoff=0.75)
            if close:
                problems.append(f"column '{header}' is not an answer key (did you mean '{close[0]}'?): rename it")
        columns.append(Column(index, header, key))
    return columns, problems


def ignored(columns: Iterable[Column]) -> list[str]:
    """The headers of columns that give no answer (the office's own columns)."""
    return [c.header for c in columns if c.key is None and c.header]
