"""The output folder appears whole or not at all.

Letters are written into a hidden folder beside the one asked for (same parent, so the same file
system), and only when the batch has finished is it renamed into place: a reader never sees half a
batch, and an interrupted or failed run removes its hidden folder and leaves nothing (or the previous
folder, untouched). With --force an existing folder is replaced the same way: moved aside, the new
one renamed in, the old one deleted. Files are created readable by the owner only: they carry names
and addresses.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from foi.support.errors import FileExistsProblem, FoiError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def check_target(out: Path, *, force: bool) -> None:
    """Refuse before any work: an existing folder without --force, or a file in the way."""
    if out.exists() and not out.is_dir():
        raise FoiError(f"{out} is a file: give --out a folder to create")
    if out.exists() and not force:
        raise FileExistsProblem(f"{out} already exists: nothing was written; pass --force to replace it, or choose another --out")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise FoiError(f"{out}: the folder {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise FoiError(f"{out}: cannot write in {parent}: choose a folder you can write to")


class Staging:
    """A hidden folder beside `out` that letters are written into, renamed into place by `publish`."""

    def __init__(self, out: Path) -> None:
        self.out = out
        parent = out.parent if str(out.parent) else Path(".")
        try:
            self.path = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
        except OSError as err:
            raise FoiError(f"{out}: cannot write there ({err.strerror or err}): choose another folder") from None
        os.chmod(self.path, PRIVATE_FOLDER)
        self._prefix = os.path.join(self.path, "")  # joined as text: a batch writes thousands of files

    def write(self, name: str, data: bytes) -> None:
        """A new file in the folder (owner-only); a name already used is a defect, never overwritten."""
        fd = os.open(self._prefix + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        try:
            view = memoryview(data)
            while view:  # straight to the file descriptor: no buffered file object for one write
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)

    def publish(self, *, force: bool) -> None:
        """Rename the finished folder into place (replacing the old one with force), Ctrl-C held off."""
        with _no_interrupt():
            if self.out.exists():
                if not force:
                    raise FileExistsProblem(f"{self.out} appeared while the batch ran: nothing was written; "
                                            "pass --force to replace it")
                aside = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.", suffix=".old", dir=self.path.parent))
                os.replace(self.out, aside / self.out.name)
                os.replace(self.path, self.out)
                shutil.rmtree(aside, ignore_errors=True)
            else:
                os.replace(self.path, self.out)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextmanager
def staged(out: Path) -> Iterator[Staging]:
    """A Staging folder that is removed if anything (an error, Ctrl-C) stops the batch before publish."""
    staging = Staging(out)
    previous = _on_terminate()
    try:
        yield staging
    finally:
        if staging.path.exists():  # not published: an error, Ctrl-C or a kill stopped the batch
            staging.discard()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _on_terminate() -> object | None:
    """A kill (SIGTERM, as a scheduler or `timeout` sends) stops the batch like Ctrl-C, cleaning up on
    the way out, instead of ending the process where it stands with the hidden folder left behind."""
    try:
        return signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread
        return None


class _no_interrupt:  # noqa: N801 - used as a context manager
    """Ignore Ctrl-C (SIGINT) during the renames: they take a moment, and finishing them is the only way
    never to leave the folder half-swapped. The batch is complete by then, so nothing is lost."""

    def __enter__(self) -> None:
        try:
            self.previous: object = signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread: nothing to hold off
            self.previous = None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)  # type: ignore[arg-type]
