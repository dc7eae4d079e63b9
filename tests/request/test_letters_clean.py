"""Every letter the tool writes, in every scenario and regime, passes its own checker with no findings."""

from __future__ import annotations

from datetime import date

import pytest
from test_scenarios import AUTHORITY, CASES, _args, _full_answers
from typer.testing import CliRunner

from foi.checks import check_text
from foi.cli import app
from foi.directory import authorities

runner = CliRunner()


@pytest.mark.parametrize(("scenario_id", "regime"), CASES)
@pytest.mark.parametrize("fmt", ["text", "markdown", "wdtk"])
def test_builtin_letter_has_no_findings(scenario_id: str, regime: str, fmt: str) -> None:
    if fmt == "wdtk" and regime == "sar":
        pytest.skip("WhatDoTheyKnow does not take subject access requests")
    result = runner.invoke(app, _args(scenario_id, regime, _full_answers(scenario_id, regime), "--format", fmt))
    assert result.exit_code == 0, result.output
    target = authorities.resolve(AUTHORITY[regime])
    findings = check_text(result.stdout, body_only=fmt == "wdtk", authority=target.authority, regime=regime,
                          letter_date=date(2026, 11, 23))
    assert [(f.rule, f.excerpt) for f in findings] == []
