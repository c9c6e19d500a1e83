"""Fixtures of the minutes tests: the demo record, and Qt for the PDF renderer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from workshop_app.demo import demo_record
from workshop_app.domain.model import WorkshopRecord


@pytest.fixture(autouse=True, scope="session")
def _qt_application(qapp: QApplication) -> QApplication:
    """The PDF renderer needs a QGuiApplication: pytest-qt's, so only one exists per process."""
    return qapp


@pytest.fixture(scope="session")
def demo() -> WorkshopRecord:
    """The demo workshop as a value (the same record `workshop-app demo` writes)."""
    return demo_record()
