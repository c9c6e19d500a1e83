"""Contributions: who said what about which guiding question, recorded live."""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.clock import format_timestamp, system_now
from workshop_app.domain.limits import Refusal, contribution_text
from workshop_app.domain.model import Contribution, ContributionKind
from workshop_app.store import search
from workshop_app.store.agenda import check_question_of_item
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.groups import check_group_of_item
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

EDITABLE = (
    "text",
    "kind",
    "question_id",
    "participant_id",
    "speech_id",
    "highlight",
    "agenda_item_id",
    "group_id",
)


def read_contributions(db: Database, agenda_item_id: str | None = None) -> list[Contribution]:
    if agenda_item_id is None:
        rows = db.query("SELECT * FROM contributions ORDER BY seq")
    else:
        rows = db.query(
            "SELECT * FROM contributions WHERE agenda_item_id = ? ORDER BY seq", [agenda_item_id]
        )
    return [from_row(Contribution, r) for r in rows]


def _check_text(text: str) -> str:
    return contribution_text(text)


class ContributionStore:
    """Records, edits and finds contributions; each method one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self, agenda_item_id: str | None = None) -> list[Contribution]:
        return read_contributions(self._doc.db, agenda_item_id)

    def counts_by_item(self) -> dict[str, tuple[int, int]]:
        """(contributions, highlights) per agenda item, counted by SQLite."""
        rows = self._doc.db.execute(
            "SELECT agenda_item_id, count(*), sum(highlight) FROM contributions"
            " GROUP BY agenda_item_id"
        ).fetchall()
        return {item_id: (int(total), int(marked or 0)) for item_id, total, marked in rows}

    def get(self, contribution_id: str) -> Contribution:
        rows = list(
            self._doc.db.query("SELECT * FROM contributions WHERE id = ?", [contribution_id])
        )
        if not rows:
            raise NotFound("That contribution is no longer in the workshop.")
        return from_row(Contribution, rows[0])

    def record(self, contribution: Contribution) -> Contribution:
        """Add a contribution (stamped now unless it has a time) and index it for search."""
        contribution = dataclasses.replace(
            contribution,
            text=_check_text(contribution.text),
            recorded_at=contribution.recorded_at or format_timestamp(system_now()),
        )
        check_question_of_item(self._doc.db, contribution.agenda_item_id, contribution.question_id)
        check_group_of_item(self._doc.db, contribution.agenda_item_id, contribution.group_id)
        with self._doc.write() as tx:
            tx.db.table("contributions").insert(to_row(contribution))
            search.index(tx.db, "id = ?", [contribution.id])
            tx.changed(Entity.CONTRIBUTION, ChangeKind.ADDED, contribution.id)
        return contribution

    def update(self, contribution_id: str, **fields: Any) -> dict[str, Any]:
        """Change some fields; returns their previous values (what an undo sets back)."""
        return self.update_many({contribution_id: fields})[contribution_id]

    def update_many(self, changes: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
        """Change some fields of several contributions (id -> fields), all or none, in one
        transaction; returns each one's previous values (what an undo sets back)."""
        checked: dict[str, tuple[int, dict[str, Any]]] = {}
        old: dict[str, dict[str, Any]] = {}
        for contribution_id, fields in changes.items():
            unknown = set(fields) - set(EDITABLE)
            if unknown:
                raise TypeError(f"not contribution fields: {', '.join(sorted(unknown))}")
            before = self.get(contribution_id)
            values = dict(fields)
            if "text" in values:
                values["text"] = _check_text(values["text"])
            if "kind" in values:
                values["kind"] = ContributionKind(values["kind"]).value
            if "highlight" in values:
                values["highlight"] = int(bool(values["highlight"]))
            if values.get("participant_id", before.participant_id) != before.participant_id:
                # A turn to speak is someone's: said by another, it was not said in that turn.
                values.setdefault("speech_id", None)
            if values.get("agenda_item_id", before.agenda_item_id) != before.agenda_item_id:
                self._check_move(before, values)
            item_id = values.get("agenda_item_id", before.agenda_item_id)
            if "question_id" in values or "agenda_item_id" in values:
                question_id = values.get("question_id", before.question_id)
                check_question_of_item(self._doc.db, item_id, question_id)
            if "group_id" in values or "agenda_item_id" in values:
                group_id = values.get("group_id", before.group_id)
                check_group_of_item(self._doc.db, item_id, group_id)
            seq = self._doc.db.execute(
                "SELECT seq FROM contributions WHERE id = ?", [contribution_id]
            ).fetchone()[0]
            checked[contribution_id] = (seq, values)
            old[contribution_id] = {k: getattr(before, k) for k in values}
        with self._doc.write() as tx:
            for contribution_id, (seq, values) in checked.items():
                if "text" in values:
                    search.unindex(tx.db, "id = ?", [contribution_id])
                tx.db.table("contributions").update(seq, values)
                if "text" in values:
                    search.index(tx.db, "id = ?", [contribution_id])
            tx.changed(Entity.CONTRIBUTION, ChangeKind.UPDATED, *checked)
        return old

    def _check_move(self, before: Contribution, values: dict[str, Any]) -> None:
        """Refuse a move to another item that would break a link; the question and the turn
        (of the item it leaves) go with the move unless ``values`` names the new ones."""
        item_id = values["agenda_item_id"]
        if not self._doc.db.execute(
            "SELECT 1 FROM agenda_items WHERE id = ?", [item_id]
        ).fetchone():
            raise NotFound("That agenda item is no longer in the workshop.")
        if self.supported_points(before.id):
            raise Refusal(
                "agenda_item_id",
                "This contribution supports a consensus point of its item, so it stays there.",
                hint="Unlink it from that point first (in the point's dialog), then move it.",
            )
        values.setdefault("question_id", None)
        values.setdefault("speech_id", None)
        values.setdefault("group_id", None)  # a group is its item's: plenary on the new one
        if values["speech_id"] is not None:
            row = self._doc.db.execute(
                "SELECT agenda_item_id FROM speeches WHERE id = ?", [values["speech_id"]]
            ).fetchone()
            if row is None or row[0] != item_id:
                raise Refusal("speech_id", "That turn to speak was on another agenda item.")

    def delete(self, contribution_id: str) -> Snapshot:
        """Remove a contribution; consensus points it supported stay, without the link."""
        return self.delete_many([contribution_id])

    def delete_many(self, contribution_ids: Sequence[str]) -> Snapshot:
        """Remove several contributions in one transaction (all, or none if one has gone);
        consensus points they supported stay, without the links."""
        for contribution_id in contribution_ids:
            self.get(contribution_id)
        with self._doc.write() as tx:
            snap = Snapshot()
            for contribution_id in contribution_ids:
                snap.take(tx.db, "contributions", "id = ?", [contribution_id])
                snap.take(tx.db, "consensus_support", "contribution_id = ?", [contribution_id])
                search.unindex(tx.db, "id = ?", [contribution_id])
                tx.db.execute("DELETE FROM contributions WHERE id = ?", [contribution_id])
            tx.changed(Entity.CONTRIBUTION, ChangeKind.REMOVED, *contribution_ids)
            if snap.count("consensus_support"):
                tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED)
        return snap

    def restore(self, snapshot: Snapshot) -> None:
        """Undo a delete: the contribution returns in its place, with its links."""
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            ids = [r["id"] for r in snapshot.rows.get("contributions", [])]
            tx.changed(Entity.CONTRIBUTION, ChangeKind.ADDED, *ids)
            if snapshot.count("consensus_support"):
                tx.changed(Entity.CONSENSUS, ChangeKind.UPDATED)

    def search(self, query: str, limit: int = 200) -> builtins.list[search.Hit]:
        return search.search(self._doc.db, query, limit)

    def supported_points(self, contribution_id: str) -> builtins.list[str]:
        """Ids of the consensus points this contribution supports."""
        return [
            r["consensus_id"]
            for r in self._doc.db.query(
                "SELECT consensus_id FROM consensus_support WHERE contribution_id = ?",
                [contribution_id],
            )
        ]
