"""Letter templates compiled once and kept: the same letters, whatever state the kept files are in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from foi.letter import environment

LETTER = Path(__file__).resolve().parents[1] / "golden" / "provider-data-access-foia.md"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOI_CACHE_DIR", str(folder))
    environment.environment.cache_clear()
    yield folder
    environment.environment.cache_clear()


def _letter() -> bytes:
    """A whole `foi new` letter, drafted in a new environment each time."""
    from datetime import date

    from foi.export import registry
    from foi.letter import drafting
    from foi.request import intake
    from foi.request.answers import Source

    environment.environment.cache_clear()
    values = {"scenario": "provider-data-access", "authority": "dwp", "provider": "A4e",
              "name": "Jane Smith", "email": "jane.smith@example.org"}
    taken = intake.collect([Source("row", values)], letter_date=date(2026, 11, 23), asker=None)
    return registry.render(drafting.build(taken), "markdown")


def test_kept_templates_give_the_same_letter(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _letter()  # compiled and kept
    kept = list((cache_folder / "templates").iterdir())
    assert kept
    assert _letter() == first  # from the kept code
    monkeypatch.setenv("FOI_CACHE_DIR", str(cache_folder / "none"))
    (cache_folder / "none").write_text("a file where the folder would be", encoding="utf-8")
    assert _letter() == first  # no cache at all


def test_damaged_kept_templates_are_compiled_again(cache_folder: Path) -> None:
    first = _letter()
    for kept in (cache_folder / "templates").iterdir():
        kept.write_bytes(kept.read_bytes()[:40] + b"\x00garbage")
    assert _letter() == first


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_changes_nothing(cache_folder: Path) -> None:
    (cache_folder / "templates").mkdir(parents=True)
    (cache_folder / "templates").chmod(0o500)
    try:
        _letter()
        assert _letter()
    finally:
        (cache_folder / "templates").chmod(0o700)
