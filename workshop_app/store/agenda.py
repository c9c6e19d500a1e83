"""The agenda: items in running order, each with its guiding questions in order.

Positions are kept contiguous (0..n-1) within the agenda and within each item's questions.
Deletes return a Snapshot that ``restore_*`` puts back in the same place.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import MAX_LINE, MAX_QUESTION, MAX_TEXT, Refusal, required, too_long
from workshop_app.domain.model import AgendaItem, GuidingQuestion, ItemKind, ItemStatus, new_id
from workshop_app.errors import KnownError
from workshop_app.store import days
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore, take_record
from workshop_app.words import plural

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

ITEM_FIELDS = tuple(
    f.name for f in dataclasses.fields(AgendaItem) if f.name not in ("id", "questions")
)


def read_agenda(db: Database) -> list[AgendaItem]:
    questions: dict[str, list[GuidingQuestion]] = defaultdict(list)
    for row in db.query("SELECT * FROM guiding_questions ORDER BY position, seq"):
        questions[row["agenda_item_id"]].append(from_row(GuidingQuestion, row))
    return [
        from_row(AgendaItem, row, questions=tuple(questions[row["id"]]))
        for row in db.query("SELECT * FROM agenda_items ORDER BY position, seq")
    ]


def insert_agenda(db: Database, items: Sequence[AgendaItem]) -> None:
    db.table("agenda_items").insert_all(
        {**to_row(item, exclude=("questions",)), "position": i} for i, item in enumerate(items)
    )
    db.table("guiding_questions").insert_all(
        {**to_row(q), "position": j} for item in items for j, q in enumerate(item.questions)
    )


def _item_values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not agenda item fields: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "kind":
            value = ItemKind(value).value
        elif name == "status":
            value = ItemStatus(value).value
        elif name == "planned_minutes" and value is not None:
            value = int(value)
            if not 0 <= value <= 1440:
                raise Refusal("planned_minutes", "Planned minutes must be between 0 and 1440.")
        elif isinstance(value, str) and name not in ("title",):
            value = value if value.strip() else None
        values[name] = value
    if "title" in values:
        values["title"] = required(
            "title", "A title", values["title"], MAX_LINE, "An agenda item needs a title."
        )
    for name in ("description", "summary"):
        if values.get(name) and len(values[name]) > MAX_TEXT:
            raise too_long(name, f"A {name}", values[name], MAX_TEXT)
    return values


def _ids_in_order(db: Database, table: str, where: str, params: list[Any]) -> list[str]:
    sql = f"SELECT id FROM {table} WHERE {where} ORDER BY position, seq"  # noqa: S608
    return [r["id"] for r in db.query(sql, params)]


def _renumber(db: Database, table: str, ids: Sequence[str]) -> None:
    for position, row_id in enumerate(ids):
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [position, row_id])  # noqa: S608


def check_question_of_item(db: Database, agenda_item_id: str, question_id: str | None) -> None:
    """Refuse a guiding question that is not one of the item's (None is always fine)."""
    if question_id is None:
        return
    row = db.execute(
        "SELECT agenda_item_id FROM guiding_questions WHERE id = ?", [question_id]
    ).fetchone()
    if row is None or row[0] != agenda_item_id:
        raise Refusal("question", "That guiding question belongs to another agenda item.")


def _clamp(index: int | None, length: int) -> int:
    return length if index is None else max(0, min(index, length))


