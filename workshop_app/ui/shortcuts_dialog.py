"""Help > Keyboard Shortcuts: every action with a shortcut in the window, by menu, filterable."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.words import plural

OTHER = "Other"
SUBMENU = " › "


class ShortcutEntry(NamedTuple):
    """One line of the list: (group, action_text, shortcut_text)."""

    group: str
    action_text: str
    shortcut_text: str

    def matches(self, text: str) -> bool:
        """Whether ``text`` (any case) is in the group, the action or the shortcut."""
        needle = text.strip().casefold()
        return not needle or any(
            needle in part.casefold() for part in (self.group, self.action_text, self.shortcut_text)
        )


def plain_text(text: str) -> str:
    """A menu text as shown: "&Open…" → "Open…", "Q&&A" → "Q&A"; tab-separated hints dropped."""
    text = text.split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    """All of an action's shortcuts in the platform's own words ("Ctrl+Shift+Z, Ctrl+Y")."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def _menu_entries(menu: QMenu, group: str, seen: set[QAction], out: list[ShortcutEntry]) -> None:
    for action in menu.actions():
        if action in seen or action.isSeparator():
            continue
        seen.add(action)
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _menu_entries(submenu, f"{group}{SUBMENU}{plain_text(action.text())}", seen, out)
            continue
        keys = shortcut_text(action)
        if keys and action.isVisible():
            out.append(ShortcutEntry(group, plain_text(action.text()), keys))


def _owner_group(owner: QWidget) -> str:
    """Where an action outside the menus lives: its tool bar's title, else the name of the
    widget it works in ("List of speakers waiting"), else "Other"."""
    if isinstance(owner, QToolBar) and owner.windowTitle():
        return plain_text(owner.windowTitle())
    return owner.accessibleName() or OTHER


def collect_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Every action with a shortcut reachable from ``window``: its menus in menu bar order
    (submenus as "File › Open Recent"; also the menus of modes not shown now), then the
    actions only on widgets (tool bars, panels)."""
    seen: set[QAction] = set()
    entries: list[ShortcutEntry] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            seen.add(top)
            _menu_entries(menu, plain_text(top.text()), seen, entries)
    owners: list[QWidget] = [window, *window.findChildren(QWidget)]
    for owner in owners:
        if isinstance(owner, QMenu):
            continue  # a menu's actions were listed above, or it is not reachable
        for action in owner.actions():
            if action in seen or action.isSeparator():
                continue
            seen.add(action)
            keys = shortcut_text(action)
            if keys and action.isVisible():
                entries.append(ShortcutEntry(_owner_group(owner), plain_text(action.text()), keys))
    return entries


class ShortcutsDialog(QDialog):
    """The window's shortcuts, grouped by menu, with a filter box."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.entries = collect_shortcuts(window)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutFilter")
        self.filter.setPlaceholderText("Action, menu or key")
        self.filter.setClearButtonEnabled(True)
        label = QLabel("&Filter:")
        label.setBuddy(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutTree")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.resize(480, 560)
        self.apply_filter("")

    def apply_filter(self, text: str) -> None:
        """Show the shortcuts matching ``text``, under their group's heading."""
        self.tree.clear()
        shown = [entry for entry in self.entries if entry.matches(text)]
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in shown:
            heading = groups.get(entry.group)
            if heading is None:
                heading = QTreeWidgetItem(self.tree, [entry.group])
                heading.setFirstColumnSpanned(True)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                groups[entry.group] = heading
            QTreeWidgetItem(heading, [entry.action_text, entry.shortcut_text])
        self.tree.expandAll()
        if not self.entries:
            self.status.setText("No shortcuts.")
        elif not shown:
            self.status.setText(f"No shortcut matches “{text.strip()}”.")
        else:
            every = plural(len(self.entries), "shortcut", "shortcuts")
            self.status.setText(f"{len(shown)} of {every}.")

    def visible_entries(self) -> list[tuple[str, str, str]]:
        """(group, action, shortcut) of the rows shown, in order."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(g)
            if heading is None:
                continue
            for c in range(heading.childCount()):
                child = heading.child(c)
                if child is not None:
                    rows.append((heading.text(0), child.text(0), child.text(1)))
        return rows
