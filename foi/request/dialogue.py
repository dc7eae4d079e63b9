"""What the wizard can do beyond asking one question: the few turns of conversation that the
intake needs (confirm, choose from a menu, say something), as a protocol, so the same flow runs
with a person at a terminal or a scripted answerer in tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class Dialogue(Protocol):
    """A person to talk to. `planner`, when set, lists the keys still to be asked, for "[3/9]"."""

    planner: Callable[[], list[str]] | None

    def confirm(self, text: str, default: bool = True) -> bool:
        """A yes or no question."""

    def choose(self, text: str, options: Sequence[str], default: int = 1) -> int:
        """A numbered menu; returns the 1-based number chosen."""

    def say(self, text: str) -> None:
        """A line of explanation."""
