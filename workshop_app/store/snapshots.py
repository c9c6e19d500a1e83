"""Rows taken out of the document, kept so an undo can put them back exactly.

A delete cascades (an agenda item takes its questions, speeches and contributions with it);
the snapshot holds every row that went and every reference that was cleared, with their
original ``seq`` so that restored rows return to their recorded order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from workshop_app.store import search

Row = dict[str, Any]

# Parents before children, so foreign keys hold while rows are re-inserted.
RESTORE_ORDER = (
    "participants",
    "days",
    "agenda_items",
    "breakout_groups",
    "group_members",
    "guiding_questions",
    "speeches",
    "contributions",
    "consensus_points",
    "consensus_support",
    "actions",
)


@dataclass(frozen=True)
class ClearedReference:
    """``table.column`` was set to NULL on the rows ``ids`` and held ``value`` before."""

    table: str
    column: str
    value: str
    ids: tuple[str, ...]


@dataclass
class Snapshot:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    cleared: list[ClearedReference] = field(default_factory=list)

    def take(self, db: Database, table: str, where: str, params: Sequence[Any]) -> list[Row]:
        """Add the rows of ``table`` matching ``where`` (a fixed SQL condition) to the snapshot."""
        found = list(db.query(f"SELECT * FROM {table} WHERE {where}", list(params)))  # noqa: S608
        self.rows.setdefault(table, []).extend(found)
        return found

    def clear_reference(self, db: Database, table: str, column: str, value: str) -> None:
        """Remember which rows of ``table`` point at ``value`` through ``column``."""
        ids = tuple(
            r["id"]
            for r in db.query(f"SELECT id FROM {table} WHERE {column} = ?", [value])  # noqa: S608
        )
        if ids:
            self.cleared.append(ClearedReference(table, column, value, ids))

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


#: The columns by which what is recorded belongs to a place: an agenda item or a group.
RECORD_PLACES = ("agenda_item_id", "group_id")


def take_record(snap: Snapshot, db: Database, column: str, value: str) -> None:
    """Take into ``snap`` all that was asked, said and decided where ``column`` (one of
    ``RECORD_PLACES``) is ``value``: questions, turns, contributions (out of the search
    index), consensus points and their links; next steps there lose the reference only."""
    if column not in RECORD_PLACES:
        raise ValueError(column)
    where = f"{column} = ?"
    snap.take(db, "guiding_questions", where, [value])
    snap.take(db, "speeches", where, [value])
    snap.take(db, "contributions", where, [value])
    for point in snap.take(db, "consensus_points", where, [value]):
        snap.clear_reference(db, "consensus_points", "from_point_id", point["id"])
    snap.take(
        db,
        "consensus_support",
        f"consensus_id IN (SELECT id FROM consensus_points WHERE {where})"  # noqa: S608
        f" OR contribution_id IN (SELECT id FROM contributions WHERE {where})",
        [value, value],
    )
    snap.clear_reference(db, "actions", column, value)
    search.unindex(db, where, [value])


def restore(db: Database, snapshot: Snapshot) -> None:
    """Put a snapshot's rows and references back (inside the caller's transaction)."""
    for table in RESTORE_ORDER:
        rows = snapshot.rows.get(table)
        if rows:
            db.table(table).insert_all(rows)
            if table == "contributions":
                seqs = [row["seq"] for row in rows]
                search.index(db, f"seq IN ({','.join('?' * len(seqs))})", seqs)
    for ref in snapshot.cleared:
        marks = ",".join("?" * len(ref.ids))
        db.execute(
            f"UPDATE {ref.table} SET {ref.column} = ? WHERE id IN ({marks})",  # noqa: S608
            [ref.value, *ref.ids],
        )
