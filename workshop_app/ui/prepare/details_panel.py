"""The workshop's details form: it saves as you go, one store call per edit.

Every write goes through ``_save`` (and single fields through ``_commit``) as one edit on the
document's undo stack ("Undo Change Venue"). The form always ends up showing what is in the
file: after a write it is refreshed from the store's change notification, after a refusal or a
failed write it is reloaded from the store.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import Workshop
from workshop_app.errors import KnownError
from workshop_app.store import Change, Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.form_widgets import (
    FieldNote,
    PlainTextField,
    editable_combo,
    in_row,
    with_note,
)
from workshop_app.ui.edits.prepare_edits import DetailsEdits
from workshop_app.ui.prepare.date_field import DATE_FORMAT, NO_DATE, optional_date_edit
from workshop_app.ui.prepare.days_note import DaysNote
from workshop_app.ui.prepare.field_values import (
    CHECKS,
    COMMON_LANGUAGES,
    FIELD_LABELS,
    MAX_LINE,
    FieldError,
    available_timezones,
    language_name,
)
from workshop_app.ui.prepare.groups_editor import GroupsEditor
from workshop_app.ui.session import Session
from workshop_app.words import plural

#: How long typing in the purpose may pause before it is saved.
PURPOSE_IDLE_MS = 1000


class DetailsPanel(QScrollArea):
    """Title, subtitle, date, start time, time zone, venue, organiser, the minutes' document
    reference and who prepared them, purpose, language and the stakeholder groups of the open
    workshop."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._edits = DetailsEdits(session.editor, session.workshop)
        self._stored = session.workshop.get()
        self._loading = False
        self._saving = False
        self._purpose_dirty = False
        self._build()
        self._show(self._stored, force=True)
        session.changed.connect(self._on_changed)
        session.about_to_close.connect(self.commit_pending)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLineEdit()
        self.subtitle = QLineEdit()
        self.venue = QLineEdit()
        self.organiser = QLineEdit()
        self.document_reference = QLineEdit(placeholderText="printed on the minutes' front page")
        self.prepared_by = QLineEdit(placeholderText="the organiser, unless you name another")
        for line in (
            *(self.title, self.subtitle, self.venue, self.organiser),
            *(self.document_reference, self.prepared_by),
        ):
            line.setMaxLength(MAX_LINE)
        self.date = optional_date_edit()
        self.date.setAccessibleName("Date")
        self.no_date = QCheckBox("&No date yet")
        self.start_time = QLineEdit()
        self.start_time.setPlaceholderText("HH:MM, e.g. 09:30")
        self.start_time.setMaxLength(8)
        self.start_time.setMaximumWidth(160)
        self.timezone = editable_combo(available_timezones(), "Time zone")
        self.language = editable_combo(COMMON_LANGUAGES, "Language")
        self.language.setMinimumContentsLength(6)  # room for "pt-BR" even when empty
        self.language.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language_name = QLabel()
        self.language_name.setObjectName("languageName")
        self.purpose = PlainTextField()
        self.purpose.setPlaceholderText(
            "What the event is for and why these people were brought together."
        )
        self.purpose.setMinimumHeight(120)
        self.groups = GroupsEditor()

        self._widgets: dict[str, QWidget] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "date": self.date,
            "start_time": self.start_time,
            "timezone": self.timezone,
            "venue": self.venue,
            "organiser": self.organiser,
            "document_reference": self.document_reference,
            "prepared_by": self.prepared_by,
            "purpose": self.purpose,
            "language": self.language,
        }
        self._notes: dict[str, FieldNote] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Nested layouts inherit the columns' wide spacing unless told otherwise.
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        date_row = in_row(self.date, self.no_date)
        language_row = in_row(self.language, self.language_name)
        rows: list[tuple[str, str, QWidget]] = [
            ("title", "&Title", self.title),
            ("subtitle", "Su&btitle", self.subtitle),
            ("date", "&Date", date_row),
            ("start_time", "&Start time", self.start_time),
            ("timezone", "Time &zone", self.timezone),
            ("venue", "Ven&ue", self.venue),
            ("organiser", "&Organiser", self.organiser),
            ("document_reference", "Do&cument reference", self.document_reference),
            ("prepared_by", "Prepared b&y", self.prepared_by),
            ("language", "&Language", language_row),
        ]
        for key, text, cell_widget in rows:
            cell, self._notes[key] = with_note(cell_widget)
            label = QLabel(text)
            label.setBuddy(self._widgets[key])
            form.addRow(label, cell)
        self.days_note = DaysNote(self._session, self.date, self.start_time)
        form.insertRow(4, "", self.days_note)  # under the start time: several days
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(form)
        left.addSpacing(16)
        left.addWidget(self.groups, 1)

        right = QVBoxLayout()
        right.setSpacing(6)
        purpose_label = QLabel("&Purpose (why the event was convened; it opens the minutes)")
        purpose_label.setBuddy(self.purpose)
        purpose_cell, self._notes["purpose"] = with_note(self.purpose)
        right.addWidget(purpose_label)
        right.addWidget(purpose_cell, 1)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(16, 16, 16, 16)
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        order: list[QWidget] = [
            self.title,
            self.subtitle,
            self.date,
            self.no_date,
            self.start_time,
            self.timezone,
            self.venue,
            self.organiser,
            self.document_reference,
            self.prepared_by,
            self.language,
            self.groups.list,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.groups.last_in_tab_order(), self.purpose)

        for key, line in self._line_edits().items():
            line.editingFinished.connect(lambda key=key: self._finish(key))
            line.textEdited.connect(self._notes[key].clear_text)
        for key, combo in (("timezone", self.timezone), ("language", self.language)):
            combo.activated.connect(lambda _index, key=key: self._finish(key))
        self.language.currentTextChanged.connect(
            lambda text: self.language_name.setText(language_name(text.strip()))
        )
        self.date.dateChanged.connect(self._date_edited)
        self.no_date.toggled.connect(self._no_date_toggled)
        self._purpose_timer = QTimer(self)
        self._purpose_timer.setSingleShot(True)
        self._purpose_timer.setInterval(PURPOSE_IDLE_MS)
        self._purpose_timer.timeout.connect(lambda: self._finish("purpose"))
        self.purpose.textChanged.connect(self._purpose_edited)
        self.purpose.focus_lost.connect(lambda: self._finish("purpose"))
        self.groups.groups_edited.connect(self._commit_groups)
        self.groups.group_renamed.connect(self._rename_group)
        self.groups.remove_requested.connect(self._remove_group)

    # -- showing what is stored ---------------------------------------------------------

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        if any(change.entity == Entity.WORKSHOP for change in changes):
            self._reload()

    def _reload(self, *, force: bool = False) -> None:
        try:
            self._stored = self._session.workshop.get()
        except KnownError:
            return  # the file cannot be read now; keep showing the last values
        self._show(self._stored, force=force)

    def _show(self, workshop: Workshop, *, force: bool = False) -> None:
        """Put ``workshop`` into the widgets; unless ``force``, leave alone a field whose
        text means the stored value already, or that holds an edit not yet saved."""
        self._loading = True
        try:
            for key in CHECKS:
                stored = getattr(workshop, key)
                if not force and (self._pending(key) or self._typed(key) == stored):
                    continue
                self._set_text(key, stored or "")
            stored_date = QDate.fromString(workshop.date or "", DATE_FORMAT)
            self.date.setDate(stored_date if stored_date.isValid() else NO_DATE)
            self.no_date.setChecked(workshop.date is None)
            self.date.setEnabled(workshop.date is not None)
            self.groups.set_groups(workshop.stakeholder_groups)
            if force:
                self._purpose_dirty = False
        finally:
            self._loading = False

    def _text(self, key: str) -> str:
        widget = self._widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        assert isinstance(widget, QPlainTextEdit)
        return widget.toPlainText()

    def _set_text(self, key: str, text: str) -> None:
        widget = self._widgets[key]
        if isinstance(widget, QLineEdit):
            widget.setText(text)  # also clears isModified()
            if not widget.hasFocus():
                widget.setCursorPosition(0)  # show a long value from its start
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findText(text, Qt.MatchFlag.MatchExactly), 0))
            widget.setEditText(text)
        else:
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(text)

    def _typed(self, key: str) -> str | object | None:
        """The value the field's text means, or a marker that matches nothing if invalid."""
        try:
            return CHECKS[key](self._text(key))
        except FieldError:
            return object()

    def _line_edits(self) -> dict[str, QLineEdit]:
        """The one-line text boxes, by field (an editable combo's included)."""
        lines: dict[str, QLineEdit] = {}
        for key, widget in self._widgets.items():
            line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
            if isinstance(line, QLineEdit):
                lines[key] = line
        return lines

    def _pending(self, key: str) -> bool:
        if key == "purpose":
            return self._purpose_dirty
        line = self._line_edits().get(key)
        return line is not None and line.isModified()

    # -- saving -------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save edits typed but not yet confirmed (before the document closes)."""
        for key in CHECKS:
            if self._pending(key):
                self._finish(key)

    def _finish(self, key: str) -> None:
        """The user is done with a field: check its text and save it if it changed."""
        if self._loading or self._saving or not self._session.is_open:
            return
        if key == "purpose":
            self._purpose_timer.stop()
        text, stored = self._text(key), getattr(self._stored, key)
        if not self._pending(key) and text == (stored or ""):
            return  # nothing new: focus passing through, or a second signal for one edit
        try:
            value = CHECKS[key](text)
        except FieldError as error:
            self._refuse(key, str(error))
            return
        self._notes[key].clear_text()
        self._clear_pending(key)
        if value != stored and not self._commit(key, value):
            return
        if key != "purpose" and self._text(key) != (value or ""):
            self._loading = True
            self._set_text(key, value or "")  # show the tidied value: "9:30" → "09:30"
            self._loading = False

    def _clear_pending(self, key: str) -> None:
        if key == "purpose":
            self._purpose_dirty = False
            return
        line = self._line_edits().get(key)
        if line is not None:
            line.setModified(False)

    def _refuse(self, key: str, message: str) -> None:
        """Say why next to the field and show the stored value again; nothing is written."""
        self._clear_pending(key)
        self._loading = True
        try:
            self._set_text(key, getattr(self._stored, key) or "")
        finally:
            self._loading = False
        self._notes[key].show_text(message)

    def _commit(self, key: str, value: str | None) -> bool:
        """Write one field of the workshop, as one undoable edit."""
        return self._save(lambda: self._edits.update(FIELD_LABELS[key], **{key: value}))

    def _save(self, edit: Callable[[], bool]) -> bool:
        """Run one undoable edit (one transaction). If it fails, the window has said why
        and the form shows again what the file holds."""
        self._saving = True
        try:
            ok = edit()
        finally:
            self._saving = False
        if not ok:
            self._reload(force=True)
        return ok

    # -- fields that save on change -----------------------------------------------------

    def _date_edited(self, date: QDate) -> None:
        if self._loading:
            return
        value = None if date == NO_DATE else date.toString(DATE_FORMAT)
        if value != self._stored.date:
            self._commit("date", value)

    def _no_date_toggled(self, no_date: bool) -> None:
        if self._loading:
            return
        self.date.setEnabled(not no_date)
        if no_date:
            self._commit("date", None)
            return
        if self.date.date() == NO_DATE:
            self._loading = True
            self.date.setDate(QDate.currentDate())
            self._loading = False
        self._commit("date", self.date.date().toString(DATE_FORMAT))
        self.date.setFocus()

    def _purpose_edited(self) -> None:
        if self._loading:
            return
        self._purpose_dirty = True
        self._notes["purpose"].clear_text()
        self._purpose_timer.start()

    # -- stakeholder groups -------------------------------------------------------------

    def _commit_groups(self, groups: list[str], label: str) -> None:
        self._save(lambda: self._edits.set_groups(groups, label))

    def _rename_group(self, old: str, new: str) -> None:
        self._save(lambda: self._edits.rename_group(old, new))

    def _remove_group(self, name: str) -> None:
        members = sum(1 for p in self._session.participants.list() if p.stakeholder_group == name)
        if members and not dialogs.confirm(
            self,
            f"Remove the group {name}?",
            f"{plural(members, 'participant belongs', 'participants belong')} to it; they keep it "
            "as their group "
            "until you change it in the roster.",
            "Remove Group",
        ):
            return
        self._commit_groups([g for g in self.groups.groups() if g != name], "Remove Group")
