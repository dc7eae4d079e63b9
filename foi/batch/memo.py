"""Letters that differ only in whose they are, drafted once.

An adviser's batch is mostly one request sent for many clients: rows that differ only in the name,
email and postal address. Running the whole answer loop and every template for each row costs many
times more than writing its files, so a request's letter is drafted once with stand-ins for those
answers, and each row gets that letter with its own answers put in their place.

Every letter stays byte for byte the one drafting its row alone gives, because:
* the key is every value of the row except the personal ones, and the body it goes to; the rest
  (--set, --answers, the file's defaults, the profile, the date, the templates) is the batch's own;
* each row's personal answers still go through the one answer loop (parsed, validated, an email
  given as the postal address taken as the email, an address for the reply required), so a row's
  problems are reported exactly as before;
* only the letter's own template may see those answers, and only as text (`{{ name }}`,
  `signature | hardbreaks`, `address_lines | join(...)`) or to test whether they were given; the
  scenario's texts and the other questions' conditions and defaults must not name them at all
  (checked once, on the templates' syntax);
* which of them were given (an email, a postal address with lines) is part of the key;
* what drafting reads back from the letter's text (the note counting the second letter's numbered
  items, which a signature of lines "1. ...", "2. ..." adds to) is worked out from the row's own
  blocks, not the stand-in letter's;
* the first time, the stand-in letter with a row's own answers put in must equal the letter drafted
  from that row alone, or that request is drafted row by row as before;
* a request whose drafting gives a warning (the Intake's `warnings`) is drafted row by row (every row
  prints it again); a row's own personal answers' warnings are printed for it as drafting it would.

A request is drafted this way from its second row on (the first is drafted as before and kept a
while), so a spreadsheet of all-different rows does no extra work. Memory is bounded whatever the
batch: a few hundred requests and a few dozen letters waiting for their second row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.letter import drafting, markup
from foi.letter.drafting import Draft, address_lines
from foi.letter.markup import Block, escape
from foi.request import intake, scenarios
from foi.request.answers import Source, resolve
from foi.request.intake import Intake
from foi.request.questions import Question
from foi.support import console
from foi.support.errors import FoiError

PLANS = 512  # requests kept (the oldest is forgotten first): one request to every council is about 400
WAITING = 512  # first letters kept until their request's second row (one per body, with --to)
SHAPES = 4  # stand-in letters per request: which personal answers were given
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: a stand-in is _OPEN key * _CLOSE
_LISTS = ("signature", "address_lines")  # what the letter's context makes of the personal answers


@lru_cache(maxsize=64)
def stand_in(key: str) -> str:
    """The stand-in for a personal answer: never typed by anyone, and changed by escaping (the `*`),
    so the raw answer and the escaped one can be told apart in the letter."""
    return f"{_OPEN}{key}*{_CLOSE}"


Drafted = tuple[Intake, Draft]


# --- is the request's letter safe to draft with stand-ins? (once per scenario and template) ---------


@lru_cache(maxsize=2048)  # every request of a batch asks the same few questions and scenarios
def _names(text: str, user_dir: Path | None) -> frozenset[str] | None:
    """The variables a template text uses (None if it cannot be read: then nothing is assumed)."""
    from jinja2 import TemplateSyntaxError, meta

    env = drafting_env(user_dir)
    try:
        return frozenset(meta.find_undeclared_variables(env.parse(text)))
    except TemplateSyntaxError:
        return None


def drafting_env(user_dir: Path | None) -> Any:
    from foi.letter.environment import environment

    return environment(str(user_dir) if user_dir else None)


def _expression(text: str | None, user_dir: Path | None) -> frozenset[str] | None:
    return frozenset() if not text else _names("{{ (" + text + ") }}", user_dir)


def _default(question: Question, user_dir: Path | None) -> frozenset[str] | None:
    default = question.default
    return _names(default, user_dir) if isinstance(default, str) and "{{" in default else frozenset()


def _scenario_blind(scenario: scenarios.Scenario, watched: set[str], user_dir: Path | None) -> bool:
    """The scenario's subject, items and definitions (their texts, conditions and lists) name none of
    the personal answers: only the letter's own template sees them."""
    texts = [scenario.subject]
    for item in (*scenario.items, *scenario.definitions):
        texts.append(item.text)
        if item.each in watched:
            return False
    used = [_names(t, user_dir) for t in texts]
    used += [_expression(item.when, user_dir) for item in (*scenario.items, *scenario.definitions)]
    return all(names is not None and not names & watched for names in used)


