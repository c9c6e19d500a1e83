"""Backups with SQLite's backup API (never a file copy of a live database), verified, rotated.

Everything here opens its own connections, so it can run on a worker thread while the app
keeps writing through the document's connection.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.fileio import release_temp, temp_beside
from workshop_app.store import connection
from workshop_app.store.errors import DamagedDocument, DocumentError, DocumentExists, WriteFailed

STAMP = "%Y%m%d-%H%M%S"
KEEP_LATEST = 10


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database into a new self-contained file at ``target`` (atomically)."""
    tmp = temp_beside(target)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            # A copy carries the WAL flag of the original: make it one file that travels alone.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        connection.inspect(tmp)  # verify: ours, readable, quick_check ok
        os.replace(tmp, target)
    except sqlite3.Error as error:
        known = _known(target, error)
        raise known from error
    finally:
        release_temp(tmp)
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _known(path: Path, error: sqlite3.Error) -> DocumentError:
    text = str(error).lower()
    if "full" in text:
        from workshop_app.store.errors import DiskFull

        return DiskFull(path)
    return WriteFailed(path, str(error))


def _read_connection(source: Path) -> sqlite3.Connection:
    """A read-only connection to a source that passes quick_check."""
    try:
        conn = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise WriteFailed(source, f"it could not be read ({error})") from None
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.Error as error:  # gone, moved, or unreadable since it was opened
        conn.close()
        raise DamagedDocument(source, str(error)) from None
    if result != "ok":
        conn.close()
        raise DamagedDocument(source, result)
    return conn


def save_copy(source: Path, target: Path, *, overwrite: bool = False) -> None:
    """File > Save a Copy As: the document as it is now, in a file of its own."""
    if target.exists() and not overwrite:
        raise DocumentExists(target)
    if target.resolve() == source.resolve():
        raise WriteFailed(target, "a copy cannot replace the file it is made from")
    conn = _read_connection(source)
    try:
        _copy(conn, target)
    finally:
        conn.close()


def make_backup(source: Path, folder: Path, now: dt.datetime) -> Path:
    """A verified backup of ``source`` in ``folder``, then the rotation; returns its path.

    Refuses (DamagedDocument) when the source fails quick_check: a backup of a damaged file
    would push a good one out of the rotation.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{source.stem}-{now:{STAMP}}.workshop"
    conn = _read_connection(source)
    try:
        _copy(conn, target)
    finally:
        conn.close()
    rotate(folder, now)
    return target


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first."""
    found = []
    for path in folder.glob("*.workshop") if folder.is_dir() else []:
        stamp = path.stem.rsplit("-", 2)
        try:
            made = dt.datetime.strptime(f"{stamp[-2]}-{stamp[-1]}", STAMP)
        except (ValueError, IndexError):
            continue
        found.append(Backup(path, made))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(folder: Path, now: dt.datetime, keep: int = KEEP_LATEST) -> list[Path]:
    """Keep the latest ``keep`` backups plus the newest of each earlier day; returns removed."""
    backups = list_backups(folder)
    kept = {b.path for b in backups[:keep]}
    days_seen: set[dt.date] = set()
    for backup in backups:  # newest first: the first of each day is that day's last
        day = backup.made_at.date()
        if day not in days_seen:
            days_seen.add(day)
            kept.add(backup.path)
    removed = [b.path for b in backups if b.path not in kept]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def restore_backup(backup: Path, target: Path, *, overwrite: bool = False) -> None:
    """Restore a backup into a new file (the backup itself stays as it is)."""
    if target.exists() and not overwrite:
        raise DocumentExists(target)
    conn = _read_connection(backup)
    try:
        _copy(conn, target)
    finally:
        conn.close()
