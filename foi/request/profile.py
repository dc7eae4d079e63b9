"""The requester's own details, stored once in the user's configuration folder, readable by the owner only.

The profile is one of the answer loop's sources (below --set and --answers), so a claimant or an
adviser gives their name and address once. Values are checked by the same functions as every answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foi.request import scenarios
from foi.request.answers import load_answers_file
from foi.request.questions import InvalidAnswer, Question, parse
from foi.support.errors import AnswerError, DataError
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
    if not path().is_file():
        return {}
    values = load_answers_file(path())
    unknown = set(values) - set(questions())
    if unknown:
        raise DataError(f"{path()}: unknown key(s) {', '.join(sorted(unknown))}; run `foi profile unset KEY`")
    return values


def answers() -> dict[str, Any]:
    """The profile's answers, without settings: what the answer loop reads."""
    return {k: v for k, v in load().items() if k not in SETTINGS}


def update(changes: dict[str, Any], remove: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check and save changes to the profile; return the new profile."""
    known = questions()
    profile = load()
    for key, raw in changes.items():
        if key not in known:
            raise AnswerError(f"'{key}' is not a profile key: use one of {', '.join(known)}")
        try:
            value = parse(known[key], raw)
        except InvalidAnswer as err:
            raise AnswerError(f"profile {key}: {err}") from None
        if value in (None, ""):
            profile.pop(key, None)
        else:
            profile[key] = value
    for key in remove:
        profile.pop(key, None)
    save(profile)
    return profile


def save(profile: dict[str, Any]) -> None:
    import yaml

    folder = path().parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False, default_flow_style=False)
    write_atomic(path(), text, force=True)
