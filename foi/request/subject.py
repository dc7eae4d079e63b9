"""What a request is about, once its specifics are known: the programmes and provider it names, the
body that holds that subject, and a default period inside their lives.

Three mistakes an FOI officer answers with "not held": asking the Scottish Government about Jobcentre
sanctions (a reserved matter), asking about "the last financial year" of the Work Programme (which
took its last referrals in 2017), and asking about sanctions on a voluntary programme. This module
finds each before the letter is written: it redirects the request to the right body (or, with
`--set redirect=no`, keeps the body and says why that is a problem), moves the default period inside
the programme's life, and questions a period given outside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from foi.directory import authorities, matters, programmes
from foi.directory.entries import Target
from foi.directory.programmes import Life, Scheme
from foi.request.scenarios import Scenario
from foi.support.dates import last_financial_year, long_date


@dataclass(frozen=True)
class Subject:
    """The programmes a request names, the provider's name's life, and the matter it concerns."""

    schemes: tuple[Scheme, ...]
    matter: matters.Matter | None
    lives: tuple[tuple[str, Life], ...]
    """(name, life) of every programme and provider name the request is about, for periods."""
    names: tuple[str, ...] = ()
    """Which of those lives are a provider's name (A4e), not a programme: only the default moves."""

    @property
    def voluntary(self) -> bool:
        """A named programme nobody could be made to join: no sanction items."""
        return any(s.voluntary for s in self.schemes)


def _texts(scenario: Scenario, answers: Mapping[str, Any]) -> list[str]:
    keys = [q.key for q in scenario.questions]
    found = []
    for key in keys:
        value = answers.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(str(v) for v in value)
    return found


def subject_of(scenario: Scenario, target: Target, answers: Mapping[str, Any]) -> Subject:
    """What this request is about, from the scenario and the person's answers to its questions."""
    texts = _texts(scenario, answers)
    schemes = tuple(programmes.mentioned(texts))
    lives = [(s.name, s.life) for s in schemes]
    names: list[str] = []
    provider = target.provider or _provider_named(answers.get("provider"))
    if provider is not None:
        as_named = _as_named(answers.get("provider"), target)
        life = programmes.life_of_provider_name(provider.id, as_named)
        if life is not None:
            names.append(as_named or provider.name)
            lives.append((as_named or provider.name, life))
    matter = matters.matter_of(texts, scenario.matter, provider)
    return Subject(schemes, matter, tuple(lives), tuple(names))


def _as_named(answer: Any, target: Target) -> str | None:
    if isinstance(answer, str) and answer.strip():
        return answer.strip()
    return target.provider_label


def _provider_named(answer: Any) -> Any:
    if not isinstance(answer, str) or not answer.strip():
        return None
    try:
        entry = authorities.find(answer.strip())
    except Exception:  # an unknown provider is just a name in the letter
        return None
    return entry if isinstance(entry, authorities.Provider) else None


# --- the right body ---------------------------------------------------------------------------


def redirect(target: Target, subject: Subject, nation: str | None, keep: bool) -> tuple[Target, list[str]]:
    """The body to write to, and what to tell the person: the body that holds the subject, unless
    they asked to keep theirs (then a warning that it will come back as not held)."""
    problem = matters.wrong_body(target.authority, subject.matter, nation)
    if problem is None:
        return target, []
    if keep:
        return target, [f"{problem.message}. The letter is written to {target.authority.in_text} as asked."]
    if problem.right_body is None:
        return target, [f"{problem.message}: send this request to the local council instead"]
    right = authorities.builtin().authorities[problem.right_body]
    note = (f"{problem.message}; so this letter is written to {right.in_text} instead "
            f"(to keep {target.authority.in_text}, pass --set redirect=no)")
    return Target(right, target.provider, target.provider_label), [note]


# --- the period -------------------------------------------------------------------------------


def default_period(letter_date: date, subject: Subject) -> tuple[date, date]:
    """The last complete financial year, moved back inside the life of what the request is about.

    For a programme or name that has ended, the last complete financial year before it ended; a
    life shorter than a financial year is used whole; never a period starting before it began.
    """
    start, end = last_financial_year(letter_date)
    for _, life in subject.lives:
        if life.ended is not None and life.ended < end:
            start, end = last_financial_year(life.ended + timedelta(days=1))
            if start > end or end < (life.started or start):
                start, end = life.started or start, life.ended
        if life.started is not None and start < life.started <= end:
            start = life.started
        if life.ended is not None and start <= life.ended < end:
            end = life.ended
    return start, end


def period_notes(start: date, end: date, subject: Subject) -> list[str]:
    """A question for each programme or name whose life the period falls outside."""
    notes = []
    for name, life in subject.lives:
        if name in subject.names:
            continue  # a provider's old name: the letter uses the name of the period instead
        if life.ended is not None and start > life.ended:
            notes.append(f"{name} ended on {long_date(life.ended)}, before the period asked about "
                         f"({long_date(start)} to {long_date(end)}): check the dates")
        elif life.started is not None and end < life.started:
            notes.append(f"{name} began on {long_date(life.started)}, after the period asked about "
                         f"({long_date(start)} to {long_date(end)}): check the dates")
    for scheme in subject.schemes:
        if scheme.voluntary:
            notes.append(f"{scheme.name} was voluntary, so the letter asks nothing about sanctions for it")
    return notes


def moved_default(start: date, end: date, subject: Subject, letter_date: date) -> str | None:
    """Say so when the period is the default moved back inside a programme's or name's life."""
    if (start, end) != default_period(letter_date, subject) or (start, end) == last_financial_year(letter_date):
        return None
    ended = [(name, life.ended) for name, life in subject.lives if life.ended is not None and life.ended < letter_date]
    why = "; ".join(f"the name {name} was used until {long_date(day)}" if name in subject.names
                    else f"{name} ended on {long_date(day)}" for name, day in ended)
    return (f"The period is {long_date(start)} to {long_date(end)}, not the last financial year, because {why}: "
            "give date_from and date_to to choose another")
