"""The workshop document: SQLite through sqlite-utils, no Qt.

``Document`` is loaded on first use: the window can paint before sqlite-utils is imported.
"""

from typing import TYPE_CHECKING, Any

from workshop_app.store.changes import Change, ChangeKind, Entity

if TYPE_CHECKING:
    from workshop_app.store.document import Document

__all__ = ["Change", "ChangeKind", "Document", "Entity"]


def __getattr__(name: str) -> Any:
    if name == "Document":
        from workshop_app.store.document import Document

        return Document
    raise AttributeError(f"module 'workshop_app.store' has no attribute {name!r}")
