"""Compiled regular expressions kept between runs, for the commands that compile hundreds.

The checker's rules are a few hundred regular expressions, some of them long alternations of
phrases. Python compiles each one afresh in every process (its own cache lasts one process), and
in `foi check` that took longer than checking a 5,000-word letter. Compiling is two steps: parsing
the pattern into a program for the regex engine, then loading that program. Inside `kept()`, the
first step is done once for the patterns that are part of the code (never one made at run time from
a letter's words: see _static) and its result (plain numbers) kept in the
user's cache folder (foi.support.diskcache), keyed on the exact Python build and regex engine; the second step is
Python's own (`_sre.compile` checks the program it is given). Outside `kept()`, nothing changes.

The pattern object made from a kept program compares equal to a freshly compiled one (Python
compares the program itself); tests/support/test_regex_cache.py checks that for every pattern the
checker compiles. If this Python's regex internals are not the ones expected, `kept()` does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_ENTRY = "regex-programs"
_MOST = 4000  # patterns kept at most: the checker has a few hundred


@contextmanager
def kept() -> Iterator[None]:
    """Compile regular expressions from kept programs while inside; keep any new ones on leaving."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        original, key = _compiler.compile, _key(_sre)
        if not all(callable(f) for f in (_compiler._code, _parser.parse, _sre.compile)):
            raise AttributeError("not the regex internals this was written for")
    except (ImportError, AttributeError):  # another Python: compile as usual
        yield
        return
    stored: dict[str, list[Any]] = {}
    added: dict[str, list[Any]] = {}
    state = {"loaded": False, "loading": False}  # read on the first pattern a module compiles

    def load() -> bool:
        """Read the kept programs once; False while that is not possible yet."""
        if state["loading"]:  # reading them imports json, whose own patterns come here
            return False
        state["loading"] = True
        try:
            stored.update(_stored(key))
        except Exception:  # noqa: BLE001 - a module reading needs (json, platformdirs) is mid-import
            return False  # compile this one as usual, and read them at the next
        finally:
            state["loading"] = False
        state["loaded"] = True
        return True

    def compile_kept(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or flags & _compiler.SRE_FLAG_DEBUG or not _static(pattern):
            return original(pattern, flags)
        if not state["loaded"] and not load():
            return original(pattern, flags)
        name = f"{flags}:{pattern}"
        program = stored.get(name)
        if program is not None:
            try:
                return _sre.compile(pattern, *_unpacked(program))
            except (TypeError, ValueError, RuntimeError):  # damaged: compile it afresh
                pass
        program = _program(_compiler, _parser, pattern, flags)
        if len(stored) + len(added) < _MOST:
            added[name] = program
        return _sre.compile(pattern, *_unpacked(program))

    _compiler.compile = compile_kept
    try:
        yield
    finally:
        _compiler.compile = original
        if added and (state["loaded"] or load()):  # never replace kept programs unread
            from foi.support import diskcache

            diskcache.save_pickled(_ENTRY, key, {**stored, **added})


def _static(pattern: str) -> bool:
    """Whether a pattern is part of the code, not made at run time: only those are kept, never one
    that may hold words of a letter (the checker builds some from its acronyms and names).

    Part of the code: compiled while a module is being imported (its constants), or written as a
    literal in the function that asked for it (`re.search(r"...", text)`).
    """
    frame: Any = sys._getframe(2)
    caller = None
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib"):
            return True
        if caller is None and not _in_re(name):
            caller = frame.f_code
        frame = frame.f_back
    return caller is not None and pattern in caller.co_consts


def _in_re(filename: str) -> bool:
    """A frame of the re package or of this module, between the caller and the compiler."""
    return filename == __file__ or filename.replace("\\", "/").rsplit("/", 2)[-2:-1] == ["re"]


def _key(sre: Any) -> dict[str, Any]:
    """A program is only valid for the Python build and regex engine that made it."""
    return {"python": sys.version, "magic": sre.MAGIC, "codesize": sre.CODESIZE}


def _stored(key: dict[str, Any]) -> dict[str, list[Any]]:
    from foi.support import diskcache

    found = diskcache.load_pickled(_ENTRY, key)
    return found if isinstance(found, dict) else {}


def _program(compiler: Any, parser: Any, pattern: str, flags: int) -> list[Any]:
    """What re._compiler.compile hands to _sre.compile, as plain values."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    # Plain ints: some of the program's words are the compiler's named constants, which pickle cannot keep.
    plain = [int(word) for word in code]
    return [int(flags | parsed.state.flags), plain, parsed.state.groups - 1, groupindex, indexgroup]


def _unpacked(program: list[Any]) -> tuple[Any, ...]:
    flags, code, groups, groupindex, indexgroup = program
    return flags, list(code), groups, dict(groupindex), tuple(indexgroup)

