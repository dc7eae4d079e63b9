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

import atexit
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.support import diskcache

_ENTRY = "check-patterns"
_FORMAT = 1
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


def kept(source: str, flags: int) -> tuple[frozenset[str] | None, re.Pattern[str]] | None:
    """(needs, compiled pattern) kept for this source and flags, or None to compile it afresh."""
    import _sre

    entry = _kept().get(_name(source, flags))
    try:
        needed, final_flags, code, groups, groupindex, indexgroup = entry  # type: ignore[misc]
        compiled = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
        return (None if needed is None else frozenset(needed)), compiled
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

    final_flags, code, groups, groupindex, indexgroup = made = program(tree, flags)
    compiled: re.Pattern[str] = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
    if not _fresh:
        atexit.register(_save)
    _fresh[_name(source, flags)] = [None if needed is None else sorted(needed), *made]
    return compiled


def _save() -> None:
    """Keep what this run compiled beside what was kept (once, as the command ends)."""
    diskcache.save(_ENTRY, _key(), {**_kept(), **_fresh})
