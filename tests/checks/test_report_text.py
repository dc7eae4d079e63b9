"""`foi check` writes its report as plain text to a pipe or a file, without loading rich: the words must
be exactly those rich prints of the markup there (except rich's emoji codes: ":100:" stays a line number)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from foi.checks import check_text
from foi.checks.finding import Finding
from foi.checks.report import as_markup, as_text, colours_output
from foi.support.text import shown

ROOT = Path(__file__).resolve().parents[2]
LETTERS = Path(__file__).resolve().parent / "check_letters"


def rich_prints(path: str, findings: list[Finding]) -> str:
    """What console.styled prints of the report where nothing is coloured, emoji codes left alone."""
    out = io.StringIO()
    Console(file=out, highlight=False, soft_wrap=True, emoji=False, force_terminal=False).print(
        shown(as_markup(path, findings)))
    return out.getvalue()


def _texts() -> list[str]:
    texts = [str(e["text"]) for p in ("real/requests.yaml", "requests.yaml")
             for e in yaml.safe_load((ROOT / "evaluation" / p).read_text(encoding="utf-8"))]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(LETTERS.iterdir())]


def test_plain_text_is_what_rich_prints_for_every_evaluation_request() -> None:
    plain = 0
    for index, text in enumerate(_texts()):
        for body in (False, True):
            findings = check_text(text, body_only=body, letter_date=date(2026, 11, 23))
            path = f"letters/request-{index}.txt"
            text_report = as_text(path, findings)
            if text_report is not None:
                plain += 1
                assert text_report + "\n" == rich_prints(path, findings)
    assert plain > 500  # nearly every report goes the plain way


ODD = ["[bold]x[/bold]", "a \\[b]", "tab\there", "nb\u00a0sp", "zero\u200dwidth", "\u202eevil", "bell\x07",
       "wide \u6f22\u5b57 and \U0001f600", "trailing  ", "combining e\u0301", ":thumbs_up: and :100:", "back\\slash",
       "C:\\Users\\x.txt", "line\u2028sep", "caf\u00e9 \u2019quotes\u2019 \u201cdouble\u201d", "ok [x]", "]"]


@pytest.mark.parametrize("odd", ODD)
def test_odd_values_are_plain_only_where_rich_prints_the_same(odd: str) -> None:
    finding = Finding("form/question", "warning", f"Message {odd}.", f"Fix {odd}", 3, 7, odd)
    for path in (f"dir/{odd}.txt", "plain.txt"):
        text_report = as_text(path, [finding])
        if text_report is None:
            continue
        expected = rich_prints(path, [finding])
        if ":" in odd:  # rich would have printed an emoji for ":thumbs_up:" and ":100:"
            assert ":thumbs_up:" in text_report and ":100:" in text_report
            continue
        assert text_report + "\n" == expected


def test_a_finding_on_line_100_keeps_its_line_number() -> None:
    finding = Finding("form/question", "warning", "m", "s", 100, 5, "e")
    assert (as_text("letter.txt", [finding]) or "").startswith("letter.txt:100:5 warning form/question")


@pytest.mark.parametrize(("env", "tty", "expected"), [
    ({}, False, False), ({}, True, True), ({"FORCE_COLOR": "1"}, False, True), ({"FORCE_COLOR": ""}, True, False),
    ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True, False), ({"TTY_COMPATIBLE": "1"}, False, True),
    ({"TTY_COMPATIBLE": "2"}, False, False),
])
def test_colours_output_agrees_with_rich(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool,
                                         expected: bool) -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", Stream())
    assert colours_output() is expected
    assert Console(highlight=False, soft_wrap=True).is_terminal is expected


def test_piped_foi_check_prints_plain_text_and_no_colour(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("\n" * 99 + "Why did you stop my claim?\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run([sys.executable, "-m", "foi", "check", "--body", str(path)], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 1, result.stderr  # "stop my claim": own data, an error
    assert f"{path}:100:1 warning form/question\n" in result.stdout
    assert result.stdout.endswith(f"{path}: 1 error, 1 warning\n")
    assert "\x1b[" not in result.stdout
    forced = subprocess.run([sys.executable, "-m", "foi", "check", "--body", str(path)], capture_output=True,
                            text=True, env={**env, "FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout  # a terminal that asks for colour still gets rich's colours
