"""The table of rules: each rule is a small function registered with its id, severity and summary.

A rule receives a Context (the parsed request and what the caller knows about where it is going)
and yields Findings. Rules marked letter_only read the letter frame (name, address, citation) and
are skipped for `--body`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from foi.checks.document import Document
from foi.checks.finding import Finding

if TYPE_CHECKING:
    from foi.directory.entries import Authority, Provider


@dataclass(frozen=True)
class Context:
    """What a rule may read: the request, and the caller's knowledge of its destination."""

    doc: Document
    body_only: bool
    authority: Authority | None
    provider_named: Provider | None
    regime: str | None
    today: date

    def finding(self, rule: str, severity: str, message: str, suggestion: str,
                start: int, end: int | None = None) -> Finding:
        """A Finding pointing at text[start:end] (end defaults to the end of that line)."""
        if end is None:
            newline = self.doc.text.find("\n", start)
            end = len(self.doc.text) if newline < 0 else newline
        line, column = self.doc.position(start)
        return Finding(rule, severity, message, suggestion, line, column, self.doc.excerpt(start, end))


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the most serious severity the rule gives
    summary: str  # what it catches, for the README table and `foi check --rules`
    letter_only: bool
    func: RuleFunc


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, summary: str, *, letter_only: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under its id (ids are unique: a second registration is a bug)."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, summary, letter_only, func)
        return func

    return register
