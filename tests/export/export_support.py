"""Drafts for the export tests: a real letter from the real answer loop, with Welsh names."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from foi.letter import drafting
from foi.request import intake
from foi.request.answers import Source

LETTER_DATE = date(2026, 11, 23)
WELSH = {
    "name": "Siân Llŷr",
    "email": "sian.llyr@example.org",
    "address": "Fflat 2, 14 Heol y Frenhines\nCaerdydd CF10 2BH",
    "organisation": "Canolfan Gyngor Gwenllïan",
}
REQUEST = {
    "scenario": "provider-data-access",
    "authority": "dwp",
    "provider": "A4e",
    "date_from": "2012-11-01",
    "date_to": "2013-02-15",
}
# The same answers on the command line.
WELSH_ARGS = [
    "new", "--scenario", "provider-data-access", "--authority", "dwp",
    "--set", "provider=A4e", "--set", "date_from=2012-11-01", "--set", "date_to=2013-02-15",
    "--set", "name=Siân Llŷr", "--set", "email=sian.llyr@example.org",
    "--set", "address=Fflat 2, 14 Heol y Frenhines, Caerdydd CF10 2BH",
    "--set", "organisation=Canolfan Gyngor Gwenllïan",
    "--date", "2026-11-23", "--no-input",
]


def make_draft(user_dir: Path | None = None, letterhead: str | None = None, **answers: Any) -> drafting.Draft:
    """A Draft through intake and drafting; an answer given as None is left out."""
    values = {key: value for key, value in {**REQUEST, **WELSH, **answers}.items() if value is not None}
    taken = intake.collect([Source("test answers", values)], letter_date=LETTER_DATE, asker=None, user_dir=user_dir)
    return dataclasses.replace(drafting.build(taken, user_dir), letterhead=letterhead)


def without(args: list[str], key: str) -> list[str]:
    """The arguments with `--set key=...` taken out."""
    index = next(i for i, arg in enumerate(args) if arg.startswith(f"{key}=") and args[i - 1] == "--set")
    return args[: index - 1] + args[index + 1 :]
