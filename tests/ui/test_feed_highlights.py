"""Highlights stand out in the Run view's feed (a band, a tinted background and bold words,
readable on a light and a dark palette) and the feed can show them alone (Ctrl+Shift+H)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page, type_and_record
from workshop_app.domain.model import Contribution
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.feed_model import ROW_ROLE
from workshop_app.ui.run.feed_view import HIGHLIGHT_COLOUR, tint
from workshop_app.ui.run.run_page import RunPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def with_highlights(qtbot: QtBot, window: MainWindow) -> RunPage:
    """Four contributions recorded, the 2nd and 4th highlighted with Ctrl+H in the feed."""
    session = window.session
    assert session is not None
    prepare(session)
    page = run_page(window, Clock("10:00:00"))
    window.activateWindow()
    page.next_item_action.trigger()
    for text in ("One.", "Two, to remember.", "Three.", "Four, to remember."):
        type_and_record(qtbot, page, text)
    ids = [c.id for c in session.contributions.list()]
    page.capture.select_many([ids[1], ids[3]])
    page.capture.feed.setFocus()
    qtbot.waitUntil(page.capture.feed.hasFocus)
    qtbot.keyClick(page.capture.feed, Qt.Key.Key_H, CTRL)
    page.capture.feed.clearSelection()
    return page


def shown(page: RunPage) -> list[str]:
    rows = page.capture.filter
    found = [rows.index(r, 0).data(ROW_ROLE) for r in range(rows.rowCount())]
    return [c.id for c in found if isinstance(c, Contribution)]


def test_ctrl_shift_h_shows_only_the_highlighted_contributions(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = with_highlights(qtbot, opened)
    marked = [
        r[0]
        for r in read_back(
            workshop_path, "SELECT id FROM contributions WHERE highlight ORDER BY seq"
        )
    ]
    everything = [
        r[0] for r in read_back(workshop_path, "SELECT id FROM contributions ORDER BY seq")
    ]
    assert len(marked) == 2 and shown(page) == everything
    box = page.capture.text
    box.setFocus()  # the key works while typing in the entry box
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_H, CTRL | SHIFT)
    assert shown(page) == marked
    assert page.capture.feed_panel.highlights_button.isChecked()
    type_and_record(qtbot, page, "Five, said while filtering.")  # not highlighted: not shown
    assert shown(page) == marked
    assert "5 contributions (2 shown)" in page.capture.heading.text()
    qtbot.keyClick(box, Qt.Key.Key_H, CTRL | SHIFT)
    assert len(shown(page)) == 5
    assert "shown" not in page.capture.heading.text()
    action = page.capture.feed_panel.highlights_action
    assert action in page.capture.actions_for_menu() and action.shortcut().toString()


def test_a_highlighted_row_has_a_band_and_a_tinted_background(
    qtbot: QtBot, opened: MainWindow
) -> None:
    page = with_highlights(qtbot, opened)
    feed = page.capture.feed
    image = feed.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def pixel(row: int, x: int) -> QColor:
        rect = feed.visualRect(page.capture.filter.index(row, 0))
        return image.pixelColor(round((rect.x() + x) * ratio), round(rect.center().y() * ratio))

    base = feed.palette().color(QPalette.ColorRole.Base)
    assert pixel(1, 1) == HIGHLIGHT_COLOUR  # the band down the left edge
    assert pixel(0, 1) == base  # not on an ordinary row
    assert pixel(1, feed.viewport().width() - 3) == tint(base) != base


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#1e1e1e", "#f0f0f0")])
def test_a_highlights_background_keeps_the_text_readable_on_light_and_dark(
    base: str, text: str
) -> None:
    background = tint(QColor(base))
    assert background != QColor(base)
    assert contrast(background, QColor(text)) >= 7  # WCAG AAA for body text
    assert contrast(HIGHLIGHT_COLOUR, QColor(base)) >= 1.9  # the band is seen on both
