"""`foi new --format ... --output ...`: files, folders, stdout, refusals and exit codes."""

from __future__ import annotations

import email
import io
import os
import stat
import subprocess
import sys
from email import policy
from pathlib import Path

import docx
import pytest
from export_support import WELSH_ARGS
from typer.testing import CliRunner

from foi.cli import app
from foi.export import outputs

runner = CliRunner()
SLUG = "foi-dwp-provider-data-access-2026-11-23"
EVERY = [".txt", ".md", ".html", ".docx", ".eml", ".wdtk.txt"]


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*WELSH_ARGS, *args])


def test_all_into_a_new_folder(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    result = run("--format", "all", "--output", f"{folder}/")
    assert result.exit_code == 0, result.output
    # The second letter (the provider's Security Plan and audits) is written alongside: -part-2.
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        stem + ext for ext in EVERY for stem in (SLUG, f"{SLUG}-part-2"))
    for path in folder.iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert f"Wrote {path}" in result.stderr
    assert result.stdout == ""
    text = (folder / f"{SLUG}.txt").read_text(encoding="utf-8")
    assert "Siân Llŷr\nfor Canolfan Gyngor Gwenllïan" in text
    assert "Siân Llŷr" in docx.Document(str(folder / f"{SLUG}.docx")).paragraphs[0].text
    message = email.message_from_bytes((folder / f"{SLUG}.eml").read_bytes(), policy=policy.default)
    assert message["From"].addresses[0].display_name == "Siân Llŷr"
    assert "Gwenllïan" in (folder / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "Gwenllïan" in (folder / f"{SLUG}.wdtk.txt").read_text(encoding="utf-8")
    assert "Warning: the email address for Department for Work and Pensions" in result.stderr


def test_repeated_format_into_an_existing_folder(tmp_path: Path) -> None:
    result = run("--format", "docx", "-f", "eml", "-f", "docx", "--output", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{SLUG}-part-2.docx", f"{SLUG}-part-2.eml", f"{SLUG}.docx", f"{SLUG}.eml"]


def test_one_format_into_a_folder_is_named_after_the_request(tmp_path: Path) -> None:
    assert run("--format", "html", "--output", str(tmp_path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{SLUG}-part-2.html", f"{SLUG}.html"]


def test_one_existing_file_means_none_is_written(tmp_path: Path) -> None:
    mine = tmp_path / f"{SLUG}.eml"
    mine.write_text("my own draft\n", encoding="utf-8")
    result = run("--format", "all", "--output", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {mine} already exists: nothing was written; pass --force to replace it\n"
    assert [p.name for p in tmp_path.iterdir()] == [mine.name]
    assert mine.read_text(encoding="utf-8") == "my own draft\n"
    forced = run("--format", "all", "--output", str(tmp_path), "--force")
    assert forced.exit_code == 0
    assert len(list(tmp_path.iterdir())) == 2 * len(EVERY) and mine.read_bytes().startswith(b"From: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "text", "--format", "markdown"],
         "2 formats need --output FOLDER/: each is written to its own file there"),
        (["--format", "all", "--output", "-"], "6 formats need --output FOLDER/: each is written to its own file there"),
        (["--format", "text", "--format", "eml", "--output", "letter.txt"],
         "--output letter.txt names one file but 2 formats were asked for: give a folder instead, ending in /"),
        (["--format", "pdf"], "--format pdf: use one of text, markdown, html, docx, eml, wdtk, or all"),
    ],
)
def test_usage_problems_exit_2_and_write_nothing(args: list[str], message: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


def test_docx_to_a_terminal_is_refused_but_may_be_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputs, "_terminal", lambda: True)
    refused = run("--format", "docx")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "Error: --format docx is a binary file, not for the screen: give --output FILE.docx or redirect to a file\n"
    )
    assert refused.stdout_bytes == b""
    assert run("--format", "eml").exit_code == 0  # an .eml is text
    monkeypatch.setattr(outputs, "_terminal", lambda: False)
    piped = run("--format", "docx")
    assert piped.exit_code == 0
    assert docx.Document(io.BytesIO(piped.stdout_bytes)).paragraphs[3].text == "Dear DWP Freedom of Information team,"


def test_output_file_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    result = run("--format", "html", "--output", str(tmp_path / "nowhere" / "letter.html"))
    assert result.exit_code == 1 and "does not exist; create it first" in result.stderr


def test_profile_letterhead_reaches_the_docx(tmp_path: Path) -> None:
    assert runner.invoke(app, ["profile", "set", "letterhead=Uned Hawliau Lles Gwenllïan"]).exit_code == 0
    out = tmp_path / "letter.docx"
    assert run("--format", "docx", "--output", str(out)).exit_code == 0
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "Uned Hawliau Lles Gwenllïan"
    plain = tmp_path / "plain.docx"
    assert run("--format", "docx", "--output", str(plain), "--no-profile").exit_code == 0
    assert docx.Document(str(plain)).sections[0].header.paragraphs[0].text == "Canolfan Gyngor Gwenllïan"


def test_python_m_foi_writes_every_format_byte_identical_twice(tmp_path: Path) -> None:
    env = {**os.environ, "FOI_CONFIG_DIR": str(tmp_path / "config")}
    runs = []
    for name in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-m", "foi", *WELSH_ARGS, "--format", "all", "--output", f"{tmp_path / name}/"],
            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        runs.append(tmp_path / name)
    for ext in EVERY:
        assert (runs[0] / f"{SLUG}{ext}").read_bytes() == (runs[1] / f"{SLUG}{ext}").read_bytes(), ext


def test_wizard_asks_for_a_folder_when_several_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from foi.request import wizard

    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    args = [a for a in WELSH_ARGS if a != "--no-input"]
    result = runner.invoke(app, [*args, "--format", "text", "--format", "eml"], input="\ny\nletters/\nn\n")
    assert result.exit_code == 0, result.output
    assert "Save the letters in the folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [
        f"{SLUG}-part-2.eml", f"{SLUG}-part-2.txt", f"{SLUG}.eml", f"{SLUG}.txt"]
