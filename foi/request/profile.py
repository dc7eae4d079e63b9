"""The requester's own details, stored once in the user's configuration folder, readable by the owner only.

The profile is one of the answer loop's sources (below --set and --answers), so a claimant or an
adviser gives their name and address once. Values are checked by the same functions as every answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from foi.request import scenarios
from foi.request.answers import load_answers_file
from foi.request.questions import InvalidAnswer, Question, parse, unclean
from foi.support import console
from foi.support.errors import AnswerError, DataError, FoiError
from foi.support.files import write_atomic
from foi.support.paths import config_dir

# Settings that are not answers: where the user's own templates live, and a letterhead for .docx.
SETTINGS = {
    "templates": Question("templates", "A folder of your own templates that override the built-in ones",
                          required=False),
    "letterhead": Question("letterhead", "A line of letterhead for printed letters (your organisation)",
                           required=False),
}


def path() -> Path:
    return config_dir() / "profile.yaml"


def questions() -> dict[str, Question]:
    """The keys a profile may hold: the "who you are" answers and the settings."""
    who = {q.key: q for q in scenarios.common_questions()["who"]}
    return {**who, **SETTINGS}


def load() -> dict[str, Any]:
    """The saved profile (empty when there is none)."""
    if not path().exists():
        return {}
    try:
        values = load_answers_file(path(), "profile")
    except DataError as err:
        raise DataError(f"{err.message} (correct it in a text editor, or delete {path()} and save "
                        "your details again with `foi profile set`)") from None
    unknown = set(values) - set(questions())
    if unknown:
        raise DataError(f"{path()}: unknown key(s) {', '.join(sorted(unknown))}; run `foi profile unset KEY`")
    return values


def answers() -> dict[str, Any]:
    """The profile's answers, without settings: what the answer loop reads."""
    return {k: v for k, v in load().items() if k not in SETTINGS}


def update(changes: dict[str, Any], remove: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check changes, then apply them to the profile as it is on disk under a lock; return the new profile.

    The read, the change and the write all happen inside the lock, so two `foi profile set` runs at
    once each keep the other's keys. Every value is checked before the lock is taken.
    """
    checked = _checked(changes)
    with _locked():
        profile = load()
        for key, value in checked.items():
            if value in (None, "", []):
                profile.pop(key, None)
            else:
                profile[key] = value
        for key in remove:
            profile.pop(key, None)
        save(profile)
    return profile


def _checked(changes: dict[str, Any]) -> dict[str, Any]:
    """Each change parsed and checked like any answer; an unknown key or a bad value is an error."""
    known = questions()
    checked: dict[str, Any] = {}
    for key, raw in changes.items():
        if key not in known:
            raise AnswerError(f"'{key}' is not a profile key: use one of {', '.join(known)}")
        if isinstance(raw, list):
            raw = raw[-1]  # given twice: the last one wins, as with --set
        try:
            checked[key] = parse(known[key], raw)
        except InvalidAnswer as err:
            raise AnswerError(f"profile {key}: {err}") from None
        removed = unclean(raw)
        if removed:
            console.warn(f"profile {key}: removed control or text-direction character(s) {', '.join(removed)}")
    return checked


@contextmanager
def _locked() -> Iterator[None]:
    """An exclusive lock on the profile (fcntl, on a lock file beside it), held for a read-modify-write."""
    import fcntl
    import os

    folder = path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(folder / ".profile.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise FoiError(f"{folder}: cannot save the profile there ({err.strerror or err}); "
                       "set FOI_CONFIG_DIR to a folder you can write to") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def save(profile: dict[str, Any]) -> None:
    import yaml

    path().parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False, default_flow_style=False)
    write_atomic(path(), text, force=True)


def templates_folder(option: Path | None, use_profile: bool = True) -> Path | None:
    """The user's templates folder: the --templates option, else the profile's `templates` setting."""
    folder = option or (load().get("templates") if use_profile else None)
    if folder is None:
        return None
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise FoiError(f"templates folder {folder} is a file, not a folder: give the folder your templates are in")
    if not folder.is_dir():
        raise FoiError(f"templates folder {folder} does not exist: create it with `foi templates copy {folder}`")
    return folder
