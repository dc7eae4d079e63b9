"""Where things live: the built-in templates (inside the wheel, or beside the package in a checkout)
and the user's configuration folder."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # foi/, above foi/support/
DATA_DIR = PACKAGE_DIR / "data"


def builtin_templates() -> Path:
    """The built-in templates: foi/templates in an installed wheel, ./templates in a source checkout."""
    shipped = PACKAGE_DIR / "templates"
    if shipped.is_dir():
        return shipped
    return PACKAGE_DIR.parent / "templates"


def config_dir() -> Path:
    """The user's configuration folder (FOI_CONFIG_DIR overrides it, for tests and portable use)."""
    override = os.environ.get("FOI_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("foi", appauthor=False))


def data_dir() -> Path:
    """The user's data folder (FOI_DATA_DIR overrides it): where an unfinished letter's answers
    are kept until the letter is written."""
    override = os.environ.get("FOI_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("foi", appauthor=False))


def cache_dir() -> Path:
    """The user's cache folder: facts worked out once and kept (FOI_CACHE_DIR overrides it).

    Nothing in it is needed: deleting it only makes the next command slower.
    """
    override = os.environ.get("FOI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("foi", appauthor=False))
