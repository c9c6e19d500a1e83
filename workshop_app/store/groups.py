"""Breakout groups: the parallel groups a session item runs as, each with its room, facilitator,
rapporteur and members. What is said, agreed and decided in a group names it (``group_id``);
these rules keep that inside the group's own item."""

from __future__ import annotations

import builtins
import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import MAX_LINE, MAX_TEXT, Refusal, optional, required
from workshop_app.domain.model import BreakoutGroup
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore, take_record

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

EDITABLE = ("name", "room", "facilitator_id", "rapporteur_id", "summary")


def read_groups(db: Database, agenda_item_id: str | None = None) -> list[BreakoutGroup]:
    members: dict[str, list[str]] = defaultdict(list)
    for row in db.query("SELECT * FROM group_members ORDER BY group_id, position"):
        members[row["group_id"]].append(row["participant_id"])
    # In running order: the groups of the agenda's first item first, each item's in order.
    rows = db.query(
        "SELECT g.* FROM breakout_groups g JOIN agenda_items i ON i.id = g.agenda_item_id"
        " WHERE :item IS NULL OR g.agenda_item_id = :item"
        " ORDER BY i.position, i.seq, g.position, g.seq",
        {"item": agenda_item_id},
    )
    return [from_row(BreakoutGroup, r, member_ids=tuple(members[r["id"]])) for r in rows]


def insert_groups(db: Database, groups: Sequence[BreakoutGroup]) -> None:
    """Insert whole groups, members included (in the caller's transaction)."""
    position: dict[str, int] = defaultdict(int)
    for group in groups:
        row = to_row(group, exclude=("member_ids",))
        db.table("breakout_groups").insert({**row, "position": position[group.agenda_item_id]})
        position[group.agenda_item_id] += 1
        _insert_members(db, group.id, group.member_ids)


def _insert_members(db: Database, group_id: str, member_ids: Sequence[str]) -> None:
    db.table("group_members").insert_all(
        {"group_id": group_id, "participant_id": pid, "position": i}
        for i, pid in enumerate(dict.fromkeys(member_ids))
    )


def check_group_of_item(db: Database, agenda_item_id: str, group_id: str | None) -> None:
    """Refuse a breakout group that is not one of the item's (None, plenary, is always fine)."""
    if group_id is None:
        return
    row = db.execute(
        "SELECT agenda_item_id FROM breakout_groups WHERE id = ?", [group_id]
    ).fetchone()
    if row is None or row[0] != agenda_item_id:
        raise Refusal("group", "That breakout group belongs to another agenda item.")


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not breakout group fields: {', '.join(sorted(unknown))}")
    values = dict(fields)
    if "name" in values:
        values["name"] = required("name", "A group's name", values["name"], MAX_LINE)
    if "room" in values:
        values["room"] = optional("room", "A room", values["room"], MAX_LINE)
    if "summary" in values:
        values["summary"] = optional("summary", "A group's summary", values["summary"], MAX_TEXT)
    return values


