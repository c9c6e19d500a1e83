"""The one loader of deferred modules (``ui/loader.py``): a stand-in imports its module on first
use only, reads the real module each time, and every stand-in in the package is declared
beside the import that types it, so what mypy and a reader see is what runs."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import workshop_app
from workshop_app.ui.loader import deferred

PACKAGE = Path(workshop_app.__file__).parent

PROBE = """
import json, sys
from workshop_app.ui.loader import deferred

roster_import = deferred("workshop_app.roster_import")
before = "workshop_app.roster_import" in sys.modules or "openpyxl" in sys.modules
read_table = roster_import.read_table
after = "workshop_app.roster_import" in sys.modules and "openpyxl" in sys.modules
real = sys.modules["workshop_app.roster_import"].read_table is read_table
print(json.dumps([before, after, real]))
"""


def test_a_deferred_module_loads_when_first_used_and_not_before() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    before, after, real = json.loads(result.stdout.strip().splitlines()[-1])
    assert (before, after, real) == (False, True, True)


def test_a_stand_in_reads_the_module_as_it_is_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a test patches on the real module is what code using the stand-in calls."""
    from workshop_app.ui import dialogs as real

    stand_in = deferred("workshop_app.ui.dialogs")
    monkeypatch.setattr(real, "warn", lambda *_args: "patched")
    assert stand_in.warn(None, "", "") == "patched"
    assert "workshop_app.ui.dialogs" in repr(stand_in)


def bound_module(node: ast.stmt) -> dict[str, str]:
    """The names an import statement binds to a module: {name: dotted module}."""
    bound: dict[str, str] = {}
    if isinstance(node, ast.ImportFrom) and node.module:
        for alias in node.names:
            bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    elif isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                bound[alias.asname] = alias.name
    return bound


def stand_ins() -> list[tuple[str, str, str, dict[str, str]]]:
    """(file, name, deferred module, what the TYPE_CHECKING branch binds) for each stand-in."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
                continue
            typed: dict[str, str] = {}
            for statement in node.body:
                typed.update(bound_module(statement))
            for statement in node.orelse:
                assert isinstance(statement, ast.Assign), f"{path}: only stand-ins in the else"
                call = statement.value
                assert isinstance(call, ast.Call) and ast.unparse(call.func) == "deferred"
                target = statement.targets[0]
                assert isinstance(target, ast.Name) and isinstance(call.args[0], ast.Constant)
                found.append((path.name, target.id, str(call.args[0].value), typed))
    return found


def test_every_stand_in_is_typed_by_the_import_of_the_same_module() -> None:
    declared = stand_ins()
    assert len(declared) >= 10  # the frame, the dialogs, the pages, the projector
    for file, name, module, typed in declared:
        assert typed.get(name) == module, f"{file}: {name} = deferred({module!r})"
        __import__(module)
        assert module in sys.modules, f"{file}: {module} is not a module"


def test_the_frame_imports_nothing_inside_its_functions() -> None:
    """Deferring goes through the loader: the frame's and the pages' dependencies are all at
    the top of each module (the one exception: Qt enums that cost to build, in modes.py)."""
    inside: list[str] = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        inside.append(f"{path.relative_to(PACKAGE)}: {ast.unparse(node)}")
    assert inside == [
        "ui/modes.py: from PySide6.QtCore import QSize, Qt",
        "ui/modes.py: from PySide6.QtWidgets import QStyle",
    ]
