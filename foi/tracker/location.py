"""Where the tracker file lives: --db PATH, else FOI_DB, else foi's folder in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "tracker.sqlite3"


def db_path(option: str | Path | None = None) -> Path:
    """The tracker file to use: the --db option, the FOI_DB variable, or the platform's data folder
    (for example ~/.local/share/foi/tracker.sqlite3 on Linux)."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("FOI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("foi", appauthor=False)) / FILE_NAME
