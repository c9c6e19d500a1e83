"""Writing files so that they are either whole or not there, with ordinary permissions."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from workshop_app.errors import KnownError

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
    (``tempfile.mkstemp`` would make it private: 0600), so it can be renamed into place."""
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate


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


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):  # the refusal that matters is the one being raised
        tmp.unlink(missing_ok=True)
