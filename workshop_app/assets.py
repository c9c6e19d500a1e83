"""Finding the files in resources/: in the source tree, an installed wheel, a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder that holds the resources.

    A PyInstaller bundle has them at ``sys._MEIPASS/resources``; an installed wheel inside the
    package (``workshop_app/resources``); a checkout (and its editable install) at the top of
    the source tree, beside the package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    installed = PACKAGE / "resources"
    if installed.is_dir():
        return installed
    return PACKAGE.parent / "resources"


def asset(*parts: str) -> Path:
    """The path of a resource, e.g. ``asset("demo", "demo.json")``; raises if it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing from this installation: {path}")
    return path
