"""The chair's side of the room's screen: the options, the View menu's actions, the Ctrl+P keys
and the thumbnail (which the Run view shows), and the projector window while it is open, given
the running state after each of the session's change notifications (no polling)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from workshop_app.domain.clock import system_now
from workshop_app.domain.model import ItemStatus
from workshop_app.domain.projector import ProjectorMode, ProjectorOptions, RoomState, choose_screen
from workshop_app.store import Change, Entity
from workshop_app.ui.loader import deferred
from workshop_app.ui.projector.controls import ProjectorControls

# Loaded when the projector or its thumbnail is first shown.
if TYPE_CHECKING:
    from workshop_app.ui.projector import canvas as projector_canvas
    from workshop_app.ui.projector import thumbnail as projector_thumbnail
    from workshop_app.ui.projector import window as projector_window
    from workshop_app.ui.projector.canvas import ProjectorCanvas
    from workshop_app.ui.projector.thumbnail import ProjectorThumbnail
    from workshop_app.ui.projector.window import ProjectorWindow
    from workshop_app.ui.session import Session
else:
    projector_canvas = deferred("workshop_app.ui.projector.canvas")
    projector_thumbnail = deferred("workshop_app.ui.projector.thumbnail")
    projector_window = deferred("workshop_app.ui.projector.window")

#: What the room's screen shows comes from these; contributions and next steps never reach it.
ROOM_ENTITIES = {
    Entity.WORKSHOP,
    Entity.AGENDA_ITEM,
    Entity.QUESTION,
    Entity.SPEECH,
    Entity.PARTICIPANT,
    Entity.CONSENSUS,
    Entity.DAY,
}


def read_room(session: Session) -> RoomState:
    """The running state from the session's stores, speakers by name only."""
    workshop = session.workshop.get()
    items = tuple(session.agenda.items())
    settings = session.run.settings()
    running = next((i for i in items if i.status == ItemStatus.RUNNING), None)
    names = {p.id: p.name for p in session.participants.list()}
    speaking = session.speeches.speaking(running.id) if running else None
    waiting = session.speeches.queue(running.id) if running else []
    return RoomState(
        workshop.title,
        items,
        settings.focus_question_id,
        names.get(speaking.participant_id) if speaking else None,
        tuple(names[s.participant_id] for s in waiting if s.participant_id in names),
        tuple(session.consensus.list()),
        days=tuple(session.run.days()),
        timezone=workshop.timezone,
    )


SETTINGS = "projector/"
#: The display options remembered between runs, by their QSettings key. (The mode and the
#: message are not: a new day starts on the question view.)
REMEMBERED = {
    "dark": "dark",
    "show_clock": "showClock",
    "show_queue": "showQueue",
    "show_reservations": "showReservations",
}


