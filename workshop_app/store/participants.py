"""The participant roster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils import Database

from workshop_app.domain.model import Participant
from workshop_app.store.rows import from_row, to_row

if TYPE_CHECKING:
    from workshop_app.store.document import Document


def read_participants(db: Database) -> list[Participant]:
    return [from_row(Participant, r) for r in db.query("SELECT * FROM participants ORDER BY seq")]


def insert_participants(db: Database, participants: list[Participant] | tuple[Participant, ...]) -> None:
    db.table("participants").insert_all(to_row(p) for p in participants)


class ParticipantStore:
    """Reads and edits the roster."""

    def __init__(self, document: Document) -> None:
        self._doc = document

    def list(self) -> list[Participant]:
        return read_participants(self._doc.db)
