"""A YAML batch file: `defaults` (answers for every request) and `requests` (a list, one mapping each).

A file that is a plain mapping with no `requests` is one request (for `--to`: one request, many
bodies). Keys are matched as forgivingly as spreadsheet headers ("Date from" is date_from), and a
key that is no answer is an error, as in an answers file. YAML is read whole: such files are written
by hand and are small; a large batch belongs in a spreadsheet, which is streamed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foi.batch.headers import match
from foi.batch.table import Row
from foi.support import yamlio
from foi.support.errors import DataError

_TOP = ("defaults", "requests")


class YamlTable:
    """The requests of a YAML batch file."""

    unit = "request"
    column_word = "key"

    def __init__(self, path: Path, known: set[str]) -> None:
        self.path = path
        self.known = known
        self.warnings: list[str] = []
        data = self._load()
        if "requests" in data or "defaults" in data:
            extra = sorted(set(data) - set(_TOP))
            if extra:
                raise DataError(f"{path}: unknown top-level key '{extra[0]}': use defaults and requests")
            requests = data.get("requests") or []
            defaults = data.get("defaults") or {}
        else:
            requests, defaults = [data], {}
        if not isinstance(defaults, dict):
            raise DataError(f"{path}: `defaults` must be a mapping of key: value lines")
        if not isinstance(requests, list) or not requests:
            raise DataError(f"{path}: `requests` must be a list with one `- key: value` mapping per request")
        self.defaults = self._keyed(defaults, "defaults")
        self._requests = requests

    def _load(self) -> dict[str, Any]:
        import yaml

        try:
            data = yamlio.safe_load(self.path.read_text(encoding="utf-8-sig"))
        except OSError as err:
            raise DataError(f"{self.path}: cannot be read ({err.strerror or err})") from None
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            mark = getattr(err, "problem_mark", None)
            line = f" at line {mark.line + 1}" if mark else ""
            raise DataError(f"{self.path}: not valid YAML{line}: check the indentation and colons there") from None
        if not isinstance(data, dict):
            raise DataError(f"{self.path}: expected `defaults:` and `requests:` (or one request's `key: value` lines)")
        return data

    def _keyed(self, mapping: dict[Any, Any], where: str) -> dict[str, Any]:
        values, problem = self._values(mapping)
        if problem:
            raise DataError(f"{self.path}: {where}: {problem}")
        return values

    def _values(self, mapping: dict[Any, Any]) -> tuple[dict[str, Any], str | None]:
        """The answers of one mapping by key, or what is wrong with its keys."""
        columns, problems = match(list(mapping), self.known)
        unknown = [c.header for c in columns if c.key is None]
        if not problems and unknown:
            close = difflib.get_close_matches(unknown[0], sorted(self.known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems = [f"unknown answer key '{unknown[0]}'{hint}: run `foi scenarios show ID` for the keys"]
        if problems:
            return {}, "; ".join(problems)
        values = {
            str(column.key): value
            for column, value in zip(columns, mapping.values(), strict=True)
            if value is not None and value != ""
        }
        return values, None

    def rows(self) -> Iterator[Row]:
        for number, request in enumerate(self._requests, start=1):
            if not isinstance(request, dict):
                yield Row(number, {}, {}, "must be a mapping of `key: value` lines, one request per `- ` entry")
                continue
            values, problem = self._values(request)
            yield Row(number, values, {key: key for key in values}, problem)

    def count(self) -> int | None:
        return len(self._requests)
