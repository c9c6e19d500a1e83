"""The Run view: the day in progress, a contribution being corrected, the projector's thumbnail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workshop_app.demo import demo_in_progress, write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Day,
    ItemKind,
    ItemStatus,
    NextStep,
)
from workshop_app.domain.projector import ProjectorMode
from workshop_app.store import Document
from workshop_app.ui.run.contribution_dialog import ContributionDialog
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.screenshots.scene import Scene

IN_PROGRESS_AT = "2017-09-21T10:47:20+02:00"


def show_run(
    scene: Scene,
    file: str = "In progress.workshop",
    write: Callable[[Path], None] = write_demo_in_progress,
) -> None:
    """A realistic day in progress: the main session running, a speech under way."""
    path = scene.folder / file
    if not path.exists():
        write(path)
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


def _done(item_id: str, title: str, minutes: int, start: str, end: str) -> AgendaItem:
    """An item of the first day (20 September 2017), run from ``start`` to ``end``."""
    return AgendaItem(
        item_id,
        title,
        ItemKind.BREAK if title.startswith("Coffee") else ItemKind.SESSION,
        planned_minutes=minutes,
        status=ItemStatus.DONE,
        started_at=f"2017-09-20T{start}:00+02:00",
        ended_at=f"2017-09-20T{end}:00+02:00",
        day_id="d1",
    )


def write_three_days(path: Path) -> None:
    """The demo as the second of three days, as it stood mid-morning: the first day run, the
    main session of the second under way, the third to come."""
    record = demo_in_progress(IN_PROGRESS_AT)
    day_one = (
        _done("y1", "Arrival and registration", 30, "14:00", "14:35"),
        _done("y2", "Regional perspectives since the Tallinn meeting", 90, "14:35", "16:10"),
        _done("y3", "Coffee break", 20, "16:10", "16:30"),
        _done("y4", "Introducing the working groups", 45, "16:30", "17:20"),
    )
    renamed = {"a1": "Recap of day one", "a5": "Wrap-up of day two"}
    day_two = tuple(
        replace(item, day_id="d2", title=renamed.get(item.id, item.title)) for item in record.agenda
    )
    day_three = tuple(
        AgendaItem(item_id, title, kind, planned_minutes=minutes, day_id="d3")
        for item_id, title, kind, minutes in (
            ("z1", "Working groups: drafting the 2018 plan", ItemKind.SESSION, 120),
            ("z2", "Coffee break", ItemKind.BREAK, 20),
            ("z3", "Plenary: adopting the plan", ItemKind.SESSION, 60),
            ("z4", "Farewell", ItemKind.SESSION, 15),
        )
    )
    days = (
        Day("d1", "2017-09-20", "14:00"),
        Day("d2", "2017-09-21", "09:30"),
        Day("d3", "2017-09-22", "09:00"),
    )
    three = replace(record, days=days, agenda=day_one + day_two + day_three)
    Document.create_from_record(path, three).close()


def show_run_day_2(scene: Scene) -> None:
    """A three-day workshop opened on its second day, mid-item: day headings, today's items,
    today's clock."""
    show_run(scene, "Three days.workshop", write_three_days)
