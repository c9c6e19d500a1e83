"""Consensus points, their status and reservations, and the contributions that support them."""

from __future__ import annotations

import builtins
import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.clock import format_timestamp, system_now
from workshop_app.domain.limits import MAX_OUTCOME, MAX_TEXT, optional, required, too_long
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus
from workshop_app.store.agenda import check_question_of_item
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

EDITABLE = ("text", "status", "reservations", "question_id")


def read_points(db: Database, agenda_item_id: str | None = None) -> list[ConsensusPoint]:
    support: dict[str, list[str]] = defaultdict(list)
    for row in db.query("SELECT * FROM consensus_support ORDER BY consensus_id, position"):
        support[row["consensus_id"]].append(row["contribution_id"])
    where, params = ("WHERE agenda_item_id = ?", [agenda_item_id]) if agenda_item_id else ("", [])
    rows = db.query(f"SELECT * FROM consensus_points {where} ORDER BY seq", params)  # noqa: S608
    return [
        from_row(ConsensusPoint, r, supporting_contribution_ids=tuple(support[r["id"]]))
        for r in rows
    ]


def _text(text: str) -> str:
    return required("text", "A consensus point", text, MAX_OUTCOME)


class ConsensusStore:
    """Records and edits consensus points; each method one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self, agenda_item_id: str | None = None) -> builtins.list[ConsensusPoint]:
        return read_points(self._doc.db, agenda_item_id)

    def get(self, point_id: str) -> ConsensusPoint:
        for point in self.list():
            if point.id == point_id:
                return point
        raise NotFound("That consensus point is no longer in the workshop.")

    def record(self, point: ConsensusPoint) -> ConsensusPoint:
        """Add a point (stamped now unless it has a time) with its supporting contributions."""
        if point.reservations and len(point.reservations) > MAX_TEXT:
            raise too_long("reservations", "Reservations", point.reservations, MAX_TEXT)
        point = dataclasses.replace(
            point,
            text=_text(point.text),
            recorded_at=point.recorded_at or format_timestamp(system_now()),
        )
        check_question_of_item(self._doc.db, point.agenda_item_id, point.question_id)
        with self._doc.write() as tx:
            tx.db.table("consensus_points").insert(
                to_row(point, exclude=("supporting_contribution_ids",))
            )
            self._insert_support(tx.db, point.id, point.supporting_contribution_ids)
            tx.changed(Entity.CONSENSUS, ChangeKind.ADDED, point.id)
        return point

    def update(self, point_id: str, **fields: Any) -> dict[str, Any]:
        """Change text, status, reservations or question; returns the previous values."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"not consensus point fields: {', '.join(sorted(unknown))}")
        before = self.get(point_id)
        values = dict(fields)
        if "text" in values:
            values["text"] = _text(values["text"])
        if "status" in values:
            values["status"] = ConsensusStatus(values["status"]).value
        if "reservations" in values:
            values["reservations"] = optional(
                "reservations", "Reservations", values["reservations"], MAX_TEXT
            )
        if "question_id" in values:
            check_question_of_item(self._doc.db, before.agenda_item_id, values["question_id"])
        old = {k: getattr(before, k) for k in fields}
        with self._doc.write() as tx:
            seq = tx.db.execute(
                "SELECT seq FROM consensus_points WHERE id = ?", [point_id]
            ).fetchone()[0]
            tx.db.table("consensus_points").update(seq, values)
            tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED, point_id)
        return old

    def link(self, point_id: str, contribution_ids: Sequence[str]) -> builtins.list[str]:
        """Add supporting contributions (those not linked yet); returns the ones added."""
        point = self.get(point_id)
        new = [
            c for c in dict.fromkeys(contribution_ids) if c not in point.supporting_contribution_ids
        ]
        with self._doc.write() as tx:
            self._insert_support(tx.db, point_id, new, start=len(point.supporting_contribution_ids))
            tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED, point_id)
        return new

    def unlink(self, point_id: str, contribution_ids: Sequence[str]) -> None:
        with self._doc.write() as tx:
            marks = ",".join("?" * len(contribution_ids)) or "NULL"
            tx.db.execute(
                f"DELETE FROM consensus_support WHERE consensus_id = ? AND contribution_id IN ({marks})",  # noqa: E501, S608
                [point_id, *contribution_ids],
            )
            tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED, point_id)

    def set_support(self, point_id: str, contribution_ids: Sequence[str]) -> tuple[str, ...]:
        """Make ``contribution_ids`` the point's supporting contributions, in that order;
        returns the previous list (what an undo sets back)."""
        before = self.get(point_id).supporting_contribution_ids
        with self._doc.write() as tx:
            tx.db.execute("DELETE FROM consensus_support WHERE consensus_id = ?", [point_id])
            self._insert_support(tx.db, point_id, contribution_ids)
            tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED, point_id)
        return before

    def delete(self, point_id: str) -> Snapshot:
        self.get(point_id)
        with self._doc.write() as tx:
            snap = Snapshot()
            snap.take(tx.db, "consensus_points", "id = ?", [point_id])
            snap.take(tx.db, "consensus_support", "consensus_id = ?", [point_id])
            snap.clear_reference(tx.db, "consensus_points", "from_point_id", point_id)
            tx.db.execute("DELETE FROM consensus_points WHERE id = ?", [point_id])
            tx.changed(Entity.CONSENSUS, ChangeKind.REMOVED, point_id)
        return snap

    def restore(self, snapshot: Snapshot) -> None:
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            ids = [r["id"] for r in snapshot.rows.get("consensus_points", [])]
            tx.changed(Entity.CONSENSUS, ChangeKind.ADDED, *ids)

    def supported_by(self, contribution_id: str) -> builtins.list[ConsensusPoint]:
        """The points a contribution supports."""
        return [p for p in self.list() if contribution_id in p.supporting_contribution_ids]

    def _insert_support(
        self, db: Database, point_id: str, contribution_ids: Sequence[str], start: int = 0
    ) -> None:
        db.table("consensus_support").insert_all(
            {"consensus_id": point_id, "contribution_id": cid, "position": start + i}
            for i, cid in enumerate(dict.fromkeys(contribution_ids))
        )
