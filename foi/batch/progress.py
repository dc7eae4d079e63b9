"""A progress bar on a terminal (rows done, letters a second, time left); nothing on a pipe or with --quiet.

rich is imported only when the bar is shown, so a batch in a script does not pay for it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any


class Progress:
    """advance(letters) once per row; a context manager that shows the bar and clears it at the end."""

    def __init__(self, unit: str, total: int | None, quiet: bool) -> None:
        self.bar: Any = None
        self.rows = self.letters = 0
        if quiet or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True,
                       console=Console(stderr=True))
        self.task = self.bar.add_task(f"{unit}s", total=total, rate="")
        self.started = time.monotonic()

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def advance(self, letters: int) -> None:
        """One more row done, which gave this many letters."""
        if self.bar is None:
            return
        self.rows += 1
        self.letters += letters
        if self.rows < 10 or self.rows % 25 == 0:
            elapsed = time.monotonic() - self.started
            rate = f"{self.letters / elapsed:,.0f} letters/s" if elapsed > 0.2 else ""
            self.bar.update(self.task, completed=self.rows, rate=rate)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()