def _questions_fit(taken: Intake, personal: Sequence[Question], everyone: set[str], user_dir: Path | None) -> bool:
    """The personal questions are the plain text ones of "who", resolved before anything else, whose
    conditions and defaults look only at personal answers before them; no other question looks at them."""
    keys = {q.key for q in personal}
    if any(q.type not in ("str", "text") or q.short_name for q in personal):
        return False
    if any(q.key in everyone and not q.personal for q in taken.questions):
        return False  # a key that is personal in another scenario but not in this one
    if any(q.key in keys for q in taken.scenario.questions):
        return False  # a scenario asking one of them itself: what it is about is read from its answers
    earlier: set[str] = set()
    for question in taken.questions:
        used = [_expression(question.when, user_dir), _default(question, user_dir)]
        if any(names is None for names in used):
            return False
        names = set().union(*(n for n in used if n is not None))
        if question.personal and not names <= earlier:
            return False
        if not question.personal and names & keys:
            return False
        if question.personal:
            earlier.add(question.key)
    return True


@dataclass
class _Usage:
    """How a letter template uses the personal answers (see `template_use`)."""

    scalars: set[str]
    tested: set[str]
    safe: bool = True
    joins: set[str] = field(default_factory=set)


_FILTERED = ("hardbreaks", "join")


def template_use(source: str, keys: Sequence[str], user_dir: Path | None) -> _Usage:
    """Whether a letter template uses the personal answers only as text or in tests, and with which
    separators it joins the address's lines. `address` itself only in tests: the letter gives it as
    lines (`address_lines`, `signature`), never as typed."""
    from jinja2 import TemplateSyntaxError

    usage = _Usage(scalars={k for k in keys if k != "address"}, tested={*keys, *_LISTS})
    try:
        tree = drafting_env(user_dir).parse(source)
    except TemplateSyntaxError:
        usage.safe = False
        return usage
    _walk(tree, None, None, False, usage)
    usage.safe = usage.safe and len(usage.joins) <= 1
    return usage


def _blocked() -> tuple[type, ...]:
    from jinja2 import nodes

    # Text these change or move out of sight: an included file, a macro, a filtered or captured block.
    return (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport, nodes.Macro, nodes.CallBlock,
            nodes.FilterBlock, nodes.AssignBlock, nodes.Block, nodes.EvalContextModifier)


def _walk(node: Any, parent: Any, grand: Any, in_test: bool, usage: _Usage) -> None:
    from jinja2 import nodes

    if isinstance(node, _blocked()):
        usage.safe = False
        return
    if isinstance(node, nodes.Name) and node.name in usage.tested:
        usage.safe = usage.safe and _fine(node, parent, grand, in_test, usage)
    for name, value in node.iter_fields():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, nodes.Node):
                test = (name == "test" and isinstance(node, (nodes.If, nodes.CondExpr))) or (
                    in_test and isinstance(node, (nodes.Not, nodes.And, nodes.Or)))
                _walk(child, node, parent, test, usage)


def _fine(node: Any, parent: Any, grand: Any, in_test: bool, usage: _Usage) -> bool:
    """A personal name used as `{{ name }}`, in an `if`, or as `signature | hardbreaks` and
    `address_lines | join(", ")` printed as they are."""
    from jinja2 import nodes

    name: str = node.name
    if node.ctx != "load":
        return False
    if in_test or (name in usage.scalars and isinstance(parent, nodes.Output)):
        return True
    if not (isinstance(parent, nodes.Filter) and parent.node is node and isinstance(grand, nodes.Output)
            and name in _LISTS and parent.name in _FILTERED):
        return False
    if parent.kwargs or parent.dyn_args is not None or parent.dyn_kwargs is not None:
        return False
    if parent.name == "hardbreaks":
        return not parent.args
    separator = parent.args[0] if len(parent.args) == 1 else None
    if name != "address_lines" or not isinstance(separator, nodes.Const) or not isinstance(separator.value, str):
        return False
    usage.joins.add(separator.value)
    return "\n" not in separator.value


