"""Gathering a request's answers: what happened (the scenario), who, which body, the specifics, the period.

The wizard, --answers, --set and a batch row are only different sources feeding the one loop in
`foi.request.answers`; this module runs that loop in the wizard's order and checks answers that
belong together as soon as the second of them is given (an address for the reply, the period), so a
person at a terminal is asked again at once instead of losing everything at the end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.directory import authorities
from foi.law import regimes
from foi.law.regimes import Regime
from foi.request import bodies, scenarios, situations
from foi.request.answers import Asker, Check, Source, Warn, check_known, condition, resolve
from foi.request.dialogue import Dialogue
from foi.request.questions import InvalidAnswer, Question, parse
from foi.request.scenarios import Scenario
from foi.request.subject import Subject
from foi.request.validators import email as email_problem
from foi.request.validators import sentence_like
from foi.support import console
from foi.support.dates import last_financial_year, long_date
from foi.support.errors import AnswerError, FoiError

# A period longer than this is questioned: authorities can refuse long periods on cost.
LONG_PERIOD_YEARS = 3
_PERIOD = ("date_from", "date_to")


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
    # The warnings the loop gave on the way (a value it cleaned, a long period), in order, as they were
    # given to `collect`'s `warn`: what happened, not what the request is, so not compared.
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass
class _Step:
    """One run of the loop: the sources, the answers so far, and who (if anyone) to ask."""

    sources: Sequence[Source]
    answers: dict[str, Any]
    context: dict[str, Any]
    asker: Asker | None
    previous: Mapping[str, Any]
    warn: Warn

    def run(self, questions: Iterable[Question], checks: Mapping[str, Check] | None = None) -> None:
        """Resolve these questions; an answer being changed shows its old value as the default."""
        resolve([self.with_default(q) for q in questions], self.sources, self.answers,
                context=self.context, asker=self.asker, checks=checks, warn=self.warn)

    def with_default(self, question: Question) -> Question:
        """The question with the answer being changed as its default (unchanged otherwise)."""
        old = self.previous.get(question.key)
        if old in (None, "", []) or isinstance(old, list):
            return question
        shown = old.isoformat() if isinstance(old, date) else old
        return dataclasses.replace(question, default=shown)

    def given(self, key: str) -> bool:
        return any(key in source.values for source in self.sources)

    def given_value(self, key: str) -> Any:
        """The value the strongest source gives for a key (None if none does)."""
        return next((source.values[key] for source in self.sources if key in source.values), None)

    def ask_only(self, question: Question) -> None:
        """Ask the person, whatever a source said (it said something that cannot be used)."""
        shown = self.given_value(question.key)
        asked = dataclasses.replace(question, default=None if shown is None else str(shown))
        resolve([asked], [], self.answers, context=self.context, asker=self.asker, warn=self.warn)


def collect(
    sources: list[Source],
    *,
    letter_date: date,
    asker: Asker | None,
    user_dir: Path | None = None,
    directory: authorities.Directory | None = None,
    dialogue: Dialogue | None = None,
    answers: dict[str, Any] | None = None,
    previous: Mapping[str, Any] | None = None,
    strict_keys: bool = True,
    on_start: Callable[[int], None] | None = None,
    warn: Warn = console.warn,
) -> Intake:
    """Run the answer loop over every group of questions and return the checked answers.

    `answers` is filled as it goes (the caller keeps what was typed if anything fails); `previous`
    gives the defaults for answers being changed; `strict_keys` False lets a source carry keys of
    another scenario (a person's own earlier answers, when the situation is changed); `on_start`
    is told how many questions are likely to be asked, before the first one. Each warning is given
    to `warn` as it comes (printed on stderr unless told otherwise: a person at a terminal sees it
    before the next question, a script before any error) and kept, in order, in the Intake's
    `warnings`.
    """
    said: list[str] = []

    def tell(message: str) -> None:
        said.append(message)
        warn(message)

    common = scenarios.common_questions(user_dir)
    found = scenarios.all_scenarios(user_dir)
    fy_start, fy_end = last_financial_year(letter_date)
    step = _Step(sources, {} if answers is None else answers,
                 {"fy_start": fy_start.isoformat(), "fy_end": fy_end.isoformat()}, asker, previous or {}, tell)
    check_known(sources, _every_key(common, found))
    target_qs = {q.key: q for q in common["target"]}
    plan = _Plan(step)
    if dialogue is not None:
        dialogue.planner = plan
    scenario_q = _scenario_question(target_qs.pop("scenario"), found, user_dir, menu=dialogue is not None)
    plan.groups = [(scenario_q,), common["who"], tuple(target_qs.values()), _typical(found), common["period"]]
    if on_start is not None:
        on_start(len(plan()))
    _scenario(step, scenario_q, dialogue)
    scenario = scenarios.get(step.answers["scenario"], user_dir)
    plan.groups[3] = scenario.questions
    _who(step, common["who"], scenario, interactive=asker is not None)
    target = _target(step, target_qs, directory, dialogue, letter_date)
    regime = regime_for(scenario, target.authority)
    specific = _with_provider_default(scenario.questions, target)
    step.context.update(authority=target.authority)
    step.run(specific)
    _warn_sentences(step, specific)
    step.run(common["clauses"])
    nation = "ni" if step.answers.get("northern_ireland") else None
    about, target, notes = _about(step, scenario, target, nation, dialogue)
    regime = regime_for(scenario, target.authority)
    step.context.update(_period_defaults(letter_date, about), authority=target.authority)
    _period(step, common["period"], letter_date, dialogue)
    notes += _period_notes(scenario, step.answers, about, letter_date)
    every = (scenario_q, *common["who"], *target_qs.values(), *specific, *common["period"], *common["clauses"])
    if strict_keys:
        check_known(sources, [question.key for question in every])
    check_together(step.answers, regime)
    return Intake(scenario, target, regime, step.answers, every, letter_date, about, tuple(notes), tuple(said))


def _about(
    step: _Step, scenario: Scenario, target: authorities.Target, nation: str | None, dialogue: Dialogue | None
) -> tuple[Subject, authorities.Target, list[str]]:
    """What the request is about, and the body that holds it (see foi.request.subject). A person is
    asked before the letter goes to another body than the one they named; a script is told."""
    from foi.request import subject

    about = subject.subject_of(scenario, target, step.answers)
    if scenario.regimes == ("sar",):
        return about, target, []
    keep = step.answers.get("redirect") is False
    moved, notes = subject.redirect(target, about, nation, keep=keep)
    if moved is target or dialogue is None or step.asker is None or step.given("redirect"):
        return about, moved, notes
    why = notes[0].split("; so this letter", 1)[0] if notes else ""
    dialogue.say(f"{why}.")
    if dialogue.confirm(f"Write to {moved.authority.in_text} instead?", default=True):
        step.answers["redirect"] = True
        return about, moved, [f"{why}: the letter goes to {moved.authority.in_text}."]
    step.answers["redirect"] = False
    return (about, *subject.redirect(target, about, nation, keep=True))


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


class _Plan:
    """The keys the wizard will ask, in order, as far as they are known: for "[3/9]"."""

    def __init__(self, step: _Step) -> None:
        self.step = step
        self.groups: list[tuple[Question, ...]] = []

    def __call__(self) -> list[str]:
        scope = {**self.step.context, **self.step.answers}
        keys: list[str] = []
        for question in (q for group in self.groups for q in group):
            if not question.ask or self.step.given(question.key) or question.key in keys:
                continue
            if question.key in self.step.answers or not question.when or condition(question.when, scope):
                keys.append(question.key)
        return keys


def _typical(found: Mapping[str, Scenario]) -> tuple[Question, ...]:
    """Before the situation is chosen, count a scenario's questions as the middling one's."""
    ordered = sorted(found.values(), key=lambda s: sum(q.ask for q in s.questions))
    return ordered[len(ordered) // 2].questions if ordered else ()


def _scenario(step: _Step, question: Question, dialogue: Dialogue | None) -> None:
    """What happened: from a source, else the menu. With a person to ask, a source's value that fits
    no situation is explained and the menu shown instead of stopping."""
    given = step.given_value(question.key)
    if dialogue is not None and step.asker is not None and given is not None:
        try:
            parse(question, given)
        except InvalidAnswer as err:
            dialogue.say(f"{err}.")
            step.ask_only(question)
            return
    step.run([question])


def _every_key(common: dict[str, tuple[Question, ...]], found: Mapping[str, Scenario]) -> set[str]:
    """Every key any question asks: a key outside this is a typo, reported before anything is asked."""
    keys = {q.key for group in common.values() for q in group}
    for scenario in found.values():
        keys.update(q.key for q in scenario.questions)
    return keys


def _scenario_question(
    question: Question, found: Mapping[str, Scenario], user_dir: Path | None, *, menu: bool
) -> Question:
    """The scenario as a choice: for a person, the situations menu in its own order with labels
    (so words of a situation pick it); for a script, the ids."""
    if not menu:
        return dataclasses.replace(question, type="choice", choices=tuple(found))
    listed = situations.menu(dict(found), user_dir)
    return dataclasses.replace(question, type="choice", choices=tuple(sid for sid, _ in listed),
                               labels=tuple(says for _, says in listed))


def _who(step: _Step, questions: tuple[Question, ...], scenario: Scenario, *, interactive: bool) -> None:
    """Name, email and address. A person at a terminal who gives no email is asked for a postal
    address until one is given (an FOI request needs one); an email typed there is taken as one."""
    foi = scenario.regimes != ("sar",)
    if interactive and foi:
        questions = tuple(dataclasses.replace(q, required=True) if q.key == "address" else q for q in questions)
    step.run(questions)
    address_as_email(step.answers)


def address_as_email(answers: dict[str, Any]) -> None:
    """An email address given as the postal address (and no email) is taken as the email."""
    address = answers.get("address")
    if not answers.get("email") and address and email_problem(address) is None:
        answers["email"], answers["address"] = address.strip(), None


def _target(
    step: _Step, questions: dict[str, Question], directory: authorities.Directory | None,
    dialogue: Dialogue | None, letter_date: date,
) -> authorities.Target:
    """The body: from the directory, or written to as typed; then the nation a provider needs."""
    typed = [questions[key] for key in bodies.TYPED_KEYS]
    step.run(typed)
    authority_q = step.with_default(questions["authority"])
    given = step.given_value("authority")
    person = dialogue is not None and step.asker is not None and not step.answers.get("authority_name")
    if person and given is not None and bodies.check(directory, step.answers, letter_date)(given):
        assert dialogue is not None
        dialogue.say(f"'{given}' is not a name I know exactly.")  # start the conversation from it
        authority_q, given = dataclasses.replace(authority_q, default=str(given)), None
    if person and given is None:
        assert dialogue is not None and step.asker is not None
        bodies.pick(authority_q, step.answers, typed, directory=directory, asker=step.asker,
                    dialogue=dialogue, context=step.context, on=letter_date, warn=step.warn)
    else:
        step.run([authority_q], checks={"authority": bodies.check(directory, step.answers, letter_date)})
    if step.answers.get("nation") and not step.answers.get("authority_name") \
            and not _in_directory(step.answers["authority"], directory):
        step.answers["authority_name"] = step.answers["authority"]
    named = bodies.target(step.answers, directory, on=letter_date)
    step.context["provider_also_in_ni"] = bool(named.provider and named.provider.commissioned_by_ni)
    step.run([questions["northern_ireland"]])
    nation = "ni" if step.answers.get("northern_ireland") else None
    return bodies.target(step.answers, directory, nation=nation, on=letter_date)


def _in_directory(name: str, directory: authorities.Directory | None) -> bool:
    try:
        authorities.find(name, directory)
    except FoiError:
        return False
    return True


def _warn_sentences(step: _Step, questions: Iterable[Question]) -> None:
    """A name given in a file or on the command line that reads like a sentence: say so (the wizard
    queries it as it is typed)."""
    for question in questions:
        value = step.answers.get(question.key)
        if question.short_name and value and step.given(question.key) and sentence_like(value):
            step.warn(f"'{question.key}' reads like a sentence (\"{value}\"), but the letter uses it as a "
                         "name inside its own sentences: give a short name, for example \"the Work Programme\"")


def _period(step: _Step, questions: tuple[Question, ...], letter_date: date, dialogue: Dialogue | None) -> None:
    """Start, then end (its default never before the start); a long period is questioned."""
    by_key = {q.key: q for q in questions}
    while True:
        step.run([by_key["date_from"]], checks={"date_from": _not_after(letter_date)})
        start = step.answers["date_from"]
        old_end = step.previous.get("date_to")
        if isinstance(old_end, date) and old_end < start:
            step.previous = {k: v for k, v in step.previous.items() if k != "date_to"}
        if start > date.fromisoformat(step.context["fy_end"]):
            step.context["fy_end"] = max(start, letter_date).isoformat()
        # A person is asked again at once; a script gets the one-line error naming both keys below.
        asked = step.asker is not None and not step.given("date_to")
        step.run([by_key["date_to"]], checks={"date_to": _not_before(start)} if asked else None)
        step.run([q for q in questions if q.key not in _PERIOD])
        if _keep_period(step, dialogue):
            return
        step.previous = {**step.previous, **{k: step.answers.pop(k) for k in _PERIOD}}


def _not_after(letter_date: date) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, date) and value > letter_date:
            return f"that is after {long_date(letter_date)}, the date of the letter: the period must have begun"
        return None

    return check


def _not_before(start: date) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, date) and value < start:
            return f"the period would end ({long_date(value)}) before it starts ({long_date(start)})"
        return None

    return check


def _keep_period(step: _Step, dialogue: Dialogue | None) -> bool:
    """A period over three years: a person is asked whether to keep it; a script is warned."""
    start, end = step.answers["date_from"], step.answers["date_to"]
    years = (end - start).days / 365.25
    if years <= LONG_PERIOD_YEARS:
        return True
    span = f"{long_date(start)} to {long_date(end)} is over {int(years)} years"
    if dialogue is None or step.asker is None or any(step.given(k) for k in _PERIOD):
        step.warn(f"the period {span}: authorities can refuse long periods on cost")
        return True
    return dialogue.confirm(
        f"The period {span}. Authorities can refuse long periods on cost. Keep it?", default=False)


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


def check_together(answers: dict[str, Any], regime: Regime) -> None:
    """Checks that need more than one answer, for answers given without a terminal to ask on."""
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


def without(answers: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The answers with some left out, to be asked again (an answer left empty stays empty)."""
    dropped = set(keys)
    return {k: v for k, v in answers.items() if k not in dropped}


def changed(
    taken: Intake, keys: Iterable[str], *, asker: Asker, dialogue: Dialogue, directory: authorities.Directory | None,
    user_dir: Path | None, answers: dict[str, Any] | None = None,
) -> Intake:
    """Ask some answers again, everything else kept; the checks run as on the first time through."""
    kept = without(taken.answers, keys)
    return collect(
        [Source("your answers", kept)], letter_date=taken.letter_date, asker=asker, user_dir=user_dir,
        directory=directory, dialogue=dialogue, answers=answers, previous=taken.answers, strict_keys=False,
    )

