"""Follow-up tests share one tracker database in a temporary folder and a requester's profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tracker.sqlite3"
    monkeypatch.setenv("FOI_DB", str(path))
    CliRunner().invoke(app, ["profile", "set", "name=Jane Smith", "email=jane@example.org",
                             "address=1 High Street, Glasgow G1 1AA"])
    return path
