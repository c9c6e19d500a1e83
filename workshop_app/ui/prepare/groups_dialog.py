"""Prepare > Agenda > Breakout Groups: the parallel groups a session item runs as, each with
its room, facilitator, rapporteur and members from the roster. The dialog edits a copy; OK
hands the whole list back, and the caller applies it as one undo step."""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import AgendaItem, BreakoutGroup, Participant, new_id
from workshop_app.words import plural

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BreakoutGroupsDialog(QDialog):
    def __init__(
        self,
        item: AgendaItem,
        groups: Sequence[BreakoutGroup],
        people: Sequence[Participant],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Breakout Groups — {item.title}")
        self._item = item
        self._groups = list(groups)
        self._people = list(people)
        self._showing = -1
        self.list = QListWidget()
        self.list.setAccessibleName("Breakout groups of this item")
        self.list.currentRowChanged.connect(self._show)
        self.add_button = QPushButton("&Add Group")
        self.add_button.clicked.connect(self.add_group)
        self.remove_button = QPushButton("Remo&ve Group")
        self.remove_button.clicked.connect(self.remove_group)
        self.share_button = QPushButton("&Share Out the Present")
        self.share_button.setToolTip(
            "Put everyone present who is in no group yet into the groups, in turn"
        )
        self.share_button.clicked.connect(self.share_out)
        self.name = QLineEdit()
        self.room = QLineEdit()
        self.facilitator = self._person_box("Facilitator")
        self.rapporteur = self._person_box("Rapporteur")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name or organisation")
        self.search.textChanged.connect(self._filter)
        self.members = QListWidget()
        self.members.setAccessibleName("Members: tick who is in this group")
        self.count = QLabel()
        self._fill_members()
        for field in (self.name, self.room):
            field.editingFinished.connect(self._keep)
        for box in (self.facilitator, self.rapporteur):
            box.currentIndexChanged.connect(self._keep)
        self.members.itemChanged.connect(self._keep)
        self._layout()
        for group in self._groups:
            self.list.addItem(group.name)
        self.list.setCurrentRow(0 if self._groups else -1)
        self._enable()

    # -- building -------------------------------------------------------------------------

    def _person_box(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem("No one", None)
        for person in self._people:
            box.addItem(_label(person), person.id)
        return box

    def _fill_members(self) -> None:
        for person in self._people:
            row = QListWidgetItem(_label(person) + ("" if person.present else "  (not present)"))
            row.setData(ID_ROLE, person.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(row)

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(f"Groups of <b>{_escape(self._item.title)}</b>"))
        left.addWidget(self.list, 1)
        for button in (self.add_button, self.remove_button, self.share_button):
            left.addWidget(button)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Room:", self.room)
        form.addRow("&Facilitator:", self.facilitator)
        form.addRow("Ra&pporteur:", self.rapporteur)
        find_label = QLabel("&Members:")
        find_label.setBuddy(self.search)
        form.addRow(find_label, self.search)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.members, 1)
        right.addWidget(self.count)
        panes = QHBoxLayout()
        panes.addLayout(left, 2)
        panes.addLayout(right, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.list, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.share_button)
        self.setTabOrder(self.share_button, self.name)
        self.setTabOrder(self.name, self.room)
        self.setTabOrder(self.room, self.facilitator)
        self.setTabOrder(self.facilitator, self.rapporteur)
        self.setTabOrder(self.rapporteur, self.search)
        self.setTabOrder(self.search, self.members)
        parent = self.parentWidget()
        width = int(parent.width() * 0.7) if parent is not None else 900
        self.resize(max(760, width), 560)

    # -- the groups -----------------------------------------------------------------------

    def groups(self) -> list[BreakoutGroup]:
        """The groups as edited, in order."""
        self._keep()
        return list(self._groups)

    def add_group(self) -> None:
        self._keep()
        # The next letter in order ("Group C" as the third), else the first one free.
        free = [c for c in string.ascii_uppercase if not self._taken(f"Group {c}")]
        later = [c for c in free if string.ascii_uppercase.index(c) >= len(self._groups)]
        letters = later or free
        name = f"Group {letters[0]}" if letters else f"Group {len(self._groups) + 1}"
        self._groups.append(BreakoutGroup(new_id(), self._item.id, name))
        self.list.addItem(name)
        self.list.setCurrentRow(len(self._groups) - 1)
        self._enable()
        self.name.setFocus()
        self.name.selectAll()

    def remove_group(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._showing = -1  # nothing to keep from the row going away
        del self._groups[row]
        self.list.takeItem(row)
        self._show(self.list.currentRow())
        self._enable()

    def share_out(self) -> None:
        """Everyone present and in no group goes into the groups in turn (fewest first)."""
        self._keep()
        if not self._groups:
            return
        placed = {pid for g in self._groups for pid in g.member_ids}
        waiting = [p.id for p in self._people if p.present and p.id not in placed]
        members = [list(g.member_ids) for g in self._groups]
        for person in waiting:
            min(members, key=len).append(person)
        self._groups = [
            dataclasses.replace(g, member_ids=tuple(m))
            for g, m in zip(self._groups, members, strict=True)
        ]
        self._showing = -1  # the form is out of date: show, do not keep
        self._show(self.list.currentRow())

    def _taken(self, name: str) -> bool:
        """Whether a group is called ``name`` ("Group A", "Group A: Africa", "Group A - …")."""
        return any(
            g.name == name or g.name.startswith((f"{name}:", f"{name} ")) for g in self._groups
        )

    def _show(self, row: int) -> None:
        self._keep()
        self._showing = -1
        group = self._groups[row] if 0 <= row < len(self._groups) else None
        self.name.setText(group.name if group else "")
        self.room.setText(group.room or "" if group else "")
        for box, person in (
            (self.facilitator, group.facilitator_id if group else None),
            (self.rapporteur, group.rapporteur_id if group else None),
        ):
            box.setCurrentIndex(max(0, box.findData(person)))
        chosen = set(group.member_ids) if group else set()
        self.members.blockSignals(True)
        for i in range(self.members.count()):
            row_item = self.members.item(i)
            ticked = row_item.data(ID_ROLE) in chosen
            row_item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.members.blockSignals(False)
        self._showing = row if group else -1
        self._update_count()
        self._enable()

    def _keep(self, *_args: object) -> None:
        """Write what the form shows into the group it shows."""
        row = self._showing
        if not 0 <= row < len(self._groups):
            return
        old = self._groups[row]
        members = [
            str(self.members.item(i).data(ID_ROLE))
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]
        order = {pid: n for n, pid in enumerate(old.member_ids)}
        members.sort(key=lambda pid: order.get(pid, len(order)))  # newcomers at the end
        self._groups[row] = dataclasses.replace(
            old,
            name=self.name.text().strip() or old.name,
            room=self.room.text().strip() or None,
            facilitator_id=self.facilitator.currentData(),
            rapporteur_id=self.rapporteur.currentData(),
            member_ids=tuple(members),
        )
        self.list.item(row).setText(self._groups[row].name)
        self._update_count()

    def _update_count(self) -> None:
        row = self._showing
        if 0 <= row < len(self._groups):
            self.count.setText(plural(len(self._groups[row].member_ids), "member", "members"))
        else:
            self.count.setText("Add a group to choose its members.")

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.members.count()):
            row = self.members.item(i)
            row.setHidden(bool(needle) and needle not in row.text().casefold())
        # Space ticks the current person: never one the filter hides.
        current = self.members.currentItem()
        if current is None or current.isHidden():
            rows = [self.members.item(i) for i in range(self.members.count())]
            first = next((r for r in rows if not r.isHidden()), None)
            if first is not None:
                self.members.setCurrentItem(first)
            else:
                self.members.setCurrentRow(-1)

    def _enable(self) -> None:
        has = self.list.currentRow() >= 0
        for widget in (
            self.remove_button,
            self.name,
            self.room,
            self.facilitator,
            self.rapporteur,
            self.search,
            self.members,
        ):
            widget.setEnabled(has)
        self.share_button.setEnabled(bool(self._groups))

    def _accept(self) -> None:
        self._keep()
        self.accept()


def _label(person: Participant) -> str:
    return f"{person.name} — {person.organisation}" if person.organisation else person.name


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
