"""Ctrl-C (or a kill) in the middle of a real batch: the command exits 130 (143) and leaves no folder, not even
a hidden one."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_data import clients, write_excel_csv


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_mid_batch_leaves_no_folder(tmp_path: Path, sent: int, code: int) -> None:
    source = write_excel_csv(tmp_path / "many.csv", clients(50) * 80)  # 4,000 rows: several seconds of work
    out = tmp_path / "letters"
    process = subprocess.Popen(
        [sys.executable, "-m", "foi", "batch", str(source), "--out", str(out), "--date", "2026-11-23",
         "--no-profile", "--no-check", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    staging: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None:
        staging = [p for p in tmp_path.iterdir() if p.name.startswith(".letters.")]
        if staging and len(list(staging[0].iterdir())) > 20:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be interrupted"
    assert staging, "the batch never started writing"
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.csv"]
