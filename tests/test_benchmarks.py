"""The benchmark command runs end to end on tiny sizes (its timings are its own business: speed
targets live in benchmarks/, never in timed tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_on_tiny_sizes() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--runs", "1"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine: ")
    rows = [line for line in lines if line.startswith("| `foi")]
    measured = [row.split(" | ")[0] for row in rows]
    for name in ("--version", "--help", "new --no-input", "deadline", "check"):
        assert any(name in m for m in measured), (name, done.stdout)
    if _has("batch"):
        assert any("`foi batch`, 50 CSV rows" in m for m in measured)
        assert any("peak memory" in m for m in measured)
    if _has("track", "list"):
        assert any("`foi track list`" in m for m in measured)
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert re.match(r"\d+\.\d\dx", cells[4]) and cells[-1] in ("yes", "NO"), row


def _has(*command: str) -> bool:
    return subprocess.run([sys.executable, "-m", "foi", *command, "--help"],
                          capture_output=True).returncode == 0


def test_peak_memory_is_the_commands_own_not_the_benchmarks() -> None:
    """Linux gives a child started from a large process that process's peak: the benchmark must not."""
    import os

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    ballast = bytearray(200 * 1024 * 1024)
    ballast[::4096] = b"1" * len(ballast[::4096])  # this process now holds over 200 MiB
    env = dict(os.environ)
    small = run.peak_rss_mib([sys.executable, "-c", "pass"], env)
    grown = run.peak_rss_mib([sys.executable, "-c", "x = bytearray(100 * 2**20); x[::4096] = b'1' * len(x[::4096])"], env)
    assert small < 60 and 100 < grown < 160, (small, grown)
    del ballast
