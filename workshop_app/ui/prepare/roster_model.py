"""The participant roster as a table model, kept in step with the store row by row, and the
proxy that sorts it as people expect and filters it on what is typed in the search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from workshop_app.domain.model import Participant, Role
from workshop_app.domain.roster import family_sort_key

(
    COL_PRESENT,
    COL_TITLE,
    COL_NAME,
    COL_JOB_TITLE,
    COL_ORGANISATION,
    COL_GROUP,
    COL_COUNTRY,
    COL_EMAIL,
    COL_ROLE,
) = range(9)
HEADERS = (
    "Present",
    "Title",
    "Name",
    "Job title",
    "Organisation",
    "Group",
    "Country",
    "Email",
    "Role",
)
FIELDS = (
    "present",
    "title",
    "name",
    "job_title",
    "organisation",
    "stakeholder_group",
    "country",
    "email",
    "role",
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class RosterEditing(Protocol):
    def update(self, participant_id: str, **fields: Any) -> bool: ...


class RosterModel(QAbstractTableModel):
    def __init__(self, edits: RosterEditing | None = None) -> None:
        super().__init__()
        self._edits = edits
        self._people: list[Participant] = []

    def people(self) -> list[Participant]:
        return list(self._people)

    def row_of(self, participant_id: str) -> int:
        return next(i for i, p in enumerate(self._people) if p.id == participant_id)

    def reconcile(self, people: Sequence[Participant]) -> None:
        """Insert, remove and update rows to match ``people`` (in roster order)."""
        wanted = {p.id: p for p in people}
        for row in reversed(range(len(self._people))):
            if self._people[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._people[row]
                self.endRemoveRows()
        for target, person in enumerate(people):
            ids = [p.id for p in self._people]
            if target < len(ids) and ids[target] == person.id:
                if self._people[target] != person:
                    self._people[target] = person
                    last = self.index(target, len(HEADERS) - 1)
                    self.dataChanged.emit(self.index(target, 0), last)
            elif person.id in ids:
                source = ids.index(person.id)
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._people.insert(target, self._people.pop(source))
                self._people[target] = person
                self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), target, target)
                self._people.insert(target, person)
                self.endInsertRows()

    def update_rows(self, people: Sequence[Participant]) -> bool:
        """Put these people, read again after an edit, in their rows (one dataChanged each);
        False, changing nothing, if one of them has no row (then reconcile the whole list)."""
        rows = {p.id: row for row, p in enumerate(self._people)}
        if any(p.id not in rows for p in people):
            return False
        for person in people:
            row = rows[person.id]
            if self._people[row] != person:
                self._people[row] = person
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def sort_key(self, row: int, column: int) -> tuple[str, ...] | bool:
        """What the row is sorted by in that column: present or not, the text (collated by
        the view), or for a name the family name, the given name, then the whole name."""
        person = self._people[row]
        if column == COL_PRESENT:
            return person.present
        if column == COL_NAME:
            return (*family_sort_key(person.name), person.name)
        value = getattr(person, FIELDS[column])
        return (value.value if isinstance(value, Role) else value or "",)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return person
        if column == COL_PRESENT:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(person.present)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return "present" if person.present else "not present"
            return None
        value = getattr(person, FIELDS[column])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            if isinstance(value, Role):
                return value.value
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole and value:
            return str(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_PRESENT:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._edits is None:
            return False
        person = self._people[index.row()]
        if index.column() == COL_PRESENT:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            present = Qt.CheckState(value) == Qt.CheckState.Checked
            if present == person.present:
                return False
            return self._edits.update(person.id, present=present)
        if role != Qt.ItemDataRole.EditRole:
            return False
        field = FIELDS[index.column()]
        text = str(value).strip()
        current = getattr(person, field)
        if text == (current.value if isinstance(current, Role) else (current or "")):
            return False
        if field == "name" and not text:
            return False
        return self._edits.update(person.id, **{field: text or None})


def name_collator(language: str | None = None) -> QCollator:
    """Compares text as readers of ``language`` (a BCP 47 tag; else the system's language)
    expect: accents and case second ("Ádám" with the A's), digits as text."""
    locale = QLocale(language.replace("-", "_")) if language else QLocale()
    if locale.language() == QLocale.Language.C:
        # The C locale compares code points ("Ádám" after "Zoltán"): no one reads so.
        locale = QLocale(QLocale.Language.English)
    collator = QCollator(locale)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(False)
    return collator


class RosterProxy(QSortFilterProxyModel):
    """The roster as shown: names sorted by family name, all text by the locale's collation,
    filtered on the search text without its surrounding spaces."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language: str | None = None
        self._roster: RosterModel | None = None
        self.collator = name_collator()
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_language(self, language: str | None) -> None:
        """Collate as readers of the workshop's language do."""
        if language != self._language:
            self._language = language
            self.collator = name_collator(language)
            self.invalidate()

    def search(self, text: str) -> None:
        """Show the rows that contain ``text`` (a space typed after a name still finds it)."""
        self.setFilterFixedString(text.strip())

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        self._roster = model if isinstance(model, RosterModel) else None

    def lessThan(self, left: Index, right: Index) -> bool:
        # Called some 10,000 times to sort 1,000 people: the keys come straight from the rows.
        if self._roster is None:
            return super().lessThan(left, right)
        column = left.column()
        a = self._roster.sort_key(left.row(), column)
        b = self._roster.sort_key(right.row(), column)
        if isinstance(a, bool) or isinstance(b, bool):
            return a is False and b is True
        compare = self.collator.compare
        for x, y in zip(a, b, strict=True):
            if order := compare(x, y):
                return order < 0
        return False
