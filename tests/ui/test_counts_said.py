"""Small things that looked unfinished (issue 16): what the views count they say as people
would (agreed with reservations is agreed; one item is "1 item"), a dialog's title is not cut,
and the export preview keeps a label apart from its value."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tests.ui.helpers import agenda_panel
from workshop_app.domain.model import AgendaItem, ConsensusPoint, ConsensusStatus
from workshop_app.minutes import MinutesOptions
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes.export_preview import preview_html
from workshop_app.ui.run.consensus_panel import ItemConsensusPanel


def test_a_point_agreed_with_reservations_counts_as_agreed(qtbot: QtBot) -> None:
    panel = ItemConsensusPanel()
    qtbot.addWidget(panel)
    panel.show_points(
        [
            ConsensusPoint(
                "c1", "a", "Share data", status=ConsensusStatus.AGREED_WITH_RESERVATIONS
            ),
            ConsensusPoint("c2", "a", "Fund a secretariat", status=ConsensusStatus.AGREED),
            ConsensusPoint("c3", "a", "Meet yearly", status=ConsensusStatus.PROPOSED),
        ]
    )
    assert "(2 of 3 agreed)" in panel.heading.text()


def test_an_agenda_of_one_item_says_one_item(window: MainWindow, workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        doc.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    assert window.open_path(workshop_path)
    summary = agenda_panel(window).summary.text()
    assert summary.endswith("· 1 item"), summary


def _gap_after_label(html: str, label: str, value: str) -> float:
    """Pixels between the end of a label's text and the start of its value, laid out by Qt
    as the preview lays it out."""
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(860)
    layout = doc.documentLayout()
    label_block, value_block = doc.find(label).block(), doc.find(value).block()
    label_end = (
        layout.blockBoundingRect(label_block).x()
        + label_block.layout().lineAt(0).naturalTextWidth()
    )
    return layout.blockBoundingRect(value_block).x() - label_end


def test_the_export_preview_keeps_a_label_apart_from_its_value(demo_path: Path) -> None:
    html, _findings = preview_html(demo_path, MinutesOptions(), agenda=False)
    assert _gap_after_label(html, "Organiser", "MIEUX (Migration") >= 8


def test_the_new_workshop_title_bar_is_not_cut(qtbot: QtBot) -> None:
    """The window manager writes "New Workshop — Workshop App" in the title bar, which needs
    room beside its buttons; the stock input dialog was narrower than that."""
    dialog = dialogs.title_dialog(None, "European Conversation")
    qtbot.addWidget(dialog)
    dialog.show()
    bar_text = dialog.fontMetrics().horizontalAdvance("New Workshop — Workshop App")
    assert dialog.width() >= bar_text + 200
    assert dialog.textValue() == "European Conversation"
