"""Exports never destroy work, and their background tasks never fail unseen: driven through
the Export button on the application's own qasync loop."""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from workshop_app import bug_log, fileio
from workshop_app.domain.attribution import Attribution
from workshop_app.ui import dialogs, tasks
from workshop_app.ui.minutes import export_dialog
from workshop_app.ui.minutes.export_dialog import ExportDialog


def click_export(loop: qasync.QEventLoop, dialog: ExportDialog) -> None:
    """Press Export as the user does, and let the loop run until the work is done."""

    async def press() -> None:
        dialog.export_button.click()
        while pending := tasks.running():
            await asyncio.wait(pending)

    loop.run_until_complete(press())


def make_dialog(
    qtbot: QtBot, path: Path, settings: QSettings, attribution: Attribution
) -> ExportDialog:
    dialog = ExportDialog(path, settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(attribution.value))
    dialog.refresh_preview()
    dialog.write_anyway.setChecked(bool(dialog.findings))
    return dialog


def test_named_and_anonymous_minutes_get_names_of_their_own(
    qtbot: QtBot, demo_path: Path, settings: QSettings, app_loop: qasync.QEventLoop
) -> None:
    named = make_dialog(qtbot, demo_path, settings, Attribution.NAMED)
    assert Path(named.output.text()) == demo_path.with_name("demo-minutes-named.md")
    click_export(app_loop, named)
    anonymous = make_dialog(qtbot, demo_path, settings, Attribution.ANONYMOUS)
    assert Path(anonymous.output.text()) == demo_path.with_name("demo-minutes-anonymous.md")
    click_export(app_loop, anonymous)  # no question asked: nothing is in the way

    assert "Ingrid Solberg" in demo_path.with_name("demo-minutes-named.md").read_text()
    assert "Ingrid Solberg" not in demo_path.with_name("demo-minutes-anonymous.md").read_text()


def test_a_chosen_name_keeps_its_name_when_the_mode_changes(
    qtbot: QtBot, demo_path: Path, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo_path, settings, Attribution.NAMED)
    dialog.output.setText(str(tmp_path / "for the board.md"))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(Attribution.GROUP.value))
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert Path(dialog.output.text()) == tmp_path / "for the board.html"


def test_replacing_a_file_is_asked_and_cancel_keeps_it(
    qtbot: QtBot,
    demo_path: Path,
    settings: QSettings,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    earlier = demo_path.with_name("demo-minutes-named.md")
    earlier.write_text("The minutes as the chair corrected them by hand.\n")
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent: object, question: str, detail: str, action: str) -> bool:
        asked.append(f"{question} | {detail} | {action}")
        return next(answers)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dialog = make_dialog(qtbot, demo_path, settings, Attribution.NAMED)
    assert Path(dialog.output.text()) == earlier

    click_export(app_loop, dialog)  # Cancel
    assert earlier.read_text() == "The minutes as the chair corrected them by hand.\n"
    assert "kept" in dialog.status.text()
    assert asked[0].startswith("Replace demo-minutes-named.md?")
    assert str(demo_path.parent) in asked[0] and "Replace" in asked[0]

    click_export(app_loop, dialog)  # Replace
    assert len(asked) == 2
    assert "What can be considered a real partnership?" in earlier.read_text()
    assert dialog.status.text() == f"Written: {earlier}"


def test_a_bug_in_the_export_task_is_logged_and_said(
    qtbot: QtBot,
    demo_path: Path,
    settings: QSettings,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("the renderer fell over")

    monkeypatch.setattr(export_dialog, "export_minutes", broken)
    shown: list[Path] = []
    monkeypatch.setattr(dialogs, "show_bug", lambda _parent, log: shown.append(log))
    dialog = make_dialog(qtbot, demo_path, settings, Attribution.NAMED)

    click_export(app_loop, dialog)

    log = bug_log.log_dir() / "errors.log"
    assert shown == [log]
    assert "RuntimeError: the renderer fell over" in log.read_text()
    assert dialog.status.text().startswith("Not written")
    assert not dialog.progress.isVisible()
    assert not Path(dialog.output.text()).exists()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(errno.EPERM, "Operation not permitted"), "not allowed to write"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only disk"),
    ],
)
def test_a_refused_write_says_which_folder_and_why(
    qtbot: QtBot,
    demo_path: Path,
    settings: QSettings,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    reason: str,
) -> None:
    def refuse(src: object, _dst: object) -> None:
        raise type(error)(error.errno, error.strerror, str(src))

    monkeypatch.setattr(os, "replace", refuse)  # as a read-only folder does (root ignores chmod)
    dialog = make_dialog(qtbot, demo_path, settings, Attribution.NAMED)

    click_export(app_loop, dialog)

    text = dialog.status.text()
    assert f"could not be written in the folder {demo_path.parent.resolve()}" in text
    assert reason in text
    assert ".tmp" not in text and "Errno" not in text
    left = [p.name for p in demo_path.parent.iterdir() if not p.name.startswith("demo.workshop")]
    assert left == []  # no temporary file left behind, nothing half-written


def test_write_refused_is_known_and_still_an_os_error(tmp_path: Path) -> None:
    refused = fileio.WriteRefused(tmp_path / "x.md", OSError(errno.ENOSPC, "No space left"))
    assert isinstance(refused, OSError)
    assert (
        refused.message
        == f"x.md could not be written in the folder {tmp_path.resolve()}: the disk is full."
    )
