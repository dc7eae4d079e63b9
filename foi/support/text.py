"""What counts as text: the characters a value may carry into a letter or onto the terminal.

A value from any source (a prompt, --set, an answers file, the profile, a CSV) may carry bytes that
are not text at all (invalid UTF-8, a NUL) or characters that act instead of showing: terminal escape
sequences that retitle or clear the screen, and bidirectional overrides that make a letter read
differently from what its bytes say. The first kind is refused; the second is removed and reported.
"""

from __future__ import annotations

import unicodedata

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder how
# the text around them is shown, so a letter could display one thing and say another.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Kept in multi-line text; everywhere else a line break is refused by the question type.
LINE_BREAKS = frozenset("\n\r\t")
_WITHOUT_BREAKS = str.maketrans("", "", "\n\r\t")


def plain(value: str) -> bool:
    """True when every character is printable or a line break or tab: then `problem` and `clean` have
    nothing to say (a NUL, a lone surrogate and every removable character are all unprintable), and
    a batch's thousands of answers are looked at once, in C, instead of character by character."""
    return value.isprintable() or value.translate(_WITHOUT_BREAKS).isprintable()


def problem(value: str) -> str | None:
    """Why a string is not text at all, or None: a NUL, or bytes that were not valid UTF-8.

    Invalid UTF-8 on the command line reaches Python as lone surrogates (U+DC80-U+DCFF); a value
    holding one cannot be saved or printed as UTF-8, so it is refused rather than stored.
    """
    if plain(value):
        return None
    if "\x00" in value:
        return "it contains a NUL byte, which is not text: retype it"
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return "it is not valid UTF-8 text: retype it in a UTF-8 terminal or file"
    return None


def _removable(ch: str) -> bool:
    if ch in LINE_BREAKS:
        return False
    return ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029\ufeff"


def clean(value: str) -> tuple[str, list[str]]:
    """The value without control and bidirectional-override characters, and the code points removed.

    Line breaks and tabs stay: whether a line break is allowed is the question type's decision.
    """
    if plain(value):
        return value, []
    found = {ch for ch in value if _removable(ch)}
    if not found:
        return value, []
    return "".join(ch for ch in value if ch not in found), sorted(f"U+{ord(ch):04X}" for ch in found)


def shown(text: str, *, keep_newlines: bool = True) -> str:
    """Text safe to print on a terminal: every control, bidi or invalid character shown as an escape.

    `\\x1b]0;title\\x07` prints as those characters instead of retitling the window. From U+007F up
    the escape is JSON's own form (\\u202e), and JSON already escapes everything below U+0020, so a
    JSON document stays valid JSON, meaning the same, after passing through here.
    """
    if text.isprintable():  # no control, format, separator or surrogate character: nothing to escape
        return text
    parts = []
    for ch in text:
        if ch == "\n" and keep_newlines or ch == "\t":
            parts.append(ch)
        elif _removable(ch) or ch in "\n\r" or "\ud800" <= ch <= "\udfff":
            parts.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x20 else f"\\u{ord(ch):04x}")
        else:
            parts.append(ch)
    return "".join(parts)
