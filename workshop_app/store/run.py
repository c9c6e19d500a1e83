"""Running the day: which item is on, the chair's question in focus, the speaking limit.

Times come from the clock passed in and are recorded, so an elapsed time shown after the file
is reopened is the same as before. ``capture``/``put_back`` let chair actions undo exactly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.domain.clock import format_timestamp
from workshop_app.domain.model import AgendaItem, Day, ItemStatus
from workshop_app.domain.runday import items_on
from workshop_app.errors import KnownError
from workshop_app.store.changes import ChangeKind, Entity, Transaction
from workshop_app.store.days import check_values, read_days, set_fields
from workshop_app.store.rowstate import RowState, capture, put_back
from workshop_app.store.speeches import end_every_speech

if TYPE_CHECKING:
    from workshop_app.store.agenda import AgendaStore
    from workshop_app.store.handle import Handle


@dataclass(frozen=True)
class RunSettings:
    focus_question_id: str | None
    speech_limit_seconds: int | None
    #: The end of the day a file from before days was re-planned to (HH:MM): it is the
    #: first day's, unless that day has its own end (see ``RunStore.days``). Not written.
    day_end: str | None = None


@dataclass(frozen=True)
class RunSnapshot:
    """The rows a chair action may touch, for the items it concerns."""

    states: tuple[RowState, ...]


class RunStore:
    def __init__(self, document: Handle, agenda: AgendaStore) -> None:
        self._doc = document
        self._agenda = agenda

    # -- reading --------------------------------------------------------------------------

    def settings(self) -> RunSettings:
        row = next(self._doc.db.query("SELECT * FROM run_state WHERE singleton = 1"))
        return RunSettings(row["focus_question_id"], row["speech_limit_seconds"], row["day_end"])

    def days(self) -> list[Day]:
        """The days, each with the end the chair holds it to: its own ``end_time``, or for
        the first day of a file re-planned before days, the end it was re-planned to then."""
        days = read_days(self._doc.db)
        legacy = self.settings().day_end
        if days and legacy and not days[0].end_time:
            days[0] = dataclasses.replace(days[0], end_time=legacy)
        return days

    def current_item(self) -> AgendaItem | None:
        """The item running now, if any."""
        for item in self._agenda.items():
            if item.status == ItemStatus.RUNNING:
                return item
        return None

    def next_planned(
        self, after: str | None = None, day_id: str | None = None
    ) -> AgendaItem | None:
        """The first planned item (after ``after`` in running order, when given; on the day
        ``day_id`` only, when given)."""
        items = self._agenda.items()
        if day_id is not None:
            items = list(items_on(day_id, read_days(self._doc.db), items))
        start = 0
        if after is not None:
            start = next((i + 1 for i, item in enumerate(items) if item.id == after), 0)
        return next((i for i in items[start:] if i.status == ItemStatus.PLANNED), None)

    # -- item flow ------------------------------------------------------------------------

    def start_item(self, item_id: str, now: dt.datetime) -> None:
        """Start an item now; the one running (if another) is finished at the same moment."""
        with self._doc.write() as tx:
            for running in self._running_ids(tx):
                if running != item_id:
                    self._finish(tx, running, now, ItemStatus.DONE)
            tx.db.execute(
                "UPDATE agenda_items SET status = 'running', ended_at = NULL,"
                " started_at = coalesce(started_at, ?) WHERE id = ?",
                [format_timestamp(now), item_id],
            )
            self._focus_first_question(tx, item_id)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.UPDATED, item_id)

    def finish_item(self, item_id: str, now: dt.datetime) -> None:
        with self._doc.write() as tx:
            self._finish(tx, item_id, now, ItemStatus.DONE)

    def skip_item(self, item_id: str, now: dt.datetime) -> None:
        """Mark an item as skipped (ending it if it was running)."""
        with self._doc.write() as tx:
            self._finish(tx, item_id, now, ItemStatus.SKIPPED)

    def next_item(self, now: dt.datetime, day_id: str | None = None) -> AgendaItem | None:
        """Finish the running item and start the next planned one (of the day ``day_id``
        only, when given); returns it (or None)."""
        current = self.current_item()
        following = self.next_planned(current.id if current else None, day_id)
        with self._doc.write() as tx:
            if current is not None:
                self._finish(tx, current.id, now, ItemStatus.DONE)
            if following is not None:
                self.start_item(following.id, now)
        return following

    def _running_ids(self, tx: Transaction) -> list[str]:
        return [
            r["id"] for r in tx.db.query("SELECT id FROM agenda_items WHERE status = 'running'")
        ]

    def _finish(self, tx: Transaction, item_id: str, now: dt.datetime, status: ItemStatus) -> None:
        end_every_speech(tx, item_id, now)
        stamp = format_timestamp(now)
        tx.db.execute(
            "UPDATE agenda_items SET status = ?,"
            " ended_at = CASE WHEN started_at IS NULL THEN NULL ELSE ? END WHERE id = ?",
            [status.value, stamp, item_id],
        )
        # Waiting requests lapse with the item: they stay on record as withdrawn.
        tx.db.execute(
            "UPDATE speeches SET status = 'withdrawn', queue_position = NULL"
            " WHERE agenda_item_id = ? AND status = 'waiting'",
            [item_id],
        )
        tx.changed(Entity.AGENDA_ITEM, ChangeKind.UPDATED, item_id)
        tx.changed(Entity.SPEECH, ChangeKind.UPDATED)

    def _focus_first_question(self, tx: Transaction, item_id: str) -> None:
        row = tx.db.execute(
            "SELECT id FROM guiding_questions WHERE agenda_item_id = ? ORDER BY position LIMIT 1",
            [item_id],
        ).fetchone()
        tx.db.execute(
            "UPDATE run_state SET focus_question_id = ? WHERE singleton = 1",
            [row[0] if row else None],
        )

    # -- the chair's settings -------------------------------------------------------------

    def set_focus(self, question_id: str | None) -> None:
        with self._doc.write() as tx:
            tx.db.execute(
                "UPDATE run_state SET focus_question_id = ? WHERE singleton = 1", [question_id]
            )
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def set_speech_limit(self, seconds: int | None) -> None:
        if seconds is not None and seconds <= 0:
            raise KnownError("A speaking-time limit must be at least one second.")
        with self._doc.write() as tx:
            tx.db.execute(
                "UPDATE run_state SET speech_limit_seconds = ? WHERE singleton = 1", [seconds]
            )
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def replan(self, minutes: Mapping[str, int], day_id: str, day_end: str | None) -> None:
        """Re-plan a day: new planned minutes for some of its items and the end it is held to
        (HH:MM), kept on the day; one transaction."""
        values = check_values({"end_time": day_end})
        with self._doc.write() as tx:
            if not tx.db.execute("SELECT 1 FROM days WHERE id = ?", [day_id]).fetchone():
                raise KnownError("That day is no longer in the workshop.")
            set_fields(tx.db, day_id, values)
            tx.changed(Entity.DAY, ChangeKind.UPDATED, day_id)
            self.set_planned_minutes(minutes)

    def set_planned_minutes(self, minutes: Mapping[str, int]) -> None:
        """New planned minutes for several items at once."""
        with self._doc.write() as tx:
            for item_id, value in minutes.items():
                if not 0 <= value <= 1440:
                    raise KnownError("Planned minutes must be between 0 and 1440.")
                tx.db.execute(
                    "UPDATE agenda_items SET planned_minutes = ? WHERE id = ?", [value, item_id]
                )
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.UPDATED, *minutes)

    # -- exact undo of chair actions ------------------------------------------------------

    def capture(self, item_ids: Sequence[str] = ()) -> RunSnapshot:
        """The agenda rows, the days (their ends), the run state and the speeches of
        ``item_ids``, as they are."""
        db = self._doc.db
        marks = ",".join("?" * len(item_ids)) or "NULL"
        run_state = RowState("run_state", "1", (), tuple(db.query("SELECT * FROM run_state")))
        return RunSnapshot(
            (
                capture(db, "agenda_items", "1"),
                capture(db, "days", "1"),
                capture(db, "speeches", f"agenda_item_id IN ({marks})", item_ids),
                run_state,
            )
        )

    def put_back(self, snapshot: RunSnapshot) -> None:
        with self._doc.write() as tx:
            for state in snapshot.states:
                if state.table == "run_state":
                    (row,) = state.rows
                    tx.db.table("run_state").update(1, row)
                else:
                    put_back(tx.db, state)
            tx.changed(Entity.AGENDA_ITEM, ChangeKind.UPDATED)
            tx.changed(Entity.SPEECH, ChangeKind.UPDATED)
            tx.changed(Entity.DAY, ChangeKind.UPDATED)
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)
