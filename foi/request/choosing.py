"""Choosing from a list as people type: a number, the value, or a few words of it.

The same forgiving idea as the directory's search (case, punctuation and "&" ignored; every word
typed must start a word of the choice), so "mandatory" or "course" picks the one situation that
fits, and several fits are offered back by number rather than refused.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "i", "my", "me", "was"})


def words(text: str) -> list[str]:
    """The words of a text, lower case, "&" read as "and", hyphens as spaces."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))


def _fits(wanted: list[str], text: str) -> bool:
    have = words(text)
    return bool(wanted) and all(any(word.startswith(w) for word in have) for w in wanted)


def matches(text: str, choices: Sequence[str], labels: Sequence[str] = ()) -> list[str]:
    """The choices whose value or label holds every word typed (as the start of a word)."""
    typed = words(text)
    # Stopwords and one- or two-letter words ("y", "no") pick nothing unless nothing else was typed.
    wanted = [w for w in typed if w not in _STOPWORDS and len(w) > 2] or typed
    found = []
    for index, choice in enumerate(choices):
        label = labels[index] if index < len(labels) else ""
        if _fits(wanted, choice) or (label and _fits(wanted, label)):
            found.append(choice)
    return found


def close(text: str, choices: Sequence[str]) -> list[str]:
    """Values spelt nearly like the text: the "did you mean" for a typing slip."""
    return difflib.get_close_matches(text.lower(), list(choices), n=3, cutoff=0.6)


def not_chosen(text: str, fits: Sequence[str], choices: Sequence[str]) -> str:
    """Why a typed answer picked nothing, and what to type instead (the choices' numbers)."""
    if fits:
        numbers = ", ".join(str(choices.index(choice) + 1) for choice in fits)
        return f"'{text}' fits more than one: type the number of the one you mean ({numbers})"
    return f"'{text}' fits none of these: type the number of the one closest to yours"
