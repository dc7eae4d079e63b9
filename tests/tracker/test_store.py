"""The tracker file: private, migrated on open, one transaction per change, safe with two writers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.support.errors import DataError
from foi.tracker import location, recording, store
from foi.tracker.model import Event, NewRequest

DWP = NewRequest(title="Restart guidance", body="Department for Work and Pensions", regime="foia",
                 authority_id="dwp")


def test_created_on_first_use_readable_by_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "tracker.sqlite3"
    recording.add_requests(db, [(DWP, date(2026, 6, 1))])
    assert db.stat().st_mode & 0o777 == 0o600
    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if extra.exists():
            assert extra.stat().st_mode & 0o777 == 0o600
    with store.connect(db) as conn:
        assert store.schema_version(conn) == store.SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_location_is_the_data_folder_or_foi_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FOI_DB", raising=False)
    assert location.db_path().name == "tracker.sqlite3"
    assert str(Path(os.environ["XDG_DATA_HOME"])) in str(location.db_path())
    monkeypatch.setenv("FOI_DB", str(tmp_path / "mine.sqlite3"))
    assert location.db_path() == tmp_path / "mine.sqlite3"
    assert location.db_path(tmp_path / "option.db") == tmp_path / "option.db"


def test_an_old_file_is_migrated_and_a_newer_one_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    sqlite3.connect(old).close()  # schema 0: an empty file from before the tracker
    with store.connect(old) as conn:
        assert store.schema_version(conn) == store.SCHEMA_VERSION
        store.add_request(conn, DWP)
    with store.connect(old) as conn:  # opening again migrates nothing and keeps the rows
        assert len(store.all_requests(conn)) == 1
    newer = tmp_path / "newer.sqlite3"
    raw = sqlite3.connect(newer)
    raw.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(DataError, match="newer version of foi"), store.connect(newer):
        pass


def test_an_interrupted_change_leaves_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite3"
    with store.connect(db) as conn:
        with pytest.raises(KeyboardInterrupt), store.transaction(conn):
            request_id = store.insert_request(conn, DWP)
            store.insert_event(conn, request_id, Event("sent", date(2026, 6, 1)))
            raise KeyboardInterrupt
        assert store.all_requests(conn) == []
        assert store.count_events(conn) == 0


def test_ctrl_c_during_a_tracker_write_exits_130_and_keeps_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.sqlite3"
    real = store.insert_event

    def interrupted(*args: object, **kwargs: object) -> int:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "insert_event", interrupted)
    result = CliRunner().invoke(app, ["track", "add", "--body", "dwp", "--title", "T", "--sent",
                                      "2026-06-01", "--db", str(db)])
    assert result.exit_code == 130
    with store.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.all_requests(conn) == [] and store.count_events(conn) == 0


WRITER = """
import sys
from datetime import date
from foi.tracker import recording
from foi.tracker.model import Event
db, request_id = sys.argv[1], int(sys.argv[2])
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()
for n in range(50):
    recording.record_event(db, request_id, Event("acknowledged", date(2026, 6, 2), note=str(n)))
"""


def test_two_processes_adding_50_events_each_at_once_leave_100(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite3"
    (request_id,) = recording.add_requests(db, [(DWP, date(2026, 6, 1))])
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(request_id)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:  # both are started and waiting; then both are let go at once
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate(timeout=120)  # closes the pipes
        assert proc.returncode == 0
    with store.connect(db) as conn:
        assert store.count_events(conn, request_id) == 101  # the sent event and 100 more
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


INTERRUPTED = """
import sys, time
from foi.tracker import store
real, marker = store.insert_event, sys.argv[2]
def slow(*args, **kwargs):
    result = real(*args, **kwargs)
    open(marker, "w").close()  # inside the transaction now: the parent may press Ctrl-C
    time.sleep(60)
    return result
store.insert_event = slow
db = sys.argv[1]
sys.argv = ["foi", "track", "add", "--body", "dwp", "--title", "T", "--sent", "2026-06-01", "--db", db]
from foi.cli import main
main()
"""


def test_a_real_sigint_in_the_middle_of_a_write_exits_130_and_rolls_back(tmp_path: Path) -> None:
    import signal
    import time

    db, marker = tmp_path / "t.sqlite3", tmp_path / "inside"
    proc = subprocess.Popen([sys.executable, "-c", INTERRUPTED, str(db), str(marker)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), proc.communicate()[1]
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Interrupted" in err and "Traceback" not in err
    with store.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.all_requests(conn) == [] and store.count_events(conn) == 0
