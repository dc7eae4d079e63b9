"""How findings are shown: rich markup for people, plain text where nothing is coloured (a pipe or a
file), plain dicts for `--format json`."""

from __future__ import annotations

import os
import sys
from typing import Any

from foi.checks.finding import ERROR, INFO, WARNING, Finding

_STYLE = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan"}


def as_json(results: list[tuple[str, list[Finding]]]) -> list[dict[str, Any]]:
    """One array of findings; with several files each object also names its "file"."""
    several = len(results) > 1
    rows = []
    for path, findings in results:
        for finding in findings:
            row = finding.as_dict()
            if several:
                row["file"] = path
            rows.append(row)
    return rows


def summary(findings: list[Finding]) -> str:
    """ "2 errors, 1 warning, 3 info" or "no findings"."""
    counts = [(sum(f.severity == s for f in findings), s) for s in (ERROR, WARNING, INFO)]
    parts = [f"{n} {s}{'s' if n != 1 and s != INFO else ''}" for n, s in counts if n]
    return ", ".join(parts) if parts else "no findings"


def as_markup(path: str, findings: list[Finding]) -> str:
    """A report in rich markup: each finding with its place, rule, message, excerpt and fix."""
    from rich.markup import escape

    lines = []
    for f in findings:
        lines.append(f"[bold]{escape(path)}:{f.line}:{f.column}[/bold] [{_STYLE[f.severity]}]{f.severity}"
                     f"[/{_STYLE[f.severity]}] [dim]{escape(f.rule)}[/dim]")
        lines.append(f"  {escape(f.message)}")
        lines.append(f"  [dim]>[/dim] {escape(f.excerpt)}")
        lines.append(f"  [green]Fix:[/green] {escape(f.suggestion)}")
    lines.append(f"{escape(path)}: {summary(findings)}")
    return "\n".join(lines)


# Characters rich's markup reads (tags and their escapes), or that shown() would escape or rich expand.
_MARKUP_CHARS = frozenset("[]\\\t")


def as_text(path: str, findings: list[Finding]) -> str | None:
    """The report as_markup gives, as the plain text rich prints of it where it colours nothing.

    Loading rich and parsing markup is a good part of the time a short check takes; where the
    output goes to a pipe or a file, the same words are written directly. None where a value holds
    a character rich's markup or foi's shown() would treat specially: the caller uses rich then.
    The one difference from rich is on purpose: rich reads ":100:" in "letter.txt:100:5" as an
    emoji code and prints an emoji instead of the line number; this prints the line number.
    """
    values = [path, *(value for f in findings for value in (f.rule, f.message, f.excerpt, f.suggestion))]
    if any(_MARKUP_CHARS.intersection(value) or not value.isprintable() for value in values):
        return None
    lines = []
    for f in findings:
        lines.append(f"{path}:{f.line}:{f.column} {f.severity} {f.rule}")
        lines.append(f"  {f.message}")
        lines.append(f"  > {f.excerpt}")
        lines.append(f"  Fix: {f.suggestion}")
    lines.append(f"{path}: {summary(findings)}")
    return "\n".join(lines)


def colours_output() -> bool:
    """Whether rich would style what it prints on standard output (its own test, rich 13 to 15):
    TTY_COMPATIBLE=1 or a non-empty FORCE_COLOR say yes, TTY_COMPATIBLE=0 or an empty FORCE_COLOR
    no, and otherwise whether standard output is a terminal."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(sys.stdout is not None and sys.stdout.isatty())
    except ValueError:  # a closed stream
        return False
