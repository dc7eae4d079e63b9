"""The built-in directory kept in the cache folder is the directory built from its data, and a damaged
or stale kept copy is never used."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from foi.directory import authorities


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOI_CACHE_DIR", str(folder))
    authorities.builtin.cache_clear()
    yield folder
    authorities.builtin.cache_clear()


def _fresh() -> authorities.Directory:
    authorities.builtin.cache_clear()
    return authorities.builtin()


def test_the_kept_directory_is_the_built_one(cache_folder: Path) -> None:
    built = authorities._build_builtin()
    first = _fresh()  # built and kept
    assert (cache_folder / "directory.pickle").exists()
    kept = _fresh()  # read back
    assert kept == built == first
    assert kept.by_name == built.by_name
    assert authorities.find("jobcentre", kept).id == "dwp"


def test_a_damaged_kept_directory_is_built_again(cache_folder: Path) -> None:
    _fresh()
    (cache_folder / "directory.pickle").write_bytes(b"\x80\x05not a pickle")
    assert _fresh() == authorities._build_builtin()


def test_a_directory_kept_from_other_data_is_not_used(cache_folder: Path) -> None:
    real = _fresh()
    path = cache_folder / "directory.pickle"
    key, _ = pickle.loads(path.read_bytes())
    stale = {**key, "files": {**key["files"], "authorities.yaml": "00000000"}}
    path.write_bytes(pickle.dumps((stale, authorities.Directory({}, {}))))
    assert _fresh() == real  # another key: built again, not the empty one
