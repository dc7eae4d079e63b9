"""`foi followup` with no arguments, at a real (pseudo-)terminal: asks, writes, records."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foi.tracker import recording


def expect(fd: int, text: str, seen: list[str], timeout: float = 60) -> None:
    """Read the terminal until `text` appears (a prompt), or fail with what was shown."""
    deadline = time.monotonic() + timeout
    while text not in "".join(seen):
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {text!r} on the terminal; it showed:\n{''.join(seen)}"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen.append(os.read(fd, 4096).decode("utf-8", "replace"))
            except OSError:
                break


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_followup_asks_which_request_and_what_happened(tmp_path: Path) -> None:
    db = tmp_path / "tracker.sqlite3"
    env = {**os.environ, "FOI_DB": str(db), "COLUMNS": "100", "TERM": "dumb"}
    subprocess.run([sys.executable, "-m", "foi", "profile", "set", "name=Jane Smith",
                    "email=jane@example.org"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "foi", "track", "add", "--body", "dwp", "--title",
                    "Restart guidance", "--sent", "2026-06-01"], env=env, check=True, capture_output=True)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "foi", "followup"], stdin=slave, stdout=slave,
                            stderr=slave, cwd=tmp_path, env=env)
    os.close(slave)
    seen: list[str] = []
    try:
        expect(master, "Which request", seen)
        os.write(master, b"1\n")
        expect(master, "What happened", seen)
        os.write(master, b"1\n")
        expect(master, "Save the letter as", seen)
        os.write(master, b"chaser.txt\n")
        assert proc.wait(timeout=60) == 0, "".join(seen)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert "Restart guidance" in "".join(seen)
    letter = (tmp_path / "chaser.txt").read_text(encoding="utf-8")
    assert "Under section 10(1) of the Freedom of Information Act 2000" in " ".join(letter.split())
    assert recording.load(db, 1).events[-1].kind == "chased"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_track_list_shows_overdue_requests_in_red_on_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "FOI_DB": str(tmp_path / "t.sqlite3"), "COLUMNS": "160", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    for title, sent in (("Late one", "2026-06-01"), ("On time", "2026-07-01")):
        subprocess.run([sys.executable, "-m", "foi", "track", "add", "--body", "dwp", "--title", title,
                        "--sent", sent], env=env, check=True, capture_output=True)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "foi", "track", "list", "--today", "2026-07-03"],
                            stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    seen: list[str] = []
    try:
        expect(master, "On time", seen)
        proc.wait(timeout=60)
    finally:
        os.close(master)
    shown = "".join(seen)
    late_line = next(line for line in shown.splitlines() if "Late one" in line)
    on_time_line = next(line for line in shown.splitlines() if "On time" in line)
    assert "31m" in late_line  # red
    assert "31m" not in on_time_line
    assert shown.index("Late one") < shown.index("On time")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_review_reply_proposals_are_kept_or_dropped_at_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "tracker.sqlite3"
    env = {**os.environ, "FOI_DB": str(db), "COLUMNS": "100", "TERM": "dumb"}
    subprocess.run([sys.executable, "-m", "foi", "profile", "set", "name=Jane Smith"], env=env,
                   check=True, capture_output=True)
    for args in (["track", "add", "--body", "dwp", "--title", "Contracts", "--sent", "2026-06-01"],
                 ["track", "event", "1", "refused", "--date", "2026-06-20"]):
        subprocess.run([sys.executable, "-m", "foi", *args], env=env, check=True, capture_output=True)
    refusal = tmp_path / "refusal.txt"
    refusal.write_text("We withhold the staff names under section 40(2).\n\nThe prices are withheld "
                       "under section 43(2) as commercially sensitive.\n", encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "foi", "followup", "review", "1", "--reply", str(refusal),
                             "--date", "2026-07-01", "--output", str(tmp_path / "review.txt")],
                            stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    seen: list[str] = []
    try:
        expect(master, "Keep this ground?", seen)
        os.write(master, b"y\n")  # section 40(2): keep
        seen.clear()
        expect(master, "Keep this ground?", seen)
        os.write(master, b"n\n")  # section 43(2): drop
        assert proc.wait(timeout=60) == 0
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    letter = " ".join((tmp_path / "review.txt").read_text(encoding="utf-8").split())
    assert "Exemption wrongly applied." in letter and "Excessive redaction." in letter
    assert "Public interest wrongly weighed" not in letter
