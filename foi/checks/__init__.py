"""The request checker (`foi check`): finds the weaknesses authorities use to avoid answering.

One entry point, `check_text`, serves the CLI and the wizard. Each rule is a small function in
one of the family modules (validity, scope, form, privacy, tone, structure, law, clarity),
registered in `RULES` with its id and severity. Rules write their regular expressions with
`patterns.pattern`, compiled on first use (importing the checker compiles none).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from foi.checks import (  # noqa: F401 (register)
    bodies,
    breakdowns,
    clarity,
    form,
    law,
    pasted,
    privacy,
    scope,
    structure,
    tone,
    validity,
)
from foi.checks.document import parse
from foi.checks.finding import ERROR, INFO, RANK, SEVERITIES, WARNING, Finding
from foi.checks.registry import RULES, Context, Rule

if TYPE_CHECKING:
    from foi.directory.entries import Authority, Provider

# List the rules family by family, in the order a reader meets the problems.
_FAMILIES = ("validity", "scope", "form", "privacy", "tone", "style", "structure", "law", "clarity")
_ordered = sorted(RULES.values(), key=lambda r: _FAMILIES.index(r.id.split("/")[0]))
RULES.clear()
RULES.update((r.id, r) for r in _ordered)

__all__ = ["ERROR", "INFO", "RULES", "SEVERITIES", "WARNING", "Finding", "Rule", "check_text", "fails"]


def check_text(
    text: str,
    *,
    body_only: bool = False,
    authority: Authority | None = None,
    provider_named: Provider | None = None,
    regime: str | None = None,
    letter_date: date | None = None,
) -> list[Finding]:
    """Every finding for a request, sorted by line and column.

    body_only: the text is the request alone (no letter frame): the rules about the name, the
    address and the citation are skipped. authority / regime: where the request is going, for
    law/wrong-regime. provider_named: a provider the user named as the recipient (for example
    `--authority a4e`); law/not-public-authority fires unless the letter is addressed to the public
    authority. letter_date: "today" for date ranges ("since 2010") and the example range in
    suggestions; defaults to today.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    ctx = Context(parse(text), body_only, authority, provider_named,
                  regime.lower() if regime else None, letter_date or date.today())
    findings: list[Finding] = []
    for rule in RULES.values():
        if body_only and rule.letter_only:
            continue
        findings.extend(rule.func(ctx))
    unique = dict.fromkeys(findings)
    return sorted(unique, key=lambda f: (f.line, f.column, RANK[f.severity], f.rule))


def fails(findings: list[Finding], strict: bool = False) -> bool:
    """Whether a check fails: any error, or with strict any warning too."""
    failing = {ERROR, WARNING} if strict else {ERROR}
    return any(f.severity in failing for f in findings)
