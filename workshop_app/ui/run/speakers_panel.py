"""The chair's list of speakers: who has the floor (with a timer), who waits, and the balance
of turns and speaking time between stakeholder groups."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.balance import Balance, speech_seconds
from workshop_app.domain.clock import format_seconds
from workshop_app.domain.model import Participant, Speech
from workshop_app.ui.common.folding import fold
from workshop_app.ui.run.balance_chart import BalanceChart
from workshop_app.ui.run.speaker_box import folded_completer

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def person_label(person: Participant | None) -> str:
    if person is None:
        return "(no longer on the roster)"
    group = f" ({person.stakeholder_group})" if person.stakeholder_group else ""
    return f"{person.name}{group}"


class SpeakersPanel(QWidget):
    """Shows the floor and the queue; emits what the chair asks for."""

    add_requested = Signal(str)  # participant id
    floor_requested = Signal(str)  # speech id
    withdraw_requested = Signal(str)  # speech id
    remove_requested = Signal(str)  # speech id
    move_requested = Signal(str, int)  # speech id, new index
    limit_changed = Signal(object)  # seconds or None
    scope_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaking_label = QLabel()
        self.speaking_label.setObjectName("speakingNow")
        self.speaking_label.setWordWrap(True)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("speechTimer")
        self.next_button = QPushButton("Next speaker")
        self.end_button = QPushButton("End turn")
        # The chair's buttons have shortcuts (see the Run menu): they never take the keyboard
        # from the entry box, where a Space typed would press them.
        for button in (self.next_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue = QListWidget()
        self.queue.setObjectName("speakerQueue")
        self.queue.setAccessibleName("List of speakers waiting")
        self.queue.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.queue.model().rowsMoved.connect(self._dragged)
        self.queue.itemActivated.connect(lambda row: self.floor_requested.emit(row.data(ID_ROLE)))
        self.add_box = QLineEdit()
        self.add_box.setObjectName("addSpeaker")
        self.add_box.setPlaceholderText("Add a speaker: type a name or organisation")
        self.add_box.setAccessibleName("Add a speaker to the list")
        self._choices: dict[str, str] = {}
        self._completer_model = QStringListModel(self)
        completer, matches = folded_completer(self._completer_model, self.add_box)
        completer.activated.connect(self._add_chosen)
        self.add_box.setCompleter(completer)
        self.add_box.textEdited.connect(matches.set_typed)
        self.add_box.returnPressed.connect(lambda: self._add_chosen(self.add_box.text()))
        self.limit_on = QCheckBox("&Limit each turn to")
        self.limit = QSpinBox()
        self.limit.setRange(15, 3600)
        self.limit.setSingleStep(15)
        self.limit.setValue(180)
        self.limit.setSuffix(" s")
        self.limit.setAccessibleName("Speaking time limit in seconds")
        self.limit_on.toggled.connect(self._limit_edited)
        self.limit.editingFinished.connect(self._limit_edited)
        self.scope_item = QRadioButton("This &item")
        self.scope_day = QRadioButton("Whole &day")
        self.scope_item.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.scope_item)
        scope.addButton(self.scope_day)
        self.scope_item.toggled.connect(lambda _on: self.scope_changed.emit())
        self.people_box = QCheckBox("Per per&son")
        self.chart = BalanceChart()
        self.people_box.toggled.connect(self.chart.show_people)
        self._build_queue_actions()
        self._layout()
        self._speaking: Speech | None = None
        self._limit: int | None = None
        self._people: dict[str, Participant] = {}

    def _build_queue_actions(self) -> None:
        def action(text: str, keys: str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.queue.addAction(act)
            return act

        self.queue_up = action("Move Speaker &Up", "Alt+Up", lambda: self._move_selected(-1))
        self.queue_down = action("Move Speaker &Down", "Alt+Down", lambda: self._move_selected(1))
        self.queue_withdraw = action("&Withdraw Speaker", "Backspace", self._withdraw_selected)
        self.queue_remove = action("&Remove Speaker", "Delete", self._remove_selected)
        self.queue.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _layout(self) -> None:
        floor = QHBoxLayout()
        floor.addWidget(self.speaking_label, 1)
        floor.addWidget(self.timer_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.end_button)
        limit = QHBoxLayout()
        limit.addWidget(self.limit_on)
        limit.addWidget(self.limit)
        limit.addStretch(1)
        scope = QHBoxLayout()
        balance_label = QLabel("<b>Balance</b>")
        scope.addWidget(balance_label)
        scope.addStretch(1)
        scope.addWidget(self.scope_item)
        scope.addWidget(self.scope_day)
        scope.addWidget(self.people_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(floor)
        layout.addLayout(buttons)
        self.queue_label = QLabel("&Waiting")
        self.queue_label.setBuddy(self.queue)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.queue, 2)
        layout.addWidget(self.add_box)
        layout.addLayout(limit)
        layout.addLayout(scope)
        layout.addWidget(self.chart, 1)

    # -- showing --------------------------------------------------------------------------

    def show_floor(
        self,
        speaking: Speech | None,
        queue: list[Speech],
        people: list[Participant],
        limit_seconds: int | None,
        enabled: bool,
    ) -> None:
        self._speaking, self._limit = speaking, limit_seconds
        self._people = {p.id: p for p in people}
        if speaking is None:
            self.speaking_label.setText("<i>Nobody has the floor</i>")
        else:
            who = html.escape(person_label(self._people.get(speaking.participant_id)))
            self.speaking_label.setText(f"Speaking: <b>{who}</b>")
        keep = self.queue.currentRow()
        self.queue.clear()
        for number, speech in enumerate(queue, start=1):
            row = QListWidgetItem(
                f"{number}. {person_label(self._people.get(speech.participant_id))}"
            )
            row.setData(ID_ROLE, speech.id)
            self.queue.addItem(row)
        if 0 <= keep < self.queue.count():
            self.queue.setCurrentRow(keep)
        self.queue_label.setText(f"&Waiting ({len(queue)})")
        waiting = {s.participant_id for s in queue}
        ordered = sorted(people, key=lambda p: (not p.present, p.name.casefold()))
        self._choices = {}
        for person in ordered:
            if person.id in waiting:
                continue
            org = f" — {person.organisation}" if person.organisation else ""
            self._choices[f"{person.name}{org}"] = person.id
        self._completer_model.setStringList(list(self._choices))
        self.limit_on.blockSignals(True)
        self.limit_on.setChecked(limit_seconds is not None)
        self.limit_on.blockSignals(False)
        if limit_seconds is not None and not self.limit.hasFocus():
            self.limit.setValue(limit_seconds)
        for widget in (self.next_button, self.end_button, self.add_box, self.queue):
            widget.setEnabled(enabled)
        self.end_button.setEnabled(enabled and speaking is not None)

    def show_balance(self, balance: Balance) -> None:
        self.chart.set_balance(balance, "time")

    def tick(self, now: dt.datetime) -> None:
        if self._speaking is None:
            self.timer_label.setText("")
            return
        seconds = speech_seconds(self._speaking, now)
        text = format_seconds(seconds)
        over = self._limit is not None and seconds >= self._limit
        if self._limit is not None:
            text += f" / {format_seconds(self._limit)}"
        self.timer_label.setText(text)
        self.timer_label.setStyleSheet("color: #b3261e; font-weight: bold;" if over else "")
        self.timer_label.setAccessibleDescription("time is up" if over else "")

    # -- the chair's gestures -------------------------------------------------------------

    def _add_chosen(self, text: str) -> None:
        participant_id = self._choices.get(text.strip())
        if participant_id is None:
            matches = [pid for label, pid in self._choices.items() if fold(text) in fold(label)]
            participant_id = matches[0] if len(matches) == 1 else None
        if participant_id is not None:
            self.add_box.clear()
            self.add_requested.emit(participant_id)

    def _selected_id(self) -> str | None:
        row = self.queue.currentItem()
        return str(row.data(ID_ROLE)) if row else None

    def _move_selected(self, step: int) -> None:
        speech_id = self._selected_id()
        if speech_id is not None:
            target = self.queue.currentRow() + step
            if 0 <= target < self.queue.count():
                self.move_requested.emit(speech_id, target)
                self.queue.setCurrentRow(target)

    def _withdraw_selected(self) -> None:
        speech_id = self._selected_id()
        if speech_id is not None:
            self.withdraw_requested.emit(speech_id)

    def _remove_selected(self) -> None:
        speech_id = self._selected_id()
        if speech_id is not None:
            self.remove_requested.emit(speech_id)

    def _dragged(self, *_args: object) -> None:
        """A drag reordered the list: tell which speech is now where (the store decides)."""
        ids = [self.queue.item(i).data(ID_ROLE) for i in range(self.queue.count())]
        row = self.queue.currentRow()
        if 0 <= row < len(ids):
            self.move_requested.emit(ids[row], row)

    def _limit_edited(self) -> None:
        self.limit_changed.emit(self.limit.value() if self.limit_on.isChecked() else None)

    #: A command is about to run: a limit being typed is set first (see ui/pending.py).
    commit_pending = _limit_edited

    def balance_scope_is_item(self) -> bool:
        return self.scope_item.isChecked()
