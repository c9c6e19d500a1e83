"""Writing files so that they are either whole or not there, with ordinary permissions."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


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
    place: a reader sees the old file or the new one, never half of one."""
    tmp = temp_beside(target)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
