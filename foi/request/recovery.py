"""The unfinished letter: answers kept in the user's data folder when the wizard stops early
(Ctrl-C, Ctrl-D, an error, "stop" at the preview), so the next `foi new` can carry on from them.

One file, readable by its owner only (it holds a name and address), replaced whole each time and
removed once the letter is written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from foi.support import yamlio
from foi.support.files import write_atomic
from foi.support.paths import data_dir

NAME = "unfinished-letter.yaml"


def path() -> Path:
    """Where the unfinished letter's answers are kept."""
    return data_dir() / NAME


def save(answers: Mapping[str, Any], now: datetime | None = None) -> Path | None:
    """Keep these answers (nothing is written when there are none); returns where."""
    if all(value in (None, "", []) for value in answers.values()):
        return None
    kept = {key: _plain(value) for key, value in answers.items()}
    import yaml

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    stamp = (now or datetime.now()).isoformat(timespec="minutes")
    text = yaml.safe_dump({"saved": stamp, "answers": kept}, allow_unicode=True, sort_keys=False)
    write_atomic(path(), text, force=True)
    return path()


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def load() -> dict[str, Any] | None:
    """The kept answers and when they were saved, or None when there is nothing usable to resume."""
    where = path()
    if not where.is_file():
        return None
    try:
        data = yamlio.safe_load(where.read_text(encoding="utf-8"))
    except Exception:  # a damaged file must not stop a new letter: it is only an offer
        return None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict) or not data["answers"]:
        return None
    return {"saved": str(data.get("saved", "")), "answers": {str(k): v for k, v in data["answers"].items()}}


def discard() -> None:
    """Forget the unfinished letter (it has been written)."""
    path().unlink(missing_ok=True)


def describe(kept: Mapping[str, Any]) -> str:
    """"started 1 December 2026 at 02:40, to DWP": enough to recognise it."""
    from foi.support.dates import long_date

    answers = kept["answers"]
    parts = []
    try:
        saved = datetime.fromisoformat(kept["saved"])
        parts.append(f"kept on {long_date(saved.date())} at {saved:%H:%M}")
    except ValueError:
        pass
    body = answers.get("authority_name") or answers.get("authority")
    if body:
        parts.append(f"to {body}")
    if answers.get("programme"):
        parts.append(f"about {answers['programme']}")
    return ", ".join(parts)
