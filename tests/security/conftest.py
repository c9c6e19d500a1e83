"""Fixtures of the security probes: Qt for the PDF renderer (one QApplication per process)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True, scope="session")
def _qt_application(qapp: QApplication) -> QApplication:
    return qapp
