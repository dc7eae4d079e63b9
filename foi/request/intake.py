"""Gathering a request's answers: who, which body, which scenario, the specifics, the period.

The wizard, --answers, --set and a batch row are only different sources feeding the one loop in
`foi.request.answers`; this module runs that loop in the wizard's order and checks the answers together.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from foi.directory import authorities
from foi.law import regimes
from foi.law.regimes import Regime
from foi.request import scenarios
from foi.request.answers import Asker, Source, check_known, resolve
from foi.request.questions import Question
from foi.request.scenarios import Scenario
from foi.request.subject import Subject
from foi.support.dates import last_financial_year, long_date
from foi.support.errors import AnswerError, FoiError


@dataclass(frozen=True)
class Intake:
    """Everything a letter is drafted from."""

    scenario: Scenario
    target: authorities.Target
    regime: Regime
    answers: dict[str, Any]
    questions: tuple[Question, ...]
    letter_date: date
    # What the request is about (programmes, matter, lives) and what the person must be told about it:
    # a redirect to the body that holds the subject, a period outside a programme's life.
    subject: Subject | None = None
    notes: tuple[str, ...] = ()


def collect(
    sources: list[Source],
    *,
    letter_date: date,
    asker: Asker | None,
    user_dir: Path | None = None,
    directory: authorities.Directory | None = None,
) -> Intake:
    """Run the answer loop over every group of questions and return the checked answers."""
    common = scenarios.common_questions(user_dir)
    fy_start, fy_end = last_financial_year(letter_date)
    context: dict[str, Any] = {"fy_start": fy_start.isoformat(), "fy_end": fy_end.isoformat()}
    answers: dict[str, Any] = {}
    check_known(sources, _every_key(common, user_dir))
    resolve(common["who"], sources, answers, context=context, asker=asker)
    target_qs = _target_questions(common["target"], user_dir)
    resolve(target_qs[:1], sources, answers, context=context, asker=asker,
            checks={"authority": _authority_check(directory)})
    named = authorities.resolve(answers["authority"], directory, on=letter_date)
    context["provider_also_in_ni"] = bool(named.provider and named.provider.commissioned_by_ni)
    resolve(target_qs[1:], sources, answers, context=context, asker=asker)
    nation = "ni" if answers.get("northern_ireland") else None
    target = authorities.resolve(answers["authority"], directory, nation=nation, on=letter_date)
    scenario = scenarios.get(answers["scenario"], user_dir)
    regime = regime_for(scenario, target.authority)
    specific = _with_provider_default(scenario.questions, target)
    context.update(authority=target.authority)
    resolve((*specific, *common["clauses"]), sources, answers, context=context, asker=asker)
    about, target, notes = _about(scenario, target, answers, nation)
    regime = regime_for(scenario, target.authority)
    context.update(_period_defaults(letter_date, about), authority=target.authority)
    resolve(common["period"], sources, answers, context=context, asker=asker)
    notes += _period_notes(scenario, answers, about, letter_date)
    every = (*common["who"], *target_qs, *specific, *common["period"], *common["clauses"])
    check_known(sources, [question.key for question in every])
    _check_together(answers, regime)
    return Intake(scenario, target, regime, answers, every, letter_date, about, tuple(notes))


def _about(
    scenario: Scenario, target: authorities.Target, answers: dict[str, Any], nation: str | None
) -> tuple[Subject, authorities.Target, list[str]]:
    """What the request is about, and the body that holds it (see foi.request.subject)."""
    from foi.request import subject

    if scenario.regimes == ("sar",):
        return subject.subject_of(scenario, target, answers), target, []
    about = subject.subject_of(scenario, target, answers)
    keep = answers.get("redirect") is False
    target, notes = subject.redirect(target, about, nation, keep=keep)
    return about, target, notes


def _period_defaults(letter_date: date, about: Subject) -> dict[str, str]:
    from foi.request import subject

    start, end = subject.default_period(letter_date, about)
    return {"fy_start": start.isoformat(), "fy_end": end.isoformat()}


def _period_notes(scenario: Scenario, answers: dict[str, Any], about: Subject, letter_date: date) -> list[str]:
    """Questions about the period; the voluntary note only where the scenario has sanction items."""
    from foi.request import subject

    start, end = answers.get("date_from"), answers.get("date_to")
    if not start or not end:
        return []
    notes = subject.period_notes(start, end, about)
    if not any("voluntary" in (item.when or "") for item in scenario.items):
        notes = [n for n in notes if "was voluntary" not in n]
    moved = subject.moved_default(start, end, about, letter_date)
    return ([moved] if moved else []) + notes


def _every_key(common: dict[str, tuple[Question, ...]], user_dir: Path | None) -> set[str]:
    """Every key any question asks: a key outside this is a typo, reported before anything is asked."""
    keys = {q.key for group in common.values() for q in group}
    for scenario in scenarios.all_scenarios(user_dir).values():
        keys.update(q.key for q in scenario.questions)
    return keys


def reask(taken: Intake, key: str, asker: Asker) -> Intake:
    """Ask one answer again and check the answers together; everything else stays as it was."""
    from foi.request.answers import ask_again

    question = next(q for q in taken.questions if q.key == key)
    answers = {**taken.answers, key: ask_again(question, taken.answers.get(key), asker)}
    _check_together(answers, taken.regime)
    return dataclasses.replace(taken, answers=answers)


def _target_questions(raw: tuple[Question, ...], user_dir: Path | None) -> tuple[Question, ...]:
    ids = tuple(scenarios.all_scenarios(user_dir))
    return tuple(
        dataclasses.replace(q, type="choice", choices=ids) if q.key == "scenario" else q for q in raw
    )


def _authority_check(directory: authorities.Directory | None) -> Any:
    def check(value: Any) -> str | None:
        try:
            authorities.resolve(str(value), directory)
        except FoiError as err:
            return err.message
        return None

    return check


def _with_provider_default(questions: tuple[Question, ...], target: authorities.Target) -> tuple[Question, ...]:
    """Naming a provider as the body fills in the scenario's `provider` answer with it."""
    if target.provider is None:
        return questions
    return tuple(
        dataclasses.replace(q, default=target.provider_label) if q.key == "provider" else q for q in questions
    )


def regime_for(scenario: Scenario, authority: authorities.Authority) -> Regime:
    """The one regime that applies: the body's (FOIA or FOISA), its environmental twin, or subject access."""
    if scenario.regimes == ("sar",):
        return regimes.get("sar")
    wanted = regimes.environmental(authority.regime) if scenario.environmental else authority.regime
    if wanted not in scenario.regimes:
        raise FoiError(
            f"the '{scenario.id}' scenario is not written for {regimes.get(wanted).short} "
            f"({authority.name} is under the {regimes.get(wanted).name}): choose another scenario"
        )
    return regimes.get(wanted)


def _check_together(answers: dict[str, Any], regime: Regime) -> None:
    """Checks that need more than one answer."""
    start, end = answers.get("date_from"), answers.get("date_to")
    if start and end and start > end:
        problem = f"date_from ({long_date(start)}) is after date_to ({long_date(end)}): swap them or correct one"
        raise AnswerError(problem, key="date_from", problem=problem)
    # A subject access request has no formal requirements (reference D): only FOI needs an address.
    if regime.is_foi and not answers.get("email") and not answers.get("address"):
        cited = regime.section("valid_request")
        why = f" ({cited})" if cited else ""
        raise AnswerError(
            f"a request needs an address for correspondence{why}: pass --set email=... or --set address=...",
            key="email", problem=f"a request needs an address for correspondence{why}: give an email or a postal address",
        )
