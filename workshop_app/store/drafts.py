"""Drafts: what is being typed, saved every few seconds and offered back after a crash.

A draft is not part of the record (no undo, not exported); it is replaced as typing goes on
and removed once the text is recorded.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from workshop_app.domain.clock import format_timestamp, system_now
from workshop_app.store.changes import ChangeKind, Entity

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle


class DraftStore:
    def __init__(self, document: Handle) -> None:
        self._doc = document

    def get(self, key: str) -> str | None:
        row = self._doc.db.execute("SELECT text FROM drafts WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def keys(self) -> builtins.list[str]:
        return [r["key"] for r in self._doc.db.query("SELECT key FROM drafts ORDER BY key")]

    def save(self, key: str, text: str) -> None:
        """Keep ``text`` under ``key`` (blank text removes the draft)."""
        with self._doc.write() as tx:
            if text.strip():
                tx.db.execute(
                    "INSERT INTO drafts (key, text, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET text = excluded.text,"
                    " updated_at = excluded.updated_at",
                    [key, text, format_timestamp(system_now())],
                )
            else:
                tx.db.execute("DELETE FROM drafts WHERE key = ?", [key])
            tx.changed(Entity.DRAFT, ChangeKind.UPDATED, key)

    def clear(self, key: str) -> None:
        self.save(key, "")
