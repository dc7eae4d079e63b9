"""From answers to a letter: the Draft (a plain dataclass) and its markup, rendered from templates.

Deadlines, regimes and the directory are consulted here, never by templates directly: a template is
given finished words ("22 December 2026", "section 3(2)(b)") and only arranges them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
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
from foi.support.dates import MONTHS, day_month, last_financial_year, long_date
from foi.support.errors import FoiError


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
    # 1, or 2 for the second letter written alongside: local and exemption-prone items (or, for a
    # subject access request, the letter to the provider itself), so one cannot delay the other.
    part: int = 1
    second: Draft | None = None
    # What the person must be told about this letter (printed on stderr, never in the letter).
    notes: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """A file name stem: body, scenario and date (foi-dwp-provider-data-access-2026-11-23),
        with -part-2 for the second letter."""
        stem = f"foi-{self.authority.id}-{self.scenario_id}-{self.letter_date.isoformat()}"
        return f"{stem}-part-2" if self.part == 2 else stem

    @property
    def drafts(self) -> list[Draft]:
        """This letter and the second one written alongside it, if there is one."""
        return [self, self.second] if self.second is not None else [self]

    @property
    def subject(self) -> str:
        """The regime's own name for the request and its title, as WhatDoTheyKnow names it in the
        email subject: "Freedom of Information request - <title>", "Subject access request - <title>"."""
        return f"{self.regime.heading} - {self.title}"


# Told each letter's part and its markup as the template rendered it, before it is parsed: a batch
# keeps it to draft letters that differ only in whose they are (see foi.batch.memo).
OnMarkup = Callable[[int, str], None]


def build(intake: Intake, user_dir: Path | None = None, on_markup: OnMarkup | None = None) -> Draft:
    """Draft the letter for these answers, and the second letter written alongside it if any item
    belongs there (or, for a subject access request naming a provider, the letter to the provider)."""
    deadline = _response_due(intake.letter_date, intake.regime, _controller_calendar(intake))
    scope = _scope(intake)
    where = str(intake.scenario.path)
    cap = ITEMS_PER_LETTER if intake.scenario.letter == "request" else None
    first, second = _split(intake.scenario.items, scope, where, cap)
    draft = _draft(intake, deadline, _context(intake, deadline, scope, first, part=1), user_dir, on_markup)
    if intake.scenario.letter == "sar":
        second_draft = _provider_sar(intake, deadline, user_dir, on_markup)
    elif second:
        second_draft = _draft(intake, deadline, _context(intake, deadline, scope, second, part=2), user_dir,
                              on_markup)
    else:
        second_draft = None
    return dataclasses.replace(draft, second=second_draft, notes=notes(intake, second_draft))


ITEMS_PER_LETTER = 5


def _split(entries: Any, scope: dict[str, Any], where: str, cap: int | None) -> tuple[list[Md], list[Md]]:
    """The items of the main letter (at most five for an FOI request, national ones first) and of the
    second letter. A subject access request is one list: Article 15's parts belong together."""
    first = rendered([e for e in entries if e.part == 1], scope, where)
    second = rendered([e for e in entries if e.part == 2], scope, where)
    if cap is None:
        return first + second, []
    return first[:cap], first[cap:] + second


def _draft(intake: Intake, deadline: deadlines.Deadline, context: dict[str, Any], user_dir: Path | None,
           on_markup: OnMarkup | None = None) -> Draft:
    marked = render_file(letter_template(intake), context, user_dir)
    if on_markup is not None:
        on_markup(context["part"], marked)
    blocks = markup.parse(marked)
    return Draft(
        scenario_id=intake.scenario.id, regime=intake.regime, authority=context["recipient_body"],
        provider=intake.answers.get("provider"), title=markup.unescape(context["title"]),
        letter_date=intake.letter_date, deadline=deadline, answers=dict(intake.answers),
        markup=markup.to_markdown(blocks), blocks=blocks, part=context["part"],
    )


def letter_template(intake: Intake) -> str:
    """The template a letter is rendered from: letters/request.md.j2 or letters/sar.md.j2."""
    return f"letters/{intake.scenario.letter}.md.j2"


def _response_due(received: date, regime: Regime, calendar: str | None = None) -> deadlines.Deadline:
    """The date a reply is due: the same for every letter of a batch (one date, one law), so worked out once."""
    from foi.law import regimes

    if regimes.get(regime.id) is not regime:  # a regime not from the data file: work it out afresh
        return deadlines.response_due(received, regime, calendar=calendar)
    return _due_on(received, regime.id, calendar)


