"""Taking the pictures: every view of ``VIEWS``, in order, into a folder."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.app import configure_application
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.screenshots.minutes_views import (
    show_consensus,
    show_export,
    show_export_draft,
    show_minutes_report_back,
    show_minutes_summaries,
    show_next_steps,
)
from workshop_app.ui.screenshots.paper_views import PAPER_VIEWS
from workshop_app.ui.screenshots.prepare_views import (
    show_import,
    show_prepare_agenda,
    show_prepare_agenda_days,
    show_prepare_details,
    show_prepare_details_long,
    show_prepare_participants,
    show_prepare_participants_bulk,
    show_shortcuts,
    show_start,
)
from workshop_app.ui.screenshots.projector_views import PROJECTOR_VIEWS
from workshop_app.ui.screenshots.run_views import (
    show_run,
    show_run_breakout,
    show_run_day_2,
    show_run_edit_contribution,
    show_run_projector_thumbnail,
)
from workshop_app.ui.screenshots.scene import SIZE, Scene, SceneSkipped

VIEWS: list[tuple[str, Callable[[Scene], QWidget | None]]] = [
    ("start.png", show_start),
    ("prepare-details.png", show_prepare_details),
    ("prepare-details-long.png", show_prepare_details_long),
    ("prepare-agenda.png", show_prepare_agenda),
    ("prepare-agenda-days.png", show_prepare_agenda_days),
    ("prepare-participants.png", show_prepare_participants),
    ("prepare-participants-bulk.png", show_prepare_participants_bulk),
    ("run.png", show_run),
    ("run-edit-contribution.png", show_run_edit_contribution),
    ("run-breakout.png", show_run_breakout),
    ("run-projector-thumbnail.png", show_run_projector_thumbnail),
    ("run-day-2.png", show_run_day_2),
    ("consensus.png", show_consensus),
    ("next-steps.png", show_next_steps),
    ("minutes-summaries.png", show_minutes_summaries),
    ("export-minutes.png", show_export),
    ("export-minutes-draft.png", show_export_draft),
    ("minutes-report-back.png", show_minutes_report_back),
    ("import-participants.png", show_import),
    ("keyboard-shortcuts.png", show_shortcuts),
]
VIEWS += PROJECTOR_VIEWS
VIEWS += PAPER_VIEWS


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on, except the offscreen plugin's notes on what it cannot do."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def take_screenshots(outdir: Path) -> list[Path]:
    """Save every view of ``VIEWS`` into ``outdir``; return the files written."""
    QStandardPaths.setTestModeEnabled(True)  # leave the user's own settings and files alone
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    configure_application(app)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="workshop-screenshots-") as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(*SIZE)
        window.show()
        scene = Scene(window, folder)
        try:
            for name, show in VIEWS:
                try:
                    shown = show(scene)  # a view of its own window (the projector), or None
                except SceneSkipped as skipped:
                    print(f"skipped {name}: {skipped}")
                    continue
                # Pages of a workshop closed by an earlier view go, as they would in the app.
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
                window.resize(*SIZE)
                app.processEvents()
                path = outdir / name
                if not (shown or window).grab().save(str(path)):
                    raise RuntimeError(f"could not write {path}")
                written.append(path)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m workshop_app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    qInstallMessageHandler(_quiet_offscreen)
    for path in take_screenshots(Path(args[0])):
        print(path)
    return 0
