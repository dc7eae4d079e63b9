"""The manifest: one line per letter, written as each letter is, so memory does not grow with the batch.

manifest.csv opens in Excel as it is (UTF-8 with a byte-order mark, so accents survive); manifest.json
(`--manifest-format json`) is one array of objects with the same keys, for scripts.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

FIELDS = ("row", "letter", "letters", "body", "body_id", "email", "whatdotheyknow", "regime", "scenario", "title",
          "files", "due", "findings")
FORMATS = ("csv", "json")


@dataclass(frozen=True)
class Entry:
    """One letter in the manifest."""

    row: int
    letter: int
    letters: int  # 2 when a second letter is written alongside (local and exemption-prone items): files has both
    body: str
    body_id: str
    email: str
    whatdotheyknow: str
    regime: str
    scenario: str
    title: str  # the letter's title, as its subject line and WhatDoTheyKnow's summary give it
    files: tuple[str, ...]  # in the CSV, separated by ";" (file names never hold one)
    due: str  # the date a reply is due if the letter is received on its date
    findings: int | None  # the checker's findings (on both letters); None with --no-check


class Manifest:
    """A streaming manifest writer in `folder` (a context manager: closing finishes the file)."""

    def __init__(self, folder: Path, fmt: str = "csv") -> None:
        self.fmt = fmt
        self.path = folder / f"manifest.{fmt}"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        if fmt == "csv":
            self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
            self.writer = csv.writer(self.handle)
            self.writer.writerow(FIELDS)
        else:
            self.handle = os.fdopen(fd, "w", encoding="utf-8")
            self.handle.write("[")
        self.count = 0

    def add(self, entry: Entry) -> None:
        if self.fmt == "csv":
            self.writer.writerow((
                entry.row, entry.letter, entry.letters, entry.body, entry.body_id, entry.email, entry.whatdotheyknow,
                entry.regime, entry.scenario, entry.title, ";".join(entry.files), entry.due,
                "" if entry.findings is None else entry.findings,
            ))
        else:
            data: dict[str, Any] = {**asdict(entry), "files": list(entry.files)}
            self.handle.write(("," if self.count else "") + "\n  " + json.dumps(data, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.handle.write("\n]\n" if self.count else "]\n")
        self.handle.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
