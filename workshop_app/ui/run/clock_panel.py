"""The chair's clock: now, the current item against its plan, the day against its schedule,
and the agenda outline with the question in focus."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.clock import format_seconds, venue_hhmm, zone_label
from workshop_app.domain.model import AgendaItem, Day, ItemStatus
from workshop_app.domain.runclock import ClockState, Projection, item_clock
from workshop_app.domain.runday import MoveKind, NextMove, RunDay, day_heading

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_MARKS = {
    ItemStatus.DONE: "✓",
    ItemStatus.RUNNING: "▶",
    ItemStatus.PLANNED: "○",
    ItemStatus.SKIPPED: "–",
}
FINISHED = (ItemStatus.DONE, ItemStatus.SKIPPED)
STATE_COLOURS = {ClockState.ON_TIME: "", ClockState.WARNING: "#b26a00", ClockState.OVER: "#b3261e"}


class ClockPanel(QWidget):
    """Shows; the run page turns its buttons and clicks into edits."""

    item_activated = Signal(str)  # an agenda item id: start it
    question_activated = Signal(str)  # a question id: focus it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = QLabel()
        self.now.setObjectName("nowClock")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.now.setFont(font)
        self.now.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLabel()
        self.title.setObjectName("currentItem")
        self.title.setWordWrap(True)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("itemClock")
        # It may say "Day 1 is done; Day 2 starts on Monday 16 March at 09:30."
        self.elapsed.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setAccessibleName("Time used of the planned time")
        self.day = QLabel()
        self.day.setObjectName("dayStatus")
        self.day.setWordWrap(True)
        self.replan_button = QPushButton("Re-plan…")
        self.next_button = QPushButton()
        self.finish_button = QPushButton("Finish")
        self.skip_button = QPushButton("Skip")
        # The chair's buttons have shortcuts (see the Run menu): they never take the keyboard
        # from the entry box, where a Space typed would press them.
        for button in (self.replan_button, self.next_button, self.finish_button, self.skip_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outline = QTreeWidget()
        self.outline.setObjectName("runOutline")
        self.outline.setAccessibleName("Agenda: items and guiding questions")
        self.outline.setHeaderHidden(True)
        self.outline.setRootIsDecorated(False)
        self.outline.setIndentation(14)
        self.outline.itemActivated.connect(self._activated)
        self._layout()
        self._items: list[AgendaItem] = []
        self._focus: str | None = None
        self._move: NextMove | None = None
        self._day_name = "Day"  # "Day 2" in a workshop of several days

    def _layout(self) -> None:
        day_row = QHBoxLayout()
        day_row.addWidget(self.day, 1)
        day_row.addWidget(self.replan_button)
        buttons = QHBoxLayout()
        for button in (self.next_button, self.finish_button, self.skip_button):
            buttons.addWidget(button)
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.now)
        layout.addWidget(self.title)
        layout.addWidget(self.elapsed)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addLayout(day_row)
        outline_label = QLabel("A&genda")
        outline_label.setBuddy(self.outline)
        layout.addWidget(outline_label)
        layout.addWidget(self.outline, 1)

    def show_projector(self, thumbnail: QWidget) -> None:
        """The projector's live thumbnail, under the agenda."""
        self._column.addWidget(thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)

    # -- showing --------------------------------------------------------------------------

    def show_agenda(
        self,
        items: list[AgendaItem],
        focus_question_id: str | None,
        today: RunDay | None = None,
        days: Sequence[Day] = (),
        move: NextMove | None = None,
    ) -> None:
        """Rebuild the outline (a few dozen rows at most) and the item buttons: with several
        days, under day headings, today's open and the other days' closed (the column is
        short: today's items stay in sight, an earlier day's one Right arrow away)."""
        self._items, self._focus, self._move = items, focus_question_id, move
        several = today is not None and today.count > 1 and len(days) > 1
        self._day_name = today.name if today is not None and several else "Day"
        current = next((i for i in items if i.status == ItemStatus.RUNNING), None)
        selected = self.outline.currentItem()
        keep = selected.data(0, ID_ROLE) if selected else None
        self.outline.clear()
        self.outline.setRootIsDecorated(several)
        headings = self._day_headings(days, today) if several else {}
        first = days[0].id if days else None
        for item in items:
            row = QTreeWidgetItem([f"{STATUS_MARKS[item.status]}  {item.title}"])
            row.setData(0, ID_ROLE, ("item", item.id))
            row.setToolTip(0, item.title)
            if item.status == ItemStatus.RUNNING:
                font = row.font(0)
                font.setBold(True)
                row.setFont(0, font)
            heading = headings.get(item.day_id or first or "")
            if heading is None:
                self.outline.addTopLevelItem(row)
            else:
                heading.addChild(row)
            for number, q in enumerate(item.questions, start=1):
                mark = "●" if q.id == focus_question_id else "·"
                child = QTreeWidgetItem([f"{mark} Q{number} {q.text}"])
                child.setData(0, ID_ROLE, ("question", q.id))
                child.setToolTip(0, q.text)
                row.addChild(child)
            row.setExpanded(item.status == ItemStatus.RUNNING)
            if keep == ("item", item.id):
                self.outline.setCurrentItem(row)
        for day_id, heading in headings.items():
            on_it = current is not None and (current.day_id or first) == day_id
            heading.setExpanded(on_it or (today is not None and today.day.id == day_id))
        self._show_move(move, current)

    def _day_headings(
        self, days: Sequence[Day], today: RunDay | None
    ) -> dict[str, QTreeWidgetItem]:
        """A heading row for each day ("Day 2 · Wednesday 11 March"), today's in bold."""
        headings = {}
        first = days[0].id if days else None
        for number, day in enumerate(days, start=1):
            on_day = [i for i in self._items if (i.day_id or first) == day.id]
            over = bool(on_day) and all(i.status in FINISHED for i in on_day)
            heading = QTreeWidgetItem([day_heading(number, day) + ("  ✓" if over else "")])
            heading.setData(0, ID_ROLE, ("day", day.id))
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a thing to start
            if today is not None and today.day.id == day.id:
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
            self.outline.addTopLevelItem(heading)
            headings[day.id] = heading
        return headings

    def _show_move(self, move: NextMove | None, current: AgendaItem | None) -> None:
        """The next button says what F9 does; within today only, unless it says so."""
        following = next((i for i in self._items if i.status == ItemStatus.PLANNED), None)
        if move is not None:
            self.next_button.setText(move.label)
            self.next_button.setEnabled(move.kind != MoveKind.DAY_DONE)
            following = next((i for i in self._items if i.id == move.starts), None)
        elif current is None:
            self.next_button.setText("Start next item")
            self.next_button.setEnabled(following is not None)
        else:
            self.next_button.setText("Next item" if following else "End the day")
        self.finish_button.setEnabled(current is not None)
        self.skip_button.setEnabled(current is not None or following is not None)

    def tick(
        self, now: dt.datetime, projection: Projection | None, timezone: str | None = None
    ) -> None:
        """Update the clocks from recorded times (called every second); the time of day is
        on the clock of the workshop's ``timezone``, named when the laptop's differs."""
        label = zone_label(timezone, now)
        note = f" <span style='font-size: small; font-weight: normal;'>{label}</span>"
        self.now.setText(f"NOW {venue_hhmm(now, timezone)}{note if label else ''}")
        self.now.setAccessibleName(f"Now {venue_hhmm(now, timezone)} {label}".strip())
        current = next((i for i in self._items if i.status == ItemStatus.RUNNING), None)
        if current is None:
            self.title.setText("No item running")
            self.elapsed.setText(self._waiting_text())
            self.elapsed.setStyleSheet("")
            self.progress.setValue(0)
        else:
            clock = item_clock(current, now)
            self.title.setText(f"<b>{html.escape(current.title)}</b>")
            text = (
                f"{format_seconds(clock.elapsed_seconds)} / {format_seconds(clock.planned_seconds)}"
            )
            if clock.state == ClockState.OVER:
                text += f"  ·  +{format_seconds(clock.overrun_seconds)} over"
            self.elapsed.setText(text)
            colour = STATE_COLOURS[clock.state]
            style = f"color: {colour}; font-weight: bold;" if colour else ""
            self.elapsed.setStyleSheet(style)
            self.progress.setMaximum(1000)
            self.progress.setValue(int(min(clock.fraction, 1.0) * 1000))
            bar = f"QProgressBar::chunk {{ background: {colour}; }}" if colour else ""
            self.progress.setStyleSheet(bar)
            self.elapsed.setAccessibleDescription(f"{clock.state.value.replace('_', ' ')}")
        if projection is None:  # not the workshop's day: nothing to be ahead of or behind
            self.day.setText("")
            self.replan_button.setEnabled(False)
            return
        behind, day = projection.behind_minutes, self._day_name
        if behind > 0:
            status = f"{day}: {behind} min behind"
        elif behind < 0:
            status = f"{day}: {-behind} min ahead"
        else:
            status = f"{day}: on schedule"
        # "Day 2: …" leaves no room for the end on the line: it goes on its own, not wrapped
        # at whichever word the column's width falls on.
        gap = " · " if day == "Day" else "\n"
        self.day.setText(f"{status}{gap}ends ~{projection.projected_end:%H:%M}")
        self.replan_button.setEnabled(behind > 0)

    def _waiting_text(self) -> str:
        """Under "No item running": what F9 will do, or when the next day starts."""
        move = self._move
        if move is not None and move.kind == MoveKind.DAY_DONE and move.note:
            return move.note
        if move is not None and move.kind == MoveKind.START_DAY:
            return f"{move.label} when the room is ready (F9)."
        return "Start the next item when the room is ready (F9)."

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        kind, row_id = row.data(0, ID_ROLE)
        if kind == "item":
            self.item_activated.emit(row_id)
        elif kind == "question":
            self.question_activated.emit(row_id)
