"""A small on-disk cache of facts that are slow to work out and rarely change.

Each entry is one JSON file in the user's cache folder holding a key and a value. The key says what
the value was computed from (a package version, a data file's checksum...); an entry whose key
differs is stale and is ignored. The cache is only ever a shortcut: an entry that is missing,
unreadable, malformed or stale reads as None, and a folder that cannot be written is skipped
silently, so no command fails or changes its output because of it. Entries are written atomically,
so a reader never sees half a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from foi.support.paths import cache_dir


def load(name: str, key: dict[str, Any]) -> Any:
    """The value stored under name if it was computed from exactly this key, else None."""
    try:
        with open(cache_dir() / f"{name}.json", encoding="utf-8") as handle:
            entry = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    return entry.get("value")


def save(name: str, key: dict[str, Any], value: Any) -> None:
    """Store a JSON-able value under name with its key; do nothing if the folder is not writable."""
    save_text(name, json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":")))


def load_text(name: str) -> str | None:
    """An entry kept whole by its owner (who checks its key), or None when there is none."""
    try:
        with open(cache_dir() / f"{name}.json", encoding="utf-8") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def save_text(name: str, text: str) -> None:
    """Keep an entry whole; do nothing if the folder is not writable."""
    from foi.support.errors import FoiError
    from foi.support.files import write_atomic

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{name}.json", text, force=True)
    except (OSError, FoiError):
        return


def checksum(path: Path) -> str:
    """A short fingerprint of a file a cached value was worked out from (part of an entry's key)."""
    import zlib

    try:
        return format(zlib.crc32(path.read_bytes()), "08x")
    except OSError:
        return "unreadable"
