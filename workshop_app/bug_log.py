"""Logging bugs (unexpected exceptions) with their traceback to a file the user can send."""

from __future__ import annotations

import datetime
import os
import sys
import traceback
from pathlib import Path

from workshop_app import __version__


def log_dir() -> Path:
    """The per-user data folder for logs (no Qt needed, so the CLI can use it too)."""
    override = os.environ.get("WORKSHOP_APP_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "workshop-app" / "logs"


def log_bug(error: BaseException) -> Path:
    """Append ``error`` with its traceback to the bug log; return the log's path."""
    path = log_dir() / "errors.log"
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} workshop-app {__version__}\n{text}\n")
    except OSError:
        return Path("(the log could not be written)")
    return path
