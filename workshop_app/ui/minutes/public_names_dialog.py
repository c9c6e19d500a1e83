"""The workshop's public names: the organiser, the convening and mandating bodies, which the
anonymity check never reports. One name a line; the organiser confirms the list once, before
the first anonymous export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.edits.prepare_edits import DetailsEdits

if TYPE_CHECKING:
    from workshop_app.ui.session import Session

EXPLAIN = (
    "Names that are public, not participants' identities: the organiser, and the bodies that "
    "convened or mandated the workshop (e.g. a programme, a subsidiary body). Anonymous minutes "
    "may name them. One name a line."
)
CONFIRM = (
    "Before the first anonymous export, please confirm these public names: anonymous minutes "
    "may name them, so only bodies that are public belong here, never a participant's own "
    "organisation unless it convened the workshop."
)


class PublicNames(Protocol):
    """The workshop's public names, read and saved through the session (never by the dialog)."""

    def current(self) -> tuple[tuple[str, ...], bool]:
        """The names, and whether the organiser has confirmed them."""
        ...

    def save(self, names: list[str]) -> bool:
        """Store ``names`` (confirming them), as an undoable edit; False if refused."""
        ...


class PublicNamesDialog(QDialog):
    """Edits the list of public names as text, one name a line."""

    def __init__(
        self, names: Sequence[str], *, confirming: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Confirm Public Names" if confirming else "Public Names")
        intro = QLabel(CONFIRM if confirming else EXPLAIN)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(names))
        self.editor.setAccessibleName("Public names, one a line")
        intro.setBuddy(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Confirm" if confirming else "&Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def names(self) -> list[str]:
        """The lines typed, trimmed, blank ones left out."""
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]


def edit_public_names(
    parent: QWidget | None, names: Sequence[str], *, confirming: bool = False
) -> list[str] | None:
    """The names the user saved (or confirmed), or None if they cancelled."""
    dialog = PublicNamesDialog(names, confirming=confirming, parent=parent)
    try:
        return dialog.names() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class SessionPublicNames:
    """The workshop's public names for the export dialog: read from the session's store,
    saved as an undoable edit."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._edits = DetailsEdits(session.editor, session.workshop)

    def current(self) -> tuple[tuple[str, ...], bool]:
        workshop = self._session.workshop.get()
        return workshop.public_names, workshop.public_names_confirmed

    def save(self, names: list[str]) -> bool:
        return self._edits.set_public_names(names)
