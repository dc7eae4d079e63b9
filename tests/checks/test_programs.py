"""The checker's patterns kept compiled between runs (foi/checks/programs.py) match exactly as
re.compile's do, and anything wrong with what is kept means compiling afresh, never a different match."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_patterns import ALL, CORPUS

from foi.checks import patterns, programs
from foi.support import diskcache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOI_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(programs, "_fresh", {})
    programs._kept.cache_clear()
    yield tmp_path
    programs._kept.cache_clear()


def _kept_and_read_back() -> dict[str, tuple[frozenset[str] | None, re.Pattern[str]]]:
    """Every pattern parsed, compiled and kept, the cache written, then read back as a new run would."""
    for regex in ALL.values():
        tree = patterns._parse(regex.source, regex.flags)
        programs.keep(regex.source, regex.flags, patterns._needs_of_sequence(tree), tree)
    programs._save()
    programs._kept.cache_clear()
    back = {name: programs.kept(regex.source, regex.flags) for name, regex in ALL.items()}
    assert all(value is not None for value in back.values())
    return back  # type: ignore[return-value]


def test_every_kept_pattern_matches_as_re_compile_does(cache: Path) -> None:
    back = _kept_and_read_back()
    rng = random.Random(1)
    for name, regex in ALL.items():
        needed, compiled = back[name]
        plain = re.compile(regex.source, regex.flags)
        assert needed == patterns.needs(regex.source, regex.flags), name
        assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex), name
        for text in rng.sample(CORPUS, 25):
            assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)], name
            assert compiled.findall(text) == plain.findall(text), name


def test_a_program_the_engine_refuses_is_compiled_afresh(cache: Path) -> None:
    source, flags = r"\bwhy\b", int(re.IGNORECASE)
    diskcache.save("check-patterns", programs._key(),
                   {f"{flags}\n{source}": [["why"], 32 | 2, programs._encode([999, 1]), 0, {}, []]})
    programs._kept.cache_clear()
    assert programs.kept(source, flags) is None  # "invalid SRE code": not used
    regex = patterns.Pattern(source, flags)
    assert regex.search("so WHY then").span() == (3, 6)


@pytest.mark.parametrize("code", ["not base64!", "AAA", 12, None, [17, 0]])
def test_a_program_kept_malformed_is_compiled_afresh(cache: Path, code: object) -> None:
    source, flags = r"\bwhy\b", int(re.IGNORECASE)
    diskcache.save("check-patterns", programs._key(), {f"{flags}\n{source}": [["why"], 32 | 2, code, 0, {}, []]})
    programs._kept.cache_clear()
    assert programs.kept(source, flags) is None
    assert patterns.Pattern(source, flags).search("so WHY then").span() == (3, 6)


def test_a_pattern_never_run_keeps_what_it_needs_and_is_not_parsed_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = r"\bgestapo\b", int(re.IGNORECASE)
    assert patterns.Pattern(source, flags).search("nothing like it here") is None  # parsed, not compiled
    programs._save()
    programs._kept.cache_clear()
    monkeypatch.setattr(programs, "_fresh", {})
    assert programs.kept(source, flags) == (frozenset({"gestapo"}), None)

    parsed: list[str] = []
    real_parse = patterns._parse
    monkeypatch.setattr(patterns, "_parse", lambda s, f: parsed.append(s) or real_parse(s, f))
    regex = patterns.Pattern(source, flags)
    assert regex.search("nothing like it here") is None and parsed == []  # what it needs came from the cache
    assert regex.search("the GESTAPO state").span() == (4, 11)  # compiled when some text holds it
    assert parsed == [source]
    assert len(programs._fresh[f"{flags}\n{source}"]) == 6  # and now its program is kept too


def test_entries_from_another_python_or_another_patterns_py_are_not_used(cache: Path) -> None:
    _kept_and_read_back()
    stored = json.loads((cache / "check-patterns.json").read_text(encoding="utf-8"))
    assert stored["key"]["python"] == sys.version and stored["key"]["code"] == programs._key()["code"]
    stored["key"]["python"] = "3.99.0"
    (cache / "check-patterns.json").write_text(json.dumps(stored), encoding="utf-8")
    programs._kept.cache_clear()
    source, flags = next(iter(ALL.values())).source, next(iter(ALL.values())).flags
    assert programs.kept(source, flags) is None


def test_a_second_foi_check_reads_the_kept_patterns_and_finds_the_same(tmp_path: Path) -> None:
    letter = Path(__file__).resolve().parent / "check_letters"
    target = sorted(letter.iterdir())[0]
    env = {**os.environ, "FOI_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "foi", "check", "--format", "json", str(target)]
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    kept = json.loads((tmp_path / "check-patterns.json").read_text(encoding="utf-8"))["value"]
    second = subprocess.run(command, env=env, capture_output=True, text=True)
    assert kept and first.returncode == second.returncode and first.stdout == second.stdout
    assert json.loads((tmp_path / "check-patterns.json").read_text(encoding="utf-8"))["value"] == kept
