"""Next steps: what will be done, by whom, by when."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import MAX_LINE, MAX_OUTCOME, Refusal, optional, required
from workshop_app.domain.model import NextStep, NextStepStatus
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

EDITABLE = ("text", "agenda_item_id", "owner", "owner_participant_id", "due", "status")


def read_next_steps(db: Database) -> list[NextStep]:
    return [from_row(NextStep, r) for r in db.query("SELECT * FROM actions ORDER BY seq")]


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not step fields: {', '.join(sorted(unknown))}")
    values = dict(fields)
    if "text" in values:
        values["text"] = required("text", "A next step", values["text"], MAX_OUTCOME)
    if "owner" in values:
        values["owner"] = optional("owner", "An owner", values["owner"], MAX_LINE)
    if values.get("due"):
        try:
            dt.date.fromisoformat(values["due"])
        except ValueError:
            raise Refusal("due", f"{values['due']} is not a date (YYYY-MM-DD).") from None
    if "status" in values:
        values["status"] = NextStepStatus(values["status"]).value
    return values


class NextStepStore:
    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self) -> builtins.list[NextStep]:
        return read_next_steps(self._doc.db)

    def get(self, step_id: str) -> NextStep:
        rows = list(self._doc.db.query("SELECT * FROM actions WHERE id = ?", [step_id]))
        if not rows:
            raise NotFound("That next step is no longer in the workshop.")
        return from_row(NextStep, rows[0])

    def add(self, step: NextStep) -> NextStep:
        _values({k: getattr(step, k) for k in ("text", "owner", "due", "status")})
        with self._doc.write() as tx:
            tx.db.table("actions").insert(to_row(step))
            tx.changed(Entity.NEXT_STEP, ChangeKind.ADDED, step.id)
        return step

    def update(self, step_id: str, **fields: Any) -> dict[str, Any]:
        """Change some fields; returns their previous values."""
        values = _values(fields)
        before = self.get(step_id)
        old = {k: getattr(before, k) for k in fields}
        with self._doc.write() as tx:
            seq = tx.db.execute("SELECT seq FROM actions WHERE id = ?", [step_id]).fetchone()[0]
            tx.db.table("actions").update(seq, values)
            tx.changed(Entity.NEXT_STEP, ChangeKind.UPDATED, step_id)
        return old

    def delete(self, step_id: str) -> Snapshot:
        self.get(step_id)
        with self._doc.write() as tx:
            snap = Snapshot()
            snap.take(tx.db, "actions", "id = ?", [step_id])
            tx.db.execute("DELETE FROM actions WHERE id = ?", [step_id])
            tx.changed(Entity.NEXT_STEP, ChangeKind.REMOVED, step_id)
        return snap

    def restore(self, snapshot: Snapshot) -> None:
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            ids = [r["id"] for r in snapshot.rows.get("actions", [])]
            tx.changed(Entity.NEXT_STEP, ChangeKind.ADDED, *ids)
