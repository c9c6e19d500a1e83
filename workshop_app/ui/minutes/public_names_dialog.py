"""The workshop's anonymity settings: its public names (the organiser, the convening and
mandating bodies, which the anonymity check never reports; one name a line, confirmed once
before the first anonymous export) and its threshold k (anonymous minutes name a country,
organisation or stakeholder group only when at least k participants present share it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import ANONYMITY_K_RANGE, DEFAULT_ANONYMITY_K
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

    def threshold(self) -> int:
        """The workshop's k."""
        ...

    def save(self, names: list[str], anonymity_k: int | None = None) -> bool:
        """Store ``names`` (confirming them) and k, as one undoable edit; False if refused."""
        ...


class PublicNamesDialog(QDialog):
    """Edits the list of public names as text, one name a line."""

    def __init__(
        self,
        names: Sequence[str],
        anonymity_k: int = DEFAULT_ANONYMITY_K,
        *,
        confirming: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Confirm Public Names" if confirming else "Public Names")
        intro = QLabel(CONFIRM if confirming else EXPLAIN)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(names))
        self.editor.setAccessibleName("Public names, one a line")
        intro.setBuddy(self.editor)
        self.threshold = QSpinBox()
        self.threshold.setRange(*ANONYMITY_K_RANGE)
        self.threshold.setValue(anonymity_k)
        self.threshold.setAccessibleName("Fewest participants who may share what is named")
        before = QLabel("Name a country, organisation or group only when &at least")
        before.setBuddy(self.threshold)
        after = QLabel("participants present share it.")
        row = QHBoxLayout()
        for widget in (before, self.threshold, after):
            row.addWidget(widget)
        row.addStretch(1)
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
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def names(self) -> list[str]:
        """The lines typed, trimmed, blank ones left out."""
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]


def edit_public_names(
    parent: QWidget | None,
    names: Sequence[str],
    anonymity_k: int = DEFAULT_ANONYMITY_K,
    *,
    confirming: bool = False,
) -> tuple[list[str], int] | None:
    """The names and the threshold the user saved (or confirmed), or None if they cancelled."""
    dialog = PublicNamesDialog(names, anonymity_k, confirming=confirming, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.names(), dialog.threshold.value()
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

    def threshold(self) -> int:
        return self._session.workshop.get().anonymity_k

    def save(self, names: list[str], anonymity_k: int | None = None) -> bool:
        return self._edits.set_public_names(names, anonymity_k)
