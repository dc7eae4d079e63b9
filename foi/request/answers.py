"""The one answer loop: every source of answers feeds the same parse and validate functions.

Precedence, highest first: --set key=value, then a batch row or --answers file, then the saved
profile, then the question's default, then a prompt (only with a terminal). With no terminal, a
missing required answer is an error that names the key and how to give it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.request.questions import InvalidAnswer, Question, parse
from foi.support import yamlio
from foi.support.errors import AnswerError, DataError, UsageProblem

# (question, default shown to the user, message about the last bad answer) -> the raw answer typed
Asker = Callable[[Question, Any, "str | None"], str]
# Extra checks by key, for answers that only the running command can judge (an authority's name):
# they return an error message, or None when the value is fine.
Check = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Source:
    """A named mapping of answers: `--set`, an answers file, a batch row, the profile."""

    name: str
    values: Mapping[str, Any]
    is_command_line: bool = False

    def how_to_fix(self, key: str) -> str:
        if self.is_command_line and key in ("scenario", "authority"):
            return f"pass --{key} ..."
        if self.is_command_line:
            return f"pass --set {key}=..."
        return f"correct `{key}:` in {self.name}"


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@lru_cache(maxsize=1)
def _lenient_env() -> Any:
    from jinja2 import ChainableUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=ChainableUndefined)


def condition(expression: str, context: Mapping[str, Any]) -> bool:
    """Evaluate a `when` condition (a Jinja expression); an answer not given counts as empty."""
    return bool(_expression(expression)(**context))


@lru_cache(maxsize=512)
def _expression(expression: str) -> Any:
    """A `when` condition compiled once (a batch asks the same questions for every row)."""
    return _lenient_env().compile_expression(expression)


@lru_cache(maxsize=512)
def _default_template(default: str) -> Any:
    return _env().from_string(default)


def default_for(question: Question, context: Mapping[str, Any]) -> Any:
    """The question's default, rendered as a Jinja template when it contains {{ }}."""
    default = question.default
    if isinstance(default, str) and "{{" in default:
        return _default_template(default).render(**context)
    return default


def resolve(
    questions: Sequence[Question],
    sources: Sequence[Source],
    answers: dict[str, Any],
    *,
    context: Mapping[str, Any],
    asker: Asker | None,
    checks: Mapping[str, Check] | None = None,
) -> dict[str, Any]:
    """Fill `answers` for each question in order, from the first source that has it, else default or prompt."""
    for question in questions:
        scope = {**context, **answers}
        if question.when and not condition(question.when, scope) and not _given(question.key, sources):
            answers.pop(question.key, None)
            continue
        check = (checks or {}).get(question.key)
        answers[question.key] = _answer(question, sources, scope, asker, check)
    return answers


def _given(key: str, sources: Sequence[Source]) -> bool:
    """An answer given outright counts even where its `when` would not have asked for it."""
    return any(key in source.values for source in sources)


def _checked(question: Question, raw: Any, check: Check | None) -> Any:
    value = parse(question, raw)
    problem = check(value) if check is not None and value is not None else None
    if problem:
        raise InvalidAnswer(problem)
    return value


def _answer(
    question: Question, sources: Sequence[Source], scope: Mapping[str, Any], asker: Asker | None, check: Check | None
) -> Any:
    for source in sources:
        if question.key in source.values:
            return _from_source(question, source, check)
    default = default_for(question, scope)
    if asker is not None and question.ask:
        return _ask(question, default, asker, check)
    try:
        value = _checked(question, default, check)
    except InvalidAnswer as err:
        raise AnswerError(f"the default for '{question.key}' is not valid: {err}") from None
    if value in (None, []) and question.required:
        raise AnswerError(missing_message(question, sources), key=question.key)
    return value


def _from_source(question: Question, source: Source, check: Check | None) -> Any:
    raw = source.values[question.key]
    if isinstance(raw, list) and question.type != "list" and source.is_command_line:
        raw = raw[-1]  # --set given twice: the last one wins, as with any option
    try:
        value = _checked(question, raw, check)
    except InvalidAnswer as err:
        raise AnswerError(
            f"{source.name}: '{question.key}': {err}; {source.how_to_fix(question.key)}",
            key=question.key, problem=str(err), source=source.name,
        ) from None
    if value in (None, []) and question.required:
        raise AnswerError(
            f"{source.name}: '{question.key}' is empty; {source.how_to_fix(question.key)}",
            key=question.key, source=source.name,
        )
    return value


def ask_again(question: Question, current: Any, asker: Asker) -> Any:
    """Ask one question again (the wizard's fix for a finding), showing the current answer."""
    shown = current.isoformat() if hasattr(current, "isoformat") else current
    if isinstance(shown, list):
        shown = None
    return _ask(question, shown, asker, None)


def _ask(question: Question, default: Any, asker: Asker, check: Check | None) -> Any:
    problem: str | None = None
    while True:
        raw = asker(question, default, problem)
        if (raw is None or str(raw).strip() == "") and default not in (None, ""):
            raw = default
        try:
            value = _checked(question, raw, check)
        except InvalidAnswer as err:
            problem = str(err)
            continue
        if value in (None, []) and question.required:
            problem = "this one is needed"
            continue
        return value


def missing_message(question: Question, sources: Sequence[Source]) -> str:
    """The one-line error for a required answer with no value and no terminal to ask on."""
    files = [s.name for s in sources if not s.is_command_line and s.name != "profile"]
    where = f" or add `{question.key}: ...` to {files[0]}" if files else " or add it to an --answers file"
    return f"missing answer '{question.key}' ({question.prompt}): pass --set {question.key}=...{where}"


def check_known(sources: Iterable[Source], known: Iterable[str]) -> None:
    """Refuse a key no question asks for: a typo must not be silently ignored."""
    known = set(known)
    for source in sources:
        for key in source.values:
            if key in known:
                continue
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            message = f"{source.name}: unknown answer key '{key}'{hint}; run `foi scenarios show ID` for the keys"
            raise (UsageProblem if source.is_command_line else DataError)(message)


def parse_set_options(pairs: Sequence[str]) -> dict[str, Any]:
    """`--set key=value` options as a mapping; a key given twice becomes a list (for list answers)."""
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageProblem(f"--set {pair!r} is not key=value: write it like --set provider=A4e")
        if key in values:
            previous = values[key]
            values[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[key] = value
    return values


def load_answers_file(path: Path) -> dict[str, Any]:
    """Read an answers file (YAML mapping of key: value)."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise DataError(f"{path}: cannot read the answers file ({err.strerror})") from None
    try:
        data = yamlio.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise DataError(f"{path}: not valid YAML{line}: write one `key: value` per line") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(f"{path}: an answers file must be a mapping of `key: value` lines")
    return {str(k): v for k, v in data.items()}
