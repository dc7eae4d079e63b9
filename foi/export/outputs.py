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
from foi.support import console, files
from foi.support.errors import FileExistsProblem, FoiError, UsageProblem

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
        elif os.path.lexists(target.path) and not force:
            raise FileExistsProblem(f"{target.path} already exists: nothing was written; pass --force to replace it")


def refuse_same(paths: list[tuple[str, Path]]) -> None:
    """Two outputs of one run naming the same file would leave only the second: refuse before writing.

    `paths` are (how it was given, path) pairs, e.g. ("--save-answers", Path("l.txt")).
    """
    for index, (option, path) in enumerate(paths):
        for other_option, other in paths[:index]:
            if files.same_file(path, other):
                raise UsageProblem(
                    f"{option} {path} is the same file as {other_option} {other}: give each its own name"
                )


def write(
    targets: list[Target], contents: dict[str, bytes], *, force: bool = False,
    also: list[tuple[Path, bytes]] | None = None,
) -> list[Path]:
    """Write each format's bytes to its target, and the `also` files, all or none (see write_each)."""
    return write_each([(target, contents[target.fmt]) for target in targets], force=force, also=also)


def write_each(
    contents: list[tuple[Target, bytes]], *, force: bool = False, also: list[tuple[Path, bytes]] | None = None,
) -> list[Path]:
    """Write each target's bytes, and the `also` files, all or none: every file is staged in full
    first, then all are committed (owner-only); stdout comes last. Return the files written."""
    for target, _ in contents:
        if target.in_folder and target.path is not None:
            _make_folder(target.path.parent)
    planned = [(target.path, data, files.PRIVATE) for target, data in contents if target.path is not None]
    planned += [(path, data, files.PRIVATE) for path, data in also or []]
    written = files.write_all(planned, force=force, report=True)
    for target, data in contents:
        if target.path is None:
            console.write_stdout(data)
    return written


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise FoiError(f"{folder}: cannot make this folder ({err.strerror or err}): choose another place") from None


def _terminal() -> bool:
    """True when stdout is a terminal (where a binary file would be garbage)."""
    return sys.stdout.isatty()
