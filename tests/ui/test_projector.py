"""The room's screen: what it shows in each mode, live from the Run view, and what it never
shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.test_run_view import Clock, run_page
from workshop_app.demo import demo_record, write_demo, write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Day,
    GuidingQuestion,
    ItemKind,
    ItemStatus,
)
from workshop_app.domain.outcomes import AGREED
from workshop_app.domain.projector import (
    PointGroup,
    ProjectorMode,
    ProjectorOptions,
    ProjectorView,
    RoomState,
    choose_screen,
    fit_size,
    is_rtl,
    list_rows,
    projector_view,
)
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.projector import canvas as projector_canvas
from workshop_app.ui.projector import controller as projector
from workshop_app.ui.projector.controller import Projector
from workshop_app.ui.projector.window import ProjectorWindow
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.session import Session

NOW = parse_timestamp("2017-09-21T10:47:20+02:00")
RESERVATIONS = "Two delegations asked that the timing of activities be covered as well."


# -- what to show, without widgets -------------------------------------------------------------


def room(**fields: object) -> RoomState:
    items = (
        AgendaItem(
            "a1",
            "Opening",
            planned_minutes=30,
            status=ItemStatus.DONE,
            started_at="2017-09-21T09:32:00+02:00",
            ended_at="2017-09-21T10:04:00+02:00",
        ),
        AgendaItem(
            "a2",
            "Partnerships",
            planned_minutes=90,
            status=ItemStatus.RUNNING,
            started_at="2017-09-21T10:04:00+02:00",
            questions=(
                GuidingQuestion("q1", "a2", "What is a real partnership?"),
                GuidingQuestion("q2", "a2", "What role for capacity development?"),
            ),
        ),
        AgendaItem("a3", "Coffee", ItemKind.BREAK, planned_minutes=15),
        AgendaItem("a4", "Skipped session", planned_minutes=20, status=ItemStatus.SKIPPED),
    )
    values: dict[str, object] = {
        "workshop_title": "European Conversation",
        "items": items,
        "focus_question_id": "q2",
        "speaking": "Natalia Rusu",
        "waiting": ("Hanna Virtanen", "Jonas Berglund", "A. Example", "B. Sample", "C. Demo"),
        "points": (
            ConsensusPoint("k1", "a2", "Sharing goals.", status=ConsensusStatus.AGREED),
            ConsensusPoint("k2", "a2", "Still proposed."),
            ConsensusPoint(
                "k3",
                "a2",
                "Demand-driven.",
                status=ConsensusStatus.AGREED_WITH_RESERVATIONS,
                reservations=RESERVATIONS,
            ),
            ConsensusPoint(
                "k4", "a2", "No agreement.", status=ConsensusStatus.NO_CONSENSUS, reservations="X"
            ),
            ConsensusPoint("k5", "a1", "Welcome agreed.", status=ConsensusStatus.AGREED),
        ),
        "days": (Day("day-1", "2017-09-21", "09:30"),),
        "timezone": "Europe/Brussels",
    }
    values.update(fields)
    return RoomState(**values)  # type: ignore[arg-type]


def test_question_view_shows_item_question_clock_floor_and_agreed_points() -> None:
    view = projector_view(room(), ProjectorOptions(), NOW)
    assert view.heading == "Partnerships"
    assert view.caption == "Question 2 of 2"
    assert view.large == "What role for capacity development?"
    assert view.clock == "43:20 / 1:30:00"
    assert view.speaking == "Speaking: Natalia Rusu"
    assert view.queue == "Next: Hanna Virtanen, Jonas Berglund, A. Example and 2 more"
    # Agreed (with or without reservations) on this item only; never the reservations' text.
    assert view.points == (
        PointGroup("", ("Sharing goals.", "Demand-driven. (with reservations)")),
    )


def test_question_view_options_hide_clock_and_queue_and_show_reservations() -> None:
    options = ProjectorOptions(show_clock=False, show_queue=False, show_reservations=True)
    view = projector_view(room(), options, NOW)
    assert (view.clock, view.speaking, view.queue) == ("", "", "")
    assert view.points[0].points[1] == f"Demand-driven. (with reservations: {RESERVATIONS})"
    assert "X" not in "".join(view.points[0].points)  # no consensus: never shown


def test_question_view_without_focus_between_items_and_during_a_break() -> None:
    view = projector_view(room(focus_question_id=None), ProjectorOptions(), NOW)
    assert (view.heading, view.large, view.caption) == ("European Conversation", "Partnerships", "")
    items = room().items
    before = tuple(i if i.id != "a2" else AgendaItem("a2", "Partnerships") for i in items)
    view = projector_view(room(items=before), ProjectorOptions(), NOW)
    assert (view.caption, view.large, view.clock) == ("Coming up", "Partnerships", "")
    coffee = AgendaItem(
        "a3",
        "Coffee",
        ItemKind.BREAK,
        planned_minutes=15,
        status=ItemStatus.RUNNING,
        started_at="2017-09-21T11:02:00+02:00",
    )
    view = projector_view(room(items=(coffee,)), ProjectorOptions(), NOW)
    assert (view.large, view.caption) == ("Coffee", "Until 11:17")
    done = tuple(AgendaItem(i.id, i.title, status=ItemStatus.DONE) for i in items)
    view = projector_view(room(items=done), ProjectorOptions(), NOW)
    assert (view.heading, view.large) == ("", "European Conversation")


def test_agenda_view_recorded_times_for_what_ran_the_plan_for_the_rest() -> None:
    view = projector_view(room(), ProjectorOptions(mode=ProjectorMode.AGENDA), NOW)
    assert view.heading == "Agenda · Thursday 21 September 2017"
    assert [(line.times, line.title, line.current) for line in view.agenda] == [
        ("09:32–10:04", "Opening", False),
        ("10:04–11:30", "Partnerships", True),
        ("11:30–11:45", "Coffee", False),
        ("11:45–12:05", "Skipped session", False),
    ]
    rows = list_rows(view)
    assert [(row.mark, row.text, row.role) for row in rows] == [
        ("✓", "Opening", "dim"),
        ("▶", "Partnerships", "accent"),
        ("", "Coffee", "text"),
        ("–", "Skipped session (skipped)", "dim"),
    ]


def test_agenda_view_follows_the_chairs_new_plan() -> None:
    late = parse_timestamp("2017-09-21T11:50:00+02:00")
    options = ProjectorOptions(mode=ProjectorMode.AGENDA)
    view = projector_view(room(), options, late)  # not re-planned: the plan stays on the wall
    assert view.agenda[2].times == "11:30–11:45"
    held = room(days=(Day("day-1", "2017-09-21", "09:30", end_time="12:25"),))
    view = projector_view(held, options, late)
    assert view.agenda[1].times == "10:04–11:50"
    assert view.agenda[2].times == "11:50–12:05"


def test_consensus_message_and_blank_views() -> None:
    options = ProjectorOptions(mode=ProjectorMode.CONSENSUS)
    view = projector_view(room(), options, NOW)
    assert view.heading == "Agreed today"
    assert view.points == (
        PointGroup("Opening", ("Welcome agreed.",)),
        PointGroup("Partnerships", ("Sharing goals.", "Demand-driven. (with reservations)")),
    )
    assert projector_view(room(points=()), options, NOW).large == "No points agreed yet."
    message = ProjectorOptions(mode=ProjectorMode.MESSAGE, message="  Coffee until 11:15 ")
    assert projector_view(room(), message, NOW) == ProjectorView(
        ProjectorMode.MESSAGE, large="Coffee until 11:15"
    )
    blank = projector_view(room(), ProjectorOptions(mode=ProjectorMode.BLANK), NOW)
    assert blank == ProjectorView(ProjectorMode.BLANK)


def test_list_rows_count_the_earliest_points_when_all_do_not_fit() -> None:
    view = projector_view(room(), ProjectorOptions(mode=ProjectorMode.CONSENSUS), NOW)
    assert [(row.mark, row.text) for row in list_rows(view, skip=1)] == [
        ("", "… and 1 agreed earlier"),
        ("", "Partnerships"),
        ("•", "Sharing goals."),
        ("•", "Demand-driven. (with reservations)"),
    ]


@pytest.mark.parametrize(
    ("screens", "chair", "remembered", "expected"),
    [
        (["eDP-1", "HDMI-1"], "eDP-1", None, "HDMI-1"),  # the other screen by default
        (["HDMI-1", "eDP-1"], "eDP-1", None, "HDMI-1"),
        (["eDP-1", "HDMI-1", "DP-2"], "eDP-1", "DP-2", "DP-2"),  # the one chosen before
        (["eDP-1", "HDMI-1"], "eDP-1", "eDP-1", "eDP-1"),
        (["eDP-1", "HDMI-1"], "eDP-1", "DP-2", "HDMI-1"),  # chosen before, now unplugged
        (["eDP-1"], "eDP-1", "HDMI-1", "eDP-1"),  # one screen: the chair's
        ([], None, None, None),
    ],
)
def test_choose_screen(
    screens: list[str], chair: str | None, remembered: str | None, expected: str | None
) -> None:
    assert choose_screen(screens, chair, remembered) == expected


def test_fit_size_shrinks_step_by_step_to_a_floor() -> None:
    tried: list[int] = []

    def fits_below_50(size: int) -> bool:
        tried.append(size)
        return size < 50

    assert fit_size(90, 20, fits_below_50) == 45
    assert tried == [90, 81, 72, 64, 57, 51, 45]
    assert fit_size(90, 20, lambda _size: False) == 20
    assert fit_size(90, 20, lambda _size: True) == 90


def test_right_to_left_text_is_recognised() -> None:
    assert is_rtl("ما الذي يمكن اعتباره شراكة حقيقية؟")
    assert is_rtl("« ما هي الشراكة؟ »")  # neutral characters first
    assert not is_rtl("What is a real partnership?")
    assert not is_rtl("2017: партнёрство")


# -- the window, driven from the Run view --------------------------------------------------------


def shown(window: ProjectorWindow) -> list[str]:
    """The texts the room sees now."""
    labels = window.findChildren(QLabel)
    return [label.text() for label in labels if label.isVisibleTo(window) and label.text()]


def every_text(window: ProjectorWindow) -> str:
    """Every label's text, shown or not."""
    return "\n".join(label.text() for label in window.findChildren(QLabel))


