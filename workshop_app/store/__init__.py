"""The workshop document: SQLite through sqlite-utils, no Qt."""

from workshop_app.store.changes import Change, ChangeKind, Entity
from workshop_app.store.document import Document

__all__ = ["Change", "ChangeKind", "Document", "Entity"]
