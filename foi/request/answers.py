"""The one answer loop: every source of answers feeds the same parse and validate functions.

Precedence, highest first: --set key=value, then a batch row or --answers file, then the saved
profile, then the question's default, then a prompt (only with a terminal). With no terminal, a
missing required answer is an error that names the key and how to give it.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.request.questions import InvalidAnswer, Question, parse, unclean
from foi.support import console, files, yamlio
from foi.support.errors import AnswerError, DataError, UsageProblem

# An answers file is a page of `key: value` lines; a megabyte is far beyond any real one.
MAX_ANSWERS_BYTES = 1024 * 1024

# (question, default shown to the user, message about the last bad answer) -> the raw answer typed
Asker = Callable[[Question, Any, "str | None"], str]
# Extra checks by key, for answers that only the running command can judge (an authority's name):
# they return an error message, or None when the value is fine.
Check = Callable[[Any], "str | None"]
# Told each warning the loop gives (a value it had to clean), as it is given: console.warn prints it on
# stderr at once, which a person at a terminal needs before the next question; a list's append keeps it.
Warn = Callable[[str], None]


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


def _user_code(field: str) -> Callable[[Any], Any]:
    """Errors in an expression a user's scenario brings (a syntax error, an undefined call, a sandbox
    refusal, a division by zero) become a DataError naming the file, the question and the field."""

    def wrap(func: Any) -> Any:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - user-written code can raise anything
                question = next((a for a in (*args, *kwargs.values()) if isinstance(a, Question)), None)
                expression = args[0].default if isinstance(args[0], Question) else args[0]
                raise DataError(_expression_problem(field, question, str(expression), err)) from None

        return run

    return wrap


@_user_code("when")
def condition(expression: str, context: Mapping[str, Any], question: Question | None = None) -> bool:
    """Evaluate a `when` condition (a Jinja expression); an answer not given counts as empty."""
    plain = _plain_test(expression)
    if plain is not None:  # `email` or `not email`: what Jinja gives, without a Jinja context per question
        negated, name = plain
        return bool(context.get(name)) != negated
    return bool(_expression(expression)(**context))


_NAME_TEST = re.compile(r"\s*(not\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*")
# Words Jinja reads as something other than a variable's name.
_NOT_NAMES = frozenset({"true", "false", "none", "True", "False", "None", "not", "and", "or", "in", "is", "if",
                        "else", "loop", "self", "range", "dict", "lipsum", "cycler", "joiner", "namespace"})


@lru_cache(maxsize=512)
def _plain_test(expression: str) -> tuple[bool, str] | None:
    """(negated, name) for a condition that only tests whether one answer was given, else None."""
    match = _NAME_TEST.fullmatch(expression)
    if match is None or match.group(2) in _NOT_NAMES:
        return None
    return match.group(1) is not None, match.group(2)


@lru_cache(maxsize=512)
def _expression(expression: str) -> Any:
    """A `when` condition compiled once (a batch asks the same questions for every row)."""
    return _lenient_env().compile_expression(expression)


@lru_cache(maxsize=512)
def _default_template(default: str) -> Any:
    return _env().from_string(default)


@_user_code("default")
def default_for(question: Question, context: Mapping[str, Any]) -> Any:
    """The question's default, rendered as a Jinja template when it contains {{ }}."""
    default = question.default
    if isinstance(default, str) and "{{" in default:
        return _default_template(default).render(**context)
    return default


def _expression_problem(field: str, question: Question | None, expression: str, err: Exception) -> str:
    reason = " ".join(str(getattr(err, "message", None) or err).split())[:200].rstrip(".") or type(err).__name__
    where = f"{question.where}: " if question is not None and question.where else ""
    subject = f"question '{question.key}': its `{field}`" if question is not None else f"the `{field}`"
    file = "that file" if where else "the scenario file"
    return f"{where}{subject} ({expression[:80]}) cannot be worked out: {reason}; correct it in {file}"


