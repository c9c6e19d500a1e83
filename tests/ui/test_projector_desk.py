"""The room's screen from one laptop: the projector window in front of the main window, the
mode it shows checked in the Projector menu, and its live thumbnail in the Run view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.test_run_view import Clock, run_page
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.projector import ProjectorMode
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.projector import controller as projector
from workshop_app.ui.projector.thumbnail import ProjectorThumbnail
from workshop_app.ui.projector.window import ProjectorWindow, window_frame
from workshop_app.ui.run.run_page import RunPage


@pytest.fixture
def page(tmp_path: Path, window: MainWindow) -> RunPage:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)  # a2 running since 10:04, Natalia Rusu speaking, two waiting
    assert window.open_path(path)
    return run_page(window, Clock("10:47:20"))


@pytest.fixture
def thumbnail(qtbot: QtBot, page: RunPage) -> Iterator[ProjectorThumbnail]:
    found = page.clock_panel.findChild(ProjectorThumbnail)
    assert found is not None
    qtbot.waitUntil(lambda: not found.picture.isNull())
    yield found


def picture(thumbnail: ProjectorThumbnail) -> QImage:
    return thumbnail.picture.toImage()


def corner(thumbnail: ProjectorThumbnail) -> str:
    """The colour of the picture's top left pixel: the room's screen's background."""
    return QColor(picture(thumbnail).pixel(1, 1)).name()


# -- 1. in front of the main window on one screen, full screen on a screen of its own -------------


