"""The room's screen: a second top-level window showing the canvas, live.

On a screen of its own it is full screen. On the chair's screen (one laptop, or the room's
screen still mirrored) it is an ordinary window that the chair can drag to an extended
display later; it has the main window as transient parent, so that the window manager
keeps it above the main window: it opens in front, and stays there after a dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QScreen
from PySide6.QtWidgets import QWidget

from workshop_app.domain.clock import Clock
from workshop_app.domain.projector import ProjectorOptions
from workshop_app.ui.projector.canvas import ProjectorCanvas

#: The window's kind over the main window: its transient, movable, sizeable, full screen on F11.
#: No minimise button: window managers (openbox, for one) minimise a transient's parent with
#: it, and the main window would go too; Ctrl+P, P closes it, the thumbnail brings it back.
OWNED_TYPE = Qt.WindowType.Dialog
OWNED = (
    OWNED_TYPE
    | Qt.WindowType.WindowTitleHint
    | Qt.WindowType.WindowMaximizeButtonHint
    | Qt.WindowType.WindowCloseButtonHint
)


def window_frame(screen: QScreen) -> QRect:
    """Where the window goes on the chair's own screen: 16:9, over three quarters of the
    screen's free area, centred."""
    area = screen.availableGeometry()
    width = min(area.width() * 3 // 4, area.height() * 3 // 4 * 16 // 9)
    frame = QRect(0, 0, width, width * 9 // 16)
    frame.moveCenter(area.center())
    return frame


class ProjectorWindow(ProjectorCanvas):
    """What the room sees, in a window of its own. Escape leaves full screen; F11 or a
    double-click enters it again."""

    closed = Signal()
    screen_moved = Signal(str)  # the name of the screen the window is now on

    def __init__(self, clock: Clock, options: ProjectorOptions) -> None:
        super().__init__(clock, options)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # The rapporteur goes on typing in the main window while this one appears.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)

    def show_on(self, screen: QScreen, owner: QWidget | None) -> None:
        """Full screen on ``screen`` when ``owner`` is None; else a window there, kept above
        ``owner`` (the main window, on that same screen) and raised."""
        if self.isFullScreen():
            self.showNormal()
        # Over the main window, it is its transient, which the window manager keeps above it
        # (X11 names a transient only for a dialog or a tool window: a plain window with a
        # parent stayed behind); a dialog with the buttons of an ordinary window. Not when
        # full screen elsewhere: minimising the main window would take the room's screen too.
        owned = owner is not None
        if self.parentWidget() is not owner or (self.windowType() == OWNED_TYPE) != owned:
            self.setParent(owner, OWNED if owned else Qt.WindowType.Window)
        self.setScreen(screen)
        self.setGeometry(window_frame(screen))  # also where Escape from full screen goes
        if owner is None:
            # Not showFullScreen(): it activates the window once mapped, after the controller
            # has given the keyboard back to the main window (seen on X11 with two screens).
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
            self.show()
        else:
            self.show()
            self.raise_()
        handle = self.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._screen_changed, Qt.ConnectionType.UniqueConnection)

    def _screen_changed(self, screen: QScreen | None) -> None:
        if screen is not None:
            self.screen_moved.emit(screen.name())

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.toggle_full_screen()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:  # no pointer on the room's screen
            full = self.isFullScreen()
            self.setCursor(Qt.CursorShape.BlankCursor if full else Qt.CursorShape.ArrowCursor)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_ticking()
        super().closeEvent(event)
        self.closed.emit()