class Projector(QObject):
    """Owned by the main window (``chair``): one projector window at most, for the session."""

    def __init__(self, chair: QWidget, settings: QSettings) -> None:
        super().__init__(chair)
        self._chair = chair
        self._settings = settings
        defaults = ProjectorOptions()
        remembered: dict[str, Any] = {
            field: bool(settings.value(SETTINGS + key, getattr(defaults, field), type=bool))
            for field, key in REMEMBERED.items()
        }
        self.options = replace(defaults, **remembered)
        self.window: ProjectorWindow | None = None
        self._session: Session | None = None
        #: The Run view's thumbnails (one per Run page), and what they show while the window
        #: is closed: a hidden canvas of what it would show.
        self._thumbnails: list[ProjectorThumbnail] = []
        self._preview: ProjectorCanvas | None = None
        self._preview_stale = True  # the room changed while no thumbnail was shown
        #: The chair's Ctrl+P keys: its own, shown by whichever view the frame gives them to.
        self.keys = ProjectorControls(chair, self)
        self.keys.mode_requested.connect(self.set_mode)
        self.keys.part_requested.connect(self.show_part)
        self.toggle_action = self._action("&Projector Window", self._toggle, "Ctrl+P, P")
        self.dark_action = self._action("&Dark Projector", lambda on: self.update(dark=on))
        self.reservations_action = self._action(
            "Show &Reservations on the Projector", lambda on: self.update(show_reservations=on)
        )
        self.screen_menu = QMenu("Projector &Screen", chair)
        self.destroyed.connect(self.screen_menu.deleteLater)
        self.screen_menu.aboutToShow.connect(self._fill_screens)
        self.follow(None)

    def _action(self, text: str, slot: Callable[[bool], object], keys: str = "") -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def fill_menu(self, menu: QMenu) -> None:
        """The View menu's projector entries."""
        menu.addAction(self.toggle_action)
        menu.addMenu(self.screen_menu)
        menu.addSeparator()
        menu.addAction(self.dark_action)
        menu.addAction(self.reservations_action)

    def follow(self, session: Session | None) -> None:
        """Show ``session`` from now on (or none); its projector closes when it closes."""
        self.close()
        self._session = session
        if session is not None:
            session.about_to_close.connect(self.close)
            session.changed.connect(self._on_changed)
        self._sync()
        self._show_state()

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        if any(change.entity in ROOM_ENTITIES for change in changes):
            self._show_state()

    def _show_state(self) -> None:
        """Read the room for the window, and for the preview while a thumbnail shows it
        (else the preview is read when one is shown again)."""
        session = self._session
        shown: list[ProjectorCanvas] = [self.window] if self.window is not None else []
        if self._preview is not None:
            pictured = any(thumbnail.isVisible() for thumbnail in self._thumbnails)
            self._preview_stale = not pictured
            if pictured:
                shown.append(self._preview)
        if shown and session is not None and session.is_open:
            state = read_room(session)
            for canvas in shown:
                canvas.show_state(state)

    def _now(self) -> dt.datetime:
        return self._session.clock() if self._session is not None else system_now()

    # -- what it shows ------------------------------------------------------------------------

    def set_mode(self, mode: str, message: str = "") -> None:
        changes: dict[str, Any] = {"mode": ProjectorMode(mode)}
        if mode == ProjectorMode.MESSAGE:
            changes["message"] = message
        self.update(**changes)

    def show_part(self, part: str, shown: bool) -> None:
        """Show or hide the question view's ``"clock"`` or ``"queue"``."""
        self.update(**{"show_clock" if part == "clock" else "show_queue": shown})

    def update(self, **changes: Any) -> None:
        """Change options (fields of ProjectorOptions); the display ones are remembered."""
        self.options = replace(self.options, **changes)
        for field, key in REMEMBERED.items():
            if field in changes:
                self._settings.setValue(SETTINGS + key, getattr(self.options, field))
        for canvas in (self.window, self._preview):
            if canvas is not None:
                canvas.set_options(self.options)
        self._sync()

    def _sync(self) -> None:
        self.toggle_action.setEnabled(self._session is not None)
        self.toggle_action.setChecked(self.window is not None)
        self.dark_action.setChecked(self.options.dark)
        self.reservations_action.setChecked(self.options.show_reservations)
        self.keys.show_options(self.options)
        self._show_thumbnails()

    # -- the window ---------------------------------------------------------------------------

    def _toggle(self, on: bool) -> None:
        if on:
            self.open()
        else:
            self.close()

    def open(self) -> None:
        """Open (or move) the window on the chosen screen: full screen unless it is the
        chair's own, where it is a window kept above the main window."""
        if self._session is not None and self._session.is_open:
            if self.window is None:
                self.window = projector_window.ProjectorWindow(self._now, self.options)
                self.window.closed.connect(self._closed)
                self.window.screen_moved.connect(self._moved)
                self.window.repainted.connect(self._refresh_thumbnails)
                # The chair's projector shortcuts work there too, once it has been clicked.
                self.window.addActions([self.toggle_action, *self.keys.actions])
            self._show_state()
            screen = self.screen()
            chairs = screen.name() == self._chair.screen().name()
            # On the chair's screen, a window kept above the main window; else full screen.
            self.window.show_on(screen, self._chair.window() if chairs else None)
            self._chair.activateWindow()  # the rapporteur goes on typing
        self._sync()

    def show_window(self) -> None:
        """Open the window, or bring it to the front (from the Run view's thumbnail)."""
        if self.window is None:
            self.open()
            return
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.show()
        self.window.raise_()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _closed(self) -> None:
        self.window = None
        self._sync()
        self._catch_up()  # the thumbnails picture the preview again

    # -- the Run view's thumbnail -------------------------------------------------------------

    def thumbnail(self) -> QWidget:
        """A new live thumbnail of the room's screen, for a Run view to place."""
        if self._preview is None:
            self._preview = projector_canvas.ProjectorCanvas(self._now, self.options, self._chair)
            self._preview.hide()  # never shown: only painted into the thumbnails
            self.destroyed.connect(self._preview.deleteLater)
            self._preview.repainted.connect(self._refresh_thumbnails)
        thumbnail = projector_thumbnail.ProjectorThumbnail()
        thumbnail.clicked.connect(self.show_window)
        thumbnail.shown.connect(self._catch_up)
        thumbnail.destroyed.connect(lambda: self._thumbnails.remove(thumbnail))
        self._thumbnails.append(thumbnail)
        self._show_thumbnails()
        return thumbnail

    def _show_thumbnails(self) -> None:
        """Tell the thumbnails what to picture: the window, else the preview at its size."""
        source = self.window or self._preview
        if source is None:
            return
        if self._preview is not None and self.window is None:
            screen = self.screen()
            own = screen.name() == self._chair.screen().name()
            size = projector_window.window_frame(screen).size() if own else screen.size()
            if self._preview.size() != size:
                self._preview.resize(size)
                self._preview.redraw()
        mode = self.keys.mode_name(self.options.mode)
        keys = self.toggle_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for thumbnail in self._thumbnails:
            thumbnail.show_source(source, on=self.window is not None, mode=mode, keys=keys)

    def _catch_up(self) -> None:
        if self._preview_stale:
            self._show_state()

    def _refresh_thumbnails(self) -> None:
        for thumbnail in self._thumbnails:
            thumbnail.refresh()

    def screen(self) -> QScreen:
        """The screen the projector goes to (``choose_screen`` over the screens there are)."""
        screens = QGuiApplication.screens()
        chair = self._chair.screen()
        remembered = str(self._settings.value(SETTINGS + "screen", "") or "") or None
        name = choose_screen([s.name() for s in screens], chair.name(), remembered)
        return next((s for s in screens if s.name() == name), chair)

    def choose(self, name: str) -> None:
        """The chair picks a screen: it is remembered, and an open window moves there."""
        self._settings.setValue(SETTINGS + "screen", name)
        if self.window is not None:
            self.open()

    def _moved(self, name: str) -> None:
        if name != self._chair.screen().name():  # dragged onto another screen: that one
            self._settings.setValue(SETTINGS + "screen", name)

    def _fill_screens(self) -> None:
        self.screen_menu.clear()
        group = QActionGroup(self.screen_menu)
        chosen, chair = self.screen().name(), self._chair.screen().name()
        for screen in QGuiApplication.screens():
            name, size = screen.name(), screen.size()
            mine = " — the main window's" if name == chair else ""
            action = self.screen_menu.addAction(f"{name} ({size.width()}×{size.height()}){mine}")
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.setActionGroup(group)
            action.triggered.connect(lambda _c=False, n=name: self.choose(n))
