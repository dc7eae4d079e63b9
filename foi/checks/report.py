"""How findings are shown: rich markup for people, plain dicts for `--format json`."""

from __future__ import annotations

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
    from foi.support.console import escape  # rich.markup.escape, without importing rich

    lines = []
    for f in findings:
        lines.append(f"[bold]{escape(path)}:{f.line}:{f.column}[/bold] [{_STYLE[f.severity]}]{f.severity}"
                     f"[/{_STYLE[f.severity]}] [dim]{escape(f.rule)}[/dim]")
        lines.append(f"  {escape(f.message)}")
        lines.append(f"  [dim]>[/dim] {escape(f.excerpt)}")
        lines.append(f"  [green]Fix:[/green] {escape(f.suggestion)}")
    lines.append(f"{escape(path)}: {summary(findings)}")
    return "\n".join(lines)
