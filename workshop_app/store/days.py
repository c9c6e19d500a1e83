"""The days of the event, in order. Every agenda item is on one day, and a day's items follow
each other in the agenda (the first day's first): see ``domain.model.Day``.

The first day's date and start time are also the workshop's own ``date`` and ``start_time``
(what version 1 files and the details form know); this module is the one writer that keeps
the two equal, in the same transaction.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import Refusal
from workshop_app.domain.model import Day
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

FIELDS = ("date", "start_time", "end_time")
#: One fixed statement per field: no SQL is ever built from names.
_SET = {
    "date": "UPDATE days SET date = :value WHERE id = :day",
    "start_time": "UPDATE days SET start_time = :value WHERE id = :day",
    "end_time": "UPDATE days SET end_time = :value WHERE id = :day",
}
#: The id of the first day, for the statements above.
FIRST = "(SELECT id FROM days ORDER BY position, seq LIMIT 1)"


def set_fields(db: Database, day_id: str | None, values: dict[str, Any]) -> None:
    """Write ``values`` (checked) into the day ``day_id``, or the first day when None."""
    for name, value in values.items():
        sql = _SET[name]
        if day_id is None:
            sql = sql.replace(":day", FIRST)
        db.execute(sql, {"value": value, "day": day_id})


def read_days(db: Database) -> list[Day]:
    return [from_row(Day, r) for r in db.query("SELECT * FROM days ORDER BY position, seq")]


def insert_days(db: Database, days: Sequence[Day]) -> None:
    db.table("days").insert_all({**to_row(d), "position": i} for i, d in enumerate(days))


def sync_workshop(db: Database) -> None:
    """Write the first day's date and start time into the workshop's row."""
    db.execute(
        "UPDATE workshop SET (date, start_time) = "
        "(SELECT date, start_time FROM days ORDER BY position, seq LIMIT 1)"
        " WHERE EXISTS (SELECT 1 FROM days)"
    )


def check_values(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of a day, as stored; a refusal names the field that cannot be."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"not day fields: {', '.join(sorted(unknown))}")
    values = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in fields.items()}
    if date := values.get("date"):
        try:
            dt.date.fromisoformat(str(date))
        except ValueError:
            raise Refusal("date", f"{values['date']} is not a date (YYYY-MM-DD).") from None
    for name in ("start_time", "end_time"):
        if time := values.get(name):
            try:
                dt.time.fromisoformat(str(time))
            except ValueError:
                raise Refusal(name, f"{values[name]} is not a time of day (HH:MM).") from None
    return values


class DayStore:
    """Reads and edits the days; each method is one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self) -> builtins.list[Day]:
        return read_days(self._doc.db)

    def get(self, day_id: str) -> Day:
        rows = list(self._doc.db.query("SELECT * FROM days WHERE id = ?", [day_id]))
        if not rows:
            raise NotFound("That day is no longer in the workshop.")
        return from_row(Day, rows[0])

    def add(self, day: Day) -> Day:
        """Add ``day`` after the last one."""
        check_values({k: getattr(day, k) for k in FIELDS})
        with self._doc.write() as tx:
            count = tx.db.execute("SELECT count(*) FROM days").fetchone()[0]
            tx.db.table("days").insert({**to_row(day), "position": count})
            sync_workshop(tx.db)
            tx.changed(Entity.DAY, ChangeKind.ADDED, day.id)
        return day

    def update(self, day_id: str, **fields: Any) -> dict[str, Any]:
        """Change a day's date, start or end; returns the previous values."""
        values = check_values(fields)
        before = self.get(day_id)
        old = {k: getattr(before, k) for k in values}
        with self._doc.write() as tx:
            set_fields(tx.db, day_id, values)
            sync_workshop(tx.db)
            tx.changed(Entity.DAY, ChangeKind.UPDATED, day_id)
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)
        return old

    def delete(self, day_id: str) -> Snapshot:
        """Remove a day that holds no agenda item (and is not the only day)."""
        self.get(day_id)
        with self._doc.write() as tx:
            if tx.db.execute("SELECT count(*) FROM days").fetchone()[0] == 1:
                raise Refusal("days", "A workshop has at least one day.")
            held = tx.db.execute(
                "SELECT count(*) FROM agenda_items WHERE day_id = ?", [day_id]
            ).fetchone()[0]
            if held:
                raise Refusal("days", "This day still has agenda items: move or delete them first.")
            snap = Snapshot()
            snap.take(tx.db, "days", "id = ?", [day_id])
            tx.db.execute("DELETE FROM days WHERE id = ?", [day_id])
            _renumber(tx.db)
            sync_workshop(tx.db)
            tx.changed(Entity.DAY, ChangeKind.REMOVED, day_id)
        return snap

    def restore(self, snapshot: Snapshot) -> None:
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            for row in snapshot.rows.get("days", []):
                tx.db.execute(
                    "UPDATE days SET position = position + 1 WHERE position >= ? AND id <> ?",
                    [row["position"], row["id"]],
                )
            _renumber(tx.db)
            sync_workshop(tx.db)
            ids = [r["id"] for r in snapshot.rows.get("days", [])]
            tx.changed(Entity.DAY, ChangeKind.ADDED, *ids)


def _renumber(db: Database) -> None:
    ids = [r["id"] for r in db.query("SELECT id FROM days ORDER BY position, seq")]
    for position, day_id in enumerate(ids):
        db.execute("UPDATE days SET position = ? WHERE id = ?", [position, day_id])


# -- where the items' days are --------------------------------------------------------------


def day_of(db: Database, item_id: str) -> str | None:
    row = db.execute("SELECT day_id FROM agenda_items WHERE id = ?", [item_id]).fetchone()
    return row[0] if row else None


def day_at(db: Database, ids: Sequence[str], at: int) -> str | None:
    """The day an item placed at ``at`` among ``ids`` (the others, in order) belongs to: the
    day of the item before it, else of the item after it, else the first day."""
    if at > 0:
        return day_of(db, ids[at - 1])
    if ids:
        return day_of(db, ids[0])
    row = db.execute("SELECT id FROM days ORDER BY position, seq LIMIT 1").fetchone()
    return row[0] if row else None


def end_of_day(db: Database, ids: Sequence[str], day_id: str) -> int:
    """Where an item added at the end of ``day_id`` goes among ``ids`` (the agenda in order):
    after every item of that day and of the days before it."""
    days = [r["id"] for r in db.query("SELECT id FROM days ORDER BY position, seq")]
    if day_id not in days:
        raise Refusal("day", "That day is no longer in the workshop.")
    earlier = set(days[: days.index(day_id) + 1])
    return sum(1 for item_id in ids if day_of(db, item_id) in earlier)
