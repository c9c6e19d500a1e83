"""The export dialog and the anonymity check (issue 18): the public names shown, edited and
confirmed once through the session; each finding with its reason; the way to the place."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.demo import demo_record
from workshop_app.domain.attribution import Attribution
from workshop_app.store import Document
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes import public_names_dialog
from workshop_app.ui.minutes.export_dialog import ExportDialog
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.prepare_page import PreparePage

PUBLIC = ["MIEUX Programme", "Rabat Process"]
#: The real dialog function (the fixtures of tests/ui replace every dialog with a failure).
REAL_EDIT = public_names_dialog.edit_public_names


@pytest.fixture
def unconfirmed(tmp_path: Path) -> Path:
    """The demo before its organiser listed the public names."""
    demo = demo_record()
    workshop = dataclasses.replace(demo.workshop, public_names=(), public_names_confirmed=False)
    path = tmp_path / "unconfirmed.workshop"
    Document.create_from_record(path, dataclasses.replace(demo, workshop=workshop)).close()
    return path


def stored_names(path: Path) -> list[Any]:
    return [row[0] for row in read_back(path, "SELECT name FROM public_names ORDER BY position")]


def confirmed(path: Path) -> bool:
    return bool(read_back(path, "SELECT public_names_confirmed FROM workshop")[0][0])


def dialog_for(window: MainWindow, qtbot: QtBot, settings: QSettings) -> ExportDialog:
    assert window.session is not None
    public = public_names_dialog.SessionPublicNames(window.session)
    dialog = ExportDialog(window.session.path, settings, public_names=public)
    qtbot.addWidget(dialog)
    return dialog


def anonymous(dialog: ExportDialog, qtbot: QtBot) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(Attribution.ANONYMOUS.value))
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: "Chatham House" in dialog.preview.toPlainText())


def test_public_names_are_shown_and_edited_through_the_session(
    window: MainWindow,
    qtbot: QtBot,
    settings: QSettings,
    unconfirmed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(unconfirmed)
    dialog = dialog_for(window, qtbot, settings)
    anonymous(dialog, qtbot)
    assert dialog.public_label.text() == "none listed (not confirmed yet)"
    assert any("MIEUX Programme: only 2 participants" in f.why for f in dialog.findings)
    asked: list[tuple[list[str], int, bool]] = []

    def edit(
        _parent: object, names: list[str], k: int, *, confirming: bool = False
    ) -> tuple[list[str], int]:
        asked.append((list(names), k, confirming))
        return PUBLIC, 3

    monkeypatch.setattr(public_names_dialog, "edit_public_names", edit)
    dialog.public_button.click()
    assert asked == [([], 3, False)]
    assert stored_names(unconfirmed) == PUBLIC and confirmed(unconfirmed)
    assert dialog.public_label.text() == "MIEUX Programme; Rabat Process"
    qtbot.waitUntil(lambda: not dialog.findings)  # the preview checked again: nothing left
    assert dialog.export_button.isEnabled()
    window.session.editor.stack.undo()  # type: ignore[union-attr]
    assert stored_names(unconfirmed) == []


def test_a_first_anonymous_export_asks_to_confirm_the_public_names(
    window: MainWindow,
    qtbot: QtBot,
    settings: QSettings,
    unconfirmed: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert window.open_path(unconfirmed)
    dialog = dialog_for(window, qtbot, settings)
    anonymous(dialog, qtbot)
    dialog.write_anyway.setChecked(True)
    out = tmp_path / "anonymous.md"
    dialog.output.setText(str(out))
    answers: list[tuple[list[str], int] | None] = [None, (PUBLIC, 3)]
    asked: list[bool] = []

    def edit(_parent: object, _names: list[str], _k: int, *, confirming: bool = False) -> Any:
        asked.append(confirming)
        return answers.pop(0)

    monkeypatch.setattr(public_names_dialog, "edit_public_names", edit)
    dialog.export_button.click()  # cancelled: nothing written, nothing stored
    assert asked == [True]
    assert "public names are to be confirmed" in dialog.status.text()
    assert not out.exists() and not confirmed(unconfirmed)
    dialog.export_button.click()  # confirmed: stored, then written
    qtbot.waitUntil(lambda: out.exists())
    assert confirmed(unconfirmed) and stored_names(unconfirmed) == PUBLIC
    assert asked == [True, True]
    again = tmp_path / "again.md"
    dialog.output.setText(str(again))
    dialog.export_button.click()  # confirmed once: not asked again
    qtbot.waitUntil(lambda: again.exists())
    assert asked == [True, True]


def test_findings_give_their_reason_and_going_to_one_keeps_the_choices(
    window: MainWindow, qtbot: QtBot, settings: QSettings, demo_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        item = doc.agenda.get("a2")
        doc.agenda.update_item("a2", title=f"{item.title} (as Cabo Verde proposed)")
    assert window.open_path(demo_path)
    dialog = dialog_for(window, qtbot, settings)
    anonymous(dialog, qtbot)
    qtbot.waitUntil(lambda: dialog.findings_list.count() > 0)
    row = dialog.findings_list.item(0)
    assert row.text().startswith("Cabo Verde: one participant from Cabo Verde was present\n")
    assert "in item 2, title" in row.text()
    with qtbot.waitSignal(dialog.edit_requested) as asked:
        dialog.findings_list.itemActivated.emit(row)
    assert asked.args[0] == ("agenda_item_details", "a2")
    again = dialog_for(window, qtbot, settings)
    assert again.attribution.currentData() == Attribution.ANONYMOUS.value
    assert again.format.currentData() == "md"
    window.go_to(asked.args[0])  # a title is edited in Prepare's agenda, not with the summary
    prepare = window.page("prepare")
    assert isinstance(prepare, PreparePage) and window.stack.currentWidget() is prepare
    agenda = prepare.panel("Agenda")
    assert isinstance(agenda, AgendaPanel)
    current = agenda.current()
    assert current is not None and current.id == "a2"


def test_the_threshold_is_set_with_the_public_names_and_undone_with_them(
    window: MainWindow,
    qtbot: QtBot,
    settings: QSettings,
    unconfirmed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real dialog: k typed in its spin box (Alt+A) is stored with the names in one edit;
    at k = 2 an organisation two participants share is no longer a finding."""
    assert window.open_path(unconfirmed)
    dialog = dialog_for(window, qtbot, settings)
    anonymous(dialog, qtbot)
    assert any("MIEUX Programme: only 2 participants" in f.why for f in dialog.findings)
    seen: list[public_names_dialog.PublicNamesDialog] = []

    def exec_(self: public_names_dialog.PublicNamesDialog) -> int:
        seen.append(self)
        assert self.threshold.value() == 3
        self.editor.setPlainText("Rabat Process")
        self.threshold.setValue(2)
        return public_names_dialog.QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(public_names_dialog.PublicNamesDialog, "exec", exec_)
    monkeypatch.setattr(public_names_dialog, "edit_public_names", REAL_EDIT)
    dialog.public_button.click()
    assert seen and seen[0].threshold.accessibleName()
    assert read_back(unconfirmed, "SELECT anonymity_k, public_names_confirmed FROM workshop") == [
        (2, 1)
    ]
    assert stored_names(unconfirmed) == ["Rabat Process"]
    qtbot.waitUntil(lambda: not any("MIEUX" in f.why for f in dialog.findings))
    window.session.editor.stack.undo()  # type: ignore[union-attr]
    assert read_back(unconfirmed, "SELECT anonymity_k FROM workshop") == [(3,)]
    assert stored_names(unconfirmed) == []
