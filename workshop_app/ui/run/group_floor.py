"""The Run view's group switcher: when the running item runs as parallel breakout groups, the
rapporteur follows one of them (Ctrl+G goes to the next): the feed, the list of speakers, the
balance and what is recorded are that group's. The chair sees every group's count."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from workshop_app.domain.model import AgendaItem, BreakoutGroup, Contribution
from workshop_app.words import plural

PLENARY = "Plenary"


class _HasGroup(Protocol):
    @property
    def group_id(self) -> str | None: ...


_Row = TypeVar("_Row", bound=_HasGroup)


class GroupFloor(QWidget):
    """A bar above the Run view's columns, shown only while the item has groups."""

    #: The group now followed (None: plenary).
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupFloor")
        self.choice = QComboBox()
        self.choice.setAccessibleName("The breakout group followed")
        self.choice.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the entry box keeps the keys
        self.choice.currentIndexChanged.connect(lambda _i: self.changed.emit(self.group_id()))
        label = QLabel("Following:")
        label.setBuddy(self.choice)
        self.counts = QLabel()
        self.counts.setObjectName("groupCounts")
        self.counts.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(self.counts, 1)
        self.next_action = QAction("Follow the Next &Group", self)
        self.next_action.setShortcut(QKeySequence("Ctrl+G"))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(self.follow_next)
        self.addAction(self.next_action)  # its key works while the bar is shown
        self.choice.setToolTip("The group whose discussion you record (Ctrl+G: the next one)")
        self._item_id: str | None = None
        self.setVisible(False)

    def group_id(self) -> str | None:
        data = self.choice.currentData()
        return str(data) if data else None

    def show_groups(
        self,
        item_id: str | None,
        groups: Sequence[BreakoutGroup],
        contributions: Sequence[Contribution],
    ) -> None:
        """The running item's groups (keeping the one followed, if it is still there) and how
        much each has recorded."""
        keep = self.group_id() if item_id == self._item_id else None
        self._item_id = item_id
        wanted = [(PLENARY, None), *((g.name, g.id) for g in groups)]
        current = [
            (self.choice.itemText(i), self.choice.itemData(i)) for i in range(self.choice.count())
        ]
        if wanted != current:  # told, not chosen: no signal (the caller is reading)
            self.choice.blockSignals(True)
            self.choice.clear()
            for name, group_id in wanted:
                self.choice.addItem(name, group_id)
            self.choice.setCurrentIndex(max(0, self.choice.findData(keep)) if keep else 0)
            self.choice.blockSignals(False)
        self.show_counts(contributions)
        self.setVisible(bool(groups))
        self.next_action.setEnabled(bool(groups))

    def show_counts(self, contributions: Sequence[Contribution]) -> None:
        """How much each floor of the running item has recorded (for the chair)."""
        recorded = Counter(c.group_id for c in contributions)
        self.counts.setText(
            "  ·  ".join(
                f"{self.choice.itemText(i)}: "
                + plural(recorded[self.choice.itemData(i)], "contribution", "contributions")
                for i in range(self.choice.count())
            )
        )

    def asked_here(self, item: AgendaItem | None) -> AgendaItem | None:
        """``item`` with the guiding questions asked on the floor followed: the shared ones
        and the group's own (not another group's)."""
        if item is None or not any(q.group_id for q in item.questions):
            return item
        group = self.group_id()
        questions = tuple(q for q in item.questions if q.group_id in (None, group))
        return dataclasses.replace(item, questions=questions)

    def of_floor(self, rows: Sequence[_Row]) -> list[_Row]:
        """The rows (turns, contributions, points) of the floor followed."""
        group = self.group_id()
        return [row for row in rows if row.group_id == group]

    def follow_next(self) -> None:
        if self.choice.count() > 1:
            self.choice.setCurrentIndex((self.choice.currentIndex() + 1) % self.choice.count())