@lru_cache(maxsize=16)
def _template_use(name: str, keys: tuple[str, ...], user_dir: Path | None) -> _Usage:
    from jinja2 import TemplateNotFound

    env = drafting_env(user_dir)
    try:
        source = env.loader.get_source(env, name)[0]
    except (TemplateNotFound, OSError, UnicodeDecodeError):
        return _Usage(set(), set(), safe=False)
    return template_use(source, keys, user_dir)


# --- a request's letter with stand-ins, and a row's answers put in ---------------------------------


@dataclass
class _Part:
    """One letter (the first, or the second written alongside) with stand-ins, as the chunks that
    foi.letter.markup.parse splits it into: those without a stand-in parsed once, and each run of them
    between two chunks with stand-ins kept as one (its blocks, and their markdown joined), so a row
    costs a few steps whatever the letter's length.

    Putting answers in never moves a chunk's edges: a chunk ends at a blank line, and what replaces a
    stand-in is never empty, starts and ends with a character that is not a space, and has no blank line
    in it (see `shape_of` and `_pairs`); so the letter is the same as parsing it whole."""

    draft: Draft
    runs: list[tuple[list[Block], str] | str]  # (blocks, their markdown) of chunks without stand-ins, or one with

    @classmethod
    def of(cls, draft: Draft, marked: str) -> _Part:
        runs: list[tuple[list[Block], str] | str] = []
        blocks: list[Block] = []
        texts: list[str] = []
        for chunk in markup.BLANK_LINE.split(marked.strip("\n")):
            if not chunk.strip():
                continue
            if _OPEN in chunk:
                if blocks:
                    runs.append((blocks, "\n\n".join(texts)))
                blocks, texts = [], []
                runs.append(chunk)
                continue
            parsed = markup.parse(chunk)
            if parsed:
                blocks += parsed
                texts.append(_markdown(parsed))
        if blocks:
            runs.append((blocks, "\n\n".join(texts)))
        return cls(draft, runs)

    def blocks(self, pairs: Sequence[tuple[str, str]], parsed: dict[str, tuple[list[Block], str]] | None = None,
               ) -> tuple[list[Block], str]:
        """The blocks of the letter with the row's answers in, and its markdown (markup.to_markdown).
        `parsed` holds the chunks with answers already parsed for this row (both letters end with the
        same signature)."""
        found: list[Block] = []
        texts: list[str] = []
        parsed = {} if parsed is None else parsed
        for run in self.runs:
            if isinstance(run, str):
                for token, value in pairs:
                    run = run.replace(token, value)
                if run not in parsed:
                    blocks = markup.parse(run)
                    parsed[run] = (blocks, _markdown(blocks) if blocks else "")
                run = parsed[run]
            if run[0]:
                found += run[0]
                texts.append(run[1])
        return found, "\n\n".join(texts) + "\n"

    def with_answers(self, pairs: Sequence[tuple[str, str]], personal: Mapping[str, Any], keys: set[str],
                     parsed: dict[str, tuple[list[Block], str]]) -> Draft:
        blocks, marked = self.blocks(pairs, parsed)
        return _replace(self.draft, answers=_put_in(self.draft.answers, personal, keys), blocks=blocks,
                        markup=marked, second=None)


def _put_in(answers: Mapping[str, Any], personal: Mapping[str, Any], keys: set[str]) -> dict[str, Any]:
    """The answers with the row's personal ones in place of the stand-ins, in the same order."""
    found = dict(answers)
    for key in keys:
        if key in found:
            found[key] = personal.get(key)
    return found


def _markdown(blocks: list[Block]) -> str:
    """markup.to_markdown of some blocks without its final newline, to be joined with the others'."""
    return markup.to_markdown(blocks)[:-1]


def _replace(obj: Any, **changes: Any) -> Any:
    """dataclasses.replace for the frozen Draft and Intake (a copy with some fields changed), at a
    fraction of its cost: it runs no __init__, and these classes have no __post_init__ or slots."""
    copy = object.__new__(type(obj))
    copy.__dict__.update(obj.__dict__)
    copy.__dict__.update(changes)
    return copy


