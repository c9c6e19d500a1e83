"""File > Export Minutes offers the spreadsheet workbook, and what it writes opens in a
spreadsheet with every sheet."""

from __future__ import annotations

import asyncio
from pathlib import Path

import openpyxl
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from workshop_app.domain.attribution import Attribution
from workshop_app.ui.minutes.export_dialog import ExportDialog


def test_the_dialog_exports_a_workbook_that_opens(
    qtbot: QtBot, demo_path: Path, settings: QSettings
) -> None:
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    labels = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert "Spreadsheet workbook (XLSX)" in labels
    dialog.format.setCurrentIndex(labels.index("Spreadsheet workbook (XLSX)"))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(Attribution.GROUP.value))
    out = Path(dialog.output.text())
    assert out == demo_path.with_name("demo-minutes-group.xlsx")  # suggested, like the others
    assert not dialog.paper.isEnabled() and not dialog.template.isEnabled()
    assert asyncio.run(dialog.export_async())
    assert dialog.status.text() == f"Written: {out}"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Contributions", "Consensus points", "Next steps", "Attendance"]
    headings = [cell.value for cell in book["Contributions"][1]]
    speakers = [row[headings.index("Attributed to")].value for row in book["Contributions"]]
    assert "a participant from European institutions" in speakers
    assert "Ingrid Solberg" not in " ".join(str(s) for s in speakers)
    # The next export of this workshop starts from the workbook again.
    again = ExportDialog(demo_path, settings)
    qtbot.addWidget(again)
    assert again.format.currentData() == "xlsx"
