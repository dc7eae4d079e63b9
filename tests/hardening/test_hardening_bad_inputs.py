"""Every hostile input in hardening_cases.py, against the real installed `foi` command in a subprocess.

Each must end with its exact exit code and exactly one line on stderr, `Error: ...` matching the
case (a batch with bad rows, exit 3, lists the rows first), within the timeout (a FIFO or an alias bomb must not hang), without a traceback, and without
creating, changing or removing any file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hardening_cases import CASES, Case
from hardening_support import lay_out, run_foi, snapshot


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_one_clean_error(case: Case, tmp_path: Path) -> None:
    lay_out(tmp_path, case.files)
    for command in case.setup:
        assert run_foi(list(command), tmp_path).returncode == 0, command
    before = snapshot(tmp_path)
    result = run_foi(case.args, tmp_path, case.env, case.stdin, timeout=60, stdout=case.stdout)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    # One line; `foi batch` (exit 3) lists each bad row before its one error line.
    assert len(lines) == 1 or case.code == 3, stderr
    assert [line for line in lines if line.startswith("Error: ")] == lines[-1:], stderr
    assert re.match(case.error, lines[-1][len("Error: "):]), lines[-1]
    assert result.returncode == case.code, stderr
    assert snapshot(tmp_path) == before, "a failed command changed the files around it"
