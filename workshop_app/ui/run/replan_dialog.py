"""Re-plan the rest of the day when running late: shorten what remains, or end later.

The chair sees every remaining item's current and new times before accepting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.clock import venue_hhmm, zone_label
from workshop_app.domain.model import AgendaItem, ItemKind, ItemStatus
from workshop_app.domain.runclock import Projection, project_day, shorten_remaining

COLUMNS = ("Item", "Now", "Minutes", "New", "New minutes")
COL_TITLE, COL_TIMES, COL_MINUTES, COL_NEW_TIMES, COL_NEW_MINUTES = range(len(COLUMNS))


@dataclass(frozen=True)
class ReplanRow:
    """One remaining item: when it is expected to run now, and after the re-plan."""

    item_id: str
    title: str
    is_break: bool
    start: dt.datetime
    end: dt.datetime
    minutes: int
    new_start: dt.datetime
    new_end: dt.datetime
    new_minutes: int

    @property
    def changed(self) -> bool:
        return (self.new_start, self.new_minutes) != (self.start, self.minutes)


def replan_rows(
    items: Sequence[AgendaItem], projection: Projection, minutes: Mapping[str, int]
) -> list[ReplanRow]:
    """The items not started yet, now and with ``minutes`` (new planned minutes by item id)
    applied, placed as ``project_day`` would place them: back to back after the item before,
    while items already run keep their recorded times."""
    rows: list[ReplanRow] = []
    cursor: dt.datetime | None = None  # None: where the projection starts the next item
    for item in items:
        if item.status == ItemStatus.SKIPPED:
            continue
        if item.status != ItemStatus.PLANNED:
            cursor = None  # a started item keeps its times, so what follows starts as before
            continue
        planned = item.planned_minutes or 0
        new = minutes.get(item.id, planned)
        start, end = projection.starts[item.id], projection.ends[item.id]
        new_start = start if cursor is None else cursor
        cursor = new_start + dt.timedelta(minutes=new)
        rows.append(
            ReplanRow(
                item.id,
                item.title,
                item.kind == ItemKind.BREAK,
                start,
                end,
                planned,
                new_start,
                cursor,
                new,
            )
        )
    return rows


def with_minutes(items: Sequence[AgendaItem], minutes: Mapping[str, int]) -> list[AgendaItem]:
    """``items`` with the planned minutes of some replaced."""
    return [
        dataclasses.replace(i, planned_minutes=minutes[i.id]) if i.id in minutes else i
        for i in items
    ]


def hhmm(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def span(start: dt.datetime, end: dt.datetime) -> str:
    """``12:20–13:20``, kept in that order in right-to-left text too (a leading LRM)."""
    return f"\u200e{hhmm(start)}–{hhmm(end)}"


def late_minutes(projected_end: dt.datetime, planned_end: dt.datetime) -> int:
    return round((projected_end - planned_end).total_seconds() / 60)


def lateness_text(projection: Projection) -> str:
    """ "18 min behind; the day would end at 16:58 instead of 16:40" (or ahead, or on time)."""
    behind = projection.behind_minutes
    planned, projected = hhmm(projection.planned_end), hhmm(projection.projected_end)
    if behind > 0:
        return f"{behind} min behind; the day would end at {projected} instead of {planned}."
    if behind < 0:
        return f"{-behind} min ahead; the day would end at {projected} instead of {planned}."
    return f"On time; the day would end at {planned} as planned."


def outcome_text(projected_end: dt.datetime, planned_end: dt.datetime, shortened: bool) -> str:
    """What accepting a choice leads to, against the end of the day planned so far."""
    end, planned = hhmm(projected_end), hhmm(planned_end)
    late = late_minutes(projected_end, planned_end)
    if shortened and late <= 0:
        return f"The remaining items get shorter; the day ends at {end} (planned: {planned})."
    if shortened:
        return (
            f"Even with the remaining items shortened, the day ends at {end}, "
            f"{late} min after {planned}."
        )
    if late > 0:
        return f"Every item keeps its length; the day ends at {end}, {late} min after {planned}."
    return f"Every item keeps its length; the day ends at {end} (planned: {planned})."


class ReplanDialog(QDialog):
    """Shows how late the day runs and the two ways on; ``result_minutes`` is the new
    planned minutes by item id to apply (empty when the chair keeps the lengths)."""

    def __init__(
        self,
        items: Sequence[AgendaItem],
        projection: Projection,
        date: str | None,
        start_time: str | None,
        timezone: str | None,
        now: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-plan the Day")
        self._items = list(items)
        self._projection = projection
        self._day = (date, start_time, timezone, now)
        self._shortened = {
            item_id: minutes
            for item_id, minutes in shorten_remaining(self._items, projection).items()
            if minutes != next(i.planned_minutes or 0 for i in self._items if i.id == item_id)
        }

        self.heading = QLabel(lateness_text(projection))
        self.heading.setObjectName("replanHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        label = zone_label(timezone, now)
        clock = QLabel(f"It is {venue_hhmm(now, timezone)} now{f' ({label})' if label else ''}.")
        clock.setObjectName("replanNow")
        clock.setTextFormat(Qt.TextFormat.PlainText)

        self.shorten = QRadioButton("&Shorten the remaining items in proportion (breaks kept)")
        self.keep = QRadioButton("&Keep the lengths and let the day end later")
        self._choices = QButtonGroup(self)
        self._choices.addButton(self.shorten)
        self._choices.addButton(self.keep)
        self.shorten.setEnabled(bool(self._shortened))
        if not self._shortened:
            self.shorten.setToolTip("There is nothing to shorten: the day is not running late.")
        (self.shorten if self._shortened else self.keep).setChecked(True)
        self.shorten.toggled.connect(self._show_choice)

        self.outcome = QLabel()
        self.outcome.setObjectName("replanOutcome")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        table_label = QLabel("&Remaining items:")
        self.table = self._build_table()
        table_label.setBuddy(self.table)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(clock)
        layout.addSpacing(6)
        layout.addWidget(self.shorten)
        layout.addWidget(self.keep)
        layout.addWidget(self.outcome)
        layout.addSpacing(6)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self._show_choice()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("replanTable")
        table.setAccessibleName("Remaining items, now and after the re-plan")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        return table

    # -- the choice -----------------------------------------------------------------------

    def shortening(self) -> bool:
        return self.shorten.isChecked()

    def result_minutes(self) -> dict[str, int]:
        """New planned minutes by item id (only those that change); empty to keep them."""
        return dict(self._shortened) if self.shortening() else {}

    def rows(self) -> list[ReplanRow]:
        return replan_rows(self._items, self._projection, self.result_minutes())

    def after(self) -> Projection:
        """The day as it would run with the current choice."""
        date, start_time, timezone, now = self._day
        items = with_minutes(self._items, self.result_minutes())
        return project_day(date, start_time, items, now, timezone)

    def _show_choice(self) -> None:
        shortened = self.shortening()
        after = self.after()
        # Against the plan the chair sees now: the new plan's own end moves with the minutes.
        self.outcome.setText(
            outcome_text(after.projected_end, self._projection.planned_end, shortened)
        )
        self.apply_button.setText("&Shorten Items" if shortened else "&Keep Lengths")
        self._fill(self.rows())

    def _fill(self, rows: Sequence[ReplanRow]) -> None:
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            title = f"{row.title} (break)" if row.is_break else row.title
            cells = (
                (title, False),
                (span(row.start, row.end), False),
                (str(row.minutes), False),
                (
                    span(row.new_start, row.new_end),
                    (row.new_start, row.new_end) != (row.start, row.end),
                ),
                (str(row.new_minutes), row.new_minutes != row.minutes),
            )
            for column, (text, changed) in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column != COL_TITLE:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    cell.setToolTip(row.title)
                if changed:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(number, column, cell)
        if not rows:
            self.table.setRowCount(1)
            empty = QTableWidgetItem("No items left to run.")
            self.table.setItem(0, COL_TITLE, empty)
