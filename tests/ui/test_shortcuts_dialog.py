"""Help > Keyboard Shortcuts lists every shortcut the window has, by menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.shortcuts_dialog import (
    OTHER,
    ShortcutsDialog,
    collect_shortcuts,
    plain_text,
)


def native(keys: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_plain_text_drops_mnemonics() -> None:
    assert plain_text("&Open…") == "Open…"
    assert plain_text("Q&&A &Notes") == "Q&A Notes"
    assert plain_text("&Save\tCtrl+S") == "Save"


def test_the_real_window_lists_its_menus_shortcuts(window: MainWindow, demo_path: Path) -> None:
    assert window.open_path(demo_path)
    entries = collect_shortcuts(window)
    assert ("Edit", "Undo", native(QKeySequence.StandardKey.Undo)) in entries
    assert ("Edit", "Redo", f"{native('Ctrl+Shift+Z')}, {native('Ctrl+Y')}") in entries
    assert ("File", "Open…", native(QKeySequence.StandardKey.Open)) in entries
    assert ("Agenda", "Add Item", native("Ctrl+Shift+I")) in entries
    assert ("Modes", "Prepare", native("Ctrl+1")) in entries
    assert all("&" not in text for _group, text, _keys in entries)
    assert all(keys for _group, _text, keys in entries)
    assert len(set(entries)) == len(entries)  # an action in a menu and on a panel: once


def test_menus_of_modes_not_shown_are_listed_too(window: MainWindow, demo_path: Path) -> None:
    assert window.open_path(demo_path)
    before = collect_shortcuts(window)
    for key in window.mode_actions:
        window.show_mode(key)
        assert collect_shortcuts(window) == before


def test_submenus_tool_bars_and_widget_actions(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction("&Save").setShortcut(QKeySequence("Ctrl+S"))
    file_menu.addAction("No shortcut")
    hidden = file_menu.addAction("Hidden")
    hidden.setShortcut(QKeySequence("Ctrl+H"))
    hidden.setVisible(False)
    export = file_menu.addMenu("&Export")
    export.addAction("As &PDF…").setShortcut(QKeySequence("Ctrl+Shift+E"))
    toolbar = QToolBar("&Modes")
    window.addToolBar(toolbar)
    toolbar.addAction("Run").setShortcut(QKeySequence("Ctrl+2"))
    panel = QWidget()
    panel.setAccessibleName("List of speakers waiting")
    window.setCentralWidget(panel)
    remove = QAction("&Remove Speaker", panel)
    remove.setShortcut(QKeySequence("Del"))
    panel.addAction(remove)
    anonymous = QAction("Anything", window)
    anonymous.setShortcut(QKeySequence("F12"))
    window.addAction(anonymous)
    window.addAction(file_menu.actions()[0])  # also on the window: listed once, in its menu
    assert collect_shortcuts(window) == [
        ("File", "Save", native("Ctrl+S")),
        ("File › Export", "As PDF…", native("Ctrl+Shift+E")),
        (OTHER, "Anything", native("F12")),
        ("Modes", "Run", native("Ctrl+2")),
        ("List of speakers waiting", "Remove Speaker", native("Del")),
    ]


def test_the_dialog_groups_by_menu_and_filters(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_path(demo_path)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.visible_entries()
    assert shown == list(dialog.entries)
    groups = [g for g, _t, _k in shown]
    assert groups[0] == "File" and "Edit" in groups
    assert dialog.tree.topLevelItemCount() == len(dict.fromkeys(groups))
    qtbot.keyClicks(dialog.filter, "undo")
    assert dialog.visible_entries() == [("Edit", "Undo", native(QKeySequence.StandardKey.Undo))]
    dialog.filter.setText("AGENDA")  # a group's name shows all of it (and "Projector: Agenda")
    matching = dialog.visible_entries()
    assert {e for e in dialog.entries if e.group == "Agenda"} <= set(matching)
    assert all("agenda" in f"{g} {t}".casefold() for g, t, _k in matching)
    dialog.filter.setText(native("Ctrl+Shift+I"))
    assert ("Agenda", "Add Item", native("Ctrl+Shift+I")) in dialog.visible_entries()
    dialog.filter.setText("nothing like this")
    assert dialog.visible_entries() == []
    assert dialog.status.text() == "No shortcut matches “nothing like this”."
    dialog.filter.clear()
    assert len(dialog.visible_entries()) == len(dialog.entries)
    assert any(label.buddy() is dialog.filter for label in dialog.findChildren(QLabel))
    assert dialog.tree.accessibleName() == "Keyboard shortcuts"
