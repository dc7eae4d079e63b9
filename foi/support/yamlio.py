"""Reading YAML: the C loader where PyYAML has it, and each file parsed once per change.

Scenario, question, regime and directory files are read by every command that drafts or checks a
letter; in a batch of hundreds, parsing them again each time would be most of the work. Within a
process a file is parsed once (until its size or modification time changes). Between processes its
parsed data is kept in the user's cache folder (foi.support.diskcache), keyed on the file's path
and a checksum of its bytes (reading is cheap, parsing is not), so a
command whose files are all kept never imports PyYAML at all: that and the parsing were a fifth of
`foi new`. Only foi's own files (its data and built-in templates) are kept: a user's file may hold
personal data, and is parsed afresh in each process. Data that JSON cannot hold exactly (a mapping with a key that is not text) is simply not
kept; a date is kept as a tagged ISO string and read back as a date.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

_FORMAT = 1  # raise when the kept layout changes
_DATE, _DATETIME = "$date", "$datetime"


def __getattr__(name: str) -> Any:
    """yamlio.YAMLError is yaml.YAMLError, imported only when an error is actually being caught."""
    if name == "YAMLError":
        import yaml

        return yaml.YAMLError
    raise AttributeError(name)


def safe_load(text: str) -> Any:
    """yaml.safe_load, with the C loader when it is there."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader either way


def read(path: Path) -> Any:
    """The parsed YAML of a file, re-read only when its size or modification time changes."""
    stat = Path(path).stat()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int, size: int) -> Any:
    if not _shipped(Path(path)):  # a user's own file may hold personal data: never copied
        return safe_load(Path(path).read_text(encoding="utf-8-sig"))
    from foi.support import diskcache

    raw = Path(path).read_bytes()
    name = f"yaml-{Path(path).stem}-{zlib.crc32(path.encode('utf-8')):08x}"
    key = {"format": _FORMAT, "path": path, "size": len(raw), "crc32": zlib.crc32(raw)}
    kept = diskcache.load(name, key)
    if kept is not None:
        return _decoded(kept)
    data = safe_load(raw.decode("utf-8-sig"))
    encoded = _encoded(data)
    if encoded is not _UNKEPT:
        diskcache.save(name, key, encoded)
    return data


_UNKEPT = object()


def _shipped(path: Path) -> bool:
    """Whether a file is one of foi's own (its data and built-in templates), the only ones kept."""
    from foi.support.paths import PACKAGE_DIR, builtin_templates

    where = path.resolve()
    return where.is_relative_to(PACKAGE_DIR) or where.is_relative_to(builtin_templates().resolve())


def _encoded(value: Any) -> Any:
    """The data as JSON can hold it exactly, or _UNKEPT when it cannot."""
    if isinstance(value, datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        items = [_encoded(v) for v in value]
        return _UNKEPT if any(i is _UNKEPT for i in items) else items
    if isinstance(value, dict):
        if not all(type(k) is str and k not in (_DATE, _DATETIME) for k in value):
            return _UNKEPT
        pairs = {k: _encoded(v) for k, v in value.items()}
        return _UNKEPT if any(v is _UNKEPT for v in pairs.values()) else pairs
    if value is None or type(value) in (str, int, float, bool):
        return value
    return _UNKEPT


def _decoded(value: Any) -> Any:
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and _DATE in value:
            return date.fromisoformat(value[_DATE])
        if len(value) == 1 and _DATETIME in value:
            return datetime.fromisoformat(value[_DATETIME])
        return {k: _decoded(v) for k, v in value.items()}
    return value
