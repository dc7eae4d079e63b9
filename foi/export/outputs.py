"""Where letters go: one named file, a folder of files named after the request, or stdout.

Every target is worked out and checked before anything is written: when one of several files
exists (and --force was not given) none is written, so a folder is never left half-updated.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from foi.export.registry import EXTENSIONS, REGISTRY
from foi.support.errors import FileExistsProblem, FoiError, UsageProblem
from foi.support.files import write_atomic

STDOUT = "-"


@dataclass(frozen=True)
class Target:
    """One format and where it goes; path None is stdout; in_folder: the folder is made if missing."""

    fmt: str
    path: Path | None = None
    in_folder: bool = False


def plan(formats: list[str], output: str | None, slug: str, *, force: bool = False) -> list[Target]:
    """The targets for these formats, checked: a folder gets `<slug><extension>` for each format."""
    if output is None or output == STDOUT:
        problem = f"{len(formats)} formats need --output FOLDER/: each is written to its own file there"
        targets = [Target(fmt) for fmt in _one(formats, problem)]
    elif is_folder(output):
        folder = Path(output).expanduser()
        targets = [Target(fmt, folder / f"{slug}{EXTENSIONS[fmt]}", in_folder=True) for fmt in formats]
    else:
        only = _one(formats, f"--output {output} names one file but {len(formats)} formats were asked for: "
                             "give a folder instead, ending in /")
        targets = [Target(only[0], Path(output).expanduser())]
    check(targets, force=force)
    return targets


def is_folder(output: str) -> bool:
    """An existing folder, or a path ending in / (a folder to create)."""
    return output.endswith(("/", os.sep)) or Path(output).expanduser().is_dir()


def _one(formats: list[str], problem: str) -> list[str]:
    if len(formats) != 1:
        raise UsageProblem(problem)
    return formats


def check(targets: list[Target], *, force: bool) -> None:
    """Refuse before writing anything: an existing file without --force, or binary data to a terminal."""
    for target in targets:
        if target.path is None:
            if REGISTRY[target.fmt].binary and _terminal():
                raise UsageProblem(
                    f"--format {target.fmt} is a binary file, not for the screen: "
                    f"give --output FILE{EXTENSIONS[target.fmt]} or redirect to a file"
                )
        elif target.path.is_dir():
            raise FoiError(f"{target.path} is a folder: name a file to write to, or end --output with /")
        elif target.path.exists() and not force:
            raise FileExistsProblem(f"{target.path} already exists: nothing was written; pass --force to replace it")


def write(targets: list[Target], contents: dict[str, bytes], *, force: bool = False) -> list[Path]:
    """Write each format's bytes to its target (files atomically, owner-only); return the files written."""
    written: list[Path] = []
    for target in targets:
        data = contents[target.fmt]
        if target.path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            continue
        if target.in_folder:
            target.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(target.path, data, force=force)
        written.append(target.path)
    return written


def _terminal() -> bool:
    """True when stdout is a terminal (where a binary file would be garbage)."""
    return sys.stdout.isatty()
