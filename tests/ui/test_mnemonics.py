"""Alt+letter reaches one thing: no two visible controls (or a control and a menu) share one."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop_app.demo import write_demo_in_progress
from workshop_app.ui.main_window import MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter of what is shown: menu titles (of a main window) and the visible
    controls."""
    seen: dict[str, list[str]] = defaultdict(list)
    menus = window.menuBar().actions() if isinstance(window, QMainWindow) else []
    for action in menus:
        if action.isVisible() and (key := letter(action.text())):
            seen[key].append(f"menu {action.text()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            if key := letter(text):
                seen[key].append(f"{type(widget).__name__} {text}")
    return seen


@pytest.mark.parametrize("mode", ["prepare", "run", "minutes"])
def test_no_two_visible_controls_share_an_alt_letter(
    window: MainWindow, tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    window.resize(1366, 768)
    window.show()
    window.show_mode(mode)
    page = window.page(mode)
    for index in range(page.count() if isinstance(page, QTabWidget) else 1):
        if isinstance(page, QTabWidget):
            page.setCurrentIndex(index)
        clashes = {k: v for k, v in mnemonics(window).items() if len(v) > 1}
        assert clashes == {}, index


def test_the_chairs_buttons_carry_no_alt_letter(window: MainWindow, tmp_path: Path) -> None:
    """Alt+E meant for the Edit menu must not end a turn while the rapporteur types."""
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    window.show_mode("run")
    page = window.page("run")
    buttons = [
        page.clock_panel.next_button,  # type: ignore[attr-defined]
        page.clock_panel.finish_button,  # type: ignore[attr-defined]
        page.clock_panel.skip_button,  # type: ignore[attr-defined]
        page.speakers.next_button,  # type: ignore[attr-defined]
        page.speakers.end_button,  # type: ignore[attr-defined]
        page.capture.record_button,  # type: ignore[attr-defined]
    ]
    for button in buttons:
        assert letter(button.text()) is None, button.text()
        assert "(" in button.toolTip(), button.toolTip()  # names its key, e.g. (Shift+F9)


def test_tabs_are_reached_with_ctrl_tab(
    qtbot: QtBot, window: MainWindow, workshop_path: Path
) -> None:
    """The tabs leave Alt+letter to the menus of the same name; Ctrl+Tab moves between them."""
    assert window.open_path(workshop_path)
    window.show()
    window.show_mode("prepare")
    page = window.page("prepare")
    assert isinstance(page, QTabWidget)
    assert page.currentIndex() == 0
    qtbot.keyClick(page.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabText(page.currentIndex()) == "Agenda"
    assert [a.text() for a in window.menuBar().actions() if a.isVisible()][3] == "&Agenda"


def test_the_export_dialog_and_its_public_names_dialog_share_no_alt_letter(
    window: MainWindow, demo_path: Path, settings: QSettings
) -> None:
    """Alt+U was both Status and Edit public names."""
    from workshop_app.ui.minutes.export_dialog import ExportDialog
    from workshop_app.ui.minutes.public_names_dialog import PublicNamesDialog, SessionPublicNames

    assert window.open_path(demo_path)
    assert window.session is not None
    public = SessionPublicNames(window.session)
    dialog = ExportDialog(demo_path, settings, public_names=public)
    names = PublicNamesDialog(["EU4Climate"])
    for shown in (dialog, names):
        shown.show()
        assert {k: v for k, v in mnemonics(shown).items() if len(v) > 1} == {}
        shown.close()
        shown.deleteLater()


def test_no_window_wide_shortcut_is_also_another_actions(
    window: MainWindow, demo_path: Path
) -> None:
    """Qt fires neither of two actions that share a key where both apply ("Ambiguous shortcut
    overload"): Ctrl+E was Export Minutes and, on the next steps table, Change Status."""
    from PySide6.QtGui import QAction

    assert window.open_path(demo_path)
    window.resize(1366, 768)
    window.show()
    wide_contexts = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    views = [
        (mode, index)
        for mode in ("prepare", "run", "minutes")
        for index in range(
            window.page(mode).count() if isinstance(window.page(mode), QTabWidget) else 1
        )
    ]
    for mode, index in views:
        window.show_mode(mode)
        page = window.page(mode)
        if isinstance(page, QTabWidget):
            page.setCurrentIndex(index)
        keys: dict[str, list[str]] = defaultdict(list)
        wide: set[str] = set()
        for action in window.findChildren(QAction):
            owner = action.parent()
            # A widget's own action counts even while disabled: selecting a row enables it.
            live = (action.shortcutContext() in wide_contexts and action.isEnabled()) or (
                action.shortcutContext() not in wide_contexts
                and isinstance(owner, QWidget)
                and owner.isVisible()
            )
            for sequence in action.shortcuts() if live else ():
                keys[sequence.toString()].append(action.text())
                if action.shortcutContext() in wide_contexts:
                    wide.add(sequence.toString())
        clashes = {key: keys[key] for key in wide if len(keys[key]) > 1}
        assert clashes == {}, (mode, index)
