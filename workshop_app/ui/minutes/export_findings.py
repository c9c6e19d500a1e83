"""The export dialog's anonymity side: the findings of the check (each with why, and where to
edit it) and the workshop's anonymity settings (its public names and threshold), shown and
edited through the session."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from workshop_app.minutes.identities import IdentityMatch
from workshop_app.ui.minutes import public_names_dialog
from workshop_app.words import plural

#: Where a finding's row keeps its ``ref`` (what to open to edit it).
REF_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_findings(widget: QListWidget, findings: Sequence[IdentityMatch]) -> None:
    """One row per finding: why, then where and the words around it."""
    widget.clear()
    for finding in findings:
        where = f"in {finding.where}: " if finding.where else ""
        row = QListWidgetItem(f"{finding.why}\n{where}“{finding.context}”")
        row.setData(REF_ROLE, finding.ref)
        row.setToolTip(
            "Double-click (or Enter) to go and edit it"
            if finding.ref
            else "Printed from the roster or the record: change the attribution or the roster"
        )
        widget.addItem(row)


def findings_summary(findings: Sequence[IdentityMatch]) -> str:
    return (
        f"Anonymous minutes would name participants in "
        f"{plural(len(findings), 'place', 'places')}. Open a place to edit it, or write anyway."
    )


class PublicNamesRow:
    """The public names as a line of text and the button that edits them (and k)."""

    def __init__(
        self,
        parent: QWidget,
        source: public_names_dialog.PublicNames | None,
        saved: Callable[[], None],
    ) -> None:
        self._parent = parent
        self.source = source
        self._saved = saved
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton("Edit pu&blic names…")
        self.button.setToolTip(
            "Names anonymous minutes may print (the organiser, the convening and mandating "
            "bodies), and how many participants must share what they name"
        )
        self.button.clicked.connect(lambda: self.edit())
        self.show()

    def show(self) -> None:
        if self.source is None:
            return
        names, confirmed = self.source.current()
        listed = "; ".join(names) if names else "none listed"
        self.label.setText(listed if confirmed else f"{listed} (not confirmed yet)")

    def edit(self, *, confirming: bool = False) -> bool:
        """Ask for the list (to confirm it, before a first anonymous export); True if saved."""
        if self.source is None:
            return False
        names, _confirmed = self.source.current()
        edited = public_names_dialog.edit_public_names(
            self._parent, names, self.source.threshold(), confirming=confirming
        )
        if edited is None or not self.source.save(*edited):
            return False
        self.show()
        self._saved()
        return True

    def confirmed_for(self, anonymous: bool) -> bool:
        """Before an anonymous export, the organiser confirms the public names once."""
        if not anonymous or self.source is None or self.source.current()[1]:
            return True
        return self.edit(confirming=True)
