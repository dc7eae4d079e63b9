"""The real command, installed from a wheel into a fresh virtual environment outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ISSUE_ARGS = [
    "new", "--scenario", "provider-data-access", "--authority", "dwp",
    "--set", "provider=A4e", "--set", "date_from=2012-11-01", "--set", "date_to=2013-02-15",
    "--set", "name=Jane Smith", "--set", "email=jane.smith@example.org",
    "--date", "2026-11-23", "--no-input", "--format", "markdown",
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it (without dependencies) into a new venv that borrows ours."""
    work = tmp_path_factory.mktemp("install")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work), str(ROOT)],
        check=True,
    )
    wheel = next(work.glob("foi-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    purelib = Path(sysconfig.get_paths(vars={"base": str(env_dir), "platbase": str(env_dir)})["purelib"])
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install", "-q", "--no-deps",
         str(wheel)],
        check=True,
    )
    # The dependencies come from the environment running the tests, after the new venv's own packages.
    ours = sysconfig.get_paths()["purelib"]
    (purelib / "zz_test_deps.pth").write_text(ours + "\n", encoding="utf-8")
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    return subprocess.run(
        [str(python), "-m", "foi", *args], cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env,
        timeout=120,
    )


def test_wheel_ships_templates_and_writes_the_letter(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, *ISSUE_ARGS, "--output", "letter.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "letter.md").read_text(encoding="utf-8")
    assert "Under section 1 of the Freedom of Information Act 2000, please send me" in text
    located = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import foi.support.paths as p; print(p.builtin_templates())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert str(ROOT) not in located and located.endswith("foi/templates")


def test_no_terminal_missing_answer_is_one_line(installed: Path, tmp_path: Path) -> None:
    args = [a for a in ISSUE_ARGS if a not in ("--no-input",)]
    idx = args.index("name=Jane Smith")
    args = args[: idx - 1] + args[idx + 1 :]
    result = _run(installed, *args, "--output", "-", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "Error: missing answer 'name' (Your full name): pass --set name=... or add it to an --answers file\n"
    )
    assert result.stdout == ""


def test_console_script_and_version(installed: Path, tmp_path: Path) -> None:
    script = installed / "bin" / "foi"
    version = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("foi 0.")
    helped = subprocess.run([str(script), "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "new" in helped.stdout
