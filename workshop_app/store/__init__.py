"""The workshop document: SQLite through sqlite-utils, no Qt.

Names here are loaded on first use: the window can paint before sqlite-utils (``Document``)
or even the change records are imported.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workshop_app.store.changes import Change, ChangeKind, Entity
    from workshop_app.store.document import Document

__all__ = ["Change", "ChangeKind", "Document", "Entity"]

_HOMES = {
    "Change": "workshop_app.store.changes",
    "ChangeKind": "workshop_app.store.changes",
    "Entity": "workshop_app.store.changes",
    "Document": "workshop_app.store.document",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'workshop_app.store' has no attribute {name!r}")
    return getattr(import_module(home), name)
