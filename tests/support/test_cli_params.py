"""foi's direct conversion of option values gives exactly what typer's own (pydantic) conversion
gives, value for value and error for error, for every parameter of every command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer._coercion import build_runtime_param
from typer.main import get_command

from foi.cli import app
from foi.support import cli_params

SAMPLES: list[Any] = [
    "", "x", "  10 ", "10", "007", "-3", "+4", "1_000", "1.0", "0", "-0", "99999999999999999999999",
    "a/b", "./letters/", "-", "Jane Smith", "é", True, False, 5, Path("p"), ("a", "b"), ["10", "x"],
    ("1", "+2"), (), None,
]


def _parameters() -> list[Any]:
    found = []

    def walk(command: Any) -> None:
        found.extend(command.params)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(get_command(app))
    return found


PARAMETERS = _parameters()


def _outcome(runtime: Any, param: Any, ctx: Any, value: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except typer.BadParameter as err:
        return "error", err.format_message()
    except Exception as err:  # noqa: BLE001 - compared, not hidden
        return "raised", type(err).__name__


@pytest.mark.parametrize("param", PARAMETERS, ids=lambda p: p.name)
def test_every_parameter_converts_as_typer_does(param: Any) -> None:
    ctx = typer.Context(get_command(app))
    param._runtime_param = None
    fast = param.get_runtime_param()
    typer_own = build_runtime_param(param.type_descriptor)
    for value in SAMPLES:
        ours, theirs = _outcome(fast, param, ctx, value), _outcome(typer_own, param, ctx, value)
        assert ours == theirs, (param.name, value)
        assert type(ours[1]) is type(theirs[1]), (param.name, value)


def test_foi_parameters_take_the_direct_route() -> None:
    """The point of it: none of foi's own parameters needs pydantic for a plain value."""
    routed = []
    for param in PARAMETERS:
        param._runtime_param = None
        if type(param.get_runtime_param()).__name__ != "DirectRuntimeParam":
            routed.append(param.name)
    assert routed == []


def test_an_unknown_typer_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer import core

    monkeypatch.delattr(core, "_TyperParameter")
    cli_params.install()  # must neither fail nor patch anything
