"""YAML files parsed once and kept: the kept data is exactly the parsed data, an edited file is read
afresh, and data JSON cannot hold exactly is never kept."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from foi.support import yamlio
from foi.support.paths import DATA_DIR, builtin_templates


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOI_CACHE_DIR", str(folder))
    monkeypatch.setattr(yamlio, "_shipped", lambda path: path.resolve().is_relative_to(tmp_path)
                        or _really_shipped(path))
    yamlio._read.cache_clear()
    return folder


_really_shipped = yamlio._shipped


def test_only_foi_s_own_files_are_kept(tmp_path: Path) -> None:
    """A user's file (answers, a profile, a batch's requests) may hold personal data: never copied."""
    assert _really_shipped(DATA_DIR / "regimes.yaml")
    assert _really_shipped(builtin_templates() / "questions.yaml")
    assert not _really_shipped(tmp_path / "answers.yaml")


def _fresh_read(path: Path) -> object:
    yamlio._read.cache_clear()
    return yamlio.read(path)


BUILT_IN = sorted([*DATA_DIR.glob("*.yaml"), *builtin_templates().rglob("*.yaml")])


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_every_built_in_file_reads_back_exactly(path: Path, cache_folder: Path) -> None:
    parsed = yamlio.safe_load(path.read_text(encoding="utf-8-sig"))
    assert _fresh_read(path) == parsed  # parsed, and kept
    assert len(list(cache_folder.glob("yaml-*.json"))) == 1
    kept = _fresh_read(path)  # read back from the cache
    assert kept == parsed and _types(kept) == _types(parsed)


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def test_dates_and_times_come_back_as_dates_and_times(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("day: 2026-06-01\nat: 2026-06-01 10:30:00+01:00\nplain: '2026-06-01'\n"
                    "n: [1, 2.5, true, null]\n", encoding="utf-8")
    for _ in range(2):
        data = _fresh_read(path)
        assert data == {"day": date(2026, 6, 1), "plain": "2026-06-01", "n": [1, 2.5, True, None],
                        "at": datetime(2026, 6, 1, 9, 30, tzinfo=UTC)}
        assert type(data["day"]) is date and isinstance(data["at"], datetime)


def test_an_edited_file_is_read_afresh(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert _fresh_read(path) == {"a": 1}
    path.write_text("a: 2\n", encoding="utf-8")  # same size: the checksum tells them apart
    assert _fresh_read(path) == {"a": 2}


@pytest.mark.parametrize("text", ["1: one\n", "? [a]\n: b\n", "$date: x\n", "x: !!binary aGk=\n"])
def test_data_json_cannot_hold_is_not_kept(tmp_path: Path, cache_folder: Path, text: str) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        expected = yamlio.safe_load(text)
    except Exception:  # noqa: BLE001 - the same error must come from read
        with pytest.raises(yamlio.YAMLError):
            _fresh_read(path)
        return
    assert _fresh_read(path) == expected and _fresh_read(path) == expected
    assert not list(cache_folder.glob("yaml-*.json"))


def test_a_damaged_kept_file_is_ignored(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    _fresh_read(path)
    (kept,) = cache_folder.glob("yaml-*.json")
    kept.write_text("{\"key\": ", encoding="utf-8")
    assert _fresh_read(path) == {"a": [1, 2]}
    assert json.loads(kept.read_text(encoding="utf-8"))["value"] == {"a": [1, 2]}


def test_bad_yaml_still_raises_the_yaml_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: [1,\n", encoding="utf-8")
    with pytest.raises(yamlio.YAMLError):
        _fresh_read(path)


def test_a_user_file_is_never_copied_to_the_cache(tmp_path: Path, cache_folder: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "_shipped", _really_shipped)
    path = tmp_path / "answers.yaml"
    path.write_text("name: Jane Smith\naddress: 1 High Street\n", encoding="utf-8")
    assert _fresh_read(path) == {"name": "Jane Smith", "address": "1 High Street"}
    assert not cache_folder.exists() or not list(cache_folder.glob("yaml-*.json"))