@lru_cache(maxsize=64)
def _due_on(received: date, regime_id: str, calendar: str | None) -> deadlines.Deadline:
    from foi.law import regimes

    return deadlines.response_due(received, regimes.get(regime_id), calendar=calendar)


# A regime whose working days are those of the controller's own part of the UK (subject access) counts
# them where the body is: 4 January 2027 is a bank holiday in Scotland but not in England.
_PART_OF_UK = {"scotland": "scotland", "ni": "northern-ireland", "england": "england-and-wales",
               "wales": "england-and-wales"}


def _controller_calendar(intake: Intake) -> str | None:
    """The part of the UK whose bank holidays count, where the regime lets the body's place decide."""
    if not intake.regime.extra.get("calendar_choice"):
        return None
    return _PART_OF_UK.get(intake.target.authority.nation)


def notes(intake: Intake, second: Draft | None) -> tuple[str, ...]:
    """What the user is told about the letter: the answer loop's notes, and the second letter's (from its
    blocks: foi.batch.memo works them out again for each row's own letter)."""
    found = list(intake.notes)
    if second is not None and intake.scenario.letter == "sar":
        found.append(f"A second letter asks {second.authority.name} itself for what it holds as a controller: "
                     "find its data protection contact on its website before sending it")
    elif second is not None:
        count = sum(1 for b in second.blocks if isinstance(b, markup.NumberedList) for _ in b.items)
        found.append(f"A second letter ({second.slug}) asks for {count} local or more often withheld "
                     "item(s) separately, so they cannot delay the first: send both")
    if intake.scenario.letter == "sar" and intake.target.authority.id == "dwp" and not intake.answers.get("address"):
        found.append("DWP asks a written request for your full address as well as your name, date of birth "
                     "and National Insurance number: add it with --set address=...")
    if intake.scenario.letter == "sar" and intake.answers.get("ni_number"):
        found.append("This letter carries your National Insurance number: post it, or use the body's own "
                     "online form; do not send it by ordinary email")
    return tuple(found)


def _scope(intake: Intake) -> dict[str, Any]:
    """What scenario items see: the escaped answers, the body, the period in each form a rule uses."""
    answers, regime, authority = intake.answers, intake.regime, intake.target.authority
    escaped = {key: _escaped(value) for key, value in answers.items()}
    provider = _provider_name(intake)
    if provider is not None:
        escaped["provider"] = escape(provider)
    return {
        **escaped,
        "authority": _EscapedAuthority(authority),
        "period": Md(_period(answers)),
        **period_phrases(answers.get("date_from"), answers.get("date_to")),
        "voluntary": bool(intake.subject and intake.subject.voluntary),
        "regime": regime,
        "s": regime.sections,
    }


def period_phrases(start: date | None, end: date | None) -> dict[str, Md]:
    """The one date rule, in its three forms: documents "in force at any time between X and Y,
    whenever issued"; records "created between X and Y"; figures "for each month from X to Y"."""
    if not start or not end:
        return {"in_force": Md(""), "created": Md(""), "each_month": Md("")}
    between = f"between {long_date(start)} and {long_date(end)}"
    return {
        "in_force": Md(f"in force at any time {between}, whenever issued"),
        "created": Md(f"created {between}"),
        "each_month": Md(f"for each month from {MONTHS[start.month - 1]} {start.year} to "
                         f"{MONTHS[end.month - 1]} {end.year}"),
    }


def _provider_name(intake: Intake) -> str | None:
    """The provider as the period knew it: "A4e" for 2014, "PeoplePlus" for 2025, "A4e (now
    PeoplePlus)" for a period that spans the change; unchanged for a provider not in the directory."""
    from foi.directory import authorities, programmes

    named = intake.answers.get("provider")
    start, end = intake.answers.get("date_from"), intake.answers.get("date_to")
    if not isinstance(named, str) or not named.strip() or not start or not end:
        return None
    provider = intake.target.provider
    if provider is None:
        try:
            entry = authorities.find(named)
        except FoiError:
            return None
        provider = entry if isinstance(entry, authorities.Provider) else None
    if provider is None or not programmes.names_of(provider.id):
        return None
    as_named = named.split(" (now ")[0].strip()
    return programmes.name_in_period(provider.id, as_named, start, end)


