"""Writing files so that nothing is lost and nothing is left half-written.

Every write goes to a temporary file in the same folder, is flushed to disk, and is then renamed into
place. An existing file is never replaced unless the caller passes force=True. New files are readable
by the owner only: letters, answers and profiles carry a person's name and address.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from foi.support.errors import FileExistsProblem, FoiError

PRIVATE = 0o600


def write_atomic(path: Path, data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> None:
    """Write data to path atomically; refuse to replace an existing file unless force."""
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsProblem(f"{path} already exists: nothing was written; pass --force to replace it")
    if path.is_dir():
        raise FoiError(f"{path} is a folder: name a file to write to")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FoiError(f"{path}: the folder {folder} does not exist; create it first")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
