"""One cold start, as a fresh process: prints the seconds from interpreter start until the
first paint of the main window. ``app FILE`` is Workshop App on FILE; ``bare`` is a PySide6
QMainWindow with one label (the floor the app is measured against)."""

from __future__ import annotations

import sys
import time

START = time.perf_counter()


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Workshop"))
    else:
        from pathlib import Path

        from workshop_app.app import configure_application
        from workshop_app.ui.main_window import MainWindow

        configure_application(app)
        window = MainWindow()
        window.open_path(Path(sys.argv[2]))

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.perf_counter() - START:.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
                watched.removeEventFilter(self)
            return False

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.resize(1366, 768)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
