"""The demo workshop: the seed event, built from its interchange file in resources/demo/."""

from __future__ import annotations

from pathlib import Path

from workshop_app.assets import asset
from workshop_app.domain.model import WorkshopRecord
from workshop_app.interchange import load_path
from workshop_app.store import Document

DEMO_SOURCE = ("demo", "european-conversation.json")


def demo_record() -> WorkshopRecord:
    """The demo workshop as a value (validated like any import)."""
    return load_path(asset(*DEMO_SOURCE))


def write_demo(path: Path, *, overwrite: bool = False) -> None:
    """Write the demo workshop to a new file at ``path``."""
    Document.create_from_record(path, demo_record(), overwrite=overwrite).close()
