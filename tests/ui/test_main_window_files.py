"""The main window's File menu: New, Open, Open Recent, Close, and the refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import Workshop
from workshop_app.errors import KnownError
from workshop_app.store import Document
from workshop_app.store.errors import (
    AlreadyOpen,
    DamagedDocument,
    DocumentNotFound,
    NotAWorkshop,
    NotSQLite,
    TooNew,
)
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow, suggested_file_name


def make_workshop(path: Path, title: str) -> Path:
    Document.create(path, Workshop(title=title)).close()
    return path


def recent_entries(window: MainWindow) -> list[str]:
    window.recent_menu.aboutToShow.emit()
    return [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]


def test_start_page_when_nothing_is_open(window: MainWindow) -> None:
    assert window.session is None
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == "Workshop App"
    assert not window.mode_bar.isVisible()
    assert not window.close_action.isEnabled()


def test_open_shows_prepare_details(opened: MainWindow, workshop_path: Path) -> None:
    assert opened.windowTitle() == "Test workshop — Workshop App"
    assert opened.mode_bar.isVisible()
    assert list(opened.mode_actions) == ["prepare", "run", "minutes"]
    assert opened.mode_actions["prepare"].isChecked()
    assert opened.stack.currentWidget() is opened.page("prepare")
    assert opened.status.file_label.text() == "test.workshop"
    assert opened.status.saved_label.text() == "All changes saved"


def test_menus_follow_the_mode(opened: MainWindow) -> None:
    def shown() -> list[str]:
        bar = opened.menuBar()
        return [a.text().replace("&", "") for a in bar.actions() if a.isVisible()]

    assert shown() in (
        ["File", "Edit", "View", "Details", "Agenda", "Participants", "Help"],
        ["File", "Edit", "View", "Agenda", "Participants", "Help"],
    )
    opened.show_mode("run")
    assert "Run" in shown() and "Agenda" not in shown()


def test_window_title_follows_the_workshop_title(opened: MainWindow) -> None:
    assert opened.session is not None
    opened.session.workshop.update(title="Renamed")
    assert opened.windowTitle() == "Renamed — Workshop App"


def test_opening_a_file_open_elsewhere_keeps_the_current_one(
    opened: MainWindow, workshop_path: Path, tmp_path: Path, errors: list[KnownError]
) -> None:
    other = make_workshop(tmp_path / "other.workshop", "Other")
    with Document.open(other):  # another window or program holds it
        assert not opened.open_path(other)
    assert [type(e) for e in errors] == [AlreadyOpen]
    assert "already open" in errors[0].message
    assert opened.session is not None and opened.session.path == workshop_path
    assert opened.windowTitle() == "Test workshop — Workshop App"
    opened.session.workshop.update(venue="Still writable")  # the current one still works
    with Document.open(other) as doc:  # and the refused one was left alone
        assert doc.workshop.get().title == "Other"


def _not_sqlite(path: Path) -> None:
    path.write_text("minutes of the last meeting\n", encoding="utf-8")


def _not_a_workshop(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()


def _too_new(path: Path) -> None:
    make_workshop(path, "From the future")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def _damaged(path: Path) -> None:
    make_workshop(path, "Damaged")
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "error"),
    [
        (None, DocumentNotFound),
        (_not_sqlite, NotSQLite),
        (_not_a_workshop, NotAWorkshop),
        (_too_new, TooNew),
        (_damaged, DamagedDocument),
    ],
)
def test_refused_files_change_nothing(
    opened: MainWindow,
    workshop_path: Path,
    tmp_path: Path,
    errors: list[KnownError],
    spoil: object,
    error: type[KnownError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.workshop"
    if callable(spoil):
        spoil(bad)
    before = bad.read_bytes() if bad.exists() else None
    offers: list[str] = []
    # A damaged file is offered for recovery (declined here) instead of a plain error.
    monkeypatch.setattr(dialogs, "confirm", lambda _p, question, *_a: offers.append(question))
    assert not opened.open_path(bad)
    if error is DamagedDocument:
        assert errors == [] and len(offers) == 1 and "damaged" in offers[0]
    else:
        assert len(errors) == 1 and isinstance(errors[0], error)
        assert errors[0].message  # plain words for the dialog
    assert (bad.read_bytes() if bad.exists() else None) == before
    assert opened.session is not None and opened.session.path == workshop_path
    assert bad.resolve() not in opened.recent.paths()


def test_new_workshop(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workshop_path: Path
) -> None:
    suggestions: list[Path] = []

    def ask_new_path(_parent: object, suggestion: Path) -> Path:
        suggestions.append(suggestion)
        return tmp_path / "lisbon.workshop"

    monkeypatch.setattr(dialogs, "ask_title", lambda _parent, suggestion="": "Lisbon Dialogue")
    monkeypatch.setattr(dialogs, "ask_new_path", ask_new_path)
    opened.new_action.trigger()

    assert suggestions[0].name == "Lisbon Dialogue.workshop"
    new = tmp_path / "lisbon.workshop"
    assert opened.session is not None and opened.session.path == new
    assert opened.windowTitle() == "Lisbon Dialogue — Workshop App"
    opened.close_workshop()
    with Document.open(new) as doc:
        assert doc.workshop.get().title == "Lisbon Dialogue"
    with Document.open(workshop_path):  # the previous workshop was closed, not left locked
        pass


def test_new_workshop_adds_the_suffix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.undo()  # the real helper, with the file dialog replaced
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "rabat"), "")
    )
    assert dialogs.ask_new_path(None, tmp_path / "x.workshop") == tmp_path / "rabat.workshop"


def test_new_workshop_over_an_existing_file_asks(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = make_workshop(tmp_path / "old.workshop", "Old")
    monkeypatch.setattr(dialogs, "ask_title", lambda _parent, suggestion="": "New")
    monkeypatch.setattr(dialogs, "ask_new_path", lambda _parent, _suggestion: existing)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    assert not window.new_workshop()
    with Document.open(existing) as doc:
        assert doc.workshop.get().title == "Old"
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    assert window.new_workshop()
    assert window.windowTitle() == "New — Workshop App"


def test_new_workshop_cancelled(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_title", lambda _parent, suggestion="": None)
    assert not window.new_workshop()
    assert window.session is None


def test_open_dialog(
    window: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_open_path", lambda _parent, _directory: workshop_path)
    window.open_action.trigger()
    assert window.session is not None and window.session.path == workshop_path


def test_open_recent_lists_files_newest_first_and_forgets_missing(
    window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    first = make_workshop(tmp_path / "first.workshop", "First")
    second = make_workshop(tmp_path / "second & more.workshop", "Second")
    assert recent_entries(window)[0] == "No recent workshops"
    assert window.open_path(first)
    assert window.open_path(second)
    assert recent_entries(window) == [
        "&1 second && more.workshop",
        "&2 first.workshop",
        "&Clear Menu",
    ]

    window.close_workshop()
    first.unlink()
    assert recent_entries(window) == ["&1 second && more.workshop", "&Clear Menu"]
    assert window.recent.paths() == [second.resolve()]

    opener = next(a for a in window.recent_menu.actions() if a.text().startswith("&1"))
    opener.trigger()
    assert window.session is not None and window.session.path == second

    clear = next(a for a in window.recent_menu.actions() if a.text() == "&Clear Menu")
    clear.trigger()
    assert window.recent.paths() == []
    assert settings.value("recentFiles") in (None, [], "")


def test_recent_list_keeps_ten(window: MainWindow, tmp_path: Path) -> None:
    paths = [make_workshop(tmp_path / f"w{i}.workshop", f"W{i}") for i in range(12)]
    for path in paths:
        window.recent.add(path)
    assert window.recent.paths() == [p.resolve() for p in reversed(paths[2:])]


def test_start_page_opens_a_recent_workshop(
    qtbot: QtBot, window: MainWindow, workshop_path: Path
) -> None:
    assert window.open_path(workshop_path)
    window.close_workshop()
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.recent.count() == 1
    item = window.start_page.recent.item(0)
    window.start_page.recent.itemActivated.emit(item)
    assert window.session is not None and window.session.path == workshop_path


def test_close_releases_the_file(opened: MainWindow, workshop_path: Path) -> None:
    opened.close_action.trigger()
    assert opened.session is None
    assert opened.stack.currentWidget() is opened.start_page
    assert opened.windowTitle() == "Workshop App"
    assert opened.status.file_label.text() == ""
    with Document.open(workshop_path):
        pass


def test_quit_closes_the_workshop(qtbot: QtBot, opened: MainWindow, workshop_path: Path) -> None:
    opened.quit_action.trigger()
    assert not opened.isVisible()
    with Document.open(workshop_path):
        pass


def test_open_initial(
    qtbot: QtBot, settings: QSettings, workshop_path: Path, tmp_path: Path
) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_initial(workshop_path)
    assert first.session is not None
    first.close()

    again = MainWindow(settings)  # no path given: the most recent workshop
    qtbot.addWidget(again)
    again.open_initial(None)
    assert again.session is not None and again.session.path == workshop_path
    again.close()

    workshop_path.unlink()
    empty = MainWindow(settings)  # gone: the start page, without a complaint
    qtbot.addWidget(empty)
    empty.open_initial(None)
    assert empty.session is None
    assert empty.stack.currentWidget() is empty.start_page


def test_every_menu_action_has_a_shortcut_or_mnemonic(opened: MainWindow) -> None:
    def walk(actions: list[QAction]) -> list[QAction]:
        found: list[QAction] = []
        for action in actions:
            menu = action.menu()
            found.append(action)
            if menu is not None:
                found.extend(walk(menu.actions()))
        return found

    for action in walk(opened.menuBar().actions()):
        if action.isSeparator() or not action.isEnabled():
            continue
        assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()
    shortcuts = {
        a.text(): a.shortcut().toString() for a in walk(opened.menuBar().actions()) if a.text()
    }
    assert shortcuts["&New…"] == "Ctrl+N"
    assert shortcuts["&Open…"] == "Ctrl+O"
    assert shortcuts["&Close"] == "Ctrl+W"
    assert shortcuts["&Quit"] == "Ctrl+Q"
    assert opened.mode_actions["prepare"].shortcut().toString() == "Ctrl+1"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("European Conversation", "European Conversation.workshop"),
        ("Migration: the road ahead / 2018?", "Migration the road ahead 2018.workshop"),
        ("حوار", "حوار.workshop"),
        ("???", "Workshop.workshop"),
    ],
)
def test_suggested_file_name(title: str, name: str) -> None:
    assert suggested_file_name(title) == name


def test_failed_undoable_edit_is_shown(
    opened: MainWindow, workshop_path: Path, errors: list[KnownError]
) -> None:
    assert opened.session is not None

    def fail() -> None:
        raise DamagedDocument(workshop_path, "disk I/O error")

    assert not opened.session.editor.run("Change Something", fail, lambda _r: None)
    assert [type(e) for e in errors] == [DamagedDocument]
    assert opened.session.undo_stack.count() == 0  # no command left that does nothing