@pytest.fixture
def clock() -> Clock:
    return Clock("10:47:20")


@pytest.fixture
def page(tmp_path: Path, window: MainWindow, clock: Clock) -> RunPage:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)  # a2 running since 10:04, Natalia Rusu speaking, two waiting
    assert window.open_path(path)
    return run_page(window, clock)


@pytest.fixture
def screen(window: MainWindow, page: RunPage) -> Iterator[ProjectorWindow]:
    window.projector.toggle_action.trigger()  # View > Projector Window
    opened = window.projector.window
    assert opened is not None and opened.isVisible()
    yield opened


def agreed(point_id: str, text: str, status: ConsensusStatus, **fields: object) -> ConsensusPoint:
    return ConsensusPoint(id=point_id, agenda_item_id="a2", text=text, status=status, **fields)  # type: ignore[arg-type]


def test_follows_speakers_focus_points_and_items(
    page: RunPage, screen: ProjectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = "Partnerships and capacity development in migration management"
    assert screen.heading.text() == "European Conversation"  # no question in focus yet
    assert screen.large.text() == title
    assert screen.speaking.text() == "Speaking: Natalia Rusu"
    assert screen.queue.text() == "Next: Hanna Virtanen, Jonas Berglund"

    page.next_speaker_action.trigger()  # F8
    assert screen.speaking.text() == "Speaking: Hanna Virtanen"
    assert screen.queue.text() == "Next: Jonas Berglund"

    page.next_focus_action.trigger()  # F6: Q1 in focus
    assert (screen.heading.text(), screen.caption.text()) == (title, "Question 1 of 3")
    assert screen.large.text() == "What can be considered a real partnership?"

    points = iter(
        [
            agreed("k-a", "Partnerships rest on shared goals.", ConsensusStatus.AGREED),
            agreed("k-p", "Merely proposed so far.", ConsensusStatus.PROPOSED),
        ]
    )
    monkeypatch.setattr(dialogs, "edit_consensus_point", lambda *_args: next(points))
    page.point_action.trigger()  # Ctrl+Shift+C, marked agreed: on the wall
    assert "Partnerships rest on shared goals." in shown(screen)
    assert "Agreed so far" in shown(screen)
    page.point_action.trigger()  # proposed: not
    assert "Merely proposed so far." not in every_text(screen)
    page.outcomes.update_point("k-p", status=ConsensusStatus.AGREED)
    assert "Merely proposed so far." in shown(screen)

    page.next_item_action.trigger()  # F9: lunch
    assert screen.large.text() == "Lunch"
    assert screen.caption.text() == "Until 11:47"
    assert "Partnerships rest on shared goals." not in shown(screen)
    assert not screen.speaking.isVisibleTo(screen)


def test_the_clock_ticks_from_recorded_times_without_reading_the_file(
    page: RunPage, screen: ProjectorWindow, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert screen.clock.text() == "43:20 / 2:00:00"
    reads: list[object] = []
    real = projector.read_room
    monkeypatch.setattr(projector, "read_room", lambda s: reads.append(s) or real(s))
    clock.advance(60)
    screen.tick()
    screen.tick()
    assert screen.clock.text() == "44:20 / 2:00:00"
    assert reads == []  # only a change notification makes it read the state again
    page.end_speech_action.trigger()
    assert len(reads) == 1
    clock.advance(80 * 60)  # past the planned two hours
    screen.tick()
    assert screen.clock.text() == "2:04:20 / 2:00:00"
    colour = screen.clock.palette().color(QPalette.ColorRole.WindowText).name()
    assert colour == projector_canvas.THEMES[True]["over"]


def test_each_mode_from_its_shortcut(
    window: MainWindow, page: RunPage, screen: ProjectorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.outcomes.record_point(agreed("k-a", "Shared goals.", ConsensusStatus.AGREED))
    actions = {action.shortcut().toString(): action for action in window.projector.keys.actions}

    actions["Ctrl+P, A"].trigger()
    texts = shown(screen)
    assert texts[0] == "Agenda · Thursday 21 September 2017"
    for expected in ("✓", "09:32–10:04", "Opening and welcome", "▶", "10:04–12:00", "Lunch"):
        assert expected in texts
    assert "Shared goals." not in texts

    actions["Ctrl+P, C"].trigger()
    assert shown(screen) == [
        "Agreed today",
        "Partnerships and capacity development in migration management",
        "•",
        "Shared goals.",
    ]

    asked: list[str] = []
    answers = iter(["Coffee until 11:15", None])

    def ask(_parent: object, text: str) -> str | None:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_projector_message", ask)
    actions["Ctrl+P, M"].trigger()
    assert shown(screen) == ["Coffee until 11:15"]
    actions["Ctrl+P, B"].trigger()
    assert shown(screen) == []
    assert screen.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    actions["Ctrl+P, M"].trigger()  # cancelled: still blank
    assert asked == ["", "Coffee until 11:15"]  # the last message is offered again
    assert shown(screen) == []
    actions["Ctrl+P, Q"].trigger()
    assert "Speaking: Natalia Rusu" in shown(screen)


def test_mode_shortcut_works_while_typing_in_the_entry_box(
    qtbot: QtBot, window: MainWindow, page: RunPage, screen: ProjectorWindow
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    box = page.capture.text
    box.setFocus()
    qtbot.keyClicks(box, "Partners ")
    qtbot.keyClick(box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_A)
    assert window.projector.options.mode == ProjectorMode.AGENDA
    qtbot.keyClicks(box, "agree")
    assert box.toPlainText() == "Partners agree"  # the chord's "A" was not typed
    qtbot.keyClick(box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_P)  # View > Projector Window: closes it
    assert window.projector.window is None


def test_projector_shortcuts_are_unique_in_the_window(window: MainWindow, page: RunPage) -> None:
    keys = [
        action.shortcut().toString()
        for action in [window.projector.toggle_action, *window.projector.keys.actions]
    ]
    assert keys == [
        "Ctrl+P, P",
        "Ctrl+P, Q",
        "Ctrl+P, A",
        "Ctrl+P, C",
        "Ctrl+P, M",
        "Ctrl+P, B",
        "Ctrl+P, K",
        "Ctrl+P, L",
    ]
    others = [
        shortcut.toString()
        for action in window.findChildren(type(window.projector.toggle_action))
        if action not in (window.projector.toggle_action, *window.projector.keys.actions)
        for shortcut in action.shortcuts()
    ]
    assert not {key for key in others if key == "Ctrl+P" or key.startswith("Ctrl+P,")}
    assert not any(key.startswith("Ctrl+Alt+") for key in keys)  # AltGr on Windows


def test_hide_and_show_clock_and_queue_remembered(
    page: RunPage, screen: ProjectorWindow, window: MainWindow, settings: QSettings
) -> None:
    window.projector.keys.clock_action.trigger()  # Ctrl+P, K
    assert not screen.clock.isVisibleTo(screen)
    assert "43:20 / 2:00:00" not in every_text(screen)
    window.projector.keys.queue_action.trigger()  # Ctrl+P, L
    assert not any(text.startswith(("Speaking", "Next")) for text in every_text(screen).split("\n"))
    assert not window.projector.keys.clock_action.isChecked()
    window.projector.dark_action.trigger()  # the light theme
    assert screen.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
    fresh = Projector(window, settings)  # as at the next start
    again = fresh.options
    fresh.deleteLater()
    assert (again.show_clock, again.show_queue, again.dark) == (False, False, False)
    window.projector.keys.clock_action.trigger()
    assert screen.clock.text() == "43:20 / 2:00:00" and screen.clock.isVisibleTo(screen)


def test_the_projector_answers_its_own_keys_with_a_session_alone(
    tmp_path: Path, window: MainWindow, settings: QSettings
) -> None:
    """No Run page: the controller's keys change what the room sees (read from the file), and
    their checks follow its options however they change."""
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    session = Session.open(path)
    controller = Projector(window, settings)
    try:
        controller.follow(session)
        keys = {action.shortcut().toString(): action for action in controller.keys.actions}
        controller.open()
        screen = controller.window
        assert screen is not None
        keys["Ctrl+P, A"].trigger()
        assert controller.options.mode == ProjectorMode.AGENDA
        assert shown(screen)[0] == "Agenda · Thursday 21 September 2017"
        keys["Ctrl+P, K"].trigger()
        assert not controller.options.show_clock
        controller.update(show_clock=True)  # from elsewhere: the key's check follows
        assert keys["Ctrl+P, K"].isChecked()
    finally:
        controller.follow(None)
        controller.deleteLater()
        session.close()


def test_each_run_view_opened_shows_the_projectors_keys_and_gets_the_keyboard_back(
    qtbot: QtBot,
    tmp_path: Path,
    window: MainWindow,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("first", "second"):  # the second workshop's Run page replaces the first's
        path = tmp_path / f"{name}.workshop"
        write_demo_in_progress(path)
        assert window.open_path(path)
        page = run_page(window, clock)
    keys = window.projector.keys.actions
    assert ("&Projector", keys) in page.menus()
    assert all(action.isEnabled() for action in keys)
    window.activateWindow()
    qtbot.waitActive(window)
    page.capture.text.setFocus()
    qtbot.keyClick(page.capture.text, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.capture.text, Qt.Key.Key_C)
    assert window.projector.options.mode == ProjectorMode.CONSENSUS
    monkeypatch.setattr(dialogs, "ask_projector_message", lambda *_a: "Coffee until 11:15")
    page.capture.feed.setFocus()
    qtbot.waitUntil(page.capture.feed.hasFocus)
    keys[3].trigger()  # Ctrl+P, M
    assert window.projector.options.message == "Coffee until 11:15"
    qtbot.waitUntil(page.capture.text.hasFocus)  # the dialog closed: back to typing
    window.show_mode("prepare")
    assert not any(action.isEnabled() for action in keys)  # the Run view's keys only


def test_full_screen_escape_f11_and_double_click(
    qtbot: QtBot, window: MainWindow, screen: ProjectorWindow
) -> None:
    # Offscreen there is one screen, the chair's: the projector opens as a window there,
    # and the chair's window keeps the keyboard.
    assert not screen.isFullScreen()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen.toggle_full_screen()
    qtbot.waitUntil(screen.isFullScreen)
    screen.activateWindow()  # the chair clicked it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not screen.isFullScreen())
    qtbot.keyClick(screen, Qt.Key.Key_F11)
    qtbot.waitUntil(screen.isFullScreen)
    qtbot.mouseDClick(screen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.isFullScreen())
    # The chair's projector shortcuts work there too.
    qtbot.keyClick(screen, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert window.projector.options.mode == ProjectorMode.BLANK


def test_closing_the_session_closes_the_projector(
    qtbot: QtBot, window: MainWindow, screen: ProjectorWindow
) -> None:
    assert window.projector.toggle_action.isChecked()
    with qtbot.waitSignal(screen.destroyed):
        window.close_workshop()
    assert window.projector.window is None
    assert not window.projector.toggle_action.isChecked()
    assert not window.projector.toggle_action.isEnabled()


def test_the_chosen_screen_is_remembered(
    window: MainWindow, screen: ProjectorWindow, settings: QSettings
) -> None:
    only = QApplication.screens()[0]  # offscreen: one screen, the chair's
    menu = window.projector.screen_menu
    menu.aboutToShow.emit()
    assert [action.isChecked() for action in menu.actions()] == [True]
    assert "the main window's" in menu.actions()[0].text()
    menu.actions()[0].trigger()
    assert settings.value("projector/screen") == only.name()
    assert window.projector.screen() is only
    assert screen.isVisible() and not screen.isFullScreen()  # the chair's own: a window


def test_closing_the_projector_unchecks_the_menu(
    window: MainWindow, screen: ProjectorWindow
) -> None:
    screen.close()
    assert window.projector.window is None
    assert not window.projector.toggle_action.isChecked()
    window.projector.toggle_action.trigger()
    assert window.projector.window is not None


# -- nothing private reaches the wall ----------------------------------------------------------


def secrets(show_reservations: bool) -> list[str]:
    record = demo_record()
    texts = [p.email for p in record.participants if p.email]
    texts += [p.organisation for p in record.participants if p.organisation]
    texts += [c.text for c in record.contributions]
    texts += [i.description for i in record.agenda if i.description]
    texts += [i.summary for i in record.agenda if i.summary]
    texts += [record.workshop.purpose or ""]
    texts += [
        k.reservations
        for k in record.consensus
        if k.reservations
        and not (show_reservations and k.status == ConsensusStatus.AGREED_WITH_RESERVATIONS)
    ]
    # A contribution taken over word for word as an agreed point is public as that point.
    agreed_texts = {k.text for k in record.consensus if k.status in AGREED}
    return [text for text in texts if text and text not in agreed_texts]


@pytest.mark.parametrize("in_progress", [True, False])
def test_nothing_private_in_any_mode(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch, in_progress: bool
) -> None:
    path = tmp_path / "day.workshop"
    if in_progress:  # the day at 10:47, with the demo's points added as they stand at the end
        write_demo_in_progress(path)
    else:
        write_demo(path)
    assert window.open_path(path)
    run_page(window, Clock("10:47:20"))
    session = window.session
    assert session is not None
    if in_progress:
        for point in demo_record().consensus:
            session.consensus.record(replace(point, supporting_contribution_ids=()))
        session.run.set_focus("q2")
    window.projector.open()
    screen = window.projector.window
    assert screen is not None
    monkeypatch.setattr(dialogs, "ask_projector_message", lambda *_a: "Coffee until 11:15")
    for show_reservations in (False, True):
        window.projector.update(show_reservations=show_reservations)
        hidden = secrets(show_reservations)
        for action in window.projector.keys.actions[:5]:
            action.trigger()
            for size in ((1920, 1080), (1024, 768)):
                screen.resize(*size)
                text = every_text(screen)
                leaked = [secret for secret in hidden if secret in text]
                assert leaked == [], (action.text(), show_reservations, leaked)
    reservations = next(k.reservations for k in demo_record().consensus if k.id == "k3")
    window.projector.keys.actions[2].trigger()  # consensus, reservations shown
    assert any(reservations in text for text in shown(screen))


def test_right_to_left_question_reads_from_the_right(
    window: MainWindow, page: RunPage, screen: ProjectorWindow
) -> None:
    session = window.session
    assert session is not None
    session.agenda.update_question("q1", "ما الذي يمكن اعتباره شراكة حقيقية؟")
    page.next_focus_action.trigger()
    assert screen.large.text().startswith("ما")
    assert screen.large.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert screen.heading.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_long_texts_shrink_to_fit_and_are_never_cut(
    window: MainWindow, page: RunPage, screen: ProjectorWindow
) -> None:
    session = window.session
    assert session is not None
    long = " ".join(["What can partners and donors, together, consider a real partnership"] * 6)
    session.agenda.update_question("q1", long + "?")
    page.next_focus_action.trigger()
    for number in range(12):
        session.agenda.add_item(AgendaItem(f"x{number}", f"Working group {number}: " + long[:90]))
    for number in range(8):
        point = agreed(f"k{number}", f"Point {number}: {long[:150]}", ConsensusStatus.AGREED)
        page.outcomes.record_point(point)
    for mode in (ProjectorMode.QUESTION, ProjectorMode.AGENDA, ProjectorMode.CONSENSUS):
        window.projector.set_mode(mode)
        for size in ((1920, 1080), (1024, 768), (640, 360)):
            screen.resize(*size)
            labels = [label for label in screen.findChildren(QLabel) if label.isVisibleTo(screen)]
            for label in labels:  # inside the window, and tall enough for its wrapped text
                assert screen.rect().contains(label.geometry()), (mode, size, label.text())
                assert label.height() >= label.heightForWidth(label.width()) - 2, label.text()
            areas = [label.geometry() for label in labels]
            assert [(a, b) for a in areas for b in areas if a is not b and a.intersects(b)] == []
    assert screen.large.text() == ""  # consensus: no "No points agreed yet."
    screen.resize(1024, 768)  # at a size the room reads (a 30th of the height) they do not fit:
    texts = shown(screen)  # the earliest are counted, the latest shown
    assert texts[1].startswith("… and ") and "Point 7" in texts[-1]
    points = [label for label in screen.findChildren(QLabel) if label.text().startswith("Point")]
    assert min(label.font().pixelSize() for label in points if label.isVisibleTo(screen)) >= 25