class AgendaStore:
    """Reads and edits the agenda and its guiding questions; each method one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    # -- reading --------------------------------------------------------------------------

    def items(self) -> list[AgendaItem]:
        return read_agenda(self._doc.db)

    def get(self, item_id: str) -> AgendaItem:
        for item in self.items():
            if item.id == item_id:
                return item
        raise NotFound(f"No agenda item with id {item_id}.")

    def question(self, question_id: str) -> GuidingQuestion:
        rows = list(
            self._doc.db.query("SELECT * FROM guiding_questions WHERE id = ?", [question_id])
        )
        if not rows:
            raise NotFound(f"No guiding question with id {question_id}.")
        return from_row(GuidingQuestion, rows[0])

    def index_of(self, item_id: str) -> int:
        return _ids_in_order(self._doc.db, "agenda_items", "1", []).index(item_id)

    def question_index(self, question_id: str) -> int:
        q = self.question(question_id)
        ids = _ids_in_order(
            self._doc.db, "guiding_questions", "agenda_item_id = ?", [q.agenda_item_id]
        )
        return ids.index(question_id)

    def dependents(self, item_id: str) -> dict[str, int]:
        """What is recorded on an item (and would go with it): counts by kind."""
        row = self._doc.db.execute(
            "SELECT (SELECT count(*) FROM contributions WHERE agenda_item_id = :i),"
            " (SELECT count(*) FROM speeches WHERE agenda_item_id = :i),"
            " (SELECT count(*) FROM consensus_points WHERE agenda_item_id = :i)",
            {"i": item_id},
        ).fetchone()
        return dict(zip(("contributions", "speeches", "consensus_points"), row, strict=True))

    # -- items ----------------------------------------------------------------------------

    def add_item(self, item: AgendaItem, index: int | None = None) -> AgendaItem:
        """Insert ``item`` (with its questions) at ``index``, or at the end."""
        _item_values(
            {
                "title": item.title,
                "planned_minutes": item.planned_minutes,
                "description": item.description,
                "summary": item.summary,
            }
        )
        item = dataclasses.replace(item, title=item.title.strip())  # as every edit keeps it
        with self._doc.write() as tx:
            ids = _ids_in_order(tx.db, "agenda_items", "1", [])
            if item.day_id is not None and index is None:
                index = days.end_of_day(tx.db, ids, item.day_id)
            at = _clamp(index, len(ids))
            item = dataclasses.replace(item, day_id=item.day_id or days.day_at(tx.db, ids, at))
            insert_agenda(tx.db, [item])
            ids.insert(at, item.id)
            _renumber(tx.db, "agenda_items", ids)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.ADDED, item.id)
        return item

    def update_item(self, item_id: str, **fields: Any) -> dict[str, Any]:
        """Change some fields of an item; returns their previous values."""
        values = _item_values(fields)
        before = self.get(item_id)
        old = {k: getattr(before, k) for k in values}
        old = {k: (v.value if hasattr(v, "value") else v) for k, v in old.items()}
        with self._doc.write() as tx:
            seq = tx.db.execute("SELECT seq FROM agenda_items WHERE id = ?", [item_id]).fetchone()
            tx.db.table("agenda_items").update(seq[0], values)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.UPDATED, item_id)
        return old

    def delete_item(self, item_id: str) -> Snapshot:
        """Remove an item and everything recorded on it; returns all that went."""
        self.get(item_id)
        with self._doc.write() as tx:
            db = tx.db
            snap = Snapshot()
            snap.take(db, "agenda_items", "id = ?", [item_id])
            snap.take(db, "breakout_groups", "agenda_item_id = ?", [item_id])
            snap.take(
                db,
                "group_members",
                "group_id IN (SELECT id FROM breakout_groups WHERE agenda_item_id = ?)",
                [item_id],
            )
            snap.clear_reference(db, "agenda_items", "reports_on", item_id)
            take_record(snap, db, "agenda_item_id", item_id)
            db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
            _renumber(db, "agenda_items", _ids_in_order(db, "agenda_items", "1", []))
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.REMOVED, item_id)
        return snap

    def restore_item(self, snapshot: Snapshot) -> None:
        """Undo a delete: the item returns at its place with everything it had."""
        (row,) = snapshot.rows["agenda_items"]
        with self._doc.write() as tx:
            ids = _ids_in_order(tx.db, "agenda_items", "1", [])
            restore(tx.db, snapshot)
            ids.insert(_clamp(row["position"], len(ids)), row["id"])
            _renumber(tx.db, "agenda_items", ids)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.ADDED, row["id"])

    def move_item(self, item_id: str, index: int, day_id: str | None = None) -> int:
        """Move an item to ``index`` in running order, onto ``day_id`` (by default the day
        of the item it follows there); returns where it was."""
        with self._doc.write() as tx:
            ids = _ids_in_order(tx.db, "agenda_items", "1", [])
            if item_id not in ids:
                raise NotFound(f"No agenda item with id {item_id}.")
            old = ids.index(item_id)
            ids.remove(item_id)
            at = _clamp(index, len(ids))
            day = day_id or days.day_at(tx.db, ids, at)
            tx.db.execute("UPDATE agenda_items SET day_id = ? WHERE id = ?", [day, item_id])
            ids.insert(at, item_id)
            _renumber(tx.db, "agenda_items", ids)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.MOVED, item_id)
        return old

    # -- guiding questions ----------------------------------------------------------------

    def add_question(
        self, item_id: str, text: str, index: int | None = None, question_id: str | None = None
    ) -> GuidingQuestion:
        text = required("text", "A guiding question", text, MAX_QUESTION)
        question = GuidingQuestion(id=question_id or new_id(), agenda_item_id=item_id, text=text)
        with self._doc.write() as tx:
            where = "agenda_item_id = ?"
            ids = _ids_in_order(tx.db, "guiding_questions", where, [item_id])
            tx.db.table("guiding_questions").insert({**to_row(question), "position": len(ids)})
            ids.insert(_clamp(index, len(ids)), question.id)
            _renumber(tx.db, "guiding_questions", ids)
            tx.changed(Entity.QUESTION, ChangeKind.ADDED, question.id)
        return question

    def update_question(self, question_id: str, text: str) -> str:
        """Change a question's text; returns the old text."""
        text = required("text", "A guiding question", text, MAX_QUESTION)
        old = self.question(question_id).text
        with self._doc.write() as tx:
            tx.db.execute("UPDATE guiding_questions SET text = ? WHERE id = ?", [text, question_id])
            tx.changed(Entity.QUESTION, ChangeKind.UPDATED, question_id)
        return old

    def delete_question(self, question_id: str) -> Snapshot:
        """Remove a question; contributions about it stay, no longer tied to it."""
        q = self.question(question_id)
        with self._doc.write() as tx:
            snap = Snapshot()
            snap.take(tx.db, "guiding_questions", "id = ?", [question_id])
            snap.clear_reference(tx.db, "contributions", "question_id", question_id)
            snap.clear_reference(tx.db, "consensus_points", "question_id", question_id)
            tx.db.execute("DELETE FROM guiding_questions WHERE id = ?", [question_id])
            where = "agenda_item_id = ?"
            ids = _ids_in_order(tx.db, "guiding_questions", where, [q.agenda_item_id])
            _renumber(tx.db, "guiding_questions", ids)
            tx.changed(Entity.QUESTION, ChangeKind.REMOVED, question_id)
        return snap

    def restore_question(self, snapshot: Snapshot) -> None:
        (row,) = snapshot.rows["guiding_questions"]
        with self._doc.write() as tx:
            where = "agenda_item_id = ?"
            ids = _ids_in_order(tx.db, "guiding_questions", where, [row["agenda_item_id"]])
            restore(tx.db, snapshot)
            ids.insert(_clamp(row["position"], len(ids)), row["id"])
            _renumber(tx.db, "guiding_questions", ids)
            tx.changed(Entity.QUESTION, ChangeKind.ADDED, row["id"])

    def move_question(self, question_id: str, item_id: str, index: int) -> tuple[str, int]:
        """Move a question within its item or to another; returns (old item, old index)."""
        q = self.question(question_id)
        if item_id != q.agenda_item_id:
            self.get(item_id)
            used = self._doc.db.execute(
                "SELECT (SELECT count(*) FROM contributions WHERE question_id = :q)"
                " + (SELECT count(*) FROM consensus_points WHERE question_id = :q)",
                {"q": question_id},
            ).fetchone()[0]
            if used:
                raise KnownError(
                    f"This question already has {plural(used, 'record', 'records')} "
                    "(contributions or consensus points) on its item, so it cannot move to "
                    "another item."
                )
        with self._doc.write() as tx:
            where = "agenda_item_id = ?"
            old_ids = _ids_in_order(tx.db, "guiding_questions", where, [q.agenda_item_id])
            old_index = old_ids.index(question_id)
            old_ids.remove(question_id)
            _renumber(tx.db, "guiding_questions", old_ids)
            tx.db.execute(
                "UPDATE guiding_questions SET agenda_item_id = ? WHERE id = ?",
                [item_id, question_id],
            )
            ids = _ids_in_order(tx.db, "guiding_questions", where, [item_id])
            ids.remove(question_id)
            ids.insert(_clamp(index, len(ids)), question_id)
            _renumber(tx.db, "guiding_questions", ids)
            tx.changed(Entity.QUESTION, ChangeKind.MOVED, question_id)
        return q.agenda_item_id, old_index
