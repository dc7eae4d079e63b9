"""From answers to a letter: the Draft (a plain dataclass) and its markup, rendered from templates.

Deadlines, regimes and the directory are consulted here, never by templates directly: a template is
given finished words ("22 December 2026", "section 3(2)(b)") and only arranges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.directory.entries import Authority
from foi.law import deadlines
from foi.law.regimes import Regime
from foi.letter import markup
from foi.letter.environment import render_file, render_string
from foi.letter.markup import Block, Md, escape
from foi.request.intake import Intake
from foi.support.dates import day_month, last_financial_year, long_date


@dataclass(frozen=True)
class Draft:
    """A request ready to be written out in any format."""

    scenario_id: str
    regime: Regime
    authority: Authority
    provider: str | None
    title: str
    letter_date: date
    deadline: deadlines.Deadline
    answers: dict[str, Any]
    markup: str
    blocks: list[Block] = field(default_factory=list)
    # A line printed at the top of a .docx (an organisation's name): the profile's `letterhead`.
    letterhead: str | None = None

    @property
    def slug(self) -> str:
        """A file name stem: body, scenario and date (foi-dwp-provider-data-access-2026-11-23)."""
        return f"foi-{self.authority.id}-{self.scenario_id}-{self.letter_date.isoformat()}"

    @property
    def subject(self) -> str:
        """The regime's own name for the request and its title, as WhatDoTheyKnow names it in the
        email subject: "Freedom of Information request - <title>", "Subject access request - <title>"."""
        return f"{self.regime.heading} - {self.title}"


def build(intake: Intake, user_dir: Path | None = None) -> Draft:
    """Draft the letter for these answers."""
    answers, regime, authority = intake.answers, intake.regime, intake.target.authority
    deadline = _response_due(intake.letter_date, regime)
    context = _context(intake, deadline)
    template = f"letters/{intake.scenario.letter}.md.j2"
    marked = render_file(template, context, user_dir)
    blocks = markup.parse(marked)
    return Draft(
        scenario_id=intake.scenario.id, regime=regime, authority=authority,
        provider=answers.get("provider"), title=markup.unescape(context["title"]),
        letter_date=intake.letter_date, deadline=deadline, answers=dict(answers),
        markup=markup.to_markdown(blocks), blocks=blocks,
    )


def _response_due(received: date, regime: Regime) -> deadlines.Deadline:
    """The date a reply is due: the same for every letter of a batch (one date, one law), so worked out once."""
    from foi.law import regimes

    if regimes.get(regime.id) is not regime:  # a regime not from the data file: work it out afresh
        return deadlines.response_due(received, regime)
    return _due_on(received, regime.id)


@lru_cache(maxsize=64)
def _due_on(received: date, regime_id: str) -> deadlines.Deadline:
    from foi.law import regimes

    return deadlines.response_due(received, regimes.get(regime_id))


def _context(intake: Intake, deadline: deadlines.Deadline) -> dict[str, Any]:
    answers, regime, authority = intake.answers, intake.regime, intake.target.authority
    escaped = {key: _escaped(value) for key, value in answers.items()}
    scope = {
        **escaped,
        "authority": _EscapedAuthority(authority),
        "period": Md(_period(answers)),
        "regime": regime,
        "s": regime.sections,
    }
    where = str(intake.scenario.path)
    items = rendered(intake.scenario.items, scope, where)
    definitions = rendered(intake.scenario.definitions, scope, where)
    return {
        **scope,
        "title": render_string(intake.scenario.subject, scope, where),
        "letter_date": long_date(intake.letter_date),
        "recipient": _recipient(authority),
        "items": items,
        "definitions": definitions,
        "period_note": _period_note(answers, intake.letter_date),
        "clauses": {key: answers.get(key, True) for key in _CLAUSES},
        "received": long_date(deadline.start),
        "due": long_date(deadline.due),
        "holiday_note": Md(holiday_note(deadline, regime)),
        "signature": _signature(answers),
        "provider": escaped.get("provider"),
        "organisation": escaped.get("organisation"),
        "officer": escaped.get("officer"),
    }


_CLAUSES = ("definitions", "held_on_behalf", "confirm_or_deny", "partial_release", "cost_advice",
            "format_preference", "time_limit")


class _EscapedAuthority:
    """The authority's fields as templates see them: escaped like any other text."""

    def __init__(self, authority: Authority) -> None:
        self.id = authority.id
        self.name = escape(authority.name)
        self.short = escape(authority.in_text)
        self.short_name = escape(authority.short)


def _escaped(value: Any) -> Any:
    """An answer as templates see it: text escaped for the markup, a date as letters write it."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(v) for v in value]
    if isinstance(value, date):
        return Md(long_date(value))
    return value


def rendered(entries: Any, scope: dict[str, Any], where: str) -> list[Md]:
    """A scenario's items (or definitions) as finished text: conditions applied, `each` items
    expanded once per entry of their list answer, and anything that renders empty left out."""
    out: list[Md] = []
    for entry in entries:
        if not _shown(entry, scope):
            continue
        values = (scope.get(entry.each) or []) if entry.each else [None]
        for value in values:
            extra = {"item": value} if entry.each else {}
            text = render_string(entry.text, {**scope, **extra}, where)
            if text:
                out.append(text)
    return out


def _shown(item: Any, scope: dict[str, Any]) -> bool:
    from foi.request.answers import condition

    return not item.when or condition(item.when, scope)


def _period(answers: dict[str, Any]) -> str:
    start, end = answers.get("date_from"), answers.get("date_to")
    if not start or not end:
        return ""
    return f"between {long_date(start)} and {long_date(end)}"


def _period_note(answers: dict[str, Any], letter_date: date) -> str:
    """Say so when the dates are the default: the last complete financial year."""
    start, end = answers.get("date_from"), answers.get("date_to")
    if start and end and (start, end) == last_financial_year(letter_date):
        return f"The period from {long_date(start)} to {long_date(end)} is the last complete financial year."
    return ""


def _recipient(authority: Authority) -> list[str]:
    """The body's name, then its address without repeating the name."""
    return [authority.name, *(line for line in authority.address if line != authority.name)]


def address_lines(address: str | None) -> list[str]:
    """A postal address answer as lines: given over several lines, or on one line with commas."""
    if not address:
        return []
    parts = address.split("\n") if "\n" in address else re.split(r",\s*", address)
    return [part.strip() for part in parts if part.strip()]


def _signature(answers: dict[str, Any]) -> list[str]:
    lines = [answers["name"]]
    if answers.get("organisation"):
        lines.append(f"for {answers['organisation']}")
    lines += address_lines(answers.get("address"))
    if answers.get("email"):
        lines.append(answers["email"])
    return lines


def _regions(regions: tuple[str, ...]) -> str:
    return " and ".join(regions)


def holiday_note(deadline: deadlines.Deadline, regime: Regime) -> str:
    """Name the holidays an officer might not expect: for a UK-wide count, those outside England and Wales."""
    if regime.calendar != "uk":
        return ""
    cited = regime.section("working_day")
    reason = f"and so not a working day ({cited})" if cited else "and so not a working day"
    notes = [
        f"{h.name}, {day_month(h.date)}, is a bank holiday in {_regions(h.regions)} {reason}"
        for h in deadline.holidays_skipped
        if "England and Wales" not in h.regions
    ]
    return "; ".join(notes)[:1].upper() + "; ".join(notes)[1:] if notes else ""
