"""The list of speakers: who is waiting, who has the floor, every turn with its times."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from workshop_app.domain.clock import format_timestamp
from workshop_app.domain.model import Speech, SpeechStatus, new_id
from workshop_app.errors import KnownError
from workshop_app.store.changes import ChangeKind, Entity, Transaction
from workshop_app.store.errors import NotFound
from workshop_app.store.groups import check_group_of_item
from workshop_app.store.rows import from_row, to_row

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle


def read_speeches(db: Database, agenda_item_id: str | None = None) -> list[Speech]:
    if agenda_item_id is None:
        rows = db.query("SELECT * FROM speeches ORDER BY seq")
    else:
        rows = db.query(
            "SELECT * FROM speeches WHERE agenda_item_id = ? ORDER BY seq", [agenda_item_id]
        )
    return [from_row(Speech, r) for r in rows]


def _waiting_ids(db: Database, agenda_item_id: str, group_id: str | None) -> list[str]:
    """The queue of one floor: the item's plenary (``group_id`` None) or one of its groups."""
    return [
        r["id"]
        for r in db.query(
            "SELECT id FROM speeches WHERE agenda_item_id = ? AND group_id IS ?"
            " AND status = 'waiting' ORDER BY queue_position, seq",
            [agenda_item_id, group_id],
        )
    ]


def _renumber(db: Database, ids: list[str]) -> None:
    for position, speech_id in enumerate(ids):
        db.execute("UPDATE speeches SET queue_position = ? WHERE id = ?", [position, speech_id])


def end_current_speech(
    tx: Transaction, agenda_item_id: str, now: dt.datetime, group_id: str | None = None
) -> str | None:
    """Close the turn in progress on one floor of an item (plenary, or ``group_id``'s), if
    any; returns its id."""
    row = tx.db.execute(
        "SELECT id FROM speeches WHERE agenda_item_id = ? AND group_id IS ?"
        " AND status = 'speaking'",
        [agenda_item_id, group_id],
    ).fetchone()
    if row is None:
        return None
    tx.db.execute(
        "UPDATE speeches SET status = 'done', ended_at = ? WHERE id = ?",
        [format_timestamp(now), row[0]],
    )
    tx.changed(Entity.SPEECH, ChangeKind.UPDATED, row[0])
    return str(row[0])


def end_every_speech(tx: Transaction, agenda_item_id: str, now: dt.datetime) -> None:
    """Close the turns in progress on every floor of an item (it is finishing)."""
    ids = [
        r["id"]
        for r in tx.db.query(
            "SELECT id FROM speeches WHERE agenda_item_id = ? AND status = 'speaking'",
            [agenda_item_id],
        )
    ]
    for speech_id in ids:
        tx.db.execute(
            "UPDATE speeches SET status = 'done', ended_at = ? WHERE id = ?",
            [format_timestamp(now), speech_id],
        )
    if ids:
        tx.changed(Entity.SPEECH, ChangeKind.UPDATED, *ids)


