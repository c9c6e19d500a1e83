"""The contributions of one agenda item, oldest first, as a list model with a filter proxy.

New contributions are inserted as rows (never a reset), so a long day stays quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from workshop_app.domain.attribution import FROM_THE_FLOOR_LABEL
from workshop_app.domain.clock import clock_time
from workshop_app.domain.model import Contribution, ContributionKind, Participant

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2

KIND_LABELS = {
    ContributionKind.STATEMENT: "Statement",
    ContributionKind.QUESTION: "Question",
    ContributionKind.PROPOSAL: "Proposal",
    ContributionKind.EXAMPLE: "Example",
    ContributionKind.CONCERN: "Concern",
}

Index = QModelIndex | QPersistentModelIndex


class FeedModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Contribution] = []
        self._people: dict[str, Participant] = {}
        self._questions: dict[str, str] = {}  # question id -> "Q1"
        self._support: dict[str, list[str]] = {}  # contribution id -> ["P1", ...]
        self._timezone: str | None = None  # the venue's: times are on its clock

    def set_context(self, people: Sequence[Participant], question_ids: Sequence[str]) -> None:
        """Who can be named and how the item's questions are numbered."""
        self._people = {p.id: p for p in people}
        self._questions = {qid: f"Q{n}" for n, qid in enumerate(question_ids, start=1)}
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_timezone(self, timezone: str | None) -> None:
        """The workshop's time zone, whose clock the recorded times are shown on."""
        if timezone != self._timezone:
            self._timezone = timezone
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_support(self, support: dict[str, list[str]]) -> None:
        """Which consensus points (P1, P2, ...) each contribution supports."""
        changed = set(support) ^ set(self._support) | {
            k for k in support if self._support.get(k) != support[k]
        }
        self._support = support
        for row, c in enumerate(self._rows):
            if c.id in changed:
                self.dataChanged.emit(self.index(row), self.index(row))

    def question_label(self, question_id: str | None) -> str:
        return self._questions.get(question_id or "", "")

    def speaker(self, contribution: Contribution) -> str:
        person = self._people.get(contribution.participant_id or "")
        if person is None:
            return FROM_THE_FLOOR_LABEL
        group = f" ({person.stakeholder_group})" if person.stakeholder_group else ""
        return f"{person.name}{group}"

    def contributions(self) -> list[Contribution]:
        return list(self._rows)

    def row_of(self, contribution_id: str) -> int:
        return next(i for i, c in enumerate(self._rows) if c.id == contribution_id)

    def reconcile(self, contributions: Sequence[Contribution]) -> None:
        """Follow the item's contributions: new ones are appended or inserted in place."""
        wanted = {c.id: c for c in contributions}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        have = [c.id for c in self._rows]
        if have == [c.id for c in contributions[: len(have)]] and len(contributions) > len(have):
            # The usual case (a new item shown, or new contributions recorded): the rows kept
            # are updated in place and the new ones arrive at the end in one insert.
            first = len(have)
            self.beginInsertRows(QModelIndex(), first, len(contributions) - 1)
            self._rows.extend(contributions[first:])
            self.endInsertRows()
        for target, contribution in enumerate(contributions):
            if target < len(self._rows) and self._rows[target].id == contribution.id:
                if self._rows[target] != contribution:
                    self._rows[target] = contribution
                    self.dataChanged.emit(self.index(target), self.index(target))
                continue
            ids = [c.id for c in self._rows]
            if contribution.id in ids:
                source = ids.index(contribution.id)
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._rows.insert(target, self._rows.pop(source))
                self.endMoveRows()
                self._rows[target] = contribution
            else:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, contribution)
                self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == ROW_ROLE:
            return c
        if role == Qt.ItemDataRole.DisplayRole:
            return c.text
        if role == HEADER_ROLE:
            parts = [
                clock_time(c.recorded_at, self._timezone, "--:--"),
                self.speaker(c),
                KIND_LABELS[c.kind].lower(),
            ]
            question = self.question_label(c.question_id)
            if question:
                parts.append(question)
            if c.id in self._support:
                parts.append(f"supports {', '.join(self._support[c.id])}")
            return "  ·  ".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            star = "highlight. " if c.highlight else ""
            return f"{star}{self.data(index, HEADER_ROLE)}: {c.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.text if len(c.text) > 200 else None
        return None


class FeedFilter(QSortFilterProxyModel):
    """Shows contributions about one question, of one kind, by one speaker, highlighted (each
    optional)."""

    def __init__(self) -> None:
        super().__init__()
        self.question_id: str | None = None
        self.kind: ContributionKind | None = None
        self.speaker_id: str | None = None  # "" means "from the floor"
        self.highlights_only = False

    def set_filter(
        self,
        *,
        question_id: str | None = None,
        kind: ContributionKind | None = None,
        speaker_id: str | None = None,
        highlights_only: bool = False,
    ) -> None:
        self.beginFilterChange()
        self.question_id, self.kind, self.speaker_id = question_id, kind, speaker_id
        self.highlights_only = highlights_only
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        c = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(c, Contribution):
            return False
        if self.question_id is not None and c.question_id != self.question_id:
            return False
        if self.kind is not None and c.kind != self.kind:
            return False
        if self.highlights_only and not c.highlight:
            return False
        return self.speaker_id is None or (c.participant_id or "") == self.speaker_id
