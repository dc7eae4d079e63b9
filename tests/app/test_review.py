"""The wizard's preview runs the checker and offers to change the answer behind a finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.request import wizard


def test_finding_in_an_answer_is_offered_for_change_then_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = "\n".join([
        "Why does my work coach make me use Universal Jobmatch?",  # item 1: a question
        "",                                                        # end of the list
        "",                                                        # provider: none
        "",                                                        # date_from: default
        "",                                                        # date_to: default
        "y",                                                       # change 'items'? yes
        "A copy of the guidance given to work coaches on asking claimants to use Universal Jobmatch",
        "",                                                        # end of the list
        "1",                                                       # write it
        "letter.txt",                                              # file name
        "n",                                                       # save the answers? no
    ]) + "\n"
    result = CliRunner().invoke(app, [
        "new", "--scenario", "custom", "--authority", "dwp", "--set", "name=Jane Smith",
        "--set", "email=jane.smith@example.org", "--set", "topic=Universal Jobmatch", "--date", "2026-11-23",
    ], input=typed)
    assert result.exit_code == 0, result.output
    assert "This asks why: the Act gives a right to recorded information" in result.stderr
    assert "form/question" not in result.stderr and "your letter:" not in result.stderr  # no rule ids or places
    assert 'Change your answer to "The documents or information you want" to fix this?' in result.stderr
    assert "The checker found nothing an authority could use to avoid answering." in result.stderr
    letter = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    assert "1. A copy of the guidance given to work coaches" in letter
    assert "Why does" not in letter


def test_provider_as_body_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [
        "new", "--scenario", "provider-data-access", "--authority", "a4e", "--set", "name=Jane Smith",
        "--set", "email=jane.smith@example.org", "--set", "office=", "--set", "date_from=2025-04-01",
        "--set", "date_to=2026-03-31", "--date", "2026-11-23",
    ], input="\n\n5\n")  # Northern Ireland? no; provider: the default; write it? no
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stderr.split())
    assert "PeoplePlus is not a public authority: the letter goes to Department for Work and Pensions" in flat
    assert "Nothing was written." in result.stderr


def test_yes_no_questions_show_yes_or_no(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [
        "new", "--scenario", "provider-data-access", "--authority", "serco", "--set", "name=Jane Smith",
        "--set", "email=jane.smith@example.org", "--set", "office=", "--set", "date_from=2025-04-01",
        "--set", "date_to=2026-03-31", "--date", "2026-11-23",
    ], input="\n\n5\n")
    assert result.exit_code == 0, result.output
    assert "Are you in Northern Ireland? [no]:" in result.stderr
    assert "False" not in result.stderr
