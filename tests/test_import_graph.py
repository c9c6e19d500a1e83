"""The package's modules import each other without a cycle: at run time (top-level imports,
imports inside functions, modules deferred through ``ui/loader.py``) and for type checking
(imports under ``if TYPE_CHECKING:``). A cycle means two modules that cannot be understood,
tested or moved one without the other."""

from __future__ import annotations

import ast
from pathlib import Path

import workshop_app

PACKAGE = Path(workshop_app.__file__).parent


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Every dotted name the module imports, wherever the statement is: ``import m`` gives
    ``m``, ``from m import x`` gives ``m.x`` (a submodule, or a name defined in ``m``); plus
    the names handed to ``deferred("...")``. Parent packages, which Python also runs, are
    not counted: every module would then depend on its package's ``__init__``."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "deferred"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (the nearest enclosing module
    of each imported name; a package's own ``__init__`` when the name is a package)."""
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets: set[str] = set()
        for name in imported_names(tree, module, path.name == "__init__.py"):
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)) is not None:
            return cycle
    return None


def test_the_package_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph(PACKAGE))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The check would notice a cycle made by a type-only, a function-level, a relative or
    a deferred import."""
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.sub import b\n"
    )
    (root / "sub" / "b.py").write_text("def f():\n    from ..c import thing\n")
    (root / "c.py").write_text("from pkg.ui import loader\nd = loader.deferred('pkg.d')\n")
    (root / "d.py").write_text("import pkg.a\n")
    graph = import_graph(root)
    assert graph["pkg.a"] == {"pkg.sub.b"}
    assert graph["pkg.sub.b"] == {"pkg.c"}
    assert graph["pkg.c"] == {"pkg", "pkg.d"}  # pkg.ui is not a module here: its nearest is pkg
    assert find_cycle(graph) == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.d", "pkg.a"]


def test_the_graph_of_the_package_is_the_real_one() -> None:
    """Known edges of each kind are found, so an empty graph cannot pass for acyclic."""
    graph = import_graph(PACKAGE)
    assert "workshop_app.store.agenda" in graph["workshop_app.store.document"]
    assert "workshop_app.store.handle" in graph["workshop_app.store.agenda"]  # type-only
    assert "workshop_app.ui.session" in graph["workshop_app.ui.main_window"]  # deferred
    assert "workshop_app.ui.run.run_page" in graph["workshop_app.ui.modes"]  # a page


#: What each ui package may import from the rest of ui (its docstring says the same): the
#: frame's shared modules, and the packages named. The frame itself (ui's top) may import all.
SHARED = {"ui.session", "ui.dialogs", "ui.loader", "ui.tasks"}
MAY_IMPORT = {
    "ui.common": set(),
    "ui.edits": {"ui.session"},
    "ui.prepare": SHARED | {"ui.common", "ui.edits"},
    "ui.run": SHARED | {"ui.common", "ui.edits"},
    "ui.minutes": SHARED | {"ui.common", "ui.edits"},
    "ui.projector": SHARED,
}


def test_each_ui_package_imports_only_what_its_docstring_allows() -> None:
    graph = import_graph(PACKAGE)
    trespass = []
    for module, targets in graph.items():
        short = module.removeprefix("workshop_app.")
        package = next((p for p in MAY_IMPORT if short == p or short.startswith(p + ".")), None)
        if package is None:
            continue
        for target in targets:
            name = target.removeprefix("workshop_app.")
            if not name.startswith("ui.") or name.startswith(package + ".") or name == package:
                continue
            if not any(name == a or name.startswith(a + ".") for a in MAY_IMPORT[package]):
                trespass.append(f"{short} -> {name}")
    assert trespass == []
    for package in MAY_IMPORT:  # and each says so where it opens
        doc = (PACKAGE / package.replace(".", "/") / "__init__.py").read_text(encoding="utf-8")
        assert "May import" in doc, package
