"""Scenarios as data: each is a YAML file in templates/scenarios/ declaring its questions and the
numbered items its letter asks for. A user's templates folder can add scenarios or override one by id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from foi.law import regimes
from foi.request import questions as q
from foi.support import yamlio
from foi.support.errors import DataError, FoiError
from foi.support.paths import builtin_templates

_FIELDS = {"id", "title", "summary", "subject", "regimes", "environmental", "letter", "questions",
           "items", "definitions", "notes", "matter", "sources"}
# A scenario always about one subject names it (an id in foi/data/matters.yaml): sanctions are
# reserved whoever asks. Without it, the programmes and words of the answers decide.
_REQUIRED = {"id", "title", "summary", "subject", "items"}


@dataclass(frozen=True)
class Item:
    """One numbered item of a letter: Jinja text, shown only when its condition holds.

    With `each` (the key of a list answer), the text is rendered once per entry of that list, with
    the entry as `item`: this is how the `custom` scenario turns a person's own lines into items.
    """

    text: str
    when: str | None = None
    each: str | None = None
    # 1: the main letter; 2: the second letter, for local or exemption-prone items, so that one slow
    # search or one withheld item cannot delay or sink the rest.
    part: int = 1


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    summary: str
    subject: str
    items: tuple[Item, ...]
    questions: tuple[q.Question, ...] = ()
    definitions: tuple[Item, ...] = ()
    regimes: tuple[str, ...] = ("foia", "foisa")
    environmental: bool = False
    letter: str = "request"
    notes: str = ""
    path: Path | None = None
    matter: str | None = None
    sources: tuple[str, ...] = ()


def _check_matter(matter: Any, where: str) -> None:
    """A scenario's fixed subject must be one the directory's table knows."""
    from foi.directory.matters import all_matters

    if matter is not None and matter not in all_matters():
        raise DataError(f"{where}: matter must be one of {', '.join(all_matters())}")


def _items(raw: Any, where: str, field: str) -> tuple[Item, ...]:
    if not isinstance(raw, list):
        raise DataError(f"{where}: '{field}' must be a list")
    items = []
    for index, entry in enumerate(raw, start=1):
        if isinstance(entry, str):
            items.append(Item(entry.strip()))
        elif _is_item_mapping(entry):
            text = entry.get("text", "{{ item }}" if entry.get("each") else None)
            items.append(Item(str(text).strip(), entry.get("when"), entry.get("each"), int(entry.get("part", 1))))
        else:
            raise DataError(
                f"{where}: {field} entry {index} must be text, or a mapping with text, when, each and part (1 or 2)"
            )
    return tuple(items)


def _is_item_mapping(entry: Any) -> bool:
    """A mapping item: text (optional only with each), an optional when, an optional each (a key)."""
    if not isinstance(entry, dict) or not set(entry) <= {"text", "when", "each", "part"}:
        return False
    if entry.get("part", 1) not in (1, 2):
        return False
    if "each" in entry and not (isinstance(entry["each"], str) and entry["each"].isidentifier()):
        return False
    return isinstance(entry.get("text"), str) or ("text" not in entry and "each" in entry)


def parse(raw: Any, where: str) -> Scenario:
    """Build a Scenario from a loaded YAML mapping; a malformed file is a one-line error naming it."""
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a scenario file must be a mapping")
    unknown, missing = set(raw) - _FIELDS, _REQUIRED - set(raw)
    if unknown:
        raise DataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if missing:
        raise DataError(f"{where}: missing field(s) {', '.join(sorted(missing))}")
    supported = tuple(raw.get("regimes") or ("foia", "foisa"))
    for regime_id in supported:
        regimes.get(regime_id)
    try:
        raw_questions = raw.get("questions") or {}
        if not isinstance(raw_questions, dict):
            raise DataError(f"{where}: 'questions' must be a mapping of questions by key")
        questions = tuple(_question(k, v, where) for k, v in raw_questions.items())
    except (ValueError, KeyError) as err:
        raise DataError(str(err).strip("'\"")) from None
    items = _items(raw["items"], where, "items")
    _check_matter(raw.get("matter"), where)
    lists = {question.key for question in questions if question.type == "list"}
    for item in items:
        if item.each and item.each not in lists:
            raise DataError(f"{where}: an item has `each: {item.each}`, which is not a list question of this scenario")
    return Scenario(
        id=str(raw["id"]), title=raw["title"], summary=" ".join(str(raw["summary"]).split()),
        subject=raw["subject"], items=items, questions=questions,
        definitions=_items(raw.get("definitions") or [], where, "definitions"), regimes=supported,
        environmental=bool(raw.get("environmental", False)), letter=raw.get("letter", "request"),
        notes=" ".join(str(raw.get("notes", "")).split()), path=Path(where),
        matter=raw.get("matter"), sources=tuple(" ".join(str(x).split()) for x in raw.get("sources") or ()),
    )


def _load_file(path: Path) -> Scenario:
    try:
        stat = path.stat()
        return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as err:  # a YAML problem is a DataError naming the line, from yamlio
        raise DataError(f"{path}: cannot read this scenario file ({type(err).__name__})") from None


@lru_cache(maxsize=128)
def _load_cached(name: str, mtime_ns: int, size: int) -> Scenario:
    path = Path(name)
    raw = yamlio.read(path)
    scenario = parse(raw, str(path))
    if scenario.id != path.stem:
        raise DataError(f"{path}: its id '{scenario.id}' must match the file name '{path.stem}'")
    return scenario


def _folders(user_dir: Path | None) -> list[Path]:
    folders = [builtin_templates() / "scenarios"]
    if user_dir is not None:
        folders.append(Path(user_dir) / "scenarios")
    return folders


def all_scenarios(user_dir: Path | None = None) -> dict[str, Scenario]:
    """Every scenario by id, the user's folder overriding built-in ones of the same id."""
    return dict(_snapshotted("scenarios", user_dir, lambda: _all_scenarios(user_dir)))


