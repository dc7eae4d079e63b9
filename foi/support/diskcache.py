"""A small on-disk cache of facts that are slow to work out and rarely change.

Each entry is one JSON file in the user's cache folder holding a key and a value (or, for one of
foi's own objects, a pickle of both: kept_object). The key says what
the value was computed from (a package version, a data file's checksum...); an entry whose key
differs is stale and is ignored. The cache is only ever a shortcut: an entry that is missing,
unreadable, malformed or stale reads as None, and a folder that cannot be written is skipped
silently, so no command fails or changes its output because of it. Entries are written atomically,
so a reader never sees half a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from foi.support.paths import cache_dir

T = TypeVar("T")


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
    from foi.support.errors import FoiError
    from foi.support.files import write_atomic

    folder = cache_dir()
    text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{name}.json", text, force=True)
    except (OSError, FoiError):
        return


def kept_object(name: str, key: dict[str, Any], build: Callable[[], T]) -> T:
    """build(), or the object it made before from exactly this key (kept pickled in the cache folder).

    For objects of foi's own classes built from foi's own data (the directory): nothing personal is
    ever kept this way. A kept file that cannot be read back, or holds another key, is built afresh.
    """
    value = load_pickled(name, key)
    if value is None:
        value = build()
        save_pickled(name, key, value)
    return value  # type: ignore[no-any-return]


def load_pickled(name: str, key: dict[str, Any]) -> Any:
    """Like load, for a value kept pickled (faster to read back than JSON); None if not so kept."""
    import pickle

    try:
        with open(cache_dir() / f"{name}.pickle", "rb") as handle:
            stored_key, value = pickle.load(handle)  # noqa: S301 - the user's own cache, written below
    except Exception:  # noqa: BLE001 - missing, damaged or from another version
        return None
    return value if stored_key == key else None


def save_pickled(name: str, key: dict[str, Any], value: Any) -> None:
    """Like save, pickled; for foi's own objects and plain values, never for personal data."""
    import pickle

    _write(cache_dir() / f"{name}.pickle", pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))


def _write(path: Path, data: bytes) -> None:
    from foi.support.errors import FoiError
    from foi.support.files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, force=True)
    except (OSError, FoiError):
        return


def checksums(paths: list[Path]) -> dict[str, str]:
    """A CRC of each file (what a kept object was made from): an edit to any rebuilds it."""
    import zlib

    found = {}
    for path in sorted(paths):
        try:
            found[path.name] = format(zlib.crc32(path.read_bytes()), "08x")
        except OSError:
            found[path.name] = "unreadable"
    return found
