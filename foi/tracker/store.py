"""All of the tracker's SQL, behind plain functions: nothing else in foi writes a query.

An embedded SQLite file, readable by its owner only (it holds names, addresses and what people asked
for). Opening it runs any migration it lacks, so an older file is brought up to date in one
transaction. Each change is one transaction begun with BEGIN IMMEDIATE, so it takes the write lock
at once; WAL mode and a busy timeout let two `foi` processes write at the same time, the second
waiting for the first instead of failing, and nothing is lost. A change interrupted part way (an
error, Ctrl-C, a killed process) leaves the file as it was before the change began.

Keeping every query here means a shared server database for an advice team can be added later by
writing these functions again, without touching the commands.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.support.errors import DataError, FoiError
from foi.tracker.model import Event, NewRequest, Tracked

if TYPE_CHECKING:
    import sqlite3

# How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 30_000

# Migration N brings a file from user_version N-1 to N. Append only; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        authority_id TEXT,
        regime TEXT NOT NULL,
        reference TEXT,
        letter TEXT,
        answers TEXT,
        requester TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT,
        file TEXT,
        until TEXT,
        recorded TEXT NOT NULL
    );
    CREATE INDEX events_by_request ON events(request_id, on_date, id);
    CREATE INDEX requests_by_letter ON requests(letter);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _create_private(path: Path) -> None:
    """Make the empty file with mode 0600 before SQLite opens it, so it is never readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """An open, migrated connection to the tracker file at path (created on first use)."""
    import sqlite3

    if path.is_dir():
        raise FoiError(f"{path} is a folder: give --db a file name, e.g. {path / 'tracker.sqlite3'}")
    _create_private(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as err:
        raise FoiError(f"{path}: the tracker cannot be opened ({err}); check the path") from None
    try:
        _prepare(conn, path)
        yield conn
    except sqlite3.DatabaseError as err:
        raise DataError(f"{path}: the tracker file cannot be used ({err})") from None
    finally:
        conn.close()


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    _migrate(conn, path)
    for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if extra.exists() and extra.stat().st_mode & 0o077:
            os.chmod(extra, 0o600)  # it holds names and addresses: the owner's eyes only


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One change: BEGIN IMMEDIATE (the write lock, waiting up to the busy timeout), then COMMIT,
    or ROLLBACK on any exception, Ctrl-C included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DataError(
            f"{path} was made by a newer version of foi (schema {version}, this one knows "
            f"{SCHEMA_VERSION}): upgrade foi to use it"
        )
    if version == SCHEMA_VERSION:
        return
    with transaction(conn):
        # Read again under the lock: another process may have migrated it meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# --- writing --------------------------------------------------------------------------------------


def insert_request(conn: sqlite3.Connection, new: NewRequest) -> int:
    """Add a request (inside the caller's transaction); its id."""
    cursor = conn.execute(
        "INSERT INTO requests (uid, title, body, authority_id, regime, reference, letter, answers,"
        " requester, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uuid.uuid4().hex, new.title, new.body, new.authority_id, new.regime, new.reference,
         new.letter, new.answers, json.dumps(new.requester, sort_keys=True), _now()),
    )
    return int(cursor.lastrowid or 0)


def insert_event(conn: sqlite3.Connection, request_id: int, event: Event) -> int:
    """Add an event to a request (inside the caller's transaction); its id."""
    cursor = conn.execute(
        "INSERT INTO events (request_id, kind, on_date, note, file, until, recorded)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (request_id, event.kind, event.on.isoformat(), event.note, event.file,
         event.until.isoformat() if event.until else None, _now()),
    )
    return int(cursor.lastrowid or 0)


def add_request(conn: sqlite3.Connection, new: NewRequest, events: tuple[Event, ...] = ()) -> int:
    """Track a request and its first events in one transaction; its id."""
    with transaction(conn):
        request_id = insert_request(conn, new)
        for event in events:
            insert_event(conn, request_id, event)
    return request_id


def add_event(conn: sqlite3.Connection, request_id: int, event: Event) -> int:
    """Record one event in its own transaction; its id."""
    with transaction(conn):
        if not _exists(conn, request_id):
            raise FoiError(f"no tracked request {request_id}: `foi track list` shows their ids")
        return insert_event(conn, request_id, event)


def _exists(conn: sqlite3.Connection, request_id: int) -> bool:
    row = conn.execute("SELECT 1 FROM requests WHERE id = ?", (request_id,)).fetchone()
    return row is not None


# --- reading --------------------------------------------------------------------------------------

_REQUEST_COLUMNS = ("id, uid, title, body, authority_id, regime, reference, letter, answers, "
                    "requester, created")
_EVENT_COLUMNS = "id, request_id, kind, on_date, note, file, until, recorded"


def request_for_letter(conn: sqlite3.Connection, letter: str) -> int | None:
    """The id of the request already tracked for this letter file, if any."""
    row = conn.execute("SELECT id FROM requests WHERE letter = ? ORDER BY id LIMIT 1",
                       (letter,)).fetchone()
    return int(row[0]) if row else None


def get(conn: sqlite3.Connection, request_id: int) -> Tracked:
    """One tracked request with its events; a one-line error naming the fix when there is none."""
    row = conn.execute(f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE id = ?",
                       (request_id,)).fetchone()
    if row is None:
        raise FoiError(f"no tracked request {request_id}: `foi track list` shows their ids")
    events = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE request_id = ?"
                          " ORDER BY on_date, id", (request_id,)).fetchall()
    return _tracked(row, tuple(_event(e) for e in events))


def all_requests(conn: sqlite3.Connection) -> list[Tracked]:
    """Every tracked request with its events, in the order they were added."""
    rows = conn.execute(f"SELECT {_REQUEST_COLUMNS} FROM requests ORDER BY id").fetchall()
    events: dict[int, list[Event]] = {}
    for row in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY on_date, id"):
        events.setdefault(int(row[1]), []).append(_event(row))
    return [_tracked(row, tuple(events.get(int(row[0]), []))) for row in rows]


def count_events(conn: sqlite3.Connection, request_id: int | None = None) -> int:
    if request_id is None:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    return int(conn.execute("SELECT count(*) FROM events WHERE request_id = ?",
                            (request_id,)).fetchone()[0])


def _tracked(row: Any, events: tuple[Event, ...]) -> Tracked:
    try:
        requester = json.loads(row[9] or "{}")
    except ValueError:
        requester = {}
    return Tracked(
        id=int(row[0]), uid=row[1], title=row[2], body=row[3], authority_id=row[4], regime=row[5],
        reference=row[6], letter=row[7], answers=row[8],
        requester=requester if isinstance(requester, dict) else {}, created=row[10], events=events,
    )


def _event(row: Any) -> Event:
    return Event(
        id=int(row[0]), kind=row[2], on=date.fromisoformat(row[3]), note=row[4], file=row[5],
        until=date.fromisoformat(row[6]) if row[6] else None, recorded=row[7],
    )
