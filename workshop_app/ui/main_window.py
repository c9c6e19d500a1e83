"""The main window: a frame that assembles the mode pages of the open workshop.

A mode bar on the left switches between the modes (Prepare now; Run and Minutes later), each
one page of the same document. Without an open workshop the window shows the start page.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from workshop_app.errors import KnownError
from workshop_app.ui.file_commands import (
    create_workshop,
    fill_recent_menu,
    open_read_only,
    same_file,
    suggested_file_name,
)
from workshop_app.ui.loader import deferred
from workshop_app.ui.minutes.export_actions import ExportActions
from workshop_app.ui.modes import MODES, build_mode_bar
from workshop_app.ui.pending import CommitBeforeCommands, commit_pending, undo_actions
from workshop_app.ui.recent import RecentFiles
from workshop_app.ui.safety import DocumentSafety
from workshop_app.ui.start_page import StartPage
from workshop_app.ui.status_bar import DocumentStatusBar

# Loaded after the window's first paint (see ui/loader.py).
if TYPE_CHECKING:
    from workshop_app.store import changes as store_changes
    from workshop_app.store import errors as store_errors
    from workshop_app.store.changes import Change
    from workshop_app.ui import dialogs, navigation
    from workshop_app.ui import session as sessions
    from workshop_app.ui.projector import controller as projector_controller
    from workshop_app.ui.projector.controller import Projector
    from workshop_app.ui.session import Session
else:
    store_changes = deferred("workshop_app.store.changes")
    store_errors = deferred("workshop_app.store.errors")
    dialogs = deferred("workshop_app.ui.dialogs")
    navigation = deferred("workshop_app.ui.navigation")
    sessions = deferred("workshop_app.ui.session")
    projector_controller = deferred("workshop_app.ui.projector.controller")

APP_NAME = "Workshop App"
__all__ = ["APP_NAME", "MainWindow", "suggested_file_name"]


class MainWindow(QMainWindow):
    """Menus, mode bar, pages and status bar around one open workshop (or none)."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else QSettings()
        self.recent = RecentFiles(self._settings)
        self.session: Session | None = None
        self._pages: dict[str, QWidget] = {}
        self._mode_menus: dict[str, list[QMenu]] = {}

        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self.status = DocumentStatusBar()
        self.setStatusBar(self.status)
        self._projector: Projector | None = None  # the room's screen: made when first needed
        self._build_actions()
        self._build_menus()
        self._build_mode_bar()

        self.start_page.new_requested.connect(self.new_workshop)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.recent_chosen.connect(self.open_recent)
        geometry = self._settings.value("windowGeometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        self._show_session(None)

    # -- building -----------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """A first window that fits a 1366x768 laptop, title bar and status bar included."""
        screen = self.screen().availableGeometry()
        frame = 40  # the window manager's title bar and borders, not known before showing
        self.resize(min(1366, screen.width()), min(768, screen.height() - frame))

    def _action(
        self, text: str, slot: Callable[[], object], keys: QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.safety = DocumentSafety(self, self.open_path)
        self.safety.backed_up.connect(self.status.show_backup)
        self.exports = ExportActions(self, self._settings, self.go_to)
        key = QKeySequence.StandardKey
        self.new_action = self._action("&New…", self.new_workshop, key.New)
        self.open_action = self._action("&Open…", self.open_dialog, key.Open)
        self.close_action = self._action("&Close", self.close_workshop, "Ctrl+W")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = QAction("&About Workshop App", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._show_about)
        self.shortcuts_action = self._action("&Keyboard Shortcuts", self._show_shortcuts, "Ctrl+/")
        # One undo group: Edit > Undo always acts on the open workshop's stack.
        self.undo_group = QUndoGroup(self)
        self.undo_action, self.redo_action = undo_actions(self.undo_group, self)
        # Every shortcut and command button first commits the field being edited. The filter
        # sees every event of the application (26 ms at the first show): it is installed with
        # the first workshop, when there are fields to commit, after the window has painted.
        self._commit_guard = CommitBeforeCommands(self)
        self._commit_guard_installed = False

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addActions(self.exports.actions())
        file_menu.addSeparator()
        file_menu.addActions(self.safety.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._view_menu = self.menuBar().addMenu("&View")
        self._view_menu.aboutToShow.connect(lambda: self.projector)
        self._panel_menus: list[QMenu] = []
        help_menu = self.menuBar().addMenu("&Help")
        self._help_menu_action = help_menu.menuAction()
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_mode_bar(self) -> None:
        self._mode_bar: QToolBar | None = None  # built with the first workshop shown
        self._mode_actions: dict[str, QAction] = {}

    @property
    def mode_bar(self) -> QToolBar:
        """The bar of modes on the left (made when first needed)."""
        if self._mode_bar is None:
            self._mode_bar, self._mode_actions = build_mode_bar(self, self.show_mode)
            self._mode_bar.setVisible(self.session is not None)
        return self._mode_bar

    @property
    def mode_actions(self) -> dict[str, QAction]:
        self.mode_bar  # noqa: B018 (made on first use)
        return self._mode_actions

    @property
    def projector(self) -> Projector:
        """The projector's controller and its View menu, made when first needed (after the
        window's first paint: its modules need not load before the window shows)."""
        if self._projector is None:
            self._projector = projector_controller.Projector(self, self._settings)
            self._projector.fill_menu(self._view_menu)
        return self._projector

    # -- showing the session ------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page of mode ``key`` for the open workshop."""
        return self._pages[key]

    def show_mode(self, key: str) -> None:
        """Show a mode's page; the menu bar shows that mode's menus only."""
        if key in self._pages:
            commit_pending(self.focusWidget())
            self.stack.setCurrentWidget(self._pages[key])
            self.mode_actions[key].setChecked(True)
            for mode_key, menus in self._mode_menus.items():
                for menu in menus:
                    menu.menuAction().setVisible(mode_key == key)

    def _show_session(self, session: Session | None) -> None:
        """Replace the pages of the previous workshop (already closed) with ``session``'s."""
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages = {}
        self._mode_menus = {}
        for menu in self._panel_menus:
            self.menuBar().removeAction(menu.menuAction())
            menu.deleteLater()
        self._panel_menus = []
        previous, self.session = self.session, session
        if previous is not None and previous is not session:
            previous.deleteLater()
        self.status.set_session(session)
        self.close_action.setEnabled(session is not None)
        if session is not None or self._mode_bar is not None:
            self.mode_bar.setVisible(session is not None)
        # A closed session's stack is cleared, and leaves the group when it is deleted.
        if session is None:
            self.start_page.set_recent(self.recent.paths())
            self.stack.setCurrentWidget(self.start_page)
            self.setWindowTitle(APP_NAME)
            if self._projector is not None:
                self._projector.follow(None)
            return
        session.setParent(self)
        session.changed.connect(self._on_changed)
        session.edit_failed.connect(self._edit_failed)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        keys = self.projector.keys
        for mode in MODES:
            page = mode.build(session)
            self._pages[mode.key] = page
            self.stack.addWidget(page)
            shows = getattr(page, "show_projector", None)
            if shows is not None:  # the view the chair runs the day from: keys, thumbnail
                shows(keys.actions, keys.dialog_closed, self.projector.thumbnail())
            self._mode_menus[mode.key] = self._add_panel_menus(page)
            told = getattr(page, "status_message", None)
            if told is not None:  # a page's word on what an action did
                told.connect(lambda text: self.status.showMessage(text, 15000))
        self.projector.follow(session)
        self.show_mode(MODES[0].key)
        self._update_title()

    def _add_panel_menus(self, page: QWidget) -> list[QMenu]:
        """Each panel's actions in a menu of its own, so every shortcut is shown somewhere."""
        menus = getattr(page, "menus", None)
        added: list[QMenu] = []
        if menus is None:
            return added
        for title, actions in menus():
            menu = QMenu(title, self)
            menu.addActions(actions)
            self.menuBar().insertMenu(self._help_menu_action, menu)
            self._panel_menus.append(menu)
            added.append(menu)
        return added

    def go_to(self, ref: tuple[str, str]) -> None:
        """Show a place in the workshop (a contribution, an item...) where it can be edited."""
        navigation.go_to(self, ref)

    def _show_about(self) -> None:
        dialogs.show_about(self)

    def _show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self)

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        if any(change.entity == store_changes.Entity.WORKSHOP for change in changes):
            self._update_title()

    def _edit_failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            dialogs.show_error(self, error)
        else:  # a bug: logged with its traceback by the application's hook
            sys.excepthook(type(error), error, error.__traceback__)

    def _update_title(self) -> None:
        if self.session is None:
            return
        try:
            title = self.session.workshop.get().title
        except KnownError:
            return
        read_only = " (read-only)" if self.session.readonly else ""
        self.setWindowTitle(f"{title}{read_only} — {APP_NAME}")

    # -- File menu ----------------------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """At start: open ``path``, else the most recent workshop if it can be opened."""
        if path is not None:
            self.open_path(path)
            return
        recent = self.recent.paths()
        if not recent:
            return
        try:
            session = sessions.Session.open(recent[0])
        except KnownError as error:
            self.status.showMessage(error.message, 15000)
            return
        self._adopt(session)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` instead of the current workshop; on failure say why and keep it."""
        if self.session is not None and same_file(path, self.session.path):
            return True
        try:
            session: Session | None = sessions.Session.open(path)
        except store_errors.DamagedDocument as error:
            return self.safety.offer_recovery(error)
        except (
            store_errors.ReadOnlyDocument,
            store_errors.HardLinked,
            store_errors.DiskFull,
        ) as error:  # it cannot be written, but it can be read, exported and copied
            session = open_read_only(self, path, error)
        except KnownError as error:
            dialogs.show_error(self, error)
            return False
        if session is None:
            return False
        self._adopt(session)
        return True

    def open_dialog(self) -> bool:
        path = dialogs.ask_open_path(self, self.recent.last_directory())
        return path is not None and self.open_path(path)

    def open_recent(self, path: Path) -> bool:
        if not path.is_file():
            self.recent.remove(path)
            self._fill_recent_menu()
            self.start_page.set_recent(self.recent.paths())
        return self.open_path(path)

    def new_workshop(self) -> bool:
        """Ask for a title and a file, create the workshop there and open it."""
        current = self.session.path if self.session is not None else None
        session = create_workshop(self, self.recent, current)
        if session is None:
            return False
        self._adopt(session)
        return True

    def close_workshop(self) -> None:
        """Close the open workshop (its edits are already on disk) and show the start page."""
        if self.session is None:
            return
        commit_pending(self.focusWidget())
        self.session.close()
        self._show_session(None)
        self.safety.watch(None)
        self.exports.watch(None)

    def _adopt(self, session: Session) -> None:
        """Close the current workshop and show ``session``, which is already open."""
        if self.session is not None:
            commit_pending(self.focusWidget())
            self.session.close()
        app = QApplication.instance()
        if app is not None and not self._commit_guard_installed:
            app.installEventFilter(self._commit_guard)
            self._commit_guard_installed = True
        self.recent.add(session.path)
        self._fill_recent_menu()
        self._show_session(session)
        self.safety.watch(session)
        self.exports.watch(session)
        minutes = self._pages.get("minutes")
        jump = getattr(minutes, "contribution_requested", None)
        if jump is not None:  # from a consensus point's support to the contribution
            jump.connect(lambda cid: self.go_to(("contribution", cid)))

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(
            self.recent_menu, self.recent.paths(), self.open_recent, self._clear_recent
        )

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()
        if self.session is None:
            self.start_page.set_recent([])

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("windowGeometry", self.saveGeometry())
        if self.session is not None:
            commit_pending(self.focusWidget())
            self.session.close()
            self._show_session(None)
            self.safety.watch(None)
        event.accept()
