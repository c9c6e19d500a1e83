"""The start page, Prepare's tabs, the registration import and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
)
from PySide6.QtWidgets import QWidget

from workshop_app.domain.model import AgendaItem, Day, ItemKind
from workshop_app.roster_import import read_table
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.import_dialog import ImportDialog
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.prepare.roster_model import COL_NAME
from workshop_app.ui.prepare.roster_panel import RosterPanel
from workshop_app.ui.screenshots.scene import ARABIC_SUBTITLE, LONG_TITLE, SIZE, Scene
from workshop_app.ui.shortcuts_dialog import ShortcutsDialog


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


#: Two more days for the demo (its own is 21 September 2017): a three-day workshop.
MORE_DAYS = (
    ("day-2", "2017-09-22", "09:00", "17:00"),
    ("day-3", "2017-09-23", "09:30", None),
)
MORE_ITEMS = (
    ("day-2", "Breakout groups: partnerships by region", ItemKind.SESSION, 90),
    ("day-2", "Coffee", ItemKind.BREAK, 20),
    ("day-2", "Report-back from the groups", ItemKind.SESSION, 70),
    ("day-2", "Lunch", ItemKind.BREAK, 60),
    ("day-2", "Working session: what each partner will do", ItemKind.SESSION, 120),
    ("day-3", "Review of the draft conclusions", ItemKind.SESSION, 75),
    ("day-3", "Closing plenary", ItemKind.SESSION, 45),
)


def show_prepare_agenda_days(scene: Scene) -> None:
    """The demo over three days: each day's heading with its times; day 2's form beside."""
    scene.open(scene.demo("Three days.workshop"))
    session = scene.window.session
    assert session is not None
    for day_id, date, start, end in MORE_DAYS:
        session.days.add(Day(day_id, date, start, end))
    for n, (day_id, title, kind, minutes) in enumerate(MORE_ITEMS, start=1):
        session.agenda.add_item(AgendaItem(f"m{n}", title, kind, None, minutes, day_id=day_id))
    scene.tab("prepare", "Agenda")
    page = scene.window.page("prepare")
    assert isinstance(page, PreparePage)
    agenda = page.panel("Agenda")
    assert isinstance(agenda, AgendaPanel)
    agenda.select("day-2")


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
