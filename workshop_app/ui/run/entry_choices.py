"""Filling the entry box's and the feed filter's choices: the item's questions, the people."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from workshop_app.domain.attribution import FROM_THE_FLOOR_LABEL
from workshop_app.domain.model import GuidingQuestion, Participant

#: The filters' "any" choice.
ALL = "__all__"


def fill_questions(
    entry: QComboBox, feed_filter: QComboBox, questions: Sequence[GuidingQuestion], *, keep: bool
) -> None:
    """Q1, Q2... in both boxes (and "no particular question"); ``keep`` the choices made."""
    entry_keep, filter_keep = entry.currentData(), feed_filter.currentData()
    entry.clear()
    entry.addItem("No particular question", None)
    feed_filter.clear()
    feed_filter.addItem("All questions", ALL)
    for number, q in enumerate(questions, start=1):
        label = f"Q{number}  {q.text}"
        entry.addItem(label, q.id)
        entry.setItemData(number, q.text, Qt.ItemDataRole.ToolTipRole)
        feed_filter.addItem(label, q.id)
    feed_filter.addItem("No particular question", None)
    if keep:
        entry.setCurrentIndex(max(0, entry.findData(entry_keep)))
        feed_filter.setCurrentIndex(max(0, feed_filter.findData(filter_keep)))


def fill_speakers(
    entry: QComboBox, feed_filter: QComboBox, people: Sequence[Participant], *, keep: bool
) -> None:
    """Who can be named: "from the floor", then those present, then the others."""
    entry_keep, filter_keep = entry.currentData(), feed_filter.currentData()
    ordered = fill_speaker_choices(entry, people)
    feed_filter.clear()
    feed_filter.addItem("All speakers", ALL)
    feed_filter.addItem(FROM_THE_FLOOR_LABEL, "")
    for person in ordered:
        feed_filter.addItem(person.name, person.id)
    if keep:
        entry.setCurrentIndex(max(0, entry.findData(entry_keep)))
        feed_filter.setCurrentIndex(max(0, feed_filter.findData(filter_keep)))


def fill_speaker_choices(box: QComboBox, people: Sequence[Participant]) -> list[Participant]:
    """A speaker box's choices: "from the floor" (no id), then those present, then the
    others, each with their organisation; returns the people in that order."""
    ordered = sorted(people, key=lambda p: (not p.present, p.name.casefold()))
    box.clear()
    box.addItem(FROM_THE_FLOOR_LABEL, "")
    for person in ordered:
        org = f" — {person.organisation}" if person.organisation else ""
        box.addItem(f"{person.name}{org}", person.id)
    return ordered