@dataclass
class _Shape:
    """A request's letter for one shape of personal answers (which were given)."""

    taken: Intake  # with stand-ins
    parts: list[_Part]

    def letter(self, personal: Mapping[str, Any], keys: Sequence[str], join: str | None,
               warnings: tuple[str, ...] = ()) -> Drafted:
        pairs = _pairs(personal, keys, join)
        keyset = set(keys)
        answers = _put_in(self.taken.answers, personal, keyset)
        parsed: dict[str, tuple[list[Block], str]] = {}
        drafts = [part.with_answers(pairs, personal, keyset, parsed) for part in self.parts]
        taken = _replace(self.taken, answers=answers, warnings=warnings)
        second = drafts[1] if len(drafts) > 1 else None
        # The notes count the second letter's numbered items, which a row's own answers can add to (a
        # signature of lines "1. ...", "2. ..." reads as a list): worked out again from this row's blocks.
        first = _replace(drafts[0], second=second, notes=drafting.notes(taken, second))
        return taken, first


def _pairs(personal: Mapping[str, Any], keys: Sequence[str], join: str | None) -> list[tuple[str, str]]:
    """Each stand-in as the letter holds it (escaped, or raw where joined), and what replaces it."""
    pairs = []
    for key in keys:
        value = personal.get(key)
        if not value:
            continue
        if key == "address":
            lines = address_lines(value)
            pairs.append((_escaped(key), "\\\n".join(escape(line) for line in lines)))
            if join is not None:
                pairs.append((stand_in(key), join.join(lines)))
        else:
            pairs.append((_escaped(key), escape(value)))
    return pairs


@lru_cache(maxsize=64)
def _escaped(key: str) -> str:
    """The stand-in as the letter gives an answer: escaped for the markup."""
    return escape(stand_in(key))


def shape_of(answers: Mapping[str, Any], keys: Sequence[str]) -> tuple[int, ...] | None:
    """Which personal answers were given (0 not asked, 1 empty, 2 given); None for an answer no
    stand-in can take the place of (text that escapes to nothing, an address with no lines)."""
    shape = []
    for key in keys:
        value = answers.get(key)
        if key not in answers or value is None:
            shape.append(0 if key not in answers else 1)
        elif (isinstance(value, str) and value.strip() and _OPEN not in value and _CLOSE not in value
              and (key != "address" or address_lines(value))):
            shape.append(2)
        else:
            return None
    return tuple(shape)


@dataclass
class Plan:
    """One request: its personal questions, and its letter for each shape of personal answers."""

    questions: tuple[Question, ...]
    keys: tuple[str, ...]
    others: frozenset[str]  # personal keys this request does not ask (a row giving one is drafted alone)
    join: str | None
    user_dir: Path | None
    finish: Callable[[Draft], Draft]
    shapes: dict[tuple[int, ...], _Shape | None] = field(default_factory=dict)

    def personal(self, sources: Sequence[Source], said: list[str]) -> dict[str, Any]:
        """The row's personal answers through the one answer loop, as `foi new` would take them; the
        loop's warnings are added to `said`, not printed."""
        answers: dict[str, Any] = {}
        resolve(self.questions, sources, answers, context={}, asker=None, warn=said.append)
        intake.address_as_email(answers)
        return answers

    def letter(self, values: Mapping[str, Any], sources: Sequence[Source]) -> Drafted | None:
        """The row's letter, or None when it must be drafted alone; a problem with it is raised."""
        if not self.others.isdisjoint(values):
            return None
        said: list[str] = []  # printed below if this row's letter is put together here
        try:
            answers = self.personal(sources, said)
        except FoiError:
            _say(said)  # what the loop said before the problem, as drafting alone says it
            raise
        shape = shape_of(answers, self.keys)
        known = self.shapes.get(shape) if shape is not None else None
        if known is None:
            return None  # drafted alone, which says it all again
        _say(said)
        taken, draft = known.letter(answers, self.keys, self.join, tuple(said))
        intake.check_together(taken.answers, taken.regime)
        return taken, draft

    def add(self, drafted: Drafted) -> None:
        """A letter drafted alone: keep its request's letter for rows of the same shape (checked)."""
        taken, draft = drafted
        shape = shape_of(taken.answers, self.keys)
        if shape is None or shape in self.shapes or len(self.shapes) >= SHAPES:
            return
        self.shapes[shape] = self._shape(taken, draft)

    def _shape(self, taken: Intake, draft: Draft) -> _Shape | None:
        keys = set(self.keys)
        answers = {k: stand_in(k) if k in keys and v else v for k, v in taken.answers.items()}
        standing = dataclasses.replace(taken, answers=answers)
        marked: dict[int, str] = {}
        try:
            drafted = self.finish(drafting.build(standing, self.user_dir, on_markup=marked.__setitem__))
        except Exception:  # noqa: BLE001 - whatever stand-ins upset, the rows are drafted alone as before
            return None
        if len(marked) != len(drafted.drafts):
            return None
        shape = _Shape(standing, [_Part.of(one, marked[one.part]) for one in drafted.drafts])
        return shape if _same((taken, draft), shape.letter(taken.answers, self.keys, self.join)) else None


