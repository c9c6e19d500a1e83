"""One cold start, as a fresh process: prints a line ``paint`` the moment the main window is
first painted and, for the app, a line ``shown SECONDS`` once the workshop is painted in it
(seconds from this script's start; the parent times the first line itself).

``app FILE`` starts Workshop App on FILE the way ``workshop-app FILE`` does; ``bare`` is a
PySide6 QMainWindow with one label (the floor the app is measured against).
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    done: list[str] = []

    class Paints(QObject):
        """Notes the first paint, and the first paint once the workshop is open."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if not done:
                done.append("paint")
                print("paint", flush=True)
            opened = getattr(watched, "session", None) is not None
            if sys.argv[1] == "bare" or (opened and len(done) == 1):
                done.append("shown")
                print(f"shown {time.perf_counter() - START:.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    paints = Paints()
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Workshop"))
        window.installEventFilter(paints)
        window.resize(1366, 768)
        window.show()
    else:
        from pathlib import Path

        from workshop_app.app import configure_application, open_after_first_paint
        from workshop_app.ui.main_window import MainWindow

        configure_application(app)
        main_window = MainWindow()
        main_window.installEventFilter(paints)
        main_window.resize(1366, 768)
        open_after_first_paint(main_window, Path(sys.argv[2]))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
