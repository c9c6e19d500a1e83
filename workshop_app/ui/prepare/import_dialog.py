"""The registration list preview: map columns, see the first rows as they will be imported."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import Participant
from workshop_app.roster_import import (
    TARGET_LABELS,
    ImportPlan,
    RawTable,
    RosterImportError,
    Target,
    build_participants,
    guess_mapping,
)

PREVIEW_ROWS = 12
PREVIEW_COLUMNS = (
    "Row",
    "Name",
    "Title",
    "Organisation",
    "Job title",
    "Country",
    "Group",
    "Email",
    "Role",
    "Present",
    "",
)

#: Why imported people are not yet present (the check-in rule), said where it applies.
ABSENT_NOTE = (
    "Imported people start as not present, unless a column of the list says they came: "
    "a registration list tells who registered, and checking them in at the door "
    "(Prepare > Participants, Space) marks who came."
)


def source_text(table: RawTable) -> str:
    """How the file was read and, for a report, where in it the list of people was found."""
    text = f"Read as {table.source_format}." if table.source_format else ""
    if table.header_row > 1:
        under = f", under “{table.section}”" if table.section else ""
        text += (
            f" The list of people starts at row {table.header_row}{under}; "
            "the rows above it are not imported."
        )
    return text.strip()


class ImportDialog(QDialog):
    """Shows how a list will be read; ``plan`` is what Import adds (None while it cannot)."""

    def __init__(
        self,
        table: RawTable,
        existing: Sequence[Participant],
        groups: Sequence[str],
        file_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import Participants — {file_name}")
        self.resize(1100, 620)
        self._table = table
        self._existing = list(existing)
        self._groups = list(groups)
        self.mapping = guess_mapping(table.headers, table.rows)
        self.plan: ImportPlan | None = None
        self.absent_note = QLabel(ABSENT_NOTE)
        self.absent_note.setObjectName("importAbsentNote")
        self.absent_note.setWordWrap(True)
        self.absent_note.setTextFormat(Qt.TextFormat.PlainText)
        self.present = QCheckBox("Mark all as &present (the list is of people who came)")
        self.present.toggled.connect(self._replan)
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setObjectName("importPreview")
        self.preview.setAccessibleName("Preview of the first rows")
        self.preview.setHorizontalHeaderLabels(PREVIEW_COLUMNS)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.source = QLabel(source_text(table))
        self.source.setObjectName("importSource")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self._mapping_box(), 2)
        layout.addWidget(self.absent_note)
        layout.addWidget(self.present)
        preview_label = QLabel(f"The first {PREVIEW_ROWS} rows as they will be imported:")
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._replan()

    def _mapping_box(self) -> QWidget:
        box = QGroupBox("Columns of the list")
        form = QFormLayout()
        self.choosers: list[QComboBox] = []
        for column, header in enumerate(self._table.headers):
            combo = QComboBox()
            # Not focused by the wheel, and the wheel over it scrolls the list (eventFilter).
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(self)
            combo.addItem("— not imported —", None)
            for target in Target:
                words = TARGET_LABELS[target]
                combo.addItem(words[:1].upper() + words[1:], target.value)
            current = self.mapping.targets[column]
            combo.setCurrentIndex(combo.findData(current.value if current else None))
            name = header or f"Column {column + 1}"
            combo.setAccessibleName(f"Import column {name} as")
            combo.currentIndexChanged.connect(lambda _i, c=column: self._choose(c))
            label = QLabel(name)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.choosers.append(combo)
        inner = QWidget()
        inner.setLayout(form)
        self.mapping_scroll = QScrollArea()
        self.mapping_scroll.setWidgetResizable(True)
        self.mapping_scroll.setWidget(inner)
        outer = QVBoxLayout(box)
        outer.addWidget(self.mapping_scroll)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel over a column's combo scrolls the list of columns: a choice made by
        scrolling past would go unseen (Last Name became Email). A focused combo takes it."""
        if (
            isinstance(event, QWheelEvent)
            and isinstance(watched, QComboBox)
            and not watched.hasFocus()
        ):
            viewport = self.mapping_scroll.viewport()
            scroll = QWheelEvent(
                watched.mapTo(viewport, event.position()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            QApplication.sendEvent(viewport, scroll)
            return True
        return super().eventFilter(watched, event)

    def _choose(self, column: int) -> None:
        value = self.choosers[column].currentData()
        self.mapping.targets[column] = Target(value) if value else None
        self._replan()

    def _replan(self) -> None:
        try:
            self.plan = build_participants(
                self._table,
                self.mapping,
                self._existing,
                known_groups=self._groups,
                default_present=self.present.isChecked(),
            )
        except RosterImportError as error:
            self.plan = None
            lines = [*error.problems[:5]]
            if len(error.problems) > 5:
                lines.append(f"… and {len(error.problems) - 5} more.")
            self.status.setText("Cannot import yet:\n" + "\n".join(lines))
            self.status.setStyleSheet("color: #b3261e;")
            self.import_button.setEnabled(False)
            self._fill_preview()
            return
        self.status.setStyleSheet("")
        plan = self.plan
        text = f"{len(plan.to_add)} to add, {len(plan.skipped)} already known (skipped)."
        if plan.new_groups:
            text += f" New stakeholder groups: {', '.join(plan.new_groups)}."
        self.status.setText(text)
        self.import_button.setEnabled(bool(plan.to_add))
        self._fill_preview()

    def _fill_preview(self) -> None:
        rows = self.plan.preview(PREVIEW_ROWS) if self.plan else []
        self.preview.setRowCount(len(rows))
        for r, planned in enumerate(rows):
            p = planned.participant
            values = (
                str(planned.row),
                p.name,
                p.title or "",
                p.organisation or "",
                p.job_title or "",
                p.country or "",
                p.stakeholder_group or "",
                p.email or "",
                p.role.value,
                "yes" if p.present else "no",
                f"skipped: {planned.skipped.reason}" if planned.skipped else "",
            )
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
