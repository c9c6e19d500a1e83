"""The feed of the item shown in the Run view, with its filters (question, kind, speaker)
and its selection: what has been recorded, as the rapporteur looks through it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from workshop_app.domain.model import Contribution, ContributionKind
from workshop_app.ui.run.entry_choices import ALL
from workshop_app.ui.run.feed_model import KIND_LABELS, ROW_ROLE, FeedFilter, FeedModel
from workshop_app.ui.run.feed_view import FeedView


def labelled_combo(name: str) -> QComboBox:
    """A choice box named for screen readers, narrow enough for the Run view's column."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


class FeedPanel(QWidget):
    """The filter boxes over the feed; the choices in them are filled by the capture panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: True while the capture panel refills the choices: the filter is not changed then.
        self.filling = False
        self.model = FeedModel()
        self.filter = FeedFilter()
        self.filter.setSourceModel(self.model)
        self.feed = FeedView()
        self.feed.setModel(self.filter)
        self.feed.follow_new_rows()
        self.filter_question = labelled_combo("Show contributions about")
        self.filter_kind = labelled_combo("Show contributions of kind")
        self.filter_kind.addItem("All kinds", ALL)
        for kind, label in KIND_LABELS.items():
            self.filter_kind.addItem(label, kind.value)
        self.filter_speaker = labelled_combo("Show contributions by")
        for combo in (self.filter_question, self.filter_kind, self.filter_speaker):
            combo.currentIndexChanged.connect(self._apply_filter)
        #: Ctrl+Shift+H: only the highlighted contributions (the capture panel gives it its
        #: scope, so that it works while typing in the entry box).
        self.highlights_action = QAction("Show &Only Highlights", self)
        self.highlights_action.setCheckable(True)
        self.highlights_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.highlights_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.highlights_action.toggled.connect(lambda _on: self._apply_filter())
        self.highlights_action.setIconText("★ Highlights")
        self.highlights_action.setToolTip("Show only the highlighted contributions (Ctrl+Shift+H)")
        self.highlights_button = QToolButton()
        self.highlights_button.setDefaultAction(self.highlights_action)
        self.highlights_button.setAccessibleName("Show only highlighted contributions")
        self.highlights_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:"))
        filters.addWidget(self.filter_question, 2)
        filters.addWidget(self.filter_kind, 1)
        filters.addWidget(self.filter_speaker, 2)
        filters.addWidget(self.highlights_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.feed, 1)

    def _apply_filter(self) -> None:
        if self.filling:
            return
        question = self.filter_question.currentData()
        kind = self.filter_kind.currentData()
        speaker = self.filter_speaker.currentData()
        self.filter.set_filter(
            question_id=None if question == ALL else (question or ""),
            kind=None if kind in (ALL, None) else ContributionKind(kind),
            speaker_id=None if speaker == ALL else speaker,
            highlights_only=self.highlights_action.isChecked(),
        )

    def selected(self) -> list[Contribution]:
        rows = self.feed.selectionModel().selectedRows() if self.feed.selectionModel() else []
        found = [index.data(ROW_ROLE) for index in rows]
        return [c for c in found if isinstance(c, Contribution)]

    def select(self, contribution_id: str) -> None:
        try:
            source = self.model.index(self.model.row_of(contribution_id))
        except StopIteration:
            return
        index = self.filter.mapFromSource(source)
        if not index.isValid():
            self.highlights_action.setChecked(False)
            self.filter_question.setCurrentIndex(0)
            self.filter_kind.setCurrentIndex(0)
            self.filter_speaker.setCurrentIndex(0)
            index = self.filter.mapFromSource(source)
        self.feed.setCurrentIndex(index)
        self.feed.scrollTo(index)
        self.feed.setFocus()

    def select_many(self, contribution_ids: tuple[str, ...] | list[str]) -> None:
        """Select these contributions in the feed (those shown), the first one in view."""
        selection = self.feed.selectionModel()
        selection.clearSelection()
        first = None
        for cid in contribution_ids:
            try:
                index = self.filter.mapFromSource(self.model.index(self.model.row_of(cid)))
            except StopIteration:
                continue
            if index.isValid():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
                first = first or index
        if first is not None:
            self.feed.scrollTo(first)
