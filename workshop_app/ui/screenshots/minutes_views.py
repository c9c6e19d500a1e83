"""Minutes' tabs and the export dialog."""

from __future__ import annotations

from PySide6.QtCore import (
    QDate,
    QSettings,
)
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.assets import asset
from workshop_app.domain.clock import parse_timestamp
from workshop_app.interchange import load_path
from workshop_app.store import Document
from workshop_app.ui.minutes.export_dialog import ExportDialog
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.screenshots.scene import SIZE, Scene

MINUTES_TODAY = "2018-01-10T10:00:00+01:00"


def minutes_tab(scene: Scene, title: str) -> MinutesPage:
    """Show the tab ``title`` of the Minutes page."""
    scene.window.show_mode("minutes")
    page = scene.window.page("minutes")
    assert isinstance(page, MinutesPage)
    page.show_panel(title)
    return page


def show_consensus(scene: Scene) -> None:
    scene.open(scene.demo())
    minutes_tab(scene, "Consensus").consensus.select("k3")


def show_next_steps(scene: Scene) -> None:
    scene.open(scene.demo())
    session = scene.window.session
    assert session is not None
    today = parse_timestamp(MINUTES_TODAY)
    session.clock = lambda: today
    page = minutes_tab(scene, "Next Steps")
    page.next_steps.refresh()
    page.next_steps.select("x3")  # x4, overdue, shows in red when not selected


def show_minutes_summaries(scene: Scene) -> None:
    scene.open(scene.demo())
    minutes_tab(scene, "Summaries")


#: One PNG per view: (file name, how to show it). Add a view with one line here.
def show_export(scene: Scene) -> QWidget:
    """File > Export Minutes in anonymous mode: the preview and the places that name someone."""
    path = scene.demo()
    scene.open(path)
    dialog = ExportDialog(
        path, QSettings(str(scene.folder / "export.ini"), QSettings.Format.IniFormat)
    )
    dialog.setParent(scene.window, dialog.windowFlags())
    dialog.attribution.setCurrentIndex(dialog.attribution.findData("anonymous"))
    dialog.front.issued.setDate(QDate(2017, 10, 6))  # the same picture whatever the day
    dialog.refresh_preview()
    dialog.resize(*SIZE)
    dialog.show()
    return dialog


def show_export_draft(scene: Scene) -> QWidget:
    """File > Export Minutes of a draft: the front page block (reference, status, date of
    issue, prepared by), the DRAFT banner, the key outcomes; numbered paragraphs."""
    path = scene.demo("Draft minutes.workshop")
    with Document.open(path) as doc:
        doc.workshop.update(document_reference="MIEUX/EC/2017/3", prepared_by="MIEUX secretariat")
    scene.open(path)
    dialog = ExportDialog(
        path, QSettings(str(scene.folder / "export-draft.ini"), QSettings.Format.IniFormat)
    )
    dialog.setParent(scene.window, dialog.windowFlags())
    dialog.front.status.setCurrentIndex(dialog.front.status.findData("draft"))
    dialog.front.issued.setDate(QDate(2017, 9, 29))
    dialog.front.numbered.setChecked(True)
    dialog.refresh_preview()
    dialog.resize(*SIZE)
    dialog.show()
    return dialog


#: A meeting tool's attendee report: a preamble, the host, then the attendees.


#: A three-day technical workshop with two rounds of breakout groups (the second demo).
THREE_DAYS = ("demo", "three-day-technical-workshop.json")


def show_minutes_report_back(scene: Scene) -> QWidget:
    """File > Export Minutes of a three-day workshop, the preview at a breakout round: each
    group's discussion under its item, then the report-back in plenary."""
    path = scene.folder / "Dakar.workshop"
    if not path.exists():
        Document.create_from_record(path, load_path(asset(*THREE_DAYS))).close()
    scene.open(path)
    dialog = ExportDialog(
        path, QSettings(str(scene.folder / "export.ini"), QSettings.Format.IniFormat)
    )
    dialog.setParent(scene.window, dialog.windowFlags())
    dialog.refresh_preview()
    dialog.resize(*SIZE)
    dialog.show()
    QApplication.processEvents()
    preview = dialog.preview
    if preview.find("Reports from the groups"):  # scrolls the report-back into view
        cursor = preview.textCursor()
        cursor.clearSelection()
        preview.setTextCursor(cursor)
        bar = preview.verticalScrollBar()
        bar.setValue(bar.value() + preview.height() // 2)  # the groups above, the reports below
    return dialog
