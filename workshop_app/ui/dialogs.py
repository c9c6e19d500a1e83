"""Every dialog the UI shows, behind plain functions that tests replace with monkeypatch.

The dialogs with a module of their own are loaded when first shown. File > Export opens its
dialog from ``ui/minutes/export_actions.py``: the export dialog asks its own questions here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from workshop_app import __version__
from workshop_app.domain.clock import venue_time
from workshop_app.errors import KnownError
from workshop_app.ui.common.roomy import TextDialog
from workshop_app.ui.loader import deferred
from workshop_app.words import plural

if TYPE_CHECKING:
    from typing import Any

    from workshop_app.domain.model import (
        AgendaItem,
        BreakoutGroup,
        ConsensusPoint,
        Contribution,
        Day,
        NextStep,
        Participant,
    )
    from workshop_app.domain.runclock import Projection

    # Imported for their names only: openpyxl (behind roster_import) costs a tenth of a
    # second, and the import dialog loads it when it is used.
    from workshop_app.roster_import import ImportPlan, RawTable
    from workshop_app.store.backup import Backup
    from workshop_app.ui import shortcuts_dialog
    from workshop_app.ui.common.drafts import DraftSlot
    from workshop_app.ui.minutes import consensus_dialog, next_step_dialog
    from workshop_app.ui.prepare import groups_dialog, import_dialog
    from workshop_app.ui.run import (
        contribution_dialog,
        replan_dialog,
        search_dialog,
        take_up_dialog,
    )
    from workshop_app.ui.session import Session
else:  # loaded when first shown (see ui/loader.py)
    shortcuts_dialog = deferred("workshop_app.ui.shortcuts_dialog")
    next_step_dialog = deferred("workshop_app.ui.minutes.next_step_dialog")
    consensus_dialog = deferred("workshop_app.ui.minutes.consensus_dialog")
    import_dialog = deferred("workshop_app.ui.prepare.import_dialog")
    groups_dialog = deferred("workshop_app.ui.prepare.groups_dialog")
    replan_dialog = deferred("workshop_app.ui.run.replan_dialog")
    take_up_dialog = deferred("workshop_app.ui.run.take_up_dialog")
    search_dialog = deferred("workshop_app.ui.run.search_dialog")
    contribution_dialog = deferred("workshop_app.ui.run.contribution_dialog")

WORKSHOP_SUFFIX = ".workshop"
WORKSHOP_FILTER = "Workshops (*.workshop);;All files (*)"


def show_error(parent: QWidget | None, error: KnownError) -> None:
    """Tell the user, in plain words, why what they asked for did not happen."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Workshop App", error.message, parent=parent)
    if error.hint:
        box.setInformativeText(error.hint)
    box.exec()


def show_bug(parent: QWidget | None, log_path: Path) -> None:
    """Tell the user that something went wrong inside the application, and where the log is."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Workshop App",
        "Something went wrong inside Workshop App. Your last confirmed change is saved.",
        parent=parent,
    )
    box.setInformativeText(
        f"The details were written to {log_path}. "
        "Please send that file with a note of what you were doing."
    )
    box.exec()


def confirm(parent: QWidget | None, question: str, detail: str, action: str) -> bool:
    """Ask before something that cannot be taken back; ``action`` names the button."""
    box = QMessageBox(QMessageBox.Icon.Question, "Workshop App", question, parent=parent)
    box.setInformativeText(detail)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def title_dialog(parent: QWidget | None, suggestion: str = "") -> QInputDialog:
    """The question for a new workshop's title, wide enough for a long title and for the title
    bar, where the window manager adds the application's name ("New Workshop — Workshop App")."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("New Workshop")
    dialog.setLabelText("&Title of the workshop:")
    dialog.setTextValue(suggestion)
    bar = dialog.fontMetrics().horizontalAdvance("New Workshop — Workshop App")
    # The dialog's layout fixes its size to its contents, so the room goes to the text box.
    box = dialog.findChild(QLineEdit)
    if box is not None:
        box.setMinimumWidth(max(480, 2 * bar))
    return dialog


def ask_title(parent: QWidget | None, suggestion: str = "") -> str | None:
    """The title of a new workshop, or None when the user cancels."""
    dialog = title_dialog(parent, suggestion)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue().strip() if ok else None


