"""The package's architecture holds: floors import only downwards, no module imports itself back round a
cycle, and every subpackage says in its docstring what it owns."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "foi"

# Lowest first: a module may import its own floor and those below it, never one above.
FLOORS = [
    ["support"],
    ["law"],
    ["directory"],
    ["request"],
    ["letter"],
    ["checks"],
    ["export"],
    ["batch", "tracker", "followup"],
    ["app"],
    ["cli", "__main__"],
]
FLOOR_OF = {part: level for level, parts in enumerate(FLOORS) for part in parts}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every foi module this file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("foi"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").exists()
                          else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("foi")}
    return found


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _floor(module: str) -> int:
    part = module.split(".")[1] if "." in module else "__init__"
    return FLOOR_OF.get(part, -1)


def test_every_module_sits_on_a_known_floor() -> None:
    unplaced = [m for m in GRAPH if m != "foi" and _floor(m) < 0]
    assert not unplaced, f"modules outside every floor: {unplaced}"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_only_go_down(module: str) -> None:
    if module == "foi":
        return
    upward = [m for m in GRAPH[module] if m != "foi" and _floor(m) > _floor(module)]
    assert not upward, f"{module} imports a higher floor: {upward}"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target] if target in path else [module, target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target in GRAPH and not state.get(target):
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if not state.get(module):
            visit(module, [module])


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py")))
def test_every_subpackage_says_what_it_owns(folder: str) -> None:
    doc = importlib.import_module(f"foi.{folder}").__doc__
    assert doc and len(doc.split()) >= 8, f"foi/{folder}/__init__.py needs a docstring"


def test_the_architecture_document_names_every_subpackage() -> None:
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for init in PACKAGE.glob("*/__init__.py"):
        assert f"foi/{init.parent.name}/" in text, f"docs/architecture.md does not describe foi/{init.parent.name}/"
