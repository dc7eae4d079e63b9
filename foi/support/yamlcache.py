"""foi's own YAML files kept parsed, as JSON, so that a command that only reads them never imports PyYAML.

Importing PyYAML compiles its regular expressions and loads a dozen modules: a tenth of `foi track
list` and of `foi new`. foi's own data files (regimes, holidays, the directory, scenarios) change only
when foi is upgraded, so their parsed value is kept in the cache folder (foi.support.diskcache) and
read back with `json`, which foi loads anyway.

It cannot go stale or change a value:
- an entry's key is the file's whole text (and whether dates are read as dates): any change to the
  file, however small, and the entry is ignored and the file parsed afresh;
- every value is written with its type: a date stays a date, a mapping keeps keys that are not text
  (`1:` stays the integer 1), true stays a bool; a value of any other type is not kept at all;
- tests/support/test_yamlcache.py reads every file foi ships both ways and compares value and type.
Files a user brings (answers, profiles, --holidays) are never kept: they go through yamlio each time.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from foi.support import diskcache

# Every list, mapping and date is a one-key JSON object naming its type; scalars are themselves.
# A mapping is a list of [key, value] pairs, so keys keep their types and their order.
_LIST, _MAP, _DATE, _DATETIME = "l", "m", "d", "t"


class Unkept(ValueError):
    """A value JSON cannot carry with its type (a set, bytes...): the file is simply not kept."""


def encode(value: Any) -> Any:
    """A parsed YAML value as JSON-able data that `decode` turns back into an equal value of the same types."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        return {_LIST: [encode(item) for item in value]}
    if isinstance(value, dict):
        return {_MAP: [[encode(key), encode(item)] for key, item in value.items()]}
    raise Unkept(f"a {type(value).__name__} is not kept")


def _decoded(obj: dict[str, Any]) -> Any:
    """json's object_hook: called innermost first, so a pair's key and value are decoded already."""
    ((kind, payload),) = obj.items()
    if kind == _LIST:
        return payload
    if kind == _MAP:
        return {_hashable(key): item for key, item in payload}
    if kind == _DATE:
        return date.fromisoformat(payload)
    if kind == _DATETIME:
        return datetime.fromisoformat(payload)
    raise ValueError(f"not an entry of this cache: {kind!r}")


def _hashable(key: Any) -> Any:
    """A mapping key as YAML gave it: a key that was a list (never in foi's files) cannot be one."""
    if isinstance(key, list):
        raise Unkept("a list as a mapping key is not kept")
    return key


def decode(data: Any) -> Any:
    """The value `encode` was given."""
    return json.loads(json.dumps(data), object_hook=_decoded)


def load(name: str, text: str, dates: bool) -> tuple[bool, Any]:
    """(True, value) kept for exactly this text, else (False, None)."""
    raw = diskcache.load_text(name)
    if raw is None:
        return False, None
    try:
        entry = json.loads(raw, object_hook=_decoded)
    except (ValueError, TypeError, Unkept, KeyError):
        return False, None
    if not isinstance(entry, dict) or entry.get("text") != text or entry.get("dates") is not dates:
        return False, None
    return True, entry.get("value")


def save(name: str, text: str, dates: bool, value: Any) -> None:
    """Keep a parsed value for its text; a value JSON cannot carry with its type is not kept."""
    try:
        encoded = encode({"text": text, "dates": dates, "value": value})
    except Unkept:
        return
    diskcache.save_text(name, json.dumps(encoded, ensure_ascii=False, separators=(",", ":")))
