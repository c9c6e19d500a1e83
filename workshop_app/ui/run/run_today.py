"""Today in the Run view: which day it runs, that day's plan against now, what F9 does next,
and re-planning the rest of that day. Read with the agenda, followed every second."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from workshop_app.domain.model import AgendaItem, Day
from workshop_app.domain.runclock import Projection
from workshop_app.domain.runday import NextMove, RunDay, next_move, project_run_day, run_day
from workshop_app.ui import dialogs
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.session import Session


class RunToday:
    """The day the Run view runs, as last computed from the agenda read and the session's
    clock; ``projection`` is None when the day is not measured (not its date)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.days: list[Day] = []
        self.items: list[AgendaItem] = []
        self.timezone: str | None = None
        self.day: RunDay | None = None
        self.move: NextMove | None = None
        self.projection: Projection | None = None

    def read(self, items: list[AgendaItem], timezone: str | None) -> None:
        """After the agenda was read: the days (with the ends held to), then today."""
        self.days, self.items, self.timezone = self._session.run.days(), items, timezone
        self.follow(self._session.clock())

    def follow(self, now: dt.datetime) -> bool:
        """Today at ``now``; whether it is another day than before (past midnight)."""
        before = self.day.day.id if self.day else None
        self.day = run_day(self.days, self.items, now, self.timezone)
        self.move = next_move(self.day, self.days, self.items, now, self.timezone)
        measured = self.day.measured and bool(self.day.items)
        self.projection = project_run_day(self.day, now, self.timezone) if measured else None
        return before is not None and before != self.day.day.id

    @property
    def day_id(self) -> str | None:
        return self.day.day.id if self.day else None

    def replan(self, parent: QWidget, edits: RunEdits) -> None:
        """Re-plan the rest of today: shorten today's remaining items, or let today end later;
        the end held to is kept on the day."""
        today, projection = self.day, self.projection
        if today is None or projection is None:
            return
        minutes = dialogs.ask_replan(
            parent, list(today.items), projection, today.day, self.timezone, self._session.clock()
        )
        if minutes is None:
            return
        # Shortening holds the day to the end it had; keeping the lengths moves the end.
        end = projection.planned_end if minutes else projection.projected_end
        edits.replan(minutes, today.day.id, f"{end:%H:%M}")