def test_on_the_chairs_screen_it_opens_as_a_window_kept_above_the_main_window(
    qtbot: QtBot, window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    raised: list[ProjectorWindow] = []
    real_raise = ProjectorWindow.raise_
    monkeypatch.setattr(ProjectorWindow, "raise_", lambda w: raised.append(w) or real_raise(w))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.projector.toggle_action.trigger()  # Ctrl+P, P
    screen = window.projector.window
    assert screen is not None
    qtbot.waitExposed(screen)
    assert screen.isWindow() and screen.parentWidget() is window
    handle = screen.windowHandle()
    assert handle is not None and handle.transientParent() is window.windowHandle()
    # A dialog for the window manager (so that it keeps it above), with a window's buttons
    # but for minimise (which minimises the main window with it).
    assert screen.windowType() == Qt.WindowType.Dialog
    flags = screen.windowFlags()
    for hint in (Qt.WindowType.WindowMaximizeButtonHint, Qt.WindowType.WindowCloseButtonHint):
        assert flags & hint == hint
    assert not flags & Qt.WindowType.WindowMinimizeButtonHint
    assert not screen.isFullScreen()
    chairs = window.screen()
    assert screen.screen() is chairs
    assert screen.geometry() == window_frame(chairs)
    assert chairs.availableGeometry().contains(screen.geometry())
    assert raised == [screen]
    assert QApplication.activeWindow() is window  # the rapporteur goes on typing
    window.projector.open()  # again (the chair chose the screen again): still in front
    assert screen.parentWidget() is window and raised == [screen, screen]


def test_on_a_screen_of_its_own_it_is_full_screen_and_nobodys_transient(
    qtbot: QtBot, window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offscreen there is one screen: the main window is said to be on another (the laptop's)."""

    class Laptop:
        def name(self) -> str:
            return "eDP-1"

    monkeypatch.setattr(window, "screen", lambda: Laptop())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.projector.open()
    screen = window.projector.window
    assert screen is not None
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.isFullScreen)
    # The rapporteur goes on typing (offscreen only shows the end state; on X11 with two
    # screens, showFullScreen() took the keyboard once the window was mapped).
    assert QApplication.activeWindow() is window
    assert screen.parentWidget() is None
    assert screen.windowType() == Qt.WindowType.Window
    handle = screen.windowHandle()
    assert handle is not None and handle.transientParent() is None
    # Back on the main window's screen (the projector unplugged): a window in front of it.
    monkeypatch.undo()
    window.projector.open()
    qtbot.waitUntil(lambda: not screen.isFullScreen())
    assert screen.isVisible() and screen.parentWidget() is window
    assert screen.windowType() == Qt.WindowType.Dialog


# -- 2. the Projector menu shows the mode the room sees -------------------------------------------


def projector_menu(page: RunPage) -> list[tuple[str, bool]]:
    """The Run view's Projector menu, as (text, checked) of its mode items."""
    titles = dict(page.menus())
    menu = QMenu()
    menu.addActions(titles["&Projector"])
    modes = [a for a in menu.actions() if a.actionGroup() is not None]
    return [(a.text(), a.isChecked()) for a in modes]


def checked(page: RunPage) -> list[str]:
    return [text for text, on in projector_menu(page) if on]


def test_the_projector_menu_checks_the_mode_the_room_sees(
    qtbot: QtBot, window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [text for text, _on in projector_menu(page)] == [
        "Projector: &Question",
        "Projector: &Agenda",
        "Projector: Co&nsensus",
        "Projector: &Message…",
        "Projector: &Blank",
    ]
    group = window.projector.keys.modes
    assert group.isExclusive()
    assert checked(page) == ["Projector: &Question"]
    window.activateWindow()
    qtbot.waitActive(window)
    box = page.capture.text
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the keys
    qtbot.keyClick(box, Qt.Key.Key_A)
    assert checked(page) == ["Projector: &Agenda"]
    window.projector.set_mode(ProjectorMode.CONSENSUS)  # from elsewhere (the controls)
    assert checked(page) == ["Projector: Co&nsensus"]
    window.projector.keys.mode_actions[ProjectorMode.BLANK].trigger()  # the menu item
    assert checked(page) == ["Projector: &Blank"]
    assert window.projector.options.mode == ProjectorMode.BLANK
    answers = iter([None, "Coffee until 11:15"])
    monkeypatch.setattr(dialogs, "ask_projector_message", lambda *_a: next(answers))
    window.projector.keys.mode_actions[ProjectorMode.MESSAGE].trigger()  # cancelled
    assert checked(page) == ["Projector: &Blank"]  # still what the room sees
    window.projector.keys.mode_actions[ProjectorMode.MESSAGE].trigger()
    assert checked(page) == ["Projector: &Message…"]


# -- 3. the live thumbnail in the Run view --------------------------------------------------------


def test_the_thumbnail_sits_in_the_run_view_named_and_shaped_like_the_projector(
    window: MainWindow, page: RunPage, thumbnail: ProjectorThumbnail
) -> None:
    assert thumbnail.isVisible() and page.isAncestorOf(thumbnail)
    assert thumbnail.accessibleName() == "Projector thumbnail"
    assert not thumbnail.on  # closed: what it would show, marked off
    assert thumbnail.accessibleDescription().startswith("Projector off; it would show: Question")
    assert "Ctrl+P, P" in thumbnail.toolTip()
    size = thumbnail.picture.deviceIndependentSize()
    assert 180 <= size.width() <= 220
    assert abs(size.width() / size.height() - 16 / 9) < 0.03
    assert thumbnail.focusPolicy() == Qt.FocusPolicy.TabFocus  # a click keeps the entry box's


def test_the_thumbnail_repaints_when_what_the_room_sees_changes(
    qtbot: QtBot, window: MainWindow, page: RunPage, thumbnail: ProjectorThumbnail
) -> None:
    question = picture(thumbnail)
    assert corner(thumbnail) == "#000000"  # the dark theme
    actions = {a.shortcut().toString(): a for a in window.projector.keys.actions}
    actions["Ctrl+P, A"].trigger()
    qtbot.waitUntil(lambda: "would show: Agenda" in thumbnail.accessibleDescription())
    qtbot.waitUntil(lambda: picture(thumbnail) != question)
    agenda = picture(thumbnail)
    page.next_item_action.trigger()  # F9: lunch starts, the agenda's mark moves
    qtbot.waitUntil(lambda: picture(thumbnail) != agenda)
    session = window.session
    assert session is not None
    on_file = Document.open(session.path, readonly=True)
    try:
        running = [i.title for i in on_file.agenda.items() if i.status.value == "running"]
    finally:
        on_file.close()
    assert running == ["Lunch"]
    window.projector.dark_action.trigger()  # the light theme: the picture turns white
    qtbot.waitUntil(lambda: corner(thumbnail) == "#ffffff")
    actions["Ctrl+P, B"].trigger()  # blank: black, whatever the theme
    qtbot.waitUntil(lambda: corner(thumbnail) == "#000000")
    blank = picture(thumbnail)
    assert all(
        QColor(blank.pixel(x, y)).name() == "#000000"
        for x in range(0, blank.width(), 7)
        for y in range(0, blank.height(), 7)
    )


def test_the_thumbnail_follows_the_clock_of_the_open_window(
    qtbot: QtBot, window: MainWindow, page: RunPage, thumbnail: ProjectorThumbnail
) -> None:
    with qtbot.waitSignal(thumbnail.painted):
        window.projector.open()
    screen = window.projector.window
    assert screen is not None and thumbnail.on
    assert thumbnail.accessibleDescription().startswith("The room sees: Question")
    before = picture(thumbnail)
    session = window.session
    assert session is not None
    clock = session.clock
    assert isinstance(clock, Clock)
    clock.advance(60)
    with qtbot.waitSignal(thumbnail.painted):
        screen.tick()  # 44:20: the room's clock, and so the thumbnail
    assert screen.clock.text() == "44:20 / 2:00:00"
    assert picture(thumbnail) != before


def test_a_click_on_the_thumbnail_opens_the_projector_then_brings_it_to_the_front(
    qtbot: QtBot, window: MainWindow, page: RunPage, thumbnail: ProjectorThumbnail
) -> None:
    qtbot.mouseClick(thumbnail, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    screen = window.projector.window
    assert screen is not None and screen.isVisible()
    assert window.projector.toggle_action.isChecked()
    qtbot.waitUntil(lambda: thumbnail.on)
    screen.showMinimized()
    qtbot.waitUntil(screen.isMinimized)
    qtbot.mouseClick(thumbnail, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.waitUntil(lambda: not screen.isMinimized())
    assert window.projector.window is screen  # the same window, not a second one
    screen.close()
    qtbot.waitUntil(lambda: not thumbnail.on)
    assert thumbnail.accessibleDescription().startswith("Projector off")


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_on_the_focused_thumbnail_opens_the_projector(
    qtbot: QtBot,
    window: MainWindow,
    page: RunPage,
    thumbnail: ProjectorThumbnail,
    key: Qt.Key,
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    thumbnail.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(thumbnail.hasFocus)
    qtbot.keyClick(thumbnail, key)
    screen = window.projector.window
    assert screen is not None and screen.isVisible()


def test_a_hidden_thumbnail_reads_nothing_and_catches_up_when_shown(
    qtbot: QtBot,
    window: MainWindow,
    page: RunPage,
    thumbnail: ProjectorThumbnail,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[object] = []
    real = projector.read_room
    monkeypatch.setattr(projector, "read_room", lambda s: reads.append(s) or real(s))
    window.show_mode("prepare")
    session = window.session
    assert session is not None
    session.speeches.end_speech("a2", session.clock())  # the room's floor changes
    assert reads == []  # nobody sees the thumbnail: the file is not read for it
    before = picture(thumbnail)
    window.show_mode("run")
    assert len(reads) == 1
    qtbot.waitUntil(lambda: picture(thumbnail) != before)  # "Speaking: Natalia Rusu" gone
    window.show_mode("prepare")
    window.show_mode("run")
    assert len(reads) == 1  # nothing changed meanwhile: nothing read again


def test_the_thumbnail_pictures_the_window_in_its_palette(
    qtbot: QtBot, window: MainWindow, page: RunPage, thumbnail: ProjectorThumbnail
) -> None:
    """The thumbnail is the window's own painting, not a second one: the same colours."""
    window.projector.update(dark=False)
    window.projector.open()
    screen = window.projector.window
    assert screen is not None
    qtbot.waitUntil(lambda: thumbnail.on and corner(thumbnail) == "#ffffff")
    assert screen.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
