"""A subject access request's month ends on the controller's next working day, counted where the body is."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from foi.cli import app


@pytest.mark.parametrize(
    ("authority", "due"),
    [
        # 1 January 2027 is New Year's Day everywhere; 2 January is a Saturday, so Scotland's own
        # 2 January holiday moves to Monday 4 January: a Scottish council has until the 5th.
        ("Fife Council", "5 January 2027"),
        ("Hackney Council", "4 January 2027"),
        ("dwp", "4 January 2027"),
    ],
)
def test_the_due_date_follows_the_bodys_part_of_the_uk(authority: str, due: str) -> None:
    result = CliRunner().invoke(app, [
        "new", "--scenario", "own-data", "--authority", authority, "--set", "name=Jane Smith",
        "--set", "email=jane@example.org", "--set", "date_of_birth=01/02/1980", "--no-input",
        "--date", "2026-12-01", "--format", "markdown", "--output", "-",
    ])
    assert result.exit_code == 0, result.output
    assert due in result.stdout
