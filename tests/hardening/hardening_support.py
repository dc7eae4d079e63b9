"""Running the real `foi` command in a folder of prepared files, and seeing what it changed."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

FOI = Path(sys.executable).parent / "foi"


def lay_out(folder: Path, files: dict[str, bytes | str | None]) -> None:
    """Make the files a case needs: text or bytes, None for a FIFO, a name ending in / for a folder."""
    for name, content in files.items():
        path = folder / name.rstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/"):
            path.mkdir(exist_ok=True)
        elif content is None:
            os.mkfifo(path)
        else:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under folder with a digest of its content (FIFOs and folders by kind only)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode):
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[str(path.relative_to(folder))] = "dir" if stat.S_ISDIR(mode) else "special"
    return found


def run_foi(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None, timeout: float = 60,
    stdout: str | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The installed command, in cwd, with its own configuration folder unless env names one."""
    full_env = {**os.environ, "FOI_CONFIG_DIR": str(cwd / "config"), "COLUMNS": "200"}
    full_env.pop("FOI_DEBUG", None)
    full_env.update(env or {})
    if stdout is None:
        return subprocess.run(
            [str(FOI), *args], cwd=cwd, env=full_env, input=stdin if stdin is not None else b"",
            capture_output=True, timeout=timeout, check=False,
        )
    with open(stdout, "wb") as sink:
        return subprocess.run(
            [str(FOI), *args], cwd=cwd, env=full_env, input=stdin if stdin is not None else b"",
            stdout=sink, stderr=subprocess.PIPE, timeout=timeout, check=False,
        )
