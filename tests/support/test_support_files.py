"""foi.support.files: writes claimed by the operating system and all-or-none; reads of regular files only."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from foi.support import files
from foi.support.errors import DataError, FileExistsProblem, FoiError


def test_write_atomic_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "l.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsProblem):
        files.write_atomic(target, "new")
    files.write_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_the_name_is_claimed_at_commit_not_at_the_check(tmp_path: Path) -> None:
    """Check-then-write let two runs both "create" a file; the commit itself must refuse."""
    target = tmp_path / "l.txt"
    staged = files.stage(target, "first")
    target.write_text("someone else's", encoding="utf-8")
    with pytest.raises(FileExistsProblem):
        staged.commit()
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.txt"]


def test_a_dangling_symlink_is_not_written_through(tmp_path: Path) -> None:
    link = tmp_path / "l.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(FileExistsProblem):
        files.write_atomic(link, "x")
    assert not (tmp_path / "elsewhere.txt").exists()


def test_without_hard_links_the_name_is_claimed_with_o_excl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "l.txt"
    files.write_atomic(target, "one")
    assert target.read_text(encoding="utf-8") == "one"
    staged = files.stage(tmp_path / "m.txt", "two")
    (tmp_path / "m.txt").write_text("theirs", encoding="utf-8")
    with pytest.raises(FileExistsProblem):
        staged.commit()
    assert (tmp_path / "m.txt").read_text(encoding="utf-8") == "theirs"


def test_write_all_is_all_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    staged = [files.stage(first, "a"), files.stage(second, "b")]
    second.write_text("theirs", encoding="utf-8")
    with pytest.raises(FileExistsProblem):
        files.commit_all(staged)
    assert not first.exists(), "the first file stayed although the second could not be written"
    assert second.read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]


def test_a_write_that_cannot_happen_is_refused_before_any(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FoiError, match="f.txt is not a folder"):
        files.write_all([(tmp_path / "a.txt", "a", 0o600), (tmp_path / "f.txt" / "b.txt", "b", 0o600)])
    with pytest.raises(FoiError, match="cannot write there"):
        files.write_all([(tmp_path / "a.txt", "a", 0o600), (Path("/proc/foi-test.txt"), "b", 0o600)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_same_file_sees_through_dots_and_links(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    assert files.same_file(tmp_path / "a" / ".." / "l.txt", tmp_path / "l.txt")
    assert files.same_file(tmp_path / "alias.txt", tmp_path / "real.txt")
    assert not files.same_file(tmp_path / "l.txt", tmp_path / "m.txt")


def test_reads_refuse_fifos_devices_and_folders_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="not a regular file"):
        files.read_text(fifo, "answers file")
    with pytest.raises(DataError, match="not a regular file"):
        files.read_bytes(Path("/dev/zero"), "answers file")
    with pytest.raises(DataError, match="is a folder"):
        files.read_bytes(tmp_path, "answers file")


def test_reads_are_capped_and_decoded_strictly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2049)
    with pytest.raises(DataError, match="larger than 2 KB"):
        files.read_bytes(big, "request", limit=2048)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"one\ntwo caf\xe9\n")
    with pytest.raises(DataError, match=r"latin.txt, line 2: not UTF-8 text: save the request as UTF-8"):
        files.read_text(latin, "request")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfhello")
    assert files.read_text(tmp_path / "bom.txt", "request") == "hello"