class GroupStore:
    """Reads and edits the breakout groups; each method is one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self, agenda_item_id: str | None = None) -> builtins.list[BreakoutGroup]:
        return read_groups(self._doc.db, agenda_item_id)

    def get(self, group_id: str) -> BreakoutGroup:
        for group in self.list():
            if group.id == group_id:
                return group
        raise NotFound("That breakout group is no longer in the workshop.")

    def add(self, group: BreakoutGroup) -> BreakoutGroup:
        """Add ``group`` after the item's other groups."""
        values = _values({k: getattr(group, k) for k in EDITABLE})
        group = dataclasses.replace(group, **values)
        with self._doc.write() as tx:
            if (
                tx.db.execute(
                    "SELECT 1 FROM agenda_items WHERE id = ?", [group.agenda_item_id]
                ).fetchone()
                is None
            ):
                raise NotFound("That agenda item is no longer in the workshop.")
            count = tx.db.execute(
                "SELECT count(*) FROM breakout_groups WHERE agenda_item_id = ?",
                [group.agenda_item_id],
            ).fetchone()[0]
            row = to_row(group, exclude=("member_ids",))
            tx.db.table("breakout_groups").insert({**row, "position": count})
            _insert_members(tx.db, group.id, group.member_ids)
            tx.changed(Entity.GROUP, ChangeKind.ADDED, group.id)
        return group

    def update(self, group_id: str, **fields: Any) -> dict[str, Any]:
        """Change some of a group's fields; returns their previous values."""
        values = _values(fields)
        before = self.get(group_id)
        old = {k: getattr(before, k) for k in values}
        with self._doc.write() as tx:
            seq = tx.db.execute(
                "SELECT seq FROM breakout_groups WHERE id = ?", [group_id]
            ).fetchone()[0]
            tx.db.table("breakout_groups").update(seq, values)
            tx.changed(Entity.GROUP, ChangeKind.UPDATED, group_id)
        return old

    def set_members(self, group_id: str, member_ids: Sequence[str]) -> tuple[str, ...]:
        """Make ``member_ids`` the group's members, in order; returns the previous members."""
        before = self.get(group_id).member_ids
        with self._doc.write() as tx:
            tx.db.execute("DELETE FROM group_members WHERE group_id = ?", [group_id])
            _insert_members(tx.db, group_id, member_ids)
            tx.changed(Entity.GROUP, ChangeKind.UPDATED, group_id)
        return before

    def set_question_group(self, question_id: str, group_id: str | None) -> str | None:
        """Make a guiding question one group's own (None: shared by the item's groups and
        plenary); returns the group it had."""
        row = self._doc.db.execute(
            "SELECT agenda_item_id, group_id FROM guiding_questions WHERE id = ?", [question_id]
        ).fetchone()
        if row is None:
            raise NotFound("That guiding question is no longer in the workshop.")
        check_group_of_item(self._doc.db, row[0], group_id)
        with self._doc.write() as tx:
            tx.db.execute(
                "UPDATE guiding_questions SET group_id = ? WHERE id = ?", [group_id, question_id]
            )
            tx.changed(Entity.QUESTION, ChangeKind.UPDATED, question_id)
        return row[1] if row[1] is None else str(row[1])

    def delete(self, group_id: str) -> Snapshot:
        """Remove a group and what was recorded in it; returns all that went (for undo)."""
        group = self.get(group_id)
        with self._doc.write() as tx:
            db = tx.db
            snap = Snapshot()
            snap.take(db, "breakout_groups", "id = ?", [group_id])
            snap.take(db, "group_members", "group_id = ?", [group_id])
            take_record(snap, db, "group_id", group_id)
            db.execute("DELETE FROM breakout_groups WHERE id = ?", [group_id])
            _renumber(db, group.agenda_item_id)
            tx.changed(Entity.GROUP, ChangeKind.REMOVED, group_id)
        return snap

    def restore(self, snapshot: Snapshot) -> None:
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            for row in snapshot.rows.get("breakout_groups", []):
                _renumber(tx.db, row["agenda_item_id"], first=row["id"], at=row["position"])
            ids = [r["id"] for r in snapshot.rows.get("breakout_groups", [])]
            tx.changed(Entity.GROUP, ChangeKind.ADDED, *ids)


def _renumber(db: Database, agenda_item_id: str, first: str = "", at: int = 0) -> None:
    """Contiguous positions for the item's groups; ``first`` (put back) goes to ``at``."""
    ids = [
        r["id"]
        for r in db.query(
            "SELECT id FROM breakout_groups WHERE agenda_item_id = ? AND id <> ?"
            " ORDER BY position, seq",
            [agenda_item_id, first],
        )
    ]
    if first:
        ids.insert(min(at, len(ids)), first)
    for position, group_id in enumerate(ids):
        db.execute("UPDATE breakout_groups SET position = ? WHERE id = ?", [position, group_id])
