"""The checker's patterns kept compiled between runs: compiling them was a third of `foi check`.

re turns a pattern's source into a program for its matching engine: parsing the source and writing
the program, in Python, for each of the checker's hundred-odd patterns on every run. The program
and what the pattern needs (foi.checks.patterns) are kept in the cache folder instead, and handed
back to the engine the next time. It cannot change what a pattern matches:
- an entry is found by the pattern's whole source and flags, and the cache is keyed on the exact
  Python build, the engine's version (`_sre.MAGIC`) and the code that works out what a pattern
  needs: a new Python, or a changed foi.checks.patterns, compiles every pattern afresh;
- the engine checks every program it is handed and refuses one that is not valid (`invalid SRE
  code`); an entry that is refused, malformed or missing is compiled from its source as before;
- tests/checks/test_programs.py compares every pattern kept and read back with re.compile's, on
  real requests, match by match.
"""

from __future__ import annotations

import array
import atexit
import binascii
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.support import diskcache

_ENTRY = "check-patterns"
_FORMAT = 2  # 2: each program's code as the base64 of its words (a JSON list of numbers took 9 ms to read)
_fresh: dict[str, list[Any]] = {}  # worked out in this run, kept when it ends


def _key() -> dict[str, Any]:
    import _sre

    return {"format": _FORMAT, "python": sys.version, "implementation": sys.implementation.name,
            "engine": [_sre.MAGIC, _sre.CODESIZE], "code": diskcache.checksum(Path(__file__).with_name("patterns.py"))}


@lru_cache(maxsize=1)
def _kept() -> dict[str, Any]:
    stored = diskcache.load(_ENTRY, _key())
    return stored if isinstance(stored, dict) else {}


def _name(source: str, flags: int) -> str:
    return f"{flags}\n{source}"


def _words() -> str | None:
    """The array type code whose items are the engine's code words (None: no such type here)."""
    import _sre

    return next((code for code in "IL" if array.array(code).itemsize == _sre.CODESIZE), None)


def _encode(code: list[int]) -> str:
    words = _words()
    assert words is not None  # keep() is not called where there is no such type
    return binascii.b2a_base64(array.array(words, code).tobytes(), newline=False).decode("ascii")


def _decode(text: str) -> list[int]:
    words = array.array(_words() or "")  # no such type: ValueError, and the pattern is compiled afresh
    words.frombytes(binascii.a2b_base64(text, strict_mode=True))
    return words.tolist()


def kept(source: str, flags: int) -> tuple[frozenset[str] | None, re.Pattern[str] | None] | None:
    """(needs, compiled pattern) kept for this source and flags; the pattern is None where only what it
    needs was kept (it was never run); None when nothing usable is kept, to parse it afresh."""
    import _sre

    entry = _kept().get(_name(source, flags))
    try:
        needed, *made = entry  # type: ignore[misc]
        needs = None if needed is None else frozenset(needed)
        if not made:
            return needs, None
        final_flags, code, groups, groupindex, indexgroup = made
        compiled = _sre.compile(source, final_flags, _decode(code), groups, groupindex, tuple(indexgroup))
        return needs, compiled
    except Exception:  # noqa: BLE001 - missing, malformed or refused by the engine: compile afresh
        return None


def program(tree: Any, flags: int) -> list[Any]:
    """What re._compiler.compile hands the engine for a parsed pattern: its flags, code and groups."""
    import re._compiler as _compiler  # type: ignore[import-not-found]

    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [flags | tree.state.flags, _compiler._code(tree, flags), tree.state.groups - 1, groupindex,
            indexgroup]


def keep(source: str, flags: int, needed: frozenset[str] | None, tree: Any) -> re.Pattern[str]:
    """Compile a parsed pattern, and keep its program for the next run."""
    import _sre

    final_flags, code, groups, groupindex, indexgroup = program(tree, flags)
    compiled: re.Pattern[str] = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
    if _words() is not None:
        _note(source, flags, [None if needed is None else sorted(needed), final_flags, _encode(code), groups,
                              groupindex, indexgroup])
    return compiled


def keep_needs(source: str, flags: int, needed: frozenset[str] | None) -> None:
    """Keep what a parsed pattern needs, for a pattern not run this time (no text held its needs)."""
    _note(source, flags, [None if needed is None else sorted(needed)])


def _note(source: str, flags: int, entry: list[Any]) -> None:
    if not _fresh:
        atexit.register(_save)
    _fresh[_name(source, flags)] = entry


def _save() -> None:
    """Keep what this run compiled beside what was kept (once, as the command ends)."""
    diskcache.save(_ENTRY, _key(), {**_kept(), **_fresh})
