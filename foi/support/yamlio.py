"""Reading YAML: the C loader where PyYAML has it, and each file parsed once per change.

Scenario, question and directory files are read for every letter; in a batch of hundreds, parsing
them again each time would be most of the work.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


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
    return safe_load(Path(path).read_text(encoding="utf-8-sig"))
