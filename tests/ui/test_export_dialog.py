"""File > Export Minutes: choices, live preview, the anonymity check, and the way back."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from workshop_app.demo import demo_record
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import AgendaItem
from workshop_app.store import Document
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes import export_actions
from workshop_app.ui.minutes.export_dialog import ExportDialog
from workshop_app.ui.run.run_page import RunPage


def choose(dialog: ExportDialog, fmt: str, attribution: Attribution) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(attribution.value))
    dialog.refresh_preview()


def test_preview_and_export_in_the_chosen_format(
    qtbot: QtBot, demo_path: Path, settings: QSettings, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    choose(dialog, "docx", Attribution.GROUP)
    preview = dialog.preview.toPlainText()
    assert "What can be considered a real partnership?" in preview
    assert "Ingrid Solberg" not in preview  # group attribution: nobody named
    out = tmp_path / "minutes.docx"
    dialog.output.setText(str(out))
    assert asyncio.run(dialog.export_async())
    assert out.read_bytes()[:2] == b"PK"
    assert "Written" in dialog.status.text()
    # The next export of this workshop starts from the same choices.
    again = ExportDialog(demo_path, settings)
    qtbot.addWidget(again)
    assert again.format.currentData() == "docx"
    assert again.attribution.currentData() == Attribution.GROUP.value


def test_anonymous_findings_block_until_written_anyway_or_edited(
    qtbot: QtBot, demo_path: Path, settings: QSettings, tmp_path: Path
) -> None:
    with Document.open(demo_path) as doc:  # one delegate came from Cabo Verde
        doc.agenda.update_item("a1", summary="Cabo Verde opened the discussion.")
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    choose(dialog, "md", Attribution.ANONYMOUS)
    assert dialog.findings_list.count() >= 1
    assert "Cabo Verde" in dialog.findings_list.item(0).text()
    assert not dialog.export_button.isEnabled()
    dialog.write_anyway.setChecked(True)
    assert dialog.export_button.isEnabled()
    out = tmp_path / "anon.md"
    dialog.output.setText(str(out))
    assert asyncio.run(dialog.export_async())
    assert out.exists()
    dialog.write_anyway.setChecked(False)
    with qtbot.waitSignal(dialog.edit_requested) as asked:
        dialog.findings_list.itemActivated.emit(dialog.findings_list.item(0))
    kind, _ident = asked.args[0]
    assert kind in {
        "agenda_item",
        "agenda_item_details",
        "contribution",
        "workshop",
        "consensus",
        "action",
    }


def test_a_finding_in_a_contribution_opens_it_in_the_run_view(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(demo_path)
    monkeypatch.setattr(export_actions, "export_minutes", lambda *_args: ("contribution", "c07"))
    window.exports.minutes_action.trigger()
    page = window.page("run")
    assert isinstance(page, RunPage)
    assert window.stack.currentWidget() is page
    assert page.viewed_item_id == "a2"
    assert [c.id for c in page.capture.selected()] == ["c07"]


def test_front_page_choices_reach_the_file_and_are_remembered(
    qtbot: QtBot, demo_path: Path, settings: QSettings, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    assert dialog.front.status.currentData() == "final"
    assert dialog.front.issued.date() == QDate.currentDate()
    assert (
        "still to be held" in dialog.front.status_note.text()
    )  # the dialog says when it is a draft
    dialog.front.status.setCurrentIndex(dialog.front.status.findData("draft"))
    dialog.front.issued.setDate(QDate(2017, 10, 6))
    dialog.front.numbered.setChecked(True)
    dialog.front.actual_times.setChecked(True)
    choose(dialog, "md", Attribution.NAMED)
    assert dialog.preview.toPlainText().startswith("DRAFT")
    out = tmp_path / "minutes.md"
    dialog.output.setText(str(out))
    assert asyncio.run(dialog.export_async())
    text = out.read_text(encoding="utf-8")
    assert text.startswith("**DRAFT**")
    assert "- **Date of issue:** 6 October 2017" in text
    assert "\n1. Since the EU launched" in text
    assert "| Planned | Item | Actual |" in text
    again = ExportDialog(demo_path, settings)
    qtbot.addWidget(again)
    assert again.front.status.currentData() == "draft"
    assert again.front.numbered.isChecked() and again.front.actual_times.isChecked()
    assert again.front.issued.date() == QDate.currentDate()  # a new export is issued today


def test_the_agenda_handout_dialog_has_no_minutes_front_page_choices(
    qtbot: QtBot, demo_path: Path, settings: QSettings
) -> None:
    dialog = ExportDialog(demo_path, settings, agenda=True)
    qtbot.addWidget(dialog)
    for widget in (
        dialog.front.status,
        dialog.front.issued,
        dialog.front.numbered,
        dialog.front.actual_times,
        dialog.owners,  # the handout has no next steps
        dialog.highlights,  # nor contributions
    ):
        assert not widget.isVisibleTo(dialog)
    assert dialog.annex.isVisibleTo(dialog)


def test_the_preview_says_why_a_final_export_is_a_draft(
    qtbot: QtBot, demo_path: Path, settings: QSettings
) -> None:
    with Document.open(demo_path) as doc:
        doc.agenda.add_item(AgendaItem("later", "Follow-up session"))
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    choose(dialog, "pdf", Attribution.NAMED)
    assert dialog.front.status.currentData() == "final"
    preview = dialog.preview.toPlainText()
    assert preview.startswith("DRAFT (items of the agenda are still to be held)")


def test_owners_of_next_steps_chosen_for_anonymous_minutes(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    # The demo before its public names are listed: its owners are private.
    demo = demo_record()
    workshop = dataclasses.replace(demo.workshop, public_names=())
    demo_path = tmp_path / "private.workshop"
    Document.create_from_record(demo_path, dataclasses.replace(demo, workshop=workshop)).close()
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QFormLayout).labelForField(dialog.owners)
    assert isinstance(label, QLabel) and "&o" in label.text()  # Alt+O, and a label
    choose(dialog, "md", Attribution.NAMED)
    assert not dialog.owners.isEnabled()  # only anonymous minutes hide owners
    choose(dialog, "md", Attribution.ANONYMOUS)
    assert dialog.owners.isEnabled()
    dialog.owners.setCurrentIndex(dialog.owners.findData("secretariat"))
    dialog.write_anyway.setChecked(True)  # the demo's own texts name an organisation
    out = tmp_path / "anon.md"
    dialog.output.setText(str(out))
    assert asyncio.run(dialog.export_async())
    text = out.read_text(encoding="utf-8")
    assert (
        "| Circulate the minutes of this conversation to all participants. | the secretariat |"
        in text
    )
    dialog.remember_choices()
    again = ExportDialog(demo_path, settings)
    qtbot.addWidget(again)
    assert again.owners.currentData() == "secretariat"