def _all_scenarios(user_dir: Path | None) -> dict[str, Scenario]:
    found: dict[str, Scenario] = {}
    for folder in _folders(user_dir):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            found[path.stem] = _load_file(path)
    return found


def get(scenario_id: str, user_dir: Path | None = None) -> Scenario:
    """The scenario with this id; an unknown id names the ones there are."""
    if _SNAPSHOT is not None and scenario_id in (found := all_scenarios(user_dir)):
        return found[scenario_id]
    for folder in reversed(_folders(user_dir)):
        path = folder / f"{scenario_id}.yaml"
        if path.is_file():
            return _load_file(path)
    known = ", ".join(all_scenarios(user_dir))
    raise FoiError(f"no scenario '{scenario_id}': use one of {known} (see `foi scenarios`)")


def common_questions(user_dir: Path | None = None) -> dict[str, tuple[q.Question, ...]]:
    """The questions every request asks, by group: who, target, period, clauses."""
    return dict(_snapshotted("questions", user_dir, lambda: _common_questions(user_dir)))


def _common_questions(user_dir: Path | None) -> dict[str, tuple[q.Question, ...]]:
    path = builtin_templates() / "questions.yaml"
    if user_dir is not None and (Path(user_dir) / "questions.yaml").is_file():
        path = Path(user_dir) / "questions.yaml"
    raw = yamlio.read(path)
    if not isinstance(raw, dict) or not all(isinstance(entries, dict) for entries in raw.values()):
        raise DataError(f"{path}: must be a mapping of groups (who, target, period, clauses), "
                        "each a mapping of questions by key")
    try:
        found = {
            group: tuple(_question(key, value, str(path)) for key, value in entries.items())
            for group, entries in raw.items()
        }
    except (ValueError, KeyError) as err:
        raise DataError(str(err).strip("'\"")) from None
    missing = [group for group in ("who", "target", "period", "clauses") if group not in found]
    if missing:
        raise DataError(f"{path}: the group(s) {', '.join(missing)} are missing: start from `foi templates copy`")
    return found


def _question(key: Any, value: Any, where: str) -> q.Question:
    """One question from its YAML entry; an entry that is not a mapping is an error in the file."""
    if value is not None and not isinstance(value, dict):
        raise DataError(f"{where}: question '{key}' must be a mapping of fields (type, prompt, ...)")
    return q.from_mapping(str(key), value or {}, where)


# --- read once for a whole batch ------------------------------------------------------------------

T = TypeVar("T")
_SNAPSHOT: dict[tuple[str, str | None], Any] | None = None


@contextmanager
def snapshot() -> Iterator[None]:
    """Within this block the scenario and question files are read once, not on every call: a batch runs
    the answer loop for every row, and the files do not change under it. Outside it, every call sees
    the files as they are now (an edited scenario is read again)."""
    global _SNAPSHOT
    previous, _SNAPSHOT = _SNAPSHOT, {}
    try:
        yield
    finally:
        _SNAPSHOT = previous


def _snapshotted(kind: str, user_dir: Path | None, make: Callable[[], T]) -> T:
    if _SNAPSHOT is None:
        return make()
    key = (kind, str(user_dir) if user_dir else None)
    if key not in _SNAPSHOT:
        _SNAPSHOT[key] = make()
    return _SNAPSHOT[key]  # type: ignore[no-any-return]
