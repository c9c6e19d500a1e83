"""Writing files so that they are either whole or not there, with ordinary permissions."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from pathlib import Path
from types import ModuleType

from workshop_app.errors import KnownError

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows, where an open file cannot be removed anyway
    fcntl = None

#: Seconds a temporary file is left alone after it was last written, whoever holds it.
STALE_AFTER = 10.0
# The temporary files this process holds, each with the descriptor that holds its lock.
_HELD: dict[Path, int] = {}

#: Why a folder refused a file, in words, by errno.
_REASONS = {
    errno.EACCES: "this account is not allowed to write in that folder",
    errno.EPERM: "this account is not allowed to write in that folder",
    errno.EROFS: "it is on a read-only disk",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "that is not a folder",
    errno.EISDIR: "there is a folder of that name",
    errno.ENAMETOOLONG: "the name is too long",
}


class WriteRefused(KnownError, OSError):
    """A file could not be written: which folder, and why, in words (an OSError too, for
    the callers that catch one)."""

    def __init__(self, target: Path, error: OSError, *, reason: str = "") -> None:
        reason = reason or _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()
        folder = target.parent.resolve()
        super().__init__(
            f"{target.name} could not be written in the folder {folder}: {reason}.",
            hint="Nothing was written there, and any file of that name is as it was. "
            "Choose another folder.",
        )
        self.target = target
        self.folder = folder


def temp_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new, empty file beside ``target`` (hidden, unique), created with the user's umask
    (``tempfile.mkstemp`` would make it private: 0600), so it can be renamed into place.

    It is held (an OS lock on it) until :func:`release_temp`, so that a later
    :func:`remove_stale_temps` never takes a temporary file a live process is still writing.
    """
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        if fcntl is None:
            # Windows: an open descriptor would stop the rename into place; there, the file
            # being open (by SQLite, or by the writer) is what stops its removal.
            os.close(fd)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a file of its own: never held
            _HELD[candidate] = fd
        return candidate


def release_temp(tmp: Path) -> None:
    """Let go of a temporary file from :func:`temp_beside` (moved into place, or removed)."""
    fd = _HELD.pop(tmp, None)
    if fd is not None:
        os.close(fd)


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` that a process left when it died (an import
    killed half-way): those, with SQLite's files beside them, that no live process holds.

    One only just created may not be held yet, so those younger than STALE_AFTER stay (a
    later start removes them). Returns what was removed.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{8}}\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
            continue  # a link or a pipe of that name is nothing this app made
        tmp = Path(entry.path)
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime >= STALE_AFTER:
                removed += _remove_unheld(tmp)
    return removed


def _remove_unheld(tmp: Path) -> list[Path]:
    fd = os.open(tmp, os.O_RDONLY)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return []  # a live process is writing it
        # Elsewhere (Windows) a file another process has open cannot be removed: unlink refuses.
        removed = []
        for leftover in [tmp, *(Path(f"{tmp}{s}") for s in ("-journal", "-wal", "-shm"))]:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
        return removed
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, fsync it, then rename it into
    place: a reader sees the old file or the new one, never half of one.

    Raises WriteRefused (which folder, and why) when the folder or disk refuses it.
    """
    try:
        tmp = temp_beside(target)
    except OSError as error:
        raise WriteRefused(target, error) from error
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as error:
        _discard(tmp)
        raise WriteRefused(target, error) from error
    except BaseException:
        _discard(tmp)
        raise
    finally:
        release_temp(tmp)


def _discard(tmp: Path) -> None:
    release_temp(tmp)
    with contextlib.suppress(OSError):  # the refusal that matters is the one being raised
        tmp.unlink(missing_ok=True)
