"""Typed errors of the workshop document, each with a message in plain words."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.errors import KnownError
from workshop_app.words import plural

if TYPE_CHECKING:  # sqlite3 itself loads with the document, after the window shows
    import sqlite3


class DocumentError(KnownError):
    """Something about a workshop file stops the requested operation."""

    def __init__(self, path: Path | str, message: str, *, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.path = Path(path)


class DocumentNotFound(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"There is no file at {path}.")


class DocumentExists(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} already exists.",
            hint="Choose another name, or replace it on purpose (--force).",
        )


class NotSQLite(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path} is not a workshop file: it is not an SQLite database.")


class IsAFolder(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{path} is a folder, not a workshop file.")


class NotAWorkshop(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path, f"{path} is an SQLite database, but not a workshop file of this application."
        )


class TooNew(DocumentError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"{path} was written by a newer version of Workshop App "
            f"(document format {found}; this version reads up to {supported}).",
            hint="Install the newer version to open it; the file has not been changed.",
        )


class DamagedDocument(DocumentError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            path,
            f"{path} is damaged and cannot be opened safely{extra}.",
            hint="The file has been left as it was. Open a backup, or keep the file for recovery.",
        )


class ForeignSchema(DamagedDocument):
    """The file holds tables, triggers or views this version never wrote (they could run as code).

    A kind of damage: the recovery path, which copies data only into a fresh file, is offered.
    """

    def __init__(self, path: Path | str, differences: list[str]) -> None:
        DocumentError.__init__(
            self,
            path,
            f"{path} is not a file this version of Workshop App wrote: it holds "
            f"{_first_and_more(differences)}. It has not been opened, because such parts of a "
            "file can act on it like a program.",
            hint="The file has been left as it was. Recovery copies its data, and only its "
            "data, into a new file.",
        )
        self.differences = differences


def _first_and_more(items: list[str]) -> str:
    more = len(items) - 1
    return items[0] + (
        f" (and {plural(more, 'more difference', 'more differences')})" if more else ""
    )


class HardLinked(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} has another name on this disk (a hard link), so Workshop App will not "
            "write to it: SQLite keeps a journal beside each name, and edits made through the "
            "two names would overwrite each other. Exporting and checking it still work.",
            hint="Open a copy of it instead (a file manager's Copy makes one), or remove the "
            "other name.",
        )


class AlreadyOpen(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} is already open in another window or program.",
            hint="Switch to that window, or close the file there and try again.",
        )


class ReadOnlyDocument(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} is read-only: changes cannot be saved to it.",
            hint="Save a copy somewhere you can write to, and continue there.",
        )


class DiskFull(DocumentError):
    def __init__(self, path: Path | str, *, opening: bool = False) -> None:
        what = (
            "it cannot be opened for editing (SQLite needs a little room beside it)"
            if opening
            else "the last change was not saved"
        )
        super().__init__(
            path,
            f"The disk holding {path} is full: {what}.",
            hint="Free some space, or save a copy on another disk, then try again.",
        )


class WriteFailed(DocumentError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(path, f"The change could not be saved to {path}: {detail}.")


class NotFound(KnownError):
    """A row the caller named does not exist (deleted elsewhere, or a stale id)."""


#: SQLite's extended codes for a write that the operating system refused.
WRITE_ERRORS = (
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_IOERR_DIR_FSYNC",
    "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_SHMSIZE",
)


def translate_sqlite_error(
    path: Path | str, error: sqlite3.Error, *, writing: bool = False
) -> KnownError | None:
    """The known error an SQLite failure means, or None when it is a bug.

    ``writing``: the failure came from a write (a transaction's commit), where an I/O error
    means the disk refused the data rather than that the file is damaged.
    """
    text = str(error).lower()
    import sqlite3

    if isinstance(error, sqlite3.IntegrityError):
        return None
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(path)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDocument(path)
    if "database is locked" in text or "database table is locked" in text:
        return AlreadyOpen(path)
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(WRITE_ERRORS) or (name == "" and "disk i/o error" in text and writing):
        # EFBIG, ENOSPC, EIO while writing: the disk (or the file's size limit), not the file.
        failed = WriteFailed(
            path, "the disk did not take it (it may be full, or the file too large for it)"
        )
        failed.hint = (
            "Free some space, or save a copy on another disk (File > Save a Copy As), then "
            "try again: what you typed is kept."
        )
        return failed
    if "malformed" in text or "not a database" in text or "disk i/o error" in text:
        return DamagedDocument(path, str(error))
    return None
