"""Ctrl-C at any moment of a real `foi new`: exit 130, no traceback, and every file whole or absent.

SIGINT is sent at points spread over a measured uninterrupted run (importing, reading the data,
drafting, rendering every format, writing them). Files are committed with Ctrl-C held back, so the
output folder holds every letter byte for byte, or none, and never a temporary file.

Python's own start-up (before any foi code runs, while the interpreter imports `re` for the script
wrapper) cannot be guarded by foi; a signal that lands there ends the process by SIGINT itself, which a
shell also reports as 130. Those points are accepted only with nothing written.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from hardening_cases import NAMED
from hardening_support import FOI, run_foi

ARGS = [*NAMED, "-f", "all", "-o", "out/"]


def _start(cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FOI_CONFIG_DIR": str(cwd / "config")}
    env.pop("FOI_DEBUG", None)
    return subprocess.Popen([str(FOI), *ARGS], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _reference(tmp_path: Path) -> tuple[float, dict[str, bytes]]:
    folder = tmp_path / "reference"
    folder.mkdir()
    started = time.monotonic()
    process = _start(folder)
    _, err = process.communicate(timeout=120)
    took = time.monotonic() - started
    assert process.returncode == 0, err
    return took, {p.name: p.read_bytes() for p in (folder / "out").iterdir()}


def _interrupted_at(tmp_path: Path, delay: float) -> tuple[int, str, dict[str, bytes]]:
    folder = tmp_path / f"at-{delay:.3f}"
    folder.mkdir()
    process = _start(folder)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    out = folder / "out"
    found = {p.name: p.read_bytes() for p in out.iterdir()} if out.is_dir() else {}
    shutil.rmtree(folder)
    return process.returncode, err.decode("utf-8", "replace"), found


def test_ctrl_c_at_any_point_leaves_no_partial_file_and_exits_130(tmp_path: Path) -> None:
    took, reference = _reference(tmp_path)
    assert len(reference) >= 6
    outcomes = []
    for fraction in (0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.85, 0.95, 1.05):
        code, err, found = _interrupted_at(tmp_path, took * fraction)
        outcomes.append(code)
        assert found in ({}, reference), f"at {fraction:.0%}: a partial set of files {sorted(found)}"
        if code == 130:
            assert "Traceback" not in err, err
            assert err.splitlines()[-1].startswith("Interrupted: "), err
        elif code == -signal.SIGINT:
            # Python's start-up, before foi is imported, or its shut-down after foi has finished.
            assert "/foi/" not in err, err
        else:
            assert code == 0 and found == reference, (fraction, code, err)
    assert outcomes.count(130) >= 3, outcomes


def test_interruption_message_says_nothing_was_written(tmp_path: Path) -> None:
    took, _ = _reference(tmp_path)
    # A run's length varies with the machine's load, and how much of it comes before the first file is
    # written with how fast the directory and the data are read: earlier points until one lands mid-run
    # with nothing written yet (one that lands while files are written says which were, rightly).
    for fraction in (0.5, 0.4, 0.35, 0.3, 0.25, 0.6):
        code, err, found = _interrupted_at(tmp_path, took * fraction)
        if code == 130 and not found:
            break
    assert code == 130 and found == {}, (code, err)
    assert err.splitlines() == ["Interrupted: nothing was written."]


def test_ctrl_c_during_foi_track_add_leaves_a_sound_database(tmp_path: Path) -> None:
    base = ["track", "add", "--body", "dwp", "--title", "Restart guidance", "--sent", "2026-06-01", "--db", "t.db"]
    assert run_foi(base, tmp_path).returncode == 0
    started = time.monotonic()
    assert run_foi(base, tmp_path).returncode == 0
    took = time.monotonic() - started
    env = {**os.environ, "FOI_CONFIG_DIR": str(tmp_path / "config")}
    for fraction in (0.2, 0.4, 0.6, 0.8, 0.9, 1.0):
        process = subprocess.Popen([str(FOI), *base], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        time.sleep(took * fraction)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
        assert process.returncode in (0, 130, -signal.SIGINT), err
        if process.returncode == 130:
            assert "Traceback" not in err.decode()
        with sqlite3.connect(tmp_path / "t.db") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        listed = run_foi(["track", "list", "--format", "json", "--db", "t.db"], tmp_path)
        assert listed.returncode == 0, listed.stderr
        assert 2 <= len(json.loads(listed.stdout)) <= 8  # each run added its request whole, or not at all
