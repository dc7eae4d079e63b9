"""Each follow-up letter, byte for byte, for the regimes whose sections differ (tests/golden/followup/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


CASES = {
    "chase-foia": (["--body", "dwp", "--reference", "FOI2026/123"], [("clarified", "2026-06-15")],
                   ["chase", "--date", "2026-07-20"]),
    "review-foisa": (["--body", "Glasgow City Council"], [("refused", "2026-06-25")],
                     ["review", "--ground", "exemption-wrong", "--ground", "public-interest",
                      "--reason", "The figures are anonymous totals.", "--date", "2026-07-01"]),
    "review-eir": (["--body", "dwp", "--regime", "eir"], [("partial-response", "2026-06-25")],
                   ["review", "--ground", "information-missing", "--date", "2026-07-01"]),
    "review-chase-foia": (["--body", "dwp"], [("refused", "2026-06-25"), ("review-requested", "2026-07-01")],
                          ["review-chase", "--date", "2026-08-05"]),
    "complain-foia": (["--body", "dwp"], [("refused", "2026-06-25"), ("review-requested", "2026-07-01"),
                                          ("review-response", "2026-07-20")],
                      ["complain", "--ground", "cost-estimate", "--date", "2026-07-27"]),
    "complain-foisa": (["--body", "Glasgow City Council"], [],
                       ["complain", "--reason", "No reply, and no review either.", "--date", "2026-09-30"]),
    "chase-sar": (["--body", "dwp", "--regime", "sar", "--title", "My records"], [],
                  ["chase", "--date", "2026-07-10"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_followup_letter_matches_golden(name: str, db: Path, golden: Callable[[str, bytes], None]) -> None:
    add, events, followup = CASES[name]
    title = [] if "--title" in add else ["--title", "Restart guidance"]
    run("track", "add", *add, *title, "--sent", "2026-06-01")
    for kind, on in events:
        run("track", "event", "1", kind, "--date", on)
    kind, *options = followup
    text = run("followup", kind, "1", "--no-track", "--format", "markdown", *options)
    golden(f"followup/{name}.md", text.encode("utf-8"))
