"""Reading and writing files so that nothing is lost, nothing is left half-written, and nothing hangs.

Writing: every file goes to a temporary file in the same folder, is flushed to disk, and only then
takes its final name. Without force the final name is claimed by the operating system (a hard link,
or an O_EXCL create where links are not supported), never by "check, then write": two runs at once
cannot both think they created the same file. Several files of one run are all staged first and
then committed together with Ctrl-C held back, so a run writes all of them or none. New files are
readable by the owner only: letters, answers and profiles carry a person's name and address.

Reading: only regular files (a FIFO would block for ever, a device never ends), each with a size cap.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from foi.support.errors import DataError, FileExistsProblem, FoiError

PRIVATE = 0o600
# Letters, answers and request files are a few KB; a directory CSV of every UK body is a few MB.
MAX_READ = 32 * 1024 * 1024
# The outputs this process has committed (letters, saved answers), so an interruption can say
# truthfully what was written; foi's own bookkeeping (the profile, a recovery file) is not listed.
_committed: list[Path] = []


def written() -> list[Path]:
    """Every output this run has written so far."""
    return list(_committed)


# --- reading ---------------------------------------------------------------------------------


def regular_stat(path: Path, what: str) -> os.stat_result:
    """The file's status, or a DataError when it is missing, a folder, or not a regular file."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file: check the {what} path") from None
    except OSError as err:
        raise DataError(f"{path}: cannot read the {what} ({err.strerror or err})") from None
    if stat.S_ISDIR(found.st_mode):
        raise DataError(f"{path} is a folder: name the {what} itself")
    if not stat.S_ISREG(found.st_mode):
        raise DataError(f"{path} is not a regular file (a pipe or a device): give the {what} as a file")
    return found


def read_bytes(path: Path, what: str, *, limit: int = MAX_READ) -> bytes:
    """A regular file's bytes, at most `limit` of them; opened without blocking, checked again once open."""
    path = Path(path)
    regular_stat(path, what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise DataError(f"{path}: cannot read the {what} ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise DataError(f"{path} is not a regular file: give the {what} as a file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise DataError(f"{path}: larger than {_size(limit)}, far more than a {what} holds: check the file")
    return data


def read_text(path: Path, what: str, *, limit: int = MAX_READ) -> str:
    """A regular file's UTF-8 text (a byte-order mark dropped); other encodings are a clear error."""
    return decode(read_bytes(path, what, limit=limit), f"{path}", what)


def decode(data: bytes, where: str, what: str) -> str:
    """UTF-8 text, or a DataError saying where the first bad byte is and how to fix it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DataError(f"{where}, line {line}: not UTF-8 text: save the {what} as UTF-8") from None


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


# --- writing ---------------------------------------------------------------------------------


@dataclass
class Staged:
    """A file written in full under a temporary name in its final folder, waiting to be committed."""

    path: Path
    tmp: Path
    force: bool
    report: bool = False  # an output the person asked for, listed by written()

    def commit(self) -> None:
        """Give the file its final name: replacing (force) or claiming the name only if it is free."""
        try:
            if self.force:
                os.replace(self.tmp, self.path)
            else:
                _claim(self.tmp, self.path)
        except FileExistsError:
            self.discard()
            raise FileExistsProblem(f"{self.path} already exists: nothing was written; pass --force to replace it") from None
        except OSError as err:
            self.discard()
            raise _cannot_write(self.path, err) from None
        if self.report:
            _committed.append(self.path)

    def discard(self) -> None:
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


def _claim(tmp: Path, path: Path) -> None:
    """Create `path` with tmp's content only if no file of that name exists, atomically."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _cannot_write(path: Path, err: OSError) -> FoiError:
    reason = err.strerror or str(err)
    return FoiError(f"{path}: cannot write there ({reason}): choose another file or folder")


def check_target(path: Path, *, force: bool) -> None:
    """Refuse early what can never be written: a folder, a missing folder, an existing file without force."""
    path = Path(path)
    if path.is_dir():
        raise FoiError(f"{path} is a folder: name a file to write to")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        if folder.exists() or any(p.exists() and not p.is_dir() for p in folder.parents):
            raise FoiError(f"{path}: {folder} is not a folder: choose another place to write")
        raise FoiError(f"{path}: the folder {folder} does not exist; create it first")
    if not force and os.path.lexists(path):
        raise FileExistsProblem(f"{path} already exists: nothing was written; pass --force to replace it")
    if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
        # --force would put a file in place of a device (/dev/null) or pipe: never what was meant.
        raise FoiError(f"{path} is not a regular file (a device or a pipe): write to a file, or use - for the screen")


def stage(path: Path, data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> Staged:
    """Write data in full to a temporary file beside `path`; commit() then gives it its name."""
    path = Path(path)
    check_target(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _cannot_write(path, err) from None
    staged = Staged(path, Path(tmp), force)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except OSError as err:
        staged.discard()
        raise _cannot_write(path, err) from None
    except BaseException:
        staged.discard()
        raise
    return staged


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM back until the block ends: they then take effect as usual."""
    import signal

    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    except (AttributeError, ValueError, OSError):  # not the main thread, or no POSIX signals
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def commit_all(staged: Sequence[Staged]) -> list[Path]:
    """Commit every staged file or none: when one cannot take its name, the new ones already
    committed are removed again (a replaced file cannot fail that way)."""
    done: list[Staged] = []
    with uninterrupted():
        try:
            for item in staged:
                item.commit()
                done.append(item)
        except BaseException:
            for item in staged[len(done):]:
                item.discard()
            for item in done:
                if not item.force:
                    os.unlink(item.path)
                    if item.path in _committed:
                        _committed.remove(item.path)
            raise
    return [item.path for item in staged]


def write_all(
    files: Sequence[tuple[Path, str | bytes, int]], *, force: bool = False, report: bool = False
) -> list[Path]:
    """Write several files (path, data, mode) all or none: each staged in full, then all committed.

    report: they are outputs the person asked for, named if the run is interrupted afterwards."""
    staged: list[Staged] = []
    try:
        for path, data, mode in files:
            staged.append(stage(path, data, force=force, mode=mode))
            staged[-1].report = report
    except BaseException:
        for item in staged:
            item.discard()
        raise
    return commit_all(staged)


def write_atomic(path: Path, data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> None:
    """Write data to path atomically; without force, only if no file of that name exists."""
    write_all([(Path(path), data, mode)], force=force)


def same_file(first: Path, second: Path) -> bool:
    """True when two paths name the same file, whether or not it exists yet."""
    a, b = Path(first).expanduser(), Path(second).expanduser()
    if os.path.realpath(os.path.abspath(a)) == os.path.realpath(os.path.abspath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
