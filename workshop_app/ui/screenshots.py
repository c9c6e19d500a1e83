"""Pictures of the main window's views at 1366x768, so the UI can be looked at without a screen.

``python -m workshop_app.ui.screenshots OUTDIR`` (``make screenshots``, with
``QT_QPA_PLATFORM=offscreen``) builds the demo workshop in a temporary folder, opens it and
saves one PNG per entry of ``VIEWS``: later work adds its views there, one line each.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workshop_app.app import configure_application
from workshop_app.demo import write_demo, write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus, NextStep
from workshop_app.domain.projector import ProjectorMode
from workshop_app.roster_import import read_table
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes.export_dialog import ExportDialog
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.import_dialog import ImportDialog
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.prepare.roster_model import COL_NAME
from workshop_app.ui.prepare.roster_panel import RosterPanel
from workshop_app.ui.run.contribution_dialog import ContributionDialog
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.shortcuts_dialog import ShortcutsDialog

SIZE = (1366, 768)

LONG_TITLE = (
    "European Conversation on Partnerships and Capacity Development in Migration Management: "
    "Experiences, Lessons Learnt and the Road Ahead for Practitioners and Partner Countries"
)
ARABIC_SUBTITLE = "حوار أوروبي حول الشراكات وتنمية القدرات في إدارة الهجرة"


@dataclass
class Scene:
    """What the views are shown with: the window and a folder for workshop files."""

    window: MainWindow
    folder: Path

    def demo(self, name: str = "European Conversation.workshop") -> Path:
        """A fresh copy of the demo workshop (made once per name)."""
        path = self.folder / name
        if not path.exists():
            write_demo(path)
        return path

    def open(self, path: Path) -> None:
        if not self.window.open_path(path):
            raise RuntimeError(f"could not open {path}")
        # No loop runs here, so background work (ui/tasks.py) is done before it returns: the
        # status bar already says "Backed up 10:47", and no label is shot half laid out.
        QApplication.processEvents()

    def tab(self, mode: str, title: str) -> None:
        """Show the tab ``title`` of the page of ``mode``."""
        self.window.show_mode(mode)
        page = self.window.page(mode)
        assert isinstance(page, PreparePage)
        page.show_panel(title)


def show_start(scene: Scene) -> None:
    scene.open(scene.demo())  # so that the start page lists a recent workshop
    scene.window.close_workshop()


def show_prepare_details(scene: Scene) -> None:
    scene.open(scene.demo())
    scene.tab("prepare", "Details")


def show_prepare_details_long(scene: Scene) -> None:
    """A very long title and a right-to-left subtitle, to check eliding and alignment."""
    scene.open(scene.demo("Long title.workshop"))
    session = scene.window.session
    assert session is not None
    session.workshop.update(title=LONG_TITLE, subtitle=ARABIC_SUBTITLE, language="ar")
    scene.tab("prepare", "Details")


def show_prepare_agenda(scene: Scene) -> None:
    scene.open(scene.demo())
    scene.tab("prepare", "Agenda")
    panel = scene.window.page("prepare")
    assert isinstance(panel, PreparePage)
    agenda = panel.panel("Agenda")
    assert isinstance(agenda, AgendaPanel)
    agenda.select("a2")


def show_prepare_participants(scene: Scene) -> None:
    scene.open(scene.demo())
    scene.tab("prepare", "Participants")


def show_prepare_participants_bulk(scene: Scene) -> None:
    """Three people selected (Shift+Down) and the bar that sets their group at once."""
    show_prepare_participants(scene)
    page = scene.window.page("prepare")
    assert isinstance(page, PreparePage)
    roster = page.panel("Participants")
    assert isinstance(roster, RosterPanel)
    roster.table.setCurrentIndex(roster.proxy.index(2, COL_NAME))
    select = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (3, 4):
        roster.table.selectionModel().select(roster.proxy.index(row, COL_NAME), select)
    roster.bulk.value.setEditText("Partner countries")
    roster.edit_selected()


IN_PROGRESS_AT = "2017-09-21T10:47:20+02:00"


def show_run(scene: Scene, file: str = "In progress.workshop") -> None:
    """A realistic day in progress: the main session running, a speech under way."""
    path = scene.folder / file
    if not path.exists():
        write_demo_in_progress(path)
    scene.open(path)
    session = scene.window.session
    assert session is not None
    fixed = parse_timestamp(IN_PROGRESS_AT)
    session.clock = lambda: fixed
    session.run.set_focus("q2")
    if not session.consensus.list("a2"):
        session.consensus.record(
            ConsensusPoint(
                id="k-shot",
                agenda_item_id="a2",
                question_id="q1",
                text="A partnership rests on sharing goals, approaches and responsibility.",
                status=ConsensusStatus.AGREED,
                supporting_contribution_ids=("c03",),
                recorded_at="2017-09-21T10:40:00+02:00",
            )
        )
        session.consensus.record(
            ConsensusPoint(
                id="k-shot-2",
                agenda_item_id="a2",
                question_id="q2",
                text="Capacity development is demand-driven.",
                supporting_contribution_ids=("c06",),
                recorded_at="2017-09-21T10:46:00+02:00",
            )
        )
    if not session.next_steps.list():
        session.next_steps.add(
            NextStep(
                id="x-shot",
                text="Circulate the list of partnership examples before the next session",
                agenda_item_id="a2",
                owner="Workshop secretariat",
                due="2017-09-28",
            )
        )
        session.agenda.update_item(
            "a2", summary="So far: partnerships rest on shared goals and responsibility."
        )
    scene.window.show_mode("run")
    page = scene.window.page("run")
    assert isinstance(page, RunPage)
    page.capture.text.setPlainText("Capacity development works when partners set the prior")


#: "Today" for the next steps view: x4, due 15 Dec 2017 and still open, is overdue.
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
    dialog.refresh_preview()
    dialog.resize(*SIZE)
    dialog.show()
    return dialog


#: A meeting tool's attendee report: a preamble, the host, then the attendees.
WEBINAR_REPORT = """Attendee Report,
Topic,Webinar ID,Actual Start Time,# Registered
Migration data in practice,812 3456 7890,"Nov 12, 2026 09:58 AM",4
Host Details,
Attended,User Name (Original Name),Email,Join Time
Yes,Workshop Secretariat,secretariat@example.org,"Nov 12, 2026 09:58 AM"
Attendee Details,
Attended,User Name (Original Name),First Name,Last Name,Email,Country/Region,Organization,\
Job Title,Registration Time,Country/Region Name
Yes,Ádám’s iPad,Ádám,Kovács,adam@example.hu,Hungary,Ministry of Interior,Head of Unit,\
"Oct 30, 2026",Hungary
Yes,Mai Nguyen,Nguyễn Thị,Mai,mai@example.vn,Vietnam,Vietnam Women's Union,\
Programme Manager,"Nov 01, 2026",Vietnam
No,--,Ömer,Yılmaz,omer@example.com.tr,Türkiye,Directorate General of Migration Management,\
Policy Officer,"Nov 03, 2026",--
Yes,Seán O'Brien,Seán,O'Brien,sean@example.ie,Ireland,Department of Foreign Affairs,\
Second Secretary,"Nov 05, 2026",Ireland
"""


def show_import(scene: Scene) -> QWidget:
    """Participants > Import Registration List, previewing a webinar attendee report."""
    scene.open(scene.demo())
    scene.tab("prepare", "Participants")
    report = scene.folder / "attendee-report.csv"
    report.write_text(WEBINAR_REPORT, encoding="utf-8")
    session = scene.window.session
    assert session is not None
    dialog = ImportDialog(
        read_table(report),
        session.participants.list(),
        session.workshop.get().stakeholder_groups,
        report.name,
    )
    dialog.setParent(scene.window, dialog.windowFlags())
    dialog.resize(*SIZE)
    dialog.show()
    return dialog


def show_shortcuts(scene: Scene) -> QWidget:
    """Help > Keyboard Shortcuts, with the demo open (every mode's menus are listed)."""
    scene.open(scene.demo())
    dialog = ShortcutsDialog(scene.window)
    dialog.resize(*SIZE)
    dialog.show()
    return dialog


def over_the_window(window: QWidget, dialog: QWidget) -> QWidget:
    """A picture of ``dialog`` where it opens, centred over ``window`` (a dialog's own grab
    shows it alone)."""
    picture = window.grab()
    painter = QPainter(picture)
    place = window.rect().center() - dialog.rect().center()
    painter.fillRect(window.rect(), QColor(0, 0, 0, 60))  # as a window manager dims behind
    painter.drawPixmap(place, dialog.grab())
    painter.end()
    dialog.close()
    shown = QLabel()
    shown.setPixmap(picture)
    shown.resize(picture.size() / picture.devicePixelRatio())
    return shown


def show_run_edit_contribution(scene: Scene) -> QWidget:
    """F2 on a highlighted contribution in the Run view: everything about it in one dialog."""
    show_run(scene)
    page = scene.window.page("run")
    session = scene.window.session
    assert isinstance(page, RunPage) and session is not None
    page.capture.select("c04")
    dialog = ContributionDialog(
        session.contributions.get("c04"), session.participants.list(), page.items, scene.window
    )
    dialog.show()
    QApplication.processEvents()
    return over_the_window(scene.window, dialog)


def show_run_projector_thumbnail(scene: Scene) -> None:
    """The Run view while the room's screen shows the agenda: its thumbnail under the agenda."""
    show_run(scene)
    projector = scene.window.projector
    projector.update(dark=True, show_clock=True, show_queue=True, show_reservations=False)
    projector.set_mode(ProjectorMode.AGENDA)
    projector.open()
    QApplication.processEvents()  # the thumbnail paints its picture


VIEWS: list[tuple[str, Callable[[Scene], QWidget | None]]] = [
    ("start.png", show_start),
    ("prepare-details.png", show_prepare_details),
    ("prepare-details-long.png", show_prepare_details_long),
    ("prepare-agenda.png", show_prepare_agenda),
    ("prepare-participants.png", show_prepare_participants),
    ("prepare-participants-bulk.png", show_prepare_participants_bulk),
    ("run.png", show_run),
    ("run-edit-contribution.png", show_run_edit_contribution),
    ("run-projector-thumbnail.png", show_run_projector_thumbnail),
    ("consensus.png", show_consensus),
    ("next-steps.png", show_next_steps),
    ("minutes-summaries.png", show_minutes_summaries),
    ("export-minutes.png", show_export),
    ("import-participants.png", show_import),
    ("keyboard-shortcuts.png", show_shortcuts),
]


# -- the projector: the room's screen, at a projector's 1920x1080 and an old one's 1024x768 ----

PROJECTOR_SIZES = {"": (1920, 1080), "-1024x768": (1024, 768)}
LONG_QUESTION = (
    "Looking back at the partnerships we have each been part of, what made the difference "
    "between a partnership in name and a real one, shared from the design of the activities "
    "to their evaluation, and what would we do differently next time?"
)
ARABIC_QUESTION = "ما الدور الذي تؤديه تنمية القدرات داخل شراكة حقيقية بين الطرفين؟"


def in_progress_long(scene: Scene) -> None:
    """The day in progress with a long item title, a long question and a long queue."""
    show_run(scene, "Long.workshop")
    session = scene.window.session
    assert session is not None
    if session.agenda.get("a2").title != LONG_TITLE:
        session.agenda.update_item("a2", title=LONG_TITLE)
        session.agenda.update_question("q2", LONG_QUESTION)
        for who in ("p03", "p05", "p06", "p07"):
            session.speeches.request("a2", who, session.clock())
        session.consensus.update("k-shot-2", status=ConsensusStatus.AGREED_WITH_RESERVATIONS)


def in_progress_rtl(scene: Scene) -> None:
    """The day in progress with an Arabic item title and question."""
    show_run(scene, "Arabic.workshop")
    session = scene.window.session
    assert session is not None
    session.agenda.update_item("a2", title=ARABIC_SUBTITLE)
    session.agenda.update_question("q2", ARABIC_QUESTION)


def show_projector(
    mode: ProjectorMode,
    size: tuple[int, int],
    day: Callable[[Scene], None] = show_run,
    *,
    dark: bool = True,
) -> Callable[[Scene], QWidget]:
    """The projector window in ``mode`` at ``size``, on the day ``day`` sets up."""

    def show(scene: Scene) -> QWidget:
        day(scene)
        projector = scene.window.projector
        projector.update(dark=dark, show_clock=True, show_queue=True, show_reservations=False)
        projector.set_mode(mode, "Coffee until 11:15")
        projector.open()
        assert projector.window is not None
        projector.window.resize(*size)
        return projector.window

    return show


VIEWS += [
    (f"projector-{name}{suffix}.png", show_projector(mode, size, day, dark=dark))
    for name, mode, day, dark in [
        ("question", ProjectorMode.QUESTION, show_run, True),
        ("agenda", ProjectorMode.AGENDA, show_run, True),
        ("consensus", ProjectorMode.CONSENSUS, show_run, True),
        ("message", ProjectorMode.MESSAGE, show_run, True),
        ("blank", ProjectorMode.BLANK, show_run, True),
        ("question-light", ProjectorMode.QUESTION, show_run, False),
        ("question-long", ProjectorMode.QUESTION, in_progress_long, True),
        ("question-rtl", ProjectorMode.QUESTION, in_progress_rtl, True),
    ]
    for suffix, size in PROJECTOR_SIZES.items()
]


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on, except the offscreen plugin's notes on what it cannot do."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def take_screenshots(outdir: Path) -> list[Path]:
    """Save every view of ``VIEWS`` into ``outdir``; return the files written."""
    QStandardPaths.setTestModeEnabled(True)  # leave the user's own settings and files alone
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    configure_application(app)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="workshop-screenshots-") as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(*SIZE)
        window.show()
        scene = Scene(window, folder)
        try:
            for name, show in VIEWS:
                shown = show(scene)  # a view of its own window (the projector), or None
                # Pages of a workshop closed by an earlier view go, as they would in the app.
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
                window.resize(*SIZE)
                app.processEvents()
                path = outdir / name
                if not (shown or window).grab().save(str(path)):
                    raise RuntimeError(f"could not write {path}")
                written.append(path)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m workshop_app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    qInstallMessageHandler(_quiet_offscreen)
    for path in take_screenshots(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
