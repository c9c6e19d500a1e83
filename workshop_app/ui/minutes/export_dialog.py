"""File > Export Minutes: the choices on the left, a live preview on the right, and the
anonymity check's findings under the preview. Rendering (``export_preview``) and writing
run off the UI thread."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.attribution import Attribution
from workshop_app.errors import KnownError
from workshop_app.fileio import WriteRefused
from workshop_app.formats import AGENDA_FORMATS, FORMAT_LABELS, TEMPLATE_FORMATS, Format
from workshop_app.minutes import MinutesOptions, Paper, RecordMode
from workshop_app.minutes.export import IdentitiesFound, default_output, export_minutes
from workshop_app.minutes.identities import IdentityMatch
from workshop_app.minutes.options import Owners
from workshop_app.ui import dialogs, tasks
from workshop_app.ui.minutes import public_names_dialog
from workshop_app.ui.minutes.export_findings import (
    REF_ROLE,
    PublicNamesRow,
    fill_findings,
    findings_summary,
)
from workshop_app.ui.minutes.export_front import FrontChoices
from workshop_app.ui.minutes.export_preview import OfflineBrowser, preview_or_error

ATTRIBUTION_LABELS = {
    Attribution.NAMED: "Named: the person and organisation",
    Attribution.ORGANISATION: "Organisation only",
    Attribution.GROUP: "Stakeholder group only",
    Attribution.ANONYMOUS: "Anonymous (Chatham House rule)",
}
OWNER_LABELS = {
    Owners.ROLE: "By role (the chair, a rapporteur…)",
    Owners.SECRETARIAT: "As the secretariat",
}


class ExportDialog(QDialog):
    """``edit_requested`` asks the window to show a place to edit (a finding's ``ref``)."""

    edit_requested = Signal(object)

    def __init__(
        self,
        path: Path,
        settings: QSettings,
        *,
        agenda: bool = False,
        parent: QWidget | None = None,
        public_names: public_names_dialog.PublicNames | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.agenda = agenda
        self.public_names = public_names
        self._settings = settings
        self._key = "export/" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
        self._generation = 0
        self._default_output: Path | None = None  # the name last suggested, not typed
        self.findings: list[IdentityMatch] = []
        self.setWindowTitle("Export Agenda Handout" if agenda else "Export Minutes")
        self.resize(1200, 720)
        self._build()
        self._restore_choices()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        for signal in (
            self.format.currentIndexChanged,
            self.attribution.currentIndexChanged,
            self.highlights.toggled,
            self.annex.toggled,
            self.paper.currentIndexChanged,
            self.owners.currentIndexChanged,
            *self.front.signals(),
        ):
            signal.connect(self._choices_changed)
        self._choices_changed()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.format = QComboBox()
        for fmt, label in FORMAT_LABELS.items():
            if not self.agenda or fmt in AGENDA_FORMATS:
                self.format.addItem(label, fmt.value)
        self.attribution = QComboBox()
        for mode, label in ATTRIBUTION_LABELS.items():
            self.attribution.addItem(label, mode.value)
        # Anonymous minutes name no owner of a next step: who they are said to be instead.
        self.owners = QComboBox()
        for choice, label in OWNER_LABELS.items():
            self.owners.addItem(label, choice.value)
        self.owners.setToolTip(
            "Anonymous minutes: owners who may not be named. Organisations on the "
            "workshop's public list are always named."
        )
        self.highlights = QCheckBox("&Highlights only (instead of the full record)")
        self.annex = QCheckBox("Include the &annex (attendance, balance, speakers' log)")
        self.annex.setToolTip("The attendance list, the participation balance, the speakers' log")
        self.annex.setChecked(True)
        self.front = FrontChoices()  # status, date of issue, numbering, actual times
        self.paper = QComboBox()
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem("US Letter", Paper.LETTER.value)
        self.template = QLineEdit()
        self.template.setPlaceholderText("the default template")
        self.template.setAccessibleName("Your own template file")
        self.template_button = QPushButton("Choose…")
        self.template_button.clicked.connect(self._choose_template)
        self.output = QLineEdit()
        self.output.setAccessibleName("Save the minutes as")
        self.output_button = QPushButton("Choose…")
        self.output_button.clicked.connect(self._choose_output)
        self.write_anyway = QCheckBox("&Write anyway (I have checked the places listed)")
        self.write_anyway.toggled.connect(self._update_buttons)
        form = QFormLayout()
        form.addRow("&Format:", self.format)
        form.addRow("A&ttribution:", self.attribution)
        form.addRow("Next-step &owners:", self.owners)
        form.addRow("", self.highlights)
        form.addRow("", self.annex)
        self.front.add_rows(form, shown=not self.agenda)
        for minutes_only in (self.owners, self.highlights):  # the handout has neither
            form.setRowVisible(minutes_only, not self.agenda)
        form.addRow("&Paper:", self.paper)
        form.addRow("Te&mplate:", _row(self.template, self.template_button))
        form.addRow("&Save as:", _row(self.output, self.output_button))
        self.public_row = PublicNamesRow(self, self.public_names, self.refresh_preview)
        self.public_label, self.public_button = self.public_row.label, self.public_row.button
        if self.public_names is not None:
            form.addRow("Public names:", self.public_label)
            form.addRow("", self.public_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addStretch(1)
        self.preview = OfflineBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName("Preview of the minutes")
        self.findings_list = QListWidget()
        self.findings_list.setAccessibleName("Places that would name participants")
        self.findings_list.setWordWrap(True)
        self.findings_list.setSpacing(3)  # each finding is two lines: why, then where
        self.findings_list.itemActivated.connect(self._edit_finding)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setStyleSheet("color: #b3261e;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 3)
        right_layout.addWidget(self.findings_label)
        right_layout.addWidget(self.findings_list, 1)
        right_layout.addWidget(self.write_anyway)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 820])
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)  # a refused write names its folder in full
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._export_clicked)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- choices --------------------------------------------------------------------------

    def options(self) -> MinutesOptions:
        return MinutesOptions(
            attribution=Attribution(self.attribution.currentData()),
            record=RecordMode.HIGHLIGHTS if self.highlights.isChecked() else RecordMode.FULL,
            annex=self.annex.isChecked(),
            paper=Paper(self.paper.currentData()),
            owners=Owners(self.owners.currentData()),
            **self.front.options(),
        )

    def chosen_format(self) -> Format:
        return Format(self.format.currentData())

    def _choices_changed(self) -> None:
        fmt = self.chosen_format()
        self.paper.setEnabled(fmt in (Format.PDF, Format.DOCX))
        anonymous = Attribution(self.attribution.currentData()) is Attribution.ANONYMOUS
        self.owners.setEnabled(anonymous and not self.agenda)
        self.front.set_enabled(not self.agenda and fmt is not Format.CSV)
        templated = fmt in TEMPLATE_FORMATS
        self.template.setEnabled(templated)
        self.template_button.setEnabled(templated)
        self.output.setText(str(self._output_for(fmt)))
        self.write_anyway.setChecked(False)
        self._timer.start()

    def _output_for(self, fmt: Format) -> Path:
        """The name suggested for ``fmt`` and the attribution chosen (it says both, so that no
        export replaces another by default); a name the user chose keeps its folder and stem
        and takes the format's extension."""
        mode = Attribution(self.attribution.currentData())
        suggested = default_output(self.path, fmt, agenda=self.agenda, attribution=mode)
        current = Path(self.output.text()) if self.output.text() else None
        if current is not None and current.parent.is_dir():
            if current != self._default_output:  # the user's own name
                return current.with_suffix(f".{fmt.value}")
            suggested = current.parent / suggested.name
        self._default_output = suggested
        return suggested

    def _choose_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Template",
            str(self.path.parent),
            "Jinja2 templates (*.j2 *.html *.md);;All files (*)",
        )
        if name:
            self.template.setText(name)

    def _choose_output(self) -> None:
        fmt = self.chosen_format()
        name, _ = QFileDialog.getSaveFileName(self, "Save as", self.output.text(), f"*.{fmt.value}")
        if name:
            self.output.setText(name)

    def _restore_choices(self) -> None:
        s = self._settings
        for key, combo in (
            ("format", self.format),
            ("attribution", self.attribution),
            ("paper", self.paper),
            ("owners", self.owners),
        ):
            value = s.value(f"{self._key}/{key}")
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        self.highlights.setChecked(bool(s.value(f"{self._key}/highlights", False, type=bool)))
        self.annex.setChecked(bool(s.value(f"{self._key}/annex", True, type=bool)))
        self.template.setText(str(s.value(f"{self._key}/template", "") or ""))
        self.front.restore(s, self._key)

    def remember_choices(self) -> None:
        """This workshop's last choices, for the next export."""
        s = self._settings
        s.setValue(f"{self._key}/format", self.format.currentData())
        s.setValue(f"{self._key}/attribution", self.attribution.currentData())
        s.setValue(f"{self._key}/paper", self.paper.currentData())
        s.setValue(f"{self._key}/owners", self.owners.currentData())
        s.setValue(f"{self._key}/highlights", self.highlights.isChecked())
        s.setValue(f"{self._key}/annex", self.annex.isChecked())
        s.setValue(f"{self._key}/template", self.template.text())
        self.front.remember(s, self._key)
        s.sync()

    # -- preview --------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Rebuild the preview on a worker thread."""
        self._generation += 1
        generation, options = self._generation, self.options()
        tasks.start(self._preview_async(generation, options), self)

    async def _preview_async(self, generation: int, options: MinutesOptions) -> None:
        # The worker gets plain values, never the dialog: a widget must not be released (and
        # so perhaps destroyed) on another thread.
        html, findings = await tasks.in_thread(preview_or_error, self.path, options, self.agenda)
        self._show_preview(generation, html, findings)

    def _show_preview(self, generation: int, html: str, findings: list[IdentityMatch]) -> None:
        if generation != self._generation:
            return  # the choices changed meanwhile
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(html)
        bar.setValue(position)
        self.findings = findings
        fill_findings(self.findings_list, findings)
        anonymous = Attribution(self.attribution.currentData()) is Attribution.ANONYMOUS
        if findings:
            self.findings_label.setText(findings_summary(findings))
        elif anonymous:
            self.findings_label.setText("")
        self.findings_label.setVisible(bool(findings))
        self.findings_list.setVisible(bool(findings))
        self.write_anyway.setVisible(bool(findings))
        self._update_buttons()

    def _update_buttons(self) -> None:
        blocked = bool(self.findings) and not self.write_anyway.isChecked()
        self.export_button.setEnabled(not blocked)

    def _edit_finding(self, row: QListWidgetItem) -> None:
        ref = row.data(REF_ROLE)
        if ref:
            self.remember_choices()  # the next export starts from these choices again
            self.edit_requested.emit(tuple(ref))
            self.reject()

    # -- exporting ------------------------------------------------------------------------

    def _export_clicked(self) -> None:
        anonymous = Attribution(self.attribution.currentData()) is Attribution.ANONYMOUS
        if not self.public_row.confirmed_for(anonymous):
            self.status.setText("Not written: the public names are to be confirmed first.")
            return
        out = Path(self.output.text())
        if out.exists() and not self._may_replace(out):
            self.status.setText(f"Not written: {out.name} was kept as it is.")
            return
        tasks.start(self.export_async(), self)

    def _may_replace(self, out: Path) -> bool:
        if out.resolve() == self.path.resolve():
            dialogs.show_error(self, KnownError(f"{out.name} is the workshop itself."))
            return False
        return dialogs.confirm(
            self,
            f"Replace {out.name}?",
            f"The folder {out.parent} already has a file called {out.name}. "
            "Replacing it loses what it holds; Cancel keeps it, and you can choose another name.",
            "&Replace",
        )

    async def export_async(self) -> bool:
        """Write the file on a worker thread while the dialog shows progress."""
        out = Path(self.output.text())
        fmt, options = self.chosen_format(), self.options()
        template = Path(self.template.text()) if self.template.text() else None
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        self.status.setText(f"Writing {out.name}…")
        try:
            await tasks.in_thread(
                export_minutes,
                self.path,
                options,
                fmt,
                out,
                agenda=self.agenda,
                template=template if fmt in TEMPLATE_FORMATS else None,
                allow_identities=self.write_anyway.isChecked(),
            )
        except IdentitiesFound as found:
            self._show_preview(self._generation, self.preview.toHtml(), list(found.findings))
            self.status.setText("Not written: the minutes would name participants.")
            return False
        except WriteRefused as refused:  # says itself that nothing was written, and where
            self.status.setText(refused.message)
            return False
        except (KnownError, OSError) as error:
            message = error.message if isinstance(error, KnownError) else str(error)
            self.status.setText(f"Not written: {message}")
            return False
        except Exception:
            self.status.setText(f"Not written: {out.name}.")
            raise  # a bug: the task's report logs it and says where
        finally:
            self.progress.setVisible(False)
            self._update_buttons()
        self.remember_choices()
        self.status.setText(f"Written: {out}")
        return True


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return box