def _same(alone: Drafted, put_in: Drafted) -> bool:
    """The letter drafted alone and the one with the answers put in are equal, answers in the same order."""
    if alone != put_in or list(alone[0].answers) != list(put_in[0].answers):
        return False
    return all(list(a.answers) == list(b.answers) for a, b in zip(alone[1].drafts, put_in[1].drafts, strict=True))


# --- the batch's memory of requests ----------------------------------------------------------------


class Memo:
    """The requests of one batch: first letters waiting for a second row, and plans (or None: drafted
    row by row) by key."""

    def __init__(self, user_dir: Path | None, finish: Callable[[Draft], Draft]) -> None:
        self.user_dir = user_dir
        self.finish = finish
        common = scenarios.common_questions(user_dir)
        self.who = {q.key for q in common.get("who", ())}
        self.everyone = {q.key for group in common.values() for q in group if q.personal}
        for scenario in scenarios.all_scenarios(user_dir).values():
            self.everyone.update(q.key for q in scenario.questions if q.personal)
        self.waiting: dict[Any, Drafted] = {}
        self.plans: dict[Any, Plan | None] = {}

    def key(self, values: Mapping[str, Any], body: str | None) -> Any:
        """Everything of the row that can change its letter except whose it is."""
        rest = sorted((k, type(v).__name__, repr(v)) for k, v in values.items() if k not in self.everyone)
        return body, tuple(rest)

    def letter(self, key: Any, values: Mapping[str, Any], sources: Sequence[Source],
               alone: Callable[[], Drafted]) -> Drafted:
        """The row's letter: put together from its request's plan, or drafted alone (and remembered)."""
        if key not in self.plans:
            if key not in self.waiting:
                drafted = alone()
                if _quiet(drafted):
                    _keep(self.waiting, key, drafted, WAITING)
                return drafted
            _keep(self.plans, key, self._plan(self.waiting.pop(key)), PLANS)
        plan = self.plans[key]
        if plan is None:
            return alone()
        found = plan.letter(values, sources)
        if found is not None:
            return found
        drafted = alone()
        if _quiet(drafted):
            plan.add(drafted)
        return drafted

    def _plan(self, first: Drafted) -> Plan | None:
        taken, _ = first
        personal = tuple(q for q in taken.questions if q.personal)
        keys = tuple(q.key for q in personal)
        if not set(keys) <= self.who or not _questions_fit(taken, personal, self.everyone, self.user_dir):
            return None
        if not _scenario_blind(taken.scenario, {*keys, *_LISTS}, self.user_dir):
            return None
        usage = _template_use(drafting.letter_template(taken), keys, self.user_dir)
        if not usage.safe:
            return None
        join = next(iter(usage.joins), None)
        plan = Plan(personal, keys, frozenset(self.everyone - set(keys)), join, self.user_dir, self.finish)
        plan.add(first)
        return plan if plan.shapes and any(plan.shapes.values()) else None


def _keep(store: dict[Any, Any], key: Any, value: Any, limit: int) -> None:
    if len(store) >= limit:
        del store[next(iter(store))]
    store[key] = value


def _quiet(drafted: Drafted) -> bool:
    """Whether drafting alone gave no warning (one that did must print it again for every row)."""
    return not drafted[0].warnings


def _say(said: list[str]) -> None:
    for message in said:
        console.warn(message)
