"""What one aggregate's store needs of the open document: its connection and its write
transaction. ``Document`` has both; the stores name this instead of ``Document`` so that the
document can import them without a cycle (also for type checking)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workshop_app.store.changes import Transaction


class Handle(Protocol):
    """The open document as a store sees it."""

    db: Database

    def write(self) -> AbstractContextManager[Transaction]:
        """One transaction, committed when the block ends (see ``Document.write``)."""
        ...
