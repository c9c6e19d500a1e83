"""The list of recently opened workshops, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 10
_KEY = "recentFiles"
_DIR_KEY = "lastDirectory"


class RecentFiles:
    """The last ``MAX_RECENT`` workshops opened, newest first; files gone from disk drop out."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        """The recent files that still exist (forgetting the others)."""
        stored = self._stored()
        existing = [p for p in stored if p.is_file()]
        if existing != stored:
            self._store(existing)
        return existing

    def add(self, path: Path) -> None:
        path = path.resolve()
        self._store([path, *(p for p in self._stored() if p != path)][:MAX_RECENT])
        self._settings.setValue(_DIR_KEY, str(path.parent))

    def remove(self, path: Path) -> None:
        path = path.resolve()
        self._store([p for p in self._stored() if p != path])

    def clear(self) -> None:
        self._store([])

    def last_directory(self) -> Path:
        """Where the file dialogs start: the folder of the last file opened, or Documents."""
        value = self._settings.value(_DIR_KEY, "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def _stored(self) -> list[Path]:
        value = self._settings.value(_KEY, [])
        if isinstance(value, str):  # QSettings gives back a one-item list as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v]

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_KEY, [str(p) for p in paths])
        self._settings.sync()
