"""Command-line values converted without pydantic, so no command pays ~90 ms to import it.

typer 0.29 converts every option value (a str to a str, "10" to 10) through a pydantic TypeAdapter
it builds on first use, and so imports pydantic in every command that has an option: about a
quarter of the start-up time of `foi deadline`. foi's options are all plain: str, int, Path, bool
and lists of them. For exactly those, and only for values whose meaning is beyond doubt (a str; an
int written as digits), this module converts them directly. Anything else (a value typer would
reject, "+4", "1_000", a clamp or range, a parser, an enum) goes to typer's own conversion, so the
result and every error message stay typer's. tests/support/test_cli_params.py checks both agree.

typer is pinned to 0.29.x in pyproject.toml; if its internals ever differ, `install` does nothing
and typer converts everything as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

# An int written as plain digits: the one form where int() and pydantic's lax int always agree.
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")


class _Undecided(Exception):
    """This value is not plainly convertible here: let typer convert it."""


def _to_str(value: Any, info: Any, where: dict[str, Any]) -> Any:
    if type(value) is not str:
        raise _Undecided
    return value


def _to_bool(value: Any, info: Any, where: dict[str, Any]) -> Any:
    if type(value) is not bool:
        raise _Undecided
    return value


def _to_int(value: Any, info: Any, where: dict[str, Any]) -> Any:
    if type(value) is int:
        return value
    if type(value) is str and _PLAIN_INT.fullmatch(value):
        return int(value)
    raise _Undecided


def _to_path(value: Any, info: Any, where: dict[str, Any]) -> Any:
    from typer._param_types import coerce_cli_path

    if type(value) is not str:
        raise _Undecided
    path_type = info.path_type or Path
    # pydantic turns a str into Path(str); doing it here skips pydantic, and typer's own checks
    # (exists, readable, ...) still run on the result.
    return coerce_cli_path(path_type(value), info, path_type=path_type, **where)


Leaf = Callable[[Any, Any, dict[str, Any]], Any]
_LEAVES: dict[Any, Leaf] = {
    str: _to_str, bool: _to_bool, int: _to_int, Path: _to_path,
}


def _plain_info(info: Any) -> bool:
    """No range, clamp or custom parser: the options foi declares."""
    return info.parser is None and info.min is None and info.max is None and not info.clamp


def _converter(annotation: Any, info: Any) -> Callable[[Any, dict[str, Any]], Any] | None:
    """A direct conversion for this annotation, or None when typer must do it."""
    if not _plain_info(info):
        return None
    if get_origin(annotation) is list:
        return _list_of(_LEAVES.get(get_args(annotation)[0]), info)
    return _single(_LEAVES.get(annotation), info)


def _single(leaf: Leaf | None, info: Any) -> Callable[[Any, dict[str, Any]], Any] | None:
    if leaf is None:
        return None
    return lambda value, where: leaf(value, info, where)


def _list_of(leaf: Leaf | None, info: Any) -> Callable[[Any, dict[str, Any]], Any] | None:
    if leaf is None:
        return None
    return lambda value, where: [leaf(v, info, where) for v in _items(value)]


def _items(value: Any) -> Any:
    if not isinstance(value, (list, tuple)):
        raise _Undecided
    return value


def install() -> None:
    """Route foi's plain option types past pydantic; leave everything else to typer."""
    try:
        from typer import _coercion, core

        base = _coercion.RuntimeParam
        build = _coercion.build_runtime_param
        parameter = core._TyperParameter
        original = parameter.get_runtime_param
    except (ImportError, AttributeError):  # another typer: keep its own conversion
        return

    @dataclass(frozen=True)
    class DirectRuntimeParam(base):  # type: ignore[valid-type, misc]
        """Converts plain values itself; hands anything doubtful to typer's own conversion."""

        convert: Callable[[Any, dict[str, Any]], Any]
        descriptor: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value, {"param": param, "ctx": ctx})
            except _Undecided:
                return build(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            desc = self.type_descriptor
            convert = None if desc.file_annotation is not None else _converter(
                desc.annotation, desc.parameter_info)
            if convert is None:
                return original(self)
            self._runtime_param = DirectRuntimeParam(
                parameter_info=desc.parameter_info, annotation=desc.annotation,
                convert=convert, descriptor=desc)
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
