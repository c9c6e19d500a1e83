"""The window paints before the heavy parts load: a fresh process that builds and shows the
main window has not imported the document, sqlite-utils, openpyxl or the dialogs yet.

Start-up time itself is measured in benchmarks/ (``make bench``); this guards what the
measure depends on, without timing anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from workshop_app.app import configure_application
from workshop_app.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
configure_application(app)
window = MainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""

LOADED_AFTER_FIRST_PAINT = (
    "sqlite3",
    "sqlite_utils",
    "openpyxl",
    "jinja2",
    "docx",
    "workshop_app.store",
    "workshop_app.store.location",
    "workshop_app.store.document",
    "workshop_app.store.changes",
    "workshop_app.ui.session",
    "workshop_app.ui.dialogs",
    "workshop_app.ui.projector",
    "workshop_app.ui.projector.controller",
    "workshop_app.bug_log",
    "workshop_app.domain.clock",
    "zoneinfo",
)


def test_the_first_window_is_shown_before_the_document_modules_load() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "workshop_app.ui.main_window" in loaded
    early = [name for name in LOADED_AFTER_FIRST_PAINT if name in loaded]
    assert early == []
