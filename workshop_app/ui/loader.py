"""The one way the UI puts off an import: a module needed only once a workshop is open or a
dialog is shown (the document, the pages, the projector, the dialogs) is loaded on first use,
so the window can paint before it (``tests/ui/test_startup_imports.py``).

A module that defers one names it at its top, typed for mypy and readers alike::

    if TYPE_CHECKING:
        from workshop_app.ui import dialogs
    else:
        dialogs = deferred("workshop_app.ui.dialogs")

and then uses it as if imported (``dialogs.show_error(...)``). Nothing is put in
``sys.modules`` until then. ``tests/test_import_graph.py`` counts these as imports, and
``tests/ui/test_loader.py`` holds each name equal to the import beside it.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Any, cast


class Deferred:
    """Stands for module ``name`` and imports it when one of its attributes is first read."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        # import_module answers from sys.modules after the first time; reading through it
        # each time also sees what a test monkeypatched on the real module.
        return getattr(import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"


def deferred(name: str) -> ModuleType:
    """A stand-in for the module ``name`` (absolute), imported on first use."""
    # Typed as a module only: the caller's TYPE_CHECKING import gives mypy the real one.
    return cast(ModuleType, Deferred(name))