def ask_new_path(parent: QWidget | None, suggestion: Path) -> Path | None:
    """Where to create a new workshop file (with the .workshop suffix), or None."""
    # The caller asks before replacing: the suffix may be added after this dialog's check.
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "New Workshop",
        str(suggestion),
        WORKSHOP_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == WORKSHOP_SUFFIX else path.with_name(path.name + WORKSHOP_SUFFIX)


def ask_open_path(parent: QWidget | None, directory: Path) -> Path | None:
    """A workshop file to open, or None."""
    name, _ = QFileDialog.getOpenFileName(parent, "Open Workshop", str(directory), WORKSHOP_FILTER)
    return Path(name) if name else None


def ask_roster_path(parent: QWidget | None) -> Path | None:
    """A registration list (CSV or Excel) to import, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Import Registration List",
        str(Path.home()),
        "Registration lists (*.csv *.txt *.tsv *.xlsx);;All files (*)",
    )
    return Path(name) if name else None


def preview_import(
    parent: QWidget | None,
    table: RawTable,
    people: Sequence[Participant],
    groups: Sequence[str],
    file_name: str,
) -> ImportPlan | None:
    """Show how a list will be imported and let the user map columns; the plan, or None."""
    dialog = import_dialog.ImportDialog(table, people, groups, file_name, parent)
    if dialog.exec() != dialog.DialogCode.Accepted:
        return None
    return dialog.plan


def edit_breakout_groups(
    parent: QWidget | None,
    item: AgendaItem,
    groups: Sequence[BreakoutGroup],
    people: Sequence[Participant],
) -> list[BreakoutGroup] | None:
    """The item's breakout groups as the user leaves them, or None if cancelled."""
    dialog = groups_dialog.BreakoutGroupsDialog(item, groups, people, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    result = dialog.groups() if accepted else None
    dialog.deleteLater()
    return result


def choose_points_to_take_up(
    parent: QWidget | None,
    offered: Sequence[tuple[str, ConsensusPoint]],
    taken: set[str],
) -> list[str] | None:
    """Which of the groups' points (group name, point) plenary takes up; None if cancelled."""
    dialog = take_up_dialog.TakeUpDialog(offered, taken, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    result = dialog.chosen() if accepted else None
    dialog.deleteLater()
    return result


def edit_text(
    parent: QWidget | None, title: str, text: str, draft: DraftSlot | None = None
) -> str | None:
    """The text after the user edited it in a dialog, or None when they cancel (what they
    typed is then kept in ``draft``, and offered back the next time)."""
    dialog = TextDialog(title, text, parent, draft)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.value()
    dialog.deleteLater()
    return value if accepted else None


def edit_contribution(
    parent: QWidget | None,
    contribution: Contribution,
    people: Sequence[Participant],
    items: Sequence[AgendaItem],
    draft: DraftSlot | None = None,
) -> dict[str, Any] | None:
    """The fields of a contribution the user changed (text, speaker, kind, item, question,
    highlight), or None when they cancel (the text typed is then kept in ``draft``)."""
    dialog = contribution_dialog.ContributionDialog(contribution, people, items, parent, draft)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    changes = dialog.changes() if accepted else None
    dialog.deleteLater()
    return changes


def ask_speaker(parent: QWidget | None, count: int, people: Sequence[Participant]) -> str | None:
    """Who said ``count`` contributions: a participant's id, "" for the floor, None (cancel)."""
    dialog = contribution_dialog.SpeakerDialog(count, people, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = (dialog.chosen() or "") if accepted else None
    dialog.deleteLater()
    return chosen


def ask_replan(
    parent: QWidget | None,
    items: Sequence[AgendaItem],
    projection: Projection,
    day: Day,
    timezone: str | None,
    now: datetime.datetime,
) -> dict[str, int] | None:
    """New planned minutes the chair accepted for ``day``'s ``items`` ({} to keep the
    lengths), or None (cancel)."""
    dialog = replan_dialog.ReplanDialog(
        list(items), projection, day.date, day.start_time, timezone, now, parent
    )
    if dialog.exec() != dialog.DialogCode.Accepted:
        return None
    return dialog.result_minutes()


def search_workshop(parent: QWidget | None, session: Session) -> str | None:
    """Search every contribution; the id of the one the user jumped to, or None."""
    dialog = search_dialog.SearchDialog(session, parent)
    chosen: list[str] = []
    dialog.jump_requested.connect(chosen.append)
    dialog.exec()
    dialog.deleteLater()
    return chosen[-1] if chosen else None


def show_shortcuts(window: QMainWindow) -> None:
    """Every action that has a shortcut, by menu (Help > Keyboard Shortcuts)."""
    dialog = shortcuts_dialog.ShortcutsDialog(window)
    dialog.exec()
    dialog.deleteLater()


def edit_consensus_point(
    parent: QWidget | None,
    item: AgendaItem,
    point: ConsensusPoint | None,
    supporting: Sequence[Contribution],
    describe: dict[str, str],
    draft: DraftSlot | None = None,
) -> ConsensusPoint | None:
    """A new or edited consensus point as the user left it, or None (cancelled; the texts
    typed are kept in ``draft``)."""
    dialog = consensus_dialog.ConsensusDialog(item, point, supporting, describe, parent, draft)
    accepted = dialog.exec() == dialog.DialogCode.Accepted
    result = dialog.point() if accepted else None
    dialog.deleteLater()
    return result


def edit_next_step(
    parent: QWidget | None,
    step: NextStep | None,
    people: Sequence[Participant],
    items: Sequence[AgendaItem],
    default_item_id: str | None,
    today: datetime.date,
    draft: DraftSlot | None = None,
) -> NextStep | None:
    """A new or edited next step as the user left it, or None (cancelled; the text typed is
    kept in ``draft``)."""
    dialog = next_step_dialog.NextStepDialog(
        step,
        people,
        items,
        default_item_id,
        QDate(today.year, today.month, today.day),
        parent,
        draft,
    )
    accepted = dialog.exec() == dialog.DialogCode.Accepted
    result = dialog.next_step() if accepted else None
    dialog.deleteLater()
    return result


def warn(parent: QWidget | None, message: str, detail: str) -> None:
    """A warning the user should read before going on (nothing is wrong yet)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Workshop App", message, parent=parent)
    box.setInformativeText(detail)
    box.exec()


def choose_backup(
    parent: QWidget | None, backups: Sequence[Backup], timezone: str | None = None
) -> Backup | None:
    """One of the backups of the open workshop (newest first, their times on the clock of the
    workshop's ``timezone``), or None."""
    labels = [
        f"{venue_time(b.made_at.astimezone(), timezone):%a %d %b %Y, %H:%M:%S}"
        f"  ({b.size / 1024:.0f} KB)"
        for b in backups
    ]
    label, ok = QInputDialog.getItem(
        parent, "Restore from Backup", "&Backup to restore into a new file:", labels, 0, False
    )
    return backups[labels.index(label)] if ok and label in labels else None


def show_check_result(
    parent: QWidget | None, path: Path, findings: Sequence[str], title: str = "Check Document"
) -> None:
    """What Check Document (or a recovery) found, in words."""
    if not findings:
        text, icon = f"{path.name}: no problems found.", QMessageBox.Icon.Information
    else:
        found = plural(len(findings), "finding", "findings")
        text, icon = f"{path.name}: {found}.", QMessageBox.Icon.Warning
    if title == "Recovered":
        text, icon = f"Recovered into {path.name}.", QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    if findings:
        box.setInformativeText("\n".join(f"• {f}" for f in findings[:20]))
    box.exec()


def ask_projector_message(parent: QWidget | None, text: str) -> str | None:
    """A short text for the room's screen ("Coffee until 11:15"), or None (cancelled)."""
    value, ok = QInputDialog.getText(
        parent, "Message on the Projector", "&Message:", QLineEdit.EchoMode.Normal, text
    )
    return value.strip() if ok else None


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        "About Workshop App",
        f"<p><b>Workshop App</b> {__version__}</p>"
        "<p>Run workshop discussions and turn them into minutes, offline. "
        "Each workshop is one file that you can copy, mail and open on another laptop.</p>",
    )
