"""The File menu's questions: a new workshop's title and file, and the Open Recent list."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from workshop_app.errors import KnownError
from workshop_app.ui.loader import deferred
from workshop_app.ui.recent import RecentFiles

if TYPE_CHECKING:
    from workshop_app.domain import model
    from workshop_app.ui import dialogs
    from workshop_app.ui import session as sessions
    from workshop_app.ui.session import Session
else:  # loaded when a command runs (see ui/loader.py): the window paints first
    model = deferred("workshop_app.domain.model")
    dialogs = deferred("workshop_app.ui.dialogs")
    sessions = deferred("workshop_app.ui.session")


def suggested_file_name(title: str) -> str:
    """A file name for a new workshop, from its title: "European Conversation.workshop"."""
    stem = re.sub(r"[^\w\- ]+", " ", title, flags=re.UNICODE)
    stem = re.sub(r"\s+", " ", stem).strip()[:60].strip()
    return f"{stem or 'Workshop'}{dialogs.WORKSHOP_SUFFIX}"


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def open_read_only(parent: QWidget, path: Path, refusal: KnownError) -> Session | None:
    """Offer to open, for reading, a file that cannot be written (a read-only medium or
    folder, a file with a second hard link): its minutes can still be exported and a copy
    saved. None when the user declines or it cannot be opened either."""
    detail = (
        f"{refusal.hint} You can open it to read it, export its minutes and save a copy "
        "(File > Save a Copy As); changes cannot be saved to it."
    )
    if not dialogs.confirm(parent, refusal.message, detail.strip(), "Open Read-Only"):
        return None
    try:
        return sessions.Session.open(path, readonly=True)
    except KnownError as error:
        dialogs.show_error(parent, error)
        return None


def create_workshop(parent: QWidget, recent: RecentFiles, current: Path | None) -> Session | None:
    """Ask for a title and a file, create the workshop there; the open session, or None."""
    title = dialogs.ask_title(parent)
    if title is None:
        return None
    if not title:
        dialogs.show_error(parent, KnownError("A workshop needs a title."))
        return None
    path = dialogs.ask_new_path(parent, recent.last_directory() / suggested_file_name(title))
    if path is None:
        return None
    if current is not None and same_file(path, current):
        dialogs.show_error(
            parent,
            KnownError(
                f"{path} is the workshop open in this window.",
                hint="Choose another name for the new workshop.",
            ),
        )
        return None
    overwrite = path.exists()
    if overwrite and not dialogs.confirm(
        parent,
        f"Replace {path.name}?",
        f"A file with this name already exists in {path.parent}. "
        "Replacing it loses everything it holds.",
        "Replace",
    ):
        return None
    try:
        return sessions.Session.create(path, model.Workshop(title=title), overwrite=overwrite)
    except KnownError as error:
        dialogs.show_error(parent, error)
        return None


def fill_recent_menu(
    menu: QMenu,
    paths: list[Path],
    open_recent: Callable[[Path], object],
    clear: Callable[[], object],
) -> None:
    """File > Open Recent: numbered entries (with mnemonics), then Clear Menu."""
    menu.clear()
    for number, path in enumerate(paths, start=1):
        name = path.name.replace("&", "&&")  # a "&" in a name is not a mnemonic
        action = menu.addAction(f"&{number} {name}" if number < 10 else f"1&0 {name}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setData(str(path))
        action.triggered.connect(lambda _checked=False, p=path: open_recent(p))
    if not paths:
        empty = menu.addAction("No recent workshops")
        empty.setEnabled(False)
    menu.addSeparator()
    clear_action = menu.addAction("&Clear Menu")
    clear_action.setEnabled(bool(paths))
    clear_action.triggered.connect(lambda _checked=False: clear())
    menu.setToolTipsVisible(True)
