"""`foi COMMAND` builds only that command (foi.cli.only_the_command), and answers exactly as the
whole app does: the same output, the same errors, the same exit codes."""

from __future__ import annotations

import pytest
from typer.main import get_command_name
from typer.testing import CliRunner

from foi import cli

NAMES = sorted([c.name or get_command_name(c.callback.__name__) for c in cli.app.registered_commands
                if c.callback is not None] + [str(g.name) for g in cli.app.registered_groups])

CASES = [
    *([name, "--help"] for name in NAMES),
    *([name] for name in NAMES),  # a group with no command prints its help; a command its own error
    ["check"],  # no file: a usage problem, exit 2
    ["check", "--format", "xml", "x.txt"],
    ["deadline", "--bogus"],
    ["track", "lst"],  # a misspelt command of a group: the group suggests the right one
    ["track", "list", "--help"],
    ["followup", "chase", "--help"],
    ["authorities", "dwp"],
]


def _run(app: object, args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args)  # type: ignore[arg-type]
    return result.exit_code, result.output


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_command_alone_answers_as_the_whole_app(args: list[str]) -> None:
    alone = cli.only_the_command(cli.app, args)
    assert alone is not cli.app
    assert len(alone.registered_commands) + len(alone.registered_groups) == 1
    assert _run(alone, args) == _run(cli.app, args)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek", "x"], ["new-letter"], ["-h"]])
def test_anything_but_a_command_goes_to_the_whole_app(args: list[str]) -> None:
    assert cli.only_the_command(cli.app, args) is cli.app


def test_the_whole_app_is_left_as_it_was() -> None:
    before = (list(cli.app.registered_commands), list(cli.app.registered_groups))
    cli.only_the_command(cli.app, ["check"])
    assert (cli.app.registered_commands, cli.app.registered_groups) == before
    assert len(NAMES) == len(cli.app.registered_commands) + len(cli.app.registered_groups) >= 10
