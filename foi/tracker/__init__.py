"""The tracker: an embedded SQLite log of requests and what happened to them (`foi track`).

Owns the store (all SQL, in store.py), the facts kept (model.py), the state worked out from the
events with Alaveteli's vocabulary (status.py), reading requests to track from files (sources.py),
and how they are listed, shown and exported (view.py, ical.py). Other commands record through
`record_letter` (foi new --track) and `record_letters` (foi batch --track: one transaction).

May import support, law, directory, request, letter and export; never batch, followup, app or cli.
sqlite3 is imported only when a tracker file is opened, so `foi --help` stays fast.
"""

from __future__ import annotations

from foi.tracker.recording import record_letter, record_letters

__all__ = ["record_letter", "record_letters"]
