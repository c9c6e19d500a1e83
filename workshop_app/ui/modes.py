"""The modes of the main window (Prepare, Run, Minutes) and the bar that switches them.

Each page's module is loaded only when a workshop is opened (through ``ui/loader.py``), so
the window can paint before the pages' modules (and sqlite-utils behind them) are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from workshop_app.ui.loader import deferred

if TYPE_CHECKING:
    from workshop_app.ui.minutes import minutes_page
    from workshop_app.ui.prepare import prepare_page
    from workshop_app.ui.run import run_page
    from workshop_app.ui.session import Session
else:
    minutes_page = deferred("workshop_app.ui.minutes.minutes_page")
    prepare_page = deferred("workshop_app.ui.prepare.prepare_page")
    run_page = deferred("workshop_app.ui.run.run_page")


class Mode(NamedTuple):
    """One button of the mode bar and the page it shows."""

    key: str
    label: str
    shortcut: str
    icon: str  # a QStyle.StandardPixmap name: looked up when the bar is built (see below)
    build: Callable[[Session], QWidget]  # the mode's page for an open workshop


#: The modes, in the mode bar's order: adding a mode is one line here.
MODES: list[Mode] = [
    Mode(
        "prepare",
        "&Prepare",
        "Ctrl+1",
        "SP_FileDialogDetailedView",
        lambda session: prepare_page.PreparePage(session),
    ),
    Mode("run", "&Run", "Ctrl+2", "SP_MediaPlay", lambda session: run_page.RunPage(session)),
    Mode(
        "minutes",
        "&Minutes",
        "Ctrl+3",
        "SP_FileDialogContentsView",
        lambda session: minutes_page.MinutesPage(session),
    ),
]


def build_mode_bar(window: QMainWindow, show_mode: object) -> tuple[QToolBar, dict[str, QAction]]:
    """The vertical bar of big mode buttons on the left, like an IDE's."""
    # Imported here: Shiboken builds the Python enums of QStyle and of the Qt namespace when
    # they are first touched (~12-18 ms each); the bar is only needed once a workshop is open.
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtWidgets import QStyle

    bar = QToolBar("Modes")
    bar.setObjectName("modeBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setOrientation(Qt.Orientation.Vertical)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    bar.setIconSize(QSize(32, 32))
    bar.toggleViewAction().setVisible(False)
    bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
    group = QActionGroup(window)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for mode in MODES:
        icon = window.style().standardIcon(getattr(QStyle.StandardPixmap, mode.icon))
        action = QAction(icon, mode.label, window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(mode.shortcut))
        action.setToolTip(f"{mode.label.replace('&', '')} ({mode.shortcut})")
        action.triggered.connect(lambda _checked=False, key=mode.key: show_mode(key))  # type: ignore[operator]
        group.addAction(action)
        bar.addAction(action)
        actions[mode.key] = action
    for action in actions.values():
        button = bar.widgetForAction(action)
        if button is not None:
            button.setMinimumWidth(80)
    return bar, actions
