"""Faults the e2e tests inject into an open document, and how they read it back."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workshop_app.domain.model import WorkshopRecord
from workshop_app.store import Document


class FailingWrites:
    """Makes the n-th top-level write of a step fail as on a full disk: SQLite's own error,
    raised inside the transaction before it commits, so the document rolls it back and
    translates it like any other."""

    def __init__(self, document: Document) -> None:
        self._write = document.write
        self._depth = 0
        self._count = 0
        self._fail_at: int | None = None
        self.fired = False
        document.write = self.write  # type: ignore[method-assign]

    def arm(self, fail_at: int | None) -> None:
        self._count, self._fail_at, self.fired = 0, fail_at, False

    def disarm(self) -> bool:
        """Whether a write failed since ``arm``."""
        self._fail_at = None
        return self.fired

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        self._depth += 1
        try:
            with self._write() as tx:
                yield tx
                if self._depth == 1:
                    self._count += 1
                    if self._count == self._fail_at:
                        self.fired = True
                        raise sqlite3.OperationalError("database or disk is full")
        finally:
            self._depth -= 1


def fresh_record(path: Path) -> WorkshopRecord:
    """The workshop as it is on disk, through a connection of its own."""
    with Document.open(path, readonly=True) as document:
        return document.record()
