"""The agenda: items in running order, each with its guiding questions in order."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlite_utils import Database

from workshop_app.domain.model import AgendaItem, GuidingQuestion
from workshop_app.store.rows import from_row, to_row

if TYPE_CHECKING:
    from workshop_app.store.document import Document


def read_agenda(db: Database) -> list[AgendaItem]:
    questions: dict[str, list[GuidingQuestion]] = defaultdict(list)
    for row in db.query("SELECT * FROM guiding_questions ORDER BY position, seq"):
        questions[row["agenda_item_id"]].append(from_row(GuidingQuestion, row))
    return [
        from_row(AgendaItem, row, questions=tuple(questions[row["id"]]))
        for row in db.query("SELECT * FROM agenda_items ORDER BY position, seq")
    ]


def insert_agenda(db: Database, items: list[AgendaItem] | tuple[AgendaItem, ...]) -> None:
    db.table("agenda_items").insert_all(
        {**to_row(item, exclude=("questions",)), "position": i} for i, item in enumerate(items)
    )
    db.table("guiding_questions").insert_all(
        {**to_row(q), "position": j} for item in items for j, q in enumerate(item.questions)
    )


class AgendaStore:
    """Reads and edits the agenda and its guiding questions."""

    def __init__(self, document: Document) -> None:
        self._doc = document

    def items(self) -> list[AgendaItem]:
        return read_agenda(self._doc.db)
