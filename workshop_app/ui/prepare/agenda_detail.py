"""The form beside the agenda tree: the selected item's or question's fields, saved as you go."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.limits import MAX_LINE
from workshop_app.domain.model import AgendaItem, BreakoutGroup, Day, GuidingQuestion, ItemKind
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.edits.prepare_edits import AgendaEdits, DayEdits
from workshop_app.ui.prepare.day_form import DayForm

KIND_LABELS = {ItemKind.SESSION: "Session", ItemKind.BREAK: "Break"}


class AgendaDetail(QStackedWidget):
    """Four pages: nothing selected, an agenda item, a guiding question, a day."""

    def __init__(
        self, edits: AgendaEdits, days: DayEdits | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._edits = edits
        self._row: AgendaItem | GuidingQuestion | Day | None = None
        self._loading = False
        #: The agenda in running order, for the report-back choice (set by the panel).
        self.items_of: Callable[[], list[AgendaItem]] = list
        #: An item's breakout groups, and how a question becomes one's own (set by the panel).
        self.groups_of: Callable[[str], list[BreakoutGroup]] = lambda _item: []
        self.set_question_group: Callable[[str, str | None], bool] = lambda _q, _g: False
        #: The fields typed in and not saved yet: they keep what was typed when the row is
        #: shown again, and are saved before any command runs (``commit_pending``).
        self._typed: set[str] = set()
        empty = QLabel("Select an agenda item or a guiding question to edit it here.")
        empty.setWordWrap(True)
        self.addWidget(empty)
        self.addWidget(self._item_page())
        self.addWidget(self._question_page())
        self.day = DayForm(days) if days is not None else None
        if self.day is not None:
            self.addWidget(self.day)
        self.setMinimumWidth(300)

    def _item_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_LINE)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.description = PlainTextField()
        self.reports_on = QComboBox()
        self.reports_on.setToolTip(
            "A report-back in plenary: the item whose breakout groups report here"
        )
        for label, widget in (
            ("&Title:", self.title),
            ("&Kind:", self.kind),
            ("Planned &minutes:", self.minutes),
            ("&Description:", self.description),
            ("Report-&back of:", self.reports_on),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.title.editingFinished.connect(self._save_title)
        self.kind.currentIndexChanged.connect(self._save_kind)
        self.reports_on.currentIndexChanged.connect(self._save_reports_on)
        self.minutes.editingFinished.connect(self._save_minutes)
        self.description.focus_lost.connect(self._save_description)
        # Saved a second after typing pauses too, so a crash cannot take a long description.
        self._description_timer = QTimer(self)
        self._description_timer.setSingleShot(True)
        self._description_timer.setInterval(1000)
        self._description_timer.timeout.connect(self._save_description)
        self.description.textChanged.connect(
            lambda: None if self._loading else self._description_timer.start()
        )
        self.title.textEdited.connect(lambda: self._typing("title"))
        self.minutes.valueChanged.connect(lambda: self._typing("minutes"))
        self.description.textChanged.connect(lambda: self._typing("description"))
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel("Guiding &question:")
        self.question = PlainTextField()
        self.question.setAccessibleName("Guiding question")
        label.setBuddy(self.question)
        layout.addWidget(label)
        layout.addWidget(self.question)
        self.question_group = QComboBox()
        self.question_group.setAccessibleName("Asked in")
        self.group_label = QLabel("&Asked in:")
        self.group_label.setBuddy(self.question_group)
        layout.addWidget(self.group_label)
        layout.addWidget(self.question_group)
        self.question_group.currentIndexChanged.connect(self._save_question_group)
        self.question.focus_lost.connect(self._save_question)
        self.question.textChanged.connect(lambda: self._typing("question"))
        return page

    def _typing(self, field: str) -> None:
        if not self._loading:
            self._typed.add(field)

    # -- showing --------------------------------------------------------------------------

    def show_row(self, row: AgendaItem | GuidingQuestion | Day | None, heading: str = "") -> None:
        """Show ``row``'s values (what is in the file), except in fields typed in and not
        saved yet; a day under its ``heading``."""
        same = row is not None and self._row is not None and row.id == self._row.id
        if not same:
            self._typed.clear()
        self._row = row
        self._loading = True
        try:
            if isinstance(row, AgendaItem):
                self.setCurrentIndex(1)
                if "title" not in self._typed and self.title.text() != row.title:
                    self.title.setText(row.title)
                    self.title.setCursorPosition(0)  # show the start of a long title
                self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
                if "minutes" not in self._typed:
                    self.minutes.setValue(row.planned_minutes or 0)
                if "description" not in self._typed and (
                    self.description.toPlainText() != (row.description or "")
                ):
                    self.description.setPlainText(row.description or "")
                self._show_reports_on(row)
            elif isinstance(row, Day) and self.day is not None:
                self.setCurrentWidget(self.day)
                self.day.show_day(row, heading)
            elif isinstance(row, GuidingQuestion):
                self.setCurrentIndex(2)
                if "question" not in self._typed and self.question.toPlainText() != row.text:
                    self.question.setPlainText(row.text)
                self._show_question_group(row)
            else:
                self.setCurrentIndex(0)
        finally:
            self._loading = False

    def focus_title(self) -> None:
        widget: QLineEdit | PlainTextField = (
            self.title if isinstance(self._row, AgendaItem) else self.question
        )
        widget.setFocus()
        widget.selectAll()

    # -- saving ---------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save what was typed and not saved yet, now (a command is about to run)."""
        saves = {
            "title": self._save_title,
            "minutes": self._save_minutes,
            "description": self._save_description,
            "question": self._save_question,
        }
        for field in sorted(self._typed):
            saves[field]()
        if self.day is not None:
            self.day.commit_pending()

    def _item(self) -> AgendaItem | None:
        return self._row if isinstance(self._row, AgendaItem) and not self._loading else None

    def _save_title(self) -> None:
        item = self._item()
        text = self.title.text().strip()
        self._typed.discard("title")
        if item is None or text == item.title:
            return
        if not text:
            self.title.setText(item.title)  # an item needs a title: keep the old one
            return
        self._edits.update_item(item.id, title=text)

    def _save_kind(self) -> None:
        item = self._item()
        kind = self.kind.currentData()
        if item is not None and kind != item.kind.value:
            self._edits.update_item(item.id, kind=kind)

    def _save_minutes(self) -> None:
        item = self._item()
        self._typed.discard("minutes")
        if item is not None and self.minutes.value() != (item.planned_minutes or 0):
            self._edits.update_item(item.id, planned_minutes=self.minutes.value())

    def _save_description(self) -> None:
        self._description_timer.stop()
        item = self._item()
        text = self.description.toPlainText().rstrip() or None
        self._typed.discard("description")
        if item is not None and text != item.description:
            self._edits.update_item(item.id, description=text)

    def _show_reports_on(self, item: AgendaItem) -> None:
        """The sessions before ``item``, any of which it may report back on."""
        earlier: list[AgendaItem] = []
        for other in self.items_of():
            if other.id == item.id:
                break
            if other.kind == ItemKind.SESSION:
                earlier.append(other)
        self.reports_on.clear()
        self.reports_on.addItem("Not a report-back", None)
        for other in earlier:
            self.reports_on.addItem(other.title, other.id)
        self.reports_on.setCurrentIndex(max(0, self.reports_on.findData(item.reports_on)))
        self.reports_on.setEnabled(item.kind == ItemKind.SESSION and bool(earlier))

    def _save_reports_on(self) -> None:
        item = self._item()
        target = self.reports_on.currentData()
        if item is not None and not self._loading and target != item.reports_on:
            self._edits.update_item(item.id, reports_on=target)

    def _show_question_group(self, question: GuidingQuestion) -> None:
        """Where the question is asked, when its item runs as breakout groups."""
        groups = self.groups_of(question.agenda_item_id)
        self.question_group.clear()
        self.question_group.addItem("Every group (and plenary)", None)
        for group in groups:
            self.question_group.addItem(f"{group.name} only", group.id)
        self.question_group.setCurrentIndex(max(0, self.question_group.findData(question.group_id)))
        for widget in (self.group_label, self.question_group):
            widget.setVisible(bool(groups))

    def _save_question_group(self) -> None:
        row = self._row
        group = self.question_group.currentData()
        if isinstance(row, GuidingQuestion) and not self._loading and group != row.group_id:
            self.set_question_group(row.id, group)

    def _save_question(self) -> None:
        row = self._row
        text = self.question.toPlainText().strip()
        self._typed.discard("question")
        if not isinstance(row, GuidingQuestion) or self._loading or text == row.text:
            return
        if not text:
            self.question.setPlainText(row.text)
            return
        self._edits.update_question(row.id, text)
