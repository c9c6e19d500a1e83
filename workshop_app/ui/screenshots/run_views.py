"""The Run view: the day in progress, a contribution being corrected, the projector's thumbnail."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workshop_app.demo import as_at, three_days_record, write_demo_in_progress
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus, NextStep
from workshop_app.domain.projector import ProjectorMode
from workshop_app.store import Document
from workshop_app.ui.run.contribution_dialog import ContributionDialog
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.screenshots.scene import Scene

IN_PROGRESS_AT = "2017-09-21T10:47:20+02:00"


def show_run(scene: Scene, file: str = "In progress.workshop") -> None:
    """A realistic day in progress: the main session running, a speech under way."""
    path = scene.folder / file
    if not path.exists():
        write_demo_in_progress(path)
    session = scene.open_at(path, IN_PROGRESS_AT)
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


BREAKOUT_AT = "2009-03-10T12:40:00+00:00"  # day 1 of the three-day demo, round 1 under way


def show_run_breakout(scene: Scene) -> None:
    """The three-day demo during its first breakout round: the rapporteur follows group A,
    whose speakers and record the view shows; the bar counts every group's."""
    path = scene.folder / "Dakar in progress.workshop"
    if not path.exists():
        Document.create_from_record(path, as_at(three_days_record(), BREAKOUT_AT)).close()
    scene.open_at(path, BREAKOUT_AT)
    scene.window.show_mode("run")
    page = scene.window.page("run")
    assert isinstance(page, RunPage)
    page.refresh()
    page.group_floor.follow_next()  # Group A: Sahel
    QApplication.processEvents()


#: Mid-morning of the second day of the three-day demo: session 2 running since 09:00.
DAY_TWO_AT = "2009-03-11T09:56:20+00:00"


def show_run_day_2(scene: Scene) -> None:
    """The three-day workshop opened on its second day, mid-item: the day headings (the first
    day done and closed), today's items, today's clock."""
    path = scene.folder / "Dakar, day 2.workshop"
    new = not path.exists()
    if new:
        Document.create_from_record(path, as_at(three_days_record(), DAY_TWO_AT)).close()
    session = scene.open_at(path, DAY_TWO_AT)
    session.run.set_focus("a07-q1")
    if new:  # two hands up
        session.speeches.request("a07", "p14", session.clock())
        session.speeches.request("a07", "p04", session.clock())
    scene.window.show_mode("run")
    page = scene.window.page("run")
    assert isinstance(page, RunPage)
    page.capture.text.setPlainText("Two extra questions would cost less than a separate survey")
