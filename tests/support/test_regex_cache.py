"""A regular expression compiled from a kept program is the same pattern Python compiles itself,
for every pattern the checker uses; and the kept programs change no finding."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import re
import sys
from pathlib import Path

import pytest

from foi.support import regex_cache

LETTER = Path(__file__).resolve().parents[1] / "golden" / "provider-data-access-foia.md"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOI_CACHE_DIR", str(folder))
    return folder


def _kept(folder: Path) -> tuple[dict, dict]:
    key, programs = pickle.loads((folder / "regex-programs.pickle").read_bytes())
    return key, programs


def _checker_patterns() -> list[tuple[str, int]]:
    """Every (pattern, flags) the checker compiles: importing its rules and checking a letter."""
    from re import _compiler  # type: ignore[attr-defined]

    seen: list[tuple[str, int]] = []
    original = _compiler.compile

    def spy(pattern: object, flags: int = 0) -> object:
        if isinstance(pattern, str):
            seen.append((pattern, flags))
        return original(pattern, flags)

    _forget_checker()
    re.purge()
    _compiler.compile = spy
    try:
        import foi.checks

        foi.checks.check_text(LETTER.read_text(encoding="utf-8"))
    finally:
        _compiler.compile = original
    return list(dict.fromkeys(seen))


def _forget_checker() -> None:
    for name in [m for m in sys.modules if m == "foi.checks" or m.startswith("foi.checks.")]:
        del sys.modules[name]


def test_every_checker_pattern_is_the_same_from_a_kept_program(
        cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from re import _compiler  # type: ignore[attr-defined]

    monkeypatch.setattr(regex_cache, "_static", lambda pattern: True)  # as if each were a module constant
    patterns = _checker_patterns()
    assert len(patterns) > 50
    for round_ in ("computed and kept", "read back"):
        re.purge()
        with regex_cache.kept():
            made = [_compiler.compile(p, f) for p, f in patterns]
        fresh = [_compiler.compile(p, f) for p, f in patterns]
        # Pattern equality compares the flags, the source and the compiled program itself.
        assert made == fresh, round_
        assert [m.groupindex for m in made] == [f.groupindex for f in fresh]
    _, kept = _kept(cache_folder)
    assert len(kept) >= len(patterns)


def test_findings_are_the_same_with_kept_programs() -> None:
    import foi.checks

    weak = "1. All information about everything, etc. Explain why since 2010 you disgracefully failed?\n2. "
    text = LETTER.read_text(encoding="utf-8").replace("1. ", weak, 1)
    plain = [dataclasses.astuple(f) for f in foi.checks.check_text(text)]
    assert plain, "the letter should give the checker something to find"
    for _ in range(2):  # computing the programs, then reading them back
        re.purge()
        _forget_checker()
        with regex_cache.kept():
            checker = importlib.import_module("foi.checks")
            assert [dataclasses.astuple(f) for f in checker.check_text(text)] == plain


def test_a_damaged_program_is_compiled_afresh(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_static", lambda pattern: True)
    pattern = r"\b(?P<word>numbers?)\s+of\b"
    re.purge()
    with regex_cache.kept():
        re.compile(pattern)
    key, kept = _kept(cache_folder)
    kept[f"0:{pattern}"][1] = [99999, 1, 2]  # not a program the engine accepts
    (cache_folder / "regex-programs.pickle").write_bytes(pickle.dumps((key, kept)))
    re.purge()
    with regex_cache.kept():
        compiled = re.compile(pattern)
    assert compiled.search("the numbers of").group("word") == "numbers"


def test_outside_kept_nothing_is_changed() -> None:
    from re import _compiler  # type: ignore[attr-defined]

    original = _compiler.compile
    with regex_cache.kept():
        assert _compiler.compile is not original
    assert _compiler.compile is original


def test_a_pattern_made_at_run_time_is_never_kept(cache_folder: Path) -> None:
    """A pattern built from a letter's words (an acronym, a name) must not be copied anywhere; one
    written in the code is."""
    name = "".join(["Jane", " Smith"])  # as a letter's words reach a rule: not in the code
    re.purge()
    with regex_cache.kept():
        assert re.search(rf"\b{re.escape(name)}\b", "from Jane Smith")
        assert re.search(r"\bfrom\s+\w+\b", "from Jane Smith")
    _, kept = _kept(cache_folder)
    assert not any("Jane" in name for name in kept) and any("from" in name for name in kept)


def test_the_checker_s_own_constants_are_kept(cache_folder: Path) -> None:
    _forget_checker()
    re.purge()
    with regex_cache.kept():
        importlib.import_module("foi.checks")
    _, kept = _kept(cache_folder)
    assert len(kept) > 50


def test_every_command_runs_whatever_it_imports_first(tmp_path: Path) -> None:
    """Reading the kept programs finds the cache folder with platformdirs: a pattern compiled while
    platformdirs itself is being imported must not make it import itself (it once crashed
    `foi track list`). Run as users do: no FOI_CACHE_DIR, a fresh home, twice."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOI_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    probe = ("import sys, platformdirs\n"  # platformdirs first, as the tracker's data folder does
             "from foi.cli import main\nsys.argv = ['foi', 'deadline', '--received', '2026-11-02']\n"
             "main()\n")
    for command in (["-m", "foi", "deadline", "--received", "2026-11-02"], ["-c", probe],
                    ["-m", "foi", "track", "list"], ["-m", "foi", "track", "list"]):
        done = subprocess.run([sys.executable, *command], env=env, capture_output=True, text=True)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (command, done.stderr[-800:])
    assert (tmp_path / ".cache" / "foi" / "regex-programs.pickle").exists()
