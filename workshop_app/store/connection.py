"""Opening and creating workshop files: checks, lock, PRAGMAs.

A file is inspected through a read-only connection before anything writes to it, so a file
that is refused (not SQLite, not ours, too new, damaged) is left byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from filelock import FileLock, Timeout
from sqlite_utils import Database

from workshop_app.errors import KnownError
from workshop_app.fileio import WriteRefused, release_temp, remove_stale_temps, temp_beside
from workshop_app.store.errors import (
    AlreadyOpen,
    DamagedDocument,
    DiskFull,
    DocumentExists,
    DocumentNotFound,
    ForeignSchema,
    HardLinked,
    IsAFolder,
    NotAWorkshop,
    NotSQLite,
    ReadOnlyDocument,
    TooNew,
    WriteFailed,
    translate_sqlite_error,
)
from workshop_app.store.schema import APPLICATION_ID, SCHEMA_VERSION, apply_migrations
from workshop_app.store.structure import schema_differences

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".workshop"
# The sidecar files SQLite keeps beside a database in WAL mode.
SIDECARS = ("-wal", "-shm", "-journal")
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def lock_path(path: Path) -> Path:
    """The hidden lock file beside a document (LibreOffice-style, gone when it is closed)."""
    return path.with_name(f".{path.name}.lock")


def acquire_lock(path: Path) -> FileLock:
    """Take the one-process-per-document lock, or raise AlreadyOpen."""
    lock = FileLock(lock_path(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise AlreadyOpen(path) from None
    except OSError as error:
        # No lock file can be made beside it: a read-only folder, medium or share.
        if isinstance(error, PermissionError) or error.errno in READ_ONLY_ERRNOS:
            raise ReadOnlyDocument(path) from None
        raise
    return lock


def release_lock(lock: FileLock) -> None:
    """Release the document lock and tidy its file away (filelock copes with a peer's unlink)."""
    lock.release()
    with contextlib.suppress(OSError):
        Path(lock.lock_file).unlink()


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _wal_without_sidecars(path: Path) -> bool:
    """A file left in WAL mode (a copy made while it was open) with no ``-wal`` beside it."""
    with open(path, "rb") as fh:
        header = fh.read(20)
    return len(header) == 20 and header[18] == 2 and not Path(f"{path}-wal").exists()


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves nothing beside the file, also on read-only media.

    A file still flagged WAL (a copy made while the app had it open) with no ``-wal`` beside
    it is whole by itself; opened normally, SQLite would create a ``-shm`` and a ``-wal``
    beside it, which a CD, a locked USB stick or a read-only share refuses ("unable to open
    database file") and which a check must not leave behind. So it is opened as immutable.
    With a ``-wal`` beside it (open in the app, or left by a crash) the WAL is read too.
    """
    if _wal_without_sidecars(path):
        return sqlite3.connect(_uri(path, "ro") + "&immutable=1", uri=True)
    return sqlite3.connect(_uri(path, "ro"), uri=True)


def inspect(path: Path) -> int:
    """Check that ``path`` is a healthy workshop this version can open; return its version.

    Reads only: the checks run on a read-only connection that is closed before returning.
    """
    if not path.exists():
        raise DocumentNotFound(path)
    if path.is_dir():
        raise IsAFolder(path)
    if not path.is_file():
        raise NotAWorkshop(path)
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotSQLite(path)
    try:
        conn = _open_readonly(path)
    except sqlite3.Error as error:
        raise DamagedDocument(path, str(error)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkshop(path)
        if version > SCHEMA_VERSION:
            raise TooNew(path, version, SCHEMA_VERSION)
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            raise DamagedDocument(path, result)
        differences = schema_differences(conn, version)
        if differences:
            raise ForeignSchema(path, differences)
        return int(version)
    except sqlite3.DatabaseError as error:
        raise DamagedDocument(path, str(error)) from None
    finally:
        conn.close()


def configure(conn: sqlite3.Connection, *, readonly: bool = False) -> Database:
    """Wrap a connection to one of our files, with the PRAGMAs every connection gets."""
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA trusted_schema = OFF")
    if not readonly:
        # WAL: readers (export, backup) never block the writer; FULL: a commit is on disk
        # when it returns, even across a power cut.
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    return db


def connect(path: Path, *, readonly: bool = False) -> Database:
    """A connection to an existing workshop file (never creates one)."""
    try:
        conn = _open_readonly(path) if readonly else sqlite3.connect(_uri(path, "rw"), uri=True)
    except sqlite3.OperationalError as error:
        if "readonly" in str(error).lower() or not os.access(path, os.W_OK):
            raise ReadOnlyDocument(path) from None
        raise DamagedDocument(path, str(error)) from None
    try:
        return configure(conn, readonly=readonly)
    except sqlite3.Error as error:
        # Opening for editing writes beside the file (the -wal and -shm): a full disk or a
        # read-only folder says so here, before anything of the document was touched.
        conn.close()
        known = translate_sqlite_error(path, error, writing=True)
        if isinstance(known, DiskFull):
            raise DiskFull(path, opening=True) from None
        raise known or DamagedDocument(path, str(error)) from None


def real_path(path: Path | str) -> Path:
    """The file itself: two names for one file (a symbolic link) are one document, one lock."""
    return Path(os.path.realpath(path))


def open_database(path: Path, *, readonly: bool = False) -> tuple[Database, FileLock | None]:
    """Inspect, lock and open an existing workshop file, upgrading its schema if it is older.

    ``path`` must already be :func:`real_path`'s answer, so that the lock and SQLite's
    ``-wal`` sit beside the file itself, whatever name it was opened by.
    """
    path = Path(path)
    if not readonly and path.is_file() and path.stat().st_nlink > 1:
        raise HardLinked(path)
    lock = None if readonly else acquire_lock(path)
    try:
        if lock is not None:
            remove_stale_temps(path)  # left by an import or upgrade that was killed
        version = inspect(path)
        if version < SCHEMA_VERSION:
            if readonly:  # read as this version reads it, the file itself left as it is
                return upgraded_in_memory(path), lock
            upgrade(path)
        return connect(path, readonly=readonly), lock
    except BaseException:
        if lock is not None:
            release_lock(lock)
        raise


def upgrade(path: Path) -> None:
    """Bring an older file to this version's schema, or leave it exactly as it was.

    The migrations run on a copy beside it (SQLite's backup API, so a ``-wal`` is included),
    which must then match this version's schema; only then does the copy replace the file.
    A step that fails leaves the original untouched, not half-upgraded.
    """
    tmp = temp_beside(path)
    try:
        try:
            _migrate_copy(path, tmp)
        except sqlite3.Error as error:
            known = translate_sqlite_error(path, error, writing=True)
            raise known or DamagedDocument(path, f"its upgrade failed: {error}") from None
        _fsync_file(tmp)
        for sidecar in SIDECARS:  # the old file's WAL is in the copy; it must not replay
            with contextlib.suppress(FileNotFoundError):
                Path(str(path) + sidecar).unlink()
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        release_temp(tmp)
        for leftover in [tmp, *(Path(str(tmp) + s) for s in SIDECARS)]:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def upgraded_in_memory(path: Path) -> Database:
    """An older file, upgraded in memory for reading (an export, a check, a read-only medium):
    the file is not touched, and nothing is written beside it."""
    target = sqlite3.connect(":memory:")
    try:
        db = _copy_upgraded(path, target)
        db.execute("PRAGMA query_only = ON")
        return db
    except sqlite3.Error as error:
        target.close()
        reason = f"it could not be read as this version reads it: {error}"
        raise DamagedDocument(path, reason) from None
    except BaseException:
        target.close()
        raise


def _migrate_copy(path: Path, tmp: Path) -> None:
    target = sqlite3.connect(str(tmp))
    try:
        db = _copy_upgraded(path, target)
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def _copy_upgraded(path: Path, target: sqlite3.Connection) -> Database:
    """``path``'s content copied into ``target`` and brought to this version's schema."""
    source = _open_readonly(path)
    try:
        source.backup(target)
    finally:
        source.close()
    db = Database(target, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA trusted_schema = OFF")
    apply_migrations(db)
    differences = schema_differences(target, SCHEMA_VERSION)
    if differences:
        raise ForeignSchema(path, differences)
    return db


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _stamp(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


@contextlib.contextmanager
def new_file(path: Path, *, overwrite: bool = False) -> Iterator[Database]:
    """Build a new workshop file at ``path``; it appears there only if the block succeeds.

    The file is written beside the target under a temporary name and moved into place at the
    end, so a failure (bad import, full disk) leaves no half-made file and, with
    ``overwrite``, leaves the old file as it was.
    """
    path = Path(path)
    if path.is_dir():
        raise IsAFolder(path)
    if path.exists() and not overwrite:
        raise DocumentExists(path)
    if not path.parent.is_dir():
        raise DocumentNotFound(path.parent)
    lock = _lock_new(path)
    tmp: Path | None = None
    try:
        remove_stale_temps(path)  # left by an import that was killed
        tmp = temp_beside(path)
        conn = sqlite3.connect(str(tmp))
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA trusted_schema = OFF")
        _stamp(db)
        apply_migrations(db)
        yield db
        # Leave the new file self-contained (no WAL beside it) before it moves into place.
        db.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        if path.exists() and not overwrite:
            raise DocumentExists(path)
        for sidecar in SIDECARS:
            # A stale WAL of a replaced file would be replayed into the new one.
            with contextlib.suppress(FileNotFoundError):
                Path(str(path) + sidecar).unlink()
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except sqlite3.Error as error:
        known = _not_written(path, error)
        if known is None:
            raise  # a bug: logged with its traceback
        raise known from error
    except OSError as error:
        if isinstance(error, KnownError):
            raise
        raise WriteRefused(path, error) from error
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        if tmp is not None:
            release_temp(tmp)
        for leftover in [] if tmp is None else [tmp, *(Path(str(tmp) + s) for s in SIDECARS)]:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        release_lock(lock)


def _lock_new(path: Path) -> FileLock:
    """The lock of a file about to be made: a folder that refuses the lock refuses the file."""
    try:
        return acquire_lock(path)
    except ReadOnlyDocument as refused:
        cause = refused.__context__
        error = cause if isinstance(cause, OSError) else OSError(errno.EROFS, "read-only")
        raise WriteRefused(path, error) from None


def _not_written(path: Path, error: sqlite3.Error) -> KnownError | None:
    """What an SQLite failure while making a new file means, in words (the disk refused it),
    or None when it is a bug."""
    known = translate_sqlite_error(path, error, writing=True)
    if isinstance(known, DiskFull):
        return WriteRefused(path, OSError(errno.ENOSPC, "full"))
    if isinstance(known, ReadOnlyDocument):
        return WriteRefused(path, OSError(errno.EROFS, "read-only"))
    if isinstance(known, WriteFailed):
        reason = "the disk did not take it (it may be full, or the file too large for it)"
        return WriteRefused(path, OSError(errno.EIO, "i/o"), reason=reason)
    return known


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