class SpeechStore:
    """The queue and the floor of each agenda item (and of each of its breakout groups: a
    group has a floor of its own); each method one transaction."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def list(self, agenda_item_id: str | None = None) -> list[Speech]:
        return read_speeches(self._doc.db, agenda_item_id)

    def queue(
        self,
        agenda_item_id: str,
        speeches: Sequence[Speech] | None = None,
        group_id: str | None = None,
    ) -> builtins.list[Speech]:
        """Who is waiting to speak on an item (in plenary, or in ``group_id``), in order
        (from its ``speeches`` if just read)."""
        by_id = {s.id: s for s in (self.list(agenda_item_id) if speeches is None else speeches)}
        return [by_id[i] for i in _waiting_ids(self._doc.db, agenda_item_id, group_id)]

    def speaking(self, agenda_item_id: str, group_id: str | None = None) -> Speech | None:
        for speech in self.list(agenda_item_id):
            if speech.status == SpeechStatus.SPEAKING and speech.group_id == group_id:
                return speech
        return None

    def request(
        self,
        agenda_item_id: str,
        participant_id: str,
        now: dt.datetime,
        group_id: str | None = None,
    ) -> Speech:
        """Put someone on the list of speakers of a floor (at the end)."""
        check_group_of_item(self._doc.db, agenda_item_id, group_id)
        with self._doc.write() as tx:
            waiting = tx.db.execute(
                "SELECT p.name FROM speeches s JOIN participants p ON p.id = s.participant_id "
                "WHERE s.agenda_item_id = ? AND s.participant_id = ? AND s.status = 'waiting'"
                " AND s.group_id IS ?",
                [agenda_item_id, participant_id, group_id],
            ).fetchone()
            if waiting is not None:
                raise KnownError(f"{waiting[0]} is already on the list of speakers.")
            speech = Speech(
                id=new_id(),
                participant_id=participant_id,
                agenda_item_id=agenda_item_id,
                requested_at=format_timestamp(now),
                status=SpeechStatus.WAITING,
                group_id=group_id,
            )
            position = len(_waiting_ids(tx.db, agenda_item_id, group_id))
            tx.db.table("speeches").insert({**to_row(speech), "queue_position": position})
            tx.changed(Entity.SPEECH, ChangeKind.ADDED, speech.id)
        return speech

    def withdraw(self, speech_id: str) -> None:
        """Someone no longer wishes to speak: they leave the queue, the request stays on record."""
        speech = self._get(speech_id)
        if speech.status != SpeechStatus.WAITING:
            raise KnownError("Only someone still waiting can withdraw.")
        with self._doc.write() as tx:
            tx.db.execute(
                "UPDATE speeches SET status = 'withdrawn', queue_position = NULL WHERE id = ?",
                [speech_id],
            )
            _renumber(tx.db, _waiting_ids(tx.db, speech.agenda_item_id, speech.group_id))
            tx.changed(Entity.SPEECH, ChangeKind.UPDATED, speech_id)

    def remove(self, speech_id: str) -> None:
        """Take a request off the list entirely (added by mistake)."""
        speech = self._get(speech_id)
        if speech.status != SpeechStatus.WAITING:
            raise KnownError("A turn that has been taken stays on record.")
        with self._doc.write() as tx:
            tx.db.execute("DELETE FROM speeches WHERE id = ?", [speech_id])
            _renumber(tx.db, _waiting_ids(tx.db, speech.agenda_item_id, speech.group_id))
            tx.changed(Entity.SPEECH, ChangeKind.REMOVED, speech_id)

    def move(self, speech_id: str, index: int) -> None:
        """Move a waiting speaker to ``index`` in the queue."""
        speech = self._get(speech_id)
        with self._doc.write() as tx:
            ids = _waiting_ids(tx.db, speech.agenda_item_id, speech.group_id)
            if speech_id not in ids:
                raise KnownError("Only someone still waiting can be moved in the queue.")
            ids.remove(speech_id)
            ids.insert(max(0, min(index, len(ids))), speech_id)
            _renumber(tx.db, ids)
            tx.changed(Entity.SPEECH, ChangeKind.MOVED, speech_id)

    def give_floor(self, speech_id: str, now: dt.datetime) -> None:
        """Start this turn now (ending the one in progress on the item)."""
        speech = self._get(speech_id)
        if speech.status != SpeechStatus.WAITING:
            raise KnownError("That person is not waiting to speak.")
        with self._doc.write() as tx:
            end_current_speech(tx, speech.agenda_item_id, now, speech.group_id)
            tx.db.execute(
                "UPDATE speeches SET status = 'speaking', started_at = ?, queue_position = NULL "
                "WHERE id = ?",
                [format_timestamp(now), speech_id],
            )
            _renumber(tx.db, _waiting_ids(tx.db, speech.agenda_item_id, speech.group_id))
            tx.changed(Entity.SPEECH, ChangeKind.UPDATED, speech_id)

    def next_speaker(
        self, agenda_item_id: str, now: dt.datetime, group_id: str | None = None
    ) -> Speech | None:
        """End the turn in progress on the floor and give it to the first in its queue."""
        queue = _waiting_ids(self._doc.db, agenda_item_id, group_id)
        if queue:
            self.give_floor(queue[0], now)
            return self._get(queue[0])
        with self._doc.write() as tx:
            end_current_speech(tx, agenda_item_id, now, group_id)
        return None

    def end_speech(
        self, agenda_item_id: str, now: dt.datetime, group_id: str | None = None
    ) -> None:
        with self._doc.write() as tx:
            end_current_speech(tx, agenda_item_id, now, group_id)

    def _get(self, speech_id: str) -> Speech:
        rows = list(self._doc.db.query("SELECT * FROM speeches WHERE id = ?", [speech_id]))
        if not rows:
            raise NotFound("That turn is no longer on the list of speakers.")
        return from_row(Speech, rows[0])
