"""The README stays honest: its test command is what CI runs, and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from foi.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r'pip install "\.\[test\]" && pytest', README)
    assert command, "README has no test command"
    ran = re.search(r'^pip install "\.\[test\]"( && .*)? && pytest$', ci, flags=re.MULTILINE)
    assert ran, "CI does not run the README's test command"
    assert "ruff check" in ran.group(0) and "mypy" in ran.group(0), "CI does not run ruff and mypy"


def test_every_command_has_help_and_a_readme_mention() -> None:
    runner = CliRunner()
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert len(result.stdout.strip()) > 40, name
        assert f"foi {name}" in README, f"`foi {name}` is not in the README"


def test_readme_sections_are_not_empty() -> None:
    sections = re.split(r"^## ", README, flags=re.MULTILINE)[1:]
    for section in sections:
        title, _, body = section.partition("\n")
        assert body.strip(), f"README section '{title}' is empty"
