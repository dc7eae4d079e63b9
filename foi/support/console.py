"""The one place that talks to the terminal: messages on stderr, documents on stdout.

rich is imported lazily so that `foi --help` stays fast.
"""

from __future__ import annotations

import re
import sys
from typing import Any


def _console(stderr: bool, width: int | None = None) -> Any:
    from rich.console import Console

    # emoji=False: rich would print "letter.txt:100:3" as "letter.txt💯3" (":100:" is an emoji code).
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width, emoji=False)


def error(message: str) -> None:
    """Print a one-line error on stderr (never a traceback, never personal data in logs)."""
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """Print a one-line warning on stderr."""
    sys.stderr.write(f"Warning: {message}\n")
    sys.stderr.flush()


def info(message: str) -> None:
    """Print a status line on stderr, so stdout carries only documents."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


def out(text: str) -> None:
    """Write a document to stdout exactly as given."""
    sys.stdout.write(text)
    sys.stdout.flush()


def panel(text: str, title: str) -> None:
    """Show text in a titled box on stderr (the wizard's preview)."""
    from rich.panel import Panel
    from rich.text import Text

    _console(stderr=True).print(Panel(Text(text), title=title, expand=False))


def table(rows: list[list[str]], headers: list[str], title: str | None = None) -> None:
    """Print a table on stdout for human reading."""
    from rich.table import Table

    t = Table(title=title, show_lines=False)
    for index, header in enumerate(headers):
        t.add_column(header, overflow="fold", no_wrap=index == 0)
    for row in rows:
        t.add_row(*row)
    # A pipe or a file gets a wide table rather than rich's 80 columns: ids must stay whole.
    _console(stderr=False, width=None if sys.stdout.isatty() else 140).print(t)


def styled(markup: str, stderr: bool = False) -> None:
    """Print rich markup (for findings and listings).

    To a pipe or a file rich prints only the text, so when the text is plain enough that what rich
    would print is certain (see _plain), it is written directly: importing rich and rendering was
    a sixth of `foi check`. Anything else, and every terminal, goes through rich as before.
    """
    stream = sys.stderr if stderr else sys.stdout
    text = None if _may_style(stream) else _plain(markup)
    if text is None:
        _console(stderr=stderr).print(markup)
        return
    stream.write(text + "\n")
    stream.flush()


# --- rich markup without rich, where the result is certain ------------------------------------
# The same patterns rich.markup uses: a tag (after any backslashes), and escaping one.
_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# Characters rich changes or strips.
_CHANGED_BY_RICH = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
# Styles foi's own markup uses: a tag made of these words alone is only colour.
_STYLE_WORDS = frozenset({"bold", "dim", "italic", "underline", "red", "green", "yellow", "blue",
                          "cyan", "magenta", "white", "black"})


def escape(text: str) -> str:
    """rich.markup.escape, without importing rich: text shown as it is inside markup."""

    def doubled(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    text = _ESCAPE.sub(doubled, text)
    if text.endswith("\\") and not text.endswith("\\\\"):
        return text + "\\"
    return text


def _may_style(stream: Any) -> bool:
    """Whether rich could print more than the text here: a terminal, or colour forced."""
    import os

    forced = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES")
    isatty = getattr(stream, "isatty", None)
    return (sys.platform == "win32" or "IPython" in sys.modules or any(os.environ.get(k) for k in forced)
            or isatty is None or bool(isatty()))


def _plain(markup: str) -> str | None:
    """The text rich prints for this markup on a pipe, or None when that is not certain here."""
    parts: list[str] = []
    opened: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        whole, backslashes, tag = match.groups()
        parts.append(markup[position:match.start()])
        position = match.end()
        parts.append("\\" * (len(backslashes) // 2))  # each pair is one literal backslash
        if len(backslashes) % 2:  # an escaped tag: the tag is text
            parts.append(whole[len(backslashes):])
            continue
        if not _balanced(tag, opened):
            return None
    parts.append(markup[position:])
    if opened:
        return None
    text = "".join(p.replace("\\[", "[") for p in parts)  # as rich: "\\[" in text is "["
    return None if _CHANGED_BY_RICH.search(text) else text


def _balanced(tag: str, opened: list[str]) -> bool:
    """Track a style tag; False for anything but plain colour words, opened and closed in order."""
    name = tag[1:].strip() if tag.startswith("/") else tag.strip()
    if not name or not set(name.split()) <= _STYLE_WORDS or "=" in tag:
        return False
    if not tag.startswith("/"):
        opened.append(name)
        return True
    if not opened or opened[-1] != name:
        return False
    opened.pop()
    return True
