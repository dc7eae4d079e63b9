"""The evaluation set keeps the checker honest: precision and recall per rule stay at 0.9 or better."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from foi.checks import RULES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "evaluation" / "evaluate.py"
TARGET = 0.9


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("foi_evaluate", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_evaluation_set_is_large_and_covers_every_rule() -> None:
    entries = _module().load(ROOT / "evaluation" / "requests.yaml")
    assert len(entries) >= 70
    assert len({e["id"] for e in entries}) == len(entries)
    expected = {rule for e in entries for rule in e["expect"]}
    assert expected == set(RULES)
    assert sum(1 for e in entries if not e["expect"]) >= 30  # well-formed requests, for false alarms
    assert all(e.get("note") and e.get("text") for e in entries)


def test_precision_and_recall_per_rule_meet_the_target() -> None:
    module = _module()
    result = module.evaluate(module.load(ROOT / "evaluation" / "requests.yaml"))
    low = {rule: (round(s.precision, 2), round(s.recall, 2)) for rule, s in result.scores.items()
           if s.precision < TARGET or s.recall < TARGET}
    assert not low, low
    assert result.overall.precision >= TARGET and result.overall.recall >= TARGET
    assert not result.clean_flagged, result.clean_flagged


def test_script_runs_as_documented() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=120,
                          check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["rule", "tp", "fp", "fn", "precision", "recall"]
    assert any(line.startswith("overall") for line in lines)
    assert "false alarms" in lines[-1]