def _context(
    intake: Intake, deadline: deadlines.Deadline, scope: dict[str, Any], items: list[Md], *, part: int
) -> dict[str, Any]:
    answers, regime, authority = intake.answers, intake.regime, intake.target.authority
    where = str(intake.scenario.path)
    title = render_string(intake.scenario.subject, scope, where)
    definitions = _definitions_for(rendered(intake.scenario.definitions, scope, where), items)
    second_request = part == 2 and intake.scenario.letter == "request"
    return {
        **scope,
        "part": part,
        "recipient_body": authority,
        "title": Md(f"{title} (second request)") if second_request else title,
        "letter_date": long_date(intake.letter_date),
        "recipient": _recipient(authority, sar=intake.scenario.letter == "sar"),
        "items": items,
        "definitions": definitions,
        "first_items": _first_items(len(items)),
        "period_note": _period_note(answers, intake.letter_date),
        "clauses": {key: answers.get(key, True) for key in _CLAUSES},
        "style": answers.get("style") or "short",
        "received": long_date(deadline.start),
        "due": long_date(deadline.due),
        "holiday_note": Md(holiday_note(deadline, regime)),
        "signature": _signature(answers),
        "provider": scope.get("provider"),
        "organisation": scope.get("organisation"),
        "officer": scope.get("officer"),
        "to_provider": False,
        "provider_now": escape(_provider_now(intake) or "") or scope.get("provider"),
        "address_lines": address_lines(answers.get("address")),
    }


def _definitions_for(definitions: list[Md], items: list[Md]) -> list[Md]:
    """The definitions a letter needs: one defining a quoted word only where its items use the word."""
    words = " ".join(items).lower()
    kept = []
    for text in definitions:
        defined = re.search(r'"([^"]+)" (?:includes|means)', text)
        if defined is None or defined.group(1).lower() in words:
            kept.append(text)
    return kept


def _first_items(count: int) -> str:
    """The items a concrete cost fallback asks for: the first two of three or more, else the first."""
    if count >= 3:
        return "items 1 and 2"
    return "item 1" if count == 2 else ""


def _provider_sar(intake: Intake, deadline: deadlines.Deadline, user_dir: Path | None,
                  on_markup: OnMarkup | None = None) -> Draft | None:
    """A subject access request to the provider itself, under the name it trades under now, for what
    it holds as a controller in its own right; None when no provider was named."""
    named = intake.answers.get("provider")
    if not isinstance(named, str) or not named.strip():
        return None
    name = _provider_now(intake) or named.strip()
    body = Authority(id=_slug_id(name), name=name, short=name, regime="sar")
    to_provider = dataclasses.replace(intake, target=dataclasses.replace(intake.target, authority=body),
                                      answers={**intake.answers, "provider": None})
    scope = _scope(to_provider)
    items = rendered(intake.scenario.items, scope, str(intake.scenario.path))
    # The letter names the body whose programme the provider ran, where that request went.
    context = {**_context(to_provider, deadline, scope, items, part=2), "to_provider": True,
               "programme_body": intake.target.authority.short}
    return _draft(to_provider, deadline, context, user_dir, on_markup)


def _provider_now(intake: Intake) -> str | None:
    """The provider's name today, from the directory (PeoplePlus for A4e); None if it is not there."""
    from foi.directory import authorities

    provider = intake.target.provider
    named = intake.answers.get("provider")
    if provider is None and isinstance(named, str) and named.strip():
        try:
            entry = authorities.find(named.strip())
        except FoiError:
            return None
        provider = entry if isinstance(entry, authorities.Provider) else None
    return provider.name if provider is not None else None


def _slug_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "provider"


_CLAUSES = ("definitions", "held_on_behalf", "confirm_or_deny", "partial_release", "cost_advice",
            "format_preference", "published_link", "time_limit")


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


def _recipient(authority: Authority, sar: bool = False) -> list[str]:
    """The body's name, then its address without repeating the name: for a subject access request,
    the body's own route for one (DWP's right of access team) where the directory has it."""
    address = authority.sar_address if sar and authority.sar_address else authority.address
    if sar and not authority.sar_address:
        return ["Data Protection Officer", authority.name]
    return [authority.name, *(line for line in address if line != authority.name)]


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
