"""The progress bar shows on a terminal and never on a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from batch_data import clients, write_excel_csv

ARGS = ["--date", "2026-11-23", "--no-profile", "--no-check"]


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "rows.csv", clients(50))
    command = [sys.executable, "-m", "foi", "batch", str(source), *ARGS]
    piped = subprocess.run([*command, "--out", str(tmp_path / "piped")], capture_output=True, text=True, check=False)
    assert piped.returncode == 0, piped.stderr
    assert "\x1b[" not in piped.stderr and "letters/s" not in piped.stderr
    assert piped.stderr.splitlines()[-1].startswith("Wrote 50 letter(s) (and 50 second letter(s), -part-2)")

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen([*command, "--out", str(tmp_path / "tty")], stderr=follower,
                               stdout=subprocess.DEVNULL, env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert "rows" in text and "/50" in text  # the bar: rows done of the total
    leader, follower = pty.openpty()
    quiet = subprocess.run([*command, "--out", str(tmp_path / "quiet"), "--quiet"], stderr=follower, check=False)
    os.close(follower)
    assert quiet.returncode == 0
    assert b"/50" not in os.read(leader, 65536)
    os.close(leader)