def resolve(
    questions: Sequence[Question],
    sources: Sequence[Source],
    answers: dict[str, Any],
    *,
    context: Mapping[str, Any],
    asker: Asker | None,
    checks: Mapping[str, Check] | None = None,
    warn: Warn = console.warn,
) -> dict[str, Any]:
    """Fill `answers` for each question in order, from the first source that has it, else default or prompt.
    Each warning about an answer is given to `warn` (printed on stderr unless told otherwise)."""
    for question in questions:
        scope = {**context, **answers}
        if question.when and not condition(question.when, scope, question) and not _given(question.key, sources):
            answers.pop(question.key, None)
            continue
        check = (checks or {}).get(question.key)
        answers[question.key] = _answer(question, sources, scope, asker, check, warn)
    return answers


def _given(key: str, sources: Sequence[Source]) -> bool:
    """An answer given outright counts even where its `when` would not have asked for it."""
    return any(key in source.values for source in sources)


def _checked(question: Question, raw: Any, check: Check | None, warn: Warn, where: str = "") -> Any:
    value = parse(question, raw)
    removed = [] if isinstance(raw, str) and raw.isascii() and raw.isprintable() else unclean(raw)
    if removed:
        warn(f"{where}'{question.key}': removed control or text-direction character(s) "
                     f"{', '.join(removed)}; check the value")
    problem = check(value) if check is not None and value is not None else None
    if problem:
        raise InvalidAnswer(problem)
    return value


def _answer(
    question: Question, sources: Sequence[Source], scope: Mapping[str, Any], asker: Asker | None, check: Check | None,
    warn: Warn,
) -> Any:
    for source in sources:
        if question.key in source.values:
            return _from_source(question, source, check, warn)
    default = default_for(question, scope)
    if asker is not None and question.ask:
        return _ask(question, default, asker, check, warn)
    try:
        value = _checked(question, default, check, warn)
    except InvalidAnswer as err:
        raise AnswerError(f"the default for '{question.key}' is not valid: {err}") from None
    if value in (None, []) and question.required:
        raise AnswerError(missing_message(question, sources), key=question.key)
    return value


def _from_source(question: Question, source: Source, check: Check | None, warn: Warn) -> Any:
    raw = source.values[question.key]
    if isinstance(raw, list) and question.type != "list" and source.is_command_line:
        raw = raw[-1]  # --set given twice: the last one wins, as with any option
    try:
        value = _checked(question, raw, check, warn, f"{source.name}: ")
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


def ask_again(question: Question, current: Any, asker: Asker, warn: Warn = console.warn) -> Any:
    """Ask one question again (the wizard's fix for a finding), showing the current answer."""
    shown = current.isoformat() if hasattr(current, "isoformat") else current
    if isinstance(shown, list):
        shown = None
    return _ask(question, shown, asker, None, warn)


def _ask(question: Question, default: Any, asker: Asker, check: Check | None, warn: Warn) -> Any:
    problem: str | None = None
    while True:
        raw = asker(question, default, problem)
        if (raw is None or str(raw).strip() == "") and default not in (None, ""):
            raw = default
        try:
            value = _checked(question, raw, check, warn)
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


def parse_set_options(pairs: Sequence[str], option: str = "--set") -> dict[str, Any]:
    """`--set key=value` options as a mapping; a key given twice becomes a list (for list answers).

    `option` is how the pairs were given (`foi profile set` takes them without --set), for the error.
    """
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            example = 'name="Jane Smith"' if option != "--set" else "provider=A4e"
            raise UsageProblem(f"{option} {pair!r} is not key=value: write it like {option} {example}")
        if key in values:
            previous = values[key]
            values[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[key] = value
    return values


def load_answers_file(path: Path, what: str = "answers file") -> dict[str, Any]:
    """Read an answers file (YAML mapping of key: value): a regular UTF-8 file, strictly parsed.

    Dates stay text here, so that a date that does not exist is reported with its key by the answer
    loop, like any other bad answer.
    """
    text = files.read_text(Path(path), what, limit=MAX_ANSWERS_BYTES)
    data = yamlio.load(text, str(path), dates=False)
    if data is None:
        return {}
    if not isinstance(data, dict):
        article = "an" if what[:1] in ("a", "e", "i", "o", "u") else "a"
        raise DataError(f"{path}: {article} {what} must be a mapping of `key: value` lines")
    return {str(k): v for k, v in data.items()}
