"""The GUI on a large workshop, in a fresh process: prints JSON with the seconds to open it
until the Run view is painted, the p95 of recording a contribution through the UI path, and
the p95 of editing one person in the roster (Prepare > Participants, one cell), and the peak
resident memory. ``python benchmarks/gui_probe.py FILE [--records N]``.

The roster edit is timed two ways, alternated: as the app does it (the change record names the
person: only that row is read and updated) and as it did before (the whole roster read and
reconciled), so both see the same machine state."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def main() -> int:
    import asyncio

    import qasync
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from workshop_app.app import configure_application
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.run.run_page import RunPage

    path = Path(sys.argv[1])
    records = int(sys.argv[sys.argv.index("--records") + 1]) if "--records" in sys.argv else 200
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    painted: list[float] = []

    class Paint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    # On the application's qasync loop, as in app.run_gui: background work (the backup made
    # at open) runs on a worker thread while the window goes on, as the user sees it.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    def measure() -> None:
        start = time.perf_counter()
        window.open_path(path)
        window.show_mode("run")
        page = window.page("run")
        assert isinstance(page, RunPage)
        probe = Paint()
        page.capture.feed.viewport().installEventFilter(probe)
        while not painted:
            app.processEvents()
        open_s = painted[0] - start

        timings = []
        for n in range(records):
            page.capture.text.setPlainText(f"Benchmark contribution {n}: partnership and trust")
            t0 = time.perf_counter()
            if not page.capture.record():
                raise SystemExit("recording failed")
            timings.append((time.perf_counter() - t0) * 1000)
            app.processEvents()
        timings.sort()
        roster = roster_edits(window, records)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {
                    "open_large_s": round(open_s, 3),
                    "record_p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
                    "record_median_ms": round(statistics.median(timings), 2),
                    **roster,
                    "peak_rss_mb": round(peak_kb / 1024, 1),
                }
            )
        )
        loop.stop()

    loop.call_soon(measure)
    with loop:
        loop.run_forever()
    window.close()
    return 0


def p95(timings: list[float]) -> float:
    timings = sorted(timings)
    return round(timings[max(0, int(len(timings) * 0.95) - 1)], 2)


def roster_edits(window: Any, edits: int) -> dict[str, float]:
    """Edit one cell of the roster ``edits`` times each way, alternated (see the docstring)."""
    from PySide6.QtCore import Qt

    from workshop_app.ui.prepare.prepare_page import PreparePage
    from workshop_app.ui.prepare.roster_model import COL_ORGANISATION
    from workshop_app.ui.prepare.roster_panel import RosterPanel

    window.show_mode("prepare")
    page = window.page("prepare")
    assert isinstance(page, PreparePage)
    page.show_panel("Participants")
    panel = page.panel("Participants")
    assert isinstance(panel, RosterPanel)
    model = panel.model
    row = model.rowCount() // 2
    targeted, whole = [], []
    for n in range(edits):
        for timings, full in ((targeted, False), (whole, True)):
            if full:  # the code before: every change re-read and reconciled the roster
                panel._update = lambda _ids: False  # type: ignore[method-assign]
            t0 = time.perf_counter()
            edited = model.setData(
                model.index(row, COL_ORGANISATION), f"Org {n} {full}", Qt.ItemDataRole.EditRole
            )
            timings.append((time.perf_counter() - t0) * 1000)
            if full:
                del panel._update
            if not edited:
                raise SystemExit("editing the roster failed")
    return {
        "roster_edit_p95_ms": p95(targeted),
        "roster_edit_full_reread_p95_ms": p95(whole),
        "roster_rows": model.rowCount(),
    }


if __name__ == "__main__":
    raise SystemExit(main())
