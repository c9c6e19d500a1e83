"""The owner of a next step typed in part (walkthrough: "rusu" then Return kept "rusu")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import Participant
from workshop_app.ui.minutes.next_step_dialog import NextStepDialog

PEOPLE = [
    Participant("p1", "Natalia Rusu", organisation="Bureau for Migration, Moldova"),
    Participant("p2", "Tomás Reinholt", organisation="MIEUX Programme"),
    Participant("p3", "Léa Marchand", organisation="MIEUX Programme"),
]


@pytest.mark.parametrize(
    ("typed", "owner", "participant"),
    [
        ("rusu", "Natalia Rusu", "p1"),  # part of one name: that person
        ("tomas", "Tomás Reinholt", "p2"),  # accents aside
        ("MIEUX", "MIEUX", None),  # two people's organisation: stays the text typed
        ("The secretariat", "The secretariat", None),  # nobody's: free text
    ],
)
def test_part_of_one_name_is_that_person(
    qtbot: QtBot, typed: str, owner: str, participant: str | None
) -> None:
    dialog = NextStepDialog(None, PEOPLE, [], None, QDate(2017, 9, 21))
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Circulate the minutes.")
    dialog.owner.setEditText(typed)
    step = dialog.next_step()
    assert (step.owner, step.owner_participant_id) == (owner, participant)
